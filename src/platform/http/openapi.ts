import type { RouteOptions } from 'fastify';
import { z } from 'zod';
import { ProblemSchema } from './typed-routes.js';

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

function jsonSchema(schema: z.ZodType, io: 'input' | 'output') {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' });
  return rest;
}

function parameters(schema: unknown, where: 'path' | 'query') {
  if (!(schema instanceof z.ZodObject)) return [];
  const object = jsonSchema(schema, 'input') as {
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

const problemRef = { $ref: '#/components/schemas/Problem' };

function responses(route: ApiRoute) {
  const out: Record<string, unknown> = {};
  const declared = (route.schema?.response ?? {}) as Record<string, unknown>;
  for (const [status, schema] of Object.entries(declared)) {
    const problem = schema === ProblemSchema;
    out[status] = {
      description: STATUS_TEXT[status] ?? 'Answer',
      ...(isZod(schema)
        ? {
            content: {
              [problem ? 'application/problem+json' : 'application/json']: {
                schema: problem ? problemRef : jsonSchema(schema, 'output'),
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
          ...parameters(schema.params, 'path'),
          ...parameters(schema.querystring, 'query'),
        ],
        ...(isZod(body)
          ? {
              requestBody: {
                required: true,
                content: { 'application/json': { schema: jsonSchema(body, 'input') } },
              },
            }
          : {}),
        responses: responses(route),
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
      schemas: { Problem: jsonSchema(ProblemSchema, 'output') },
    },
    security: [{ session: [] }],
    paths,
  };
}
