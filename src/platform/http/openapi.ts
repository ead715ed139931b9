import type { RouteOptions } from 'fastify';
import { z } from 'zod';
import { isProblemSchema, ProblemSchema } from './typed-routes.js';

/**
 * The OpenAPI 3.1 document of the JSON API, generated from the routes themselves: each /api/
 * route's zod schemas (params, querystring, body in input mode: what a client sends; responses
 * in output mode: what the server sends), its summary, tags and operationId, and the refusals
 * its guards and schemas imply.
 */

declare module 'fastify' {
  interface FastifySchema {
    summary?: string;
    description?: string;
    tags?: string[];
    operationId?: string;
  }
}

/** What the document needs to know of a route besides its schema. */
export interface ApiRoute {
  method: string;
  url: string;
  schema: RouteOptions['schema'];
  /** The route signs people in first (401 when not). */
  signedIn: boolean;
  /** The route needs the x-csrf-token header (403 without it). */
  csrf: boolean;
}

const STATUS_TEXT: Record<string, string> = {
  '200': 'OK',
  '201': 'Created',
  '204': 'No content',
  '400': 'Invalid input',
  '401': 'Not signed in',
  '403': 'Not allowed, or a change without the x-csrf-token header from /api/v1/me',
  '404': 'Not found (or not visible to the signed-in user)',
  '409': 'Conflicts with the current state',
  '413': 'Too large',
  '415': 'Type refused',
  '429': 'Too many requests',
  '500': 'Server error; nothing was saved',
};

const isZod = (value: unknown): value is z.ZodType => value instanceof z.ZodType;

type Json = Record<string, unknown>;

/** The document's named schemas (`components.schemas`), by name. */
type Components = Record<string, Json>;

/** Points every `#/$defs/<name>` reference at `#/components/schemas/<the name given>`. */
function pointRefs(node: unknown, names: ReadonlyMap<string, string>): unknown {
  if (Array.isArray(node)) return node.map((item) => pointRefs(item, names));
  if (node === null || typeof node !== 'object') return node;
  return Object.fromEntries(
    Object.entries(node).map(([key, value]) => {
      if (key !== '$ref' || typeof value !== 'string' || !value.startsWith('#/$defs/'))
        return [key, pointRefs(value, names)];
      const name = value.slice('#/$defs/'.length);
      return [key, `#/components/schemas/${names.get(name) ?? name}`];
    }),
  );
}

type Converted = Json & { $defs?: Record<string, Json> };

/**
 * The JSON Schema of a zod schema for what a client sends (`input`) or what the server sends
 * (`output`). Its named parts (zod `.meta({ id })`) go to the components, referred to by
 * `#/components/schemas/<id>`; a named part that reads differently as input is `<id>Input`.
 */
function jsonSchema(schema: z.ZodType, io: 'input' | 'output', components: Components): Json {
  const convert = (mode: 'input' | 'output') =>
    z.toJSONSchema(schema, { io: mode, unrepresentable: 'any' }) as Converted;
  const { $schema: _ignored, $defs = {}, ...rest } = convert(io);
  const outputDefs = io === 'output' ? $defs : (convert('output').$defs ?? {});
  const plain = new Map(Object.keys(outputDefs).map((name) => [name, name]));
  // a named part is <id>Input when it, or a named part it refers to, differs as input
  const names = new Map(Object.keys($defs).map((name) => [name, name]));
  for (let changed = io === 'input'; changed;) {
    changed = false;
    for (const [name, definition] of Object.entries($defs)) {
      const same =
        JSON.stringify(pointRefs(definition, names)) ===
        JSON.stringify(pointRefs(outputDefs[name], plain));
      if (!same && names.get(name) === name) {
        names.set(name, `${name}Input`);
        changed = true;
      }
    }
  }
  for (const [name, definition] of Object.entries($defs)) {
    const placed = names.get(name) ?? name;
    const value = pointRefs(definition, names) as Json;
    const held = components[placed];
    if (held && JSON.stringify(held) !== JSON.stringify(value))
      throw new Error(`two schemas are named ${name}: give them other ids`);
    components[placed] = value;
  }
  return pointRefs(rest, names) as Json;
}

function parameters(schema: unknown, where: 'path' | 'query', components: Components): Json[] {
  if (!(schema instanceof z.ZodObject)) return [];
  const object = jsonSchema(schema, 'input', components) as {
    properties?: Record<string, unknown>;
    required?: string[];
  };
  return Object.entries(object.properties ?? {}).map(([name, property]) => ({
    name,
    in: where,
    required: where === 'path' || (object.required ?? []).includes(name),
    schema: property,
  }));
}

function responses(route: ApiRoute, components: Components) {
  const problemRef = jsonSchema(ProblemSchema, 'output', components);
  const out: Record<string, unknown> = {};
  const declared = (route.schema?.response ?? {}) as Record<string, unknown>;
  for (const [status, schema] of Object.entries(declared)) {
    const problem = isProblemSchema(schema);
    out[status] = {
      description: STATUS_TEXT[status] ?? 'Answer',
      ...(isZod(schema)
        ? {
            content: {
              [problem ? 'application/problem+json' : 'application/json']: {
                schema: jsonSchema(schema, 'output', components),
              },
            },
          }
        : {}),
    };
  }
  const implied = [
    route.schema?.params || route.schema?.querystring || route.schema?.body ? '400' : null,
    route.signedIn ? '401' : null,
    route.csrf ? '403' : null,
    // a body the parser cannot take: over the size limit, or of a type it does not read
    route.schema?.body ? '413' : null,
    route.schema?.body ? '415' : null,
    '429',
    '500',
  ];
  for (const status of implied)
    if (status && !out[status])
      out[status] = {
        description: STATUS_TEXT[status],
        content: { 'application/problem+json': { schema: problemRef } },
      };
  return out;
}

const toOpenApiPath = (path: string) => path.replace(/:([A-Za-z_]+)/g, '{$1}');

/** The OpenAPI 3.1 document of the given /api/ routes. */
export function buildOpenApiDocument(routes: readonly ApiRoute[]): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  const components: Components = {};
  for (const route of routes) {
    const schema = route.schema ?? {};
    const body = schema.body;
    const path = toOpenApiPath(route.url);
    paths[path] = {
      ...(paths[path] ?? {}),
      [route.method.toLowerCase()]: {
        operationId: schema.operationId,
        summary: schema.summary,
        ...(schema.description ? { description: schema.description } : {}),
        tags: schema.tags,
        parameters: [
          ...parameters(schema.params, 'path', components),
          ...parameters(schema.querystring, 'query', components),
        ],
        ...(isZod(body)
          ? {
              requestBody: {
                required: true,
                content: { 'application/json': { schema: jsonSchema(body, 'input', components) } },
              },
            }
          : {}),
        responses: responses(route, components),
        ...(route.signedIn ? {} : { security: [] }),
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Prongsai API',
      version: '1',
      description:
        'ITA platform API. Sign in through the web page; changes need the x-csrf-token header from /api/v1/me.',
      license: { name: 'AGPL-3.0-or-later', identifier: 'AGPL-3.0-or-later' },
    },
    servers: [{ url: '/' }],
    components: {
      securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'prongsai_session' } },
      schemas: components,
    },
    security: [{ session: [] }],
    paths,
  };
}
