import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { buildOpenApiDocument } from './openapi.js';

/**
 * Test support: every answer of the JSON API checked against the OpenAPI document, with ajv.
 * The test app sends each request it injects through `checkApiAnswers`, so an API test fails
 * when the answer it received is one the document does not describe: an undocumented status,
 * content type or field, a missing field, a wrong type.
 */

type Json = Record<string, unknown>;

/** An answer as the checker reads it. */
export interface ApiAnswer {
  method: string;
  /** The path and query asked for. */
  url: string;
  status: number;
  /** The Content-Type header, if any. */
  contentType: string | undefined;
  body: string;
}

interface Operation {
  operationId?: string;
  responses?: Record<string, { content?: Record<string, { schema?: Json }> }>;
}

// ajv-formats is CommonJS: its default export is the module itself under some loaders
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ??
  addFormatsModule) as typeof addFormatsModule.default;

/** Where the components are found by ajv: `#/components/schemas/X` becomes `COMPONENTS#/$defs/X`. */
const COMPONENTS = 'urn:prongsai:openapi:components';

function pointAtComponents(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(pointAtComponents);
  if (node === null || typeof node !== 'object') return node;
  return Object.fromEntries(
    Object.entries(node).map(([key, value]) =>
      key === '$ref' && typeof value === 'string' && value.startsWith('#/components/schemas/')
        ? [key, `${COMPONENTS}#/$defs/${value.slice('#/components/schemas/'.length)}`]
        : [key, pointAtComponents(value)],
    ),
  );
}

const isJson = (type: string) => type === 'application/json' || type.endsWith('+json');

function describeError(error: ErrorObject): string {
  const where = error.instancePath === '' ? 'the body' : error.instancePath;
  const extra =
    error.keyword === 'additionalProperties'
      ? ` (${String(error.params.additionalProperty)})`
      : error.keyword === 'unevaluatedProperties'
        ? ` (${String(error.params.unevaluatedProperty)})`
        : '';
  return `${where} ${error.message ?? error.keyword}${extra}`;
}

/** Checks answers against one OpenAPI 3.1 document; each schema is compiled once. */
export class ApiAnswerChecker {
  private readonly ajv = new Ajv2020({ allErrors: true, strict: true });
  private readonly compiled = new Map<string, ValidateFunction>();
  private readonly paths: { pattern: RegExp; params: number; item: Record<string, Operation> }[];

  constructor(document: Json) {
    addFormats(this.ajv);
    // OpenAPI's own keywords in a schema are annotations
    this.ajv.addVocabulary(['discriminator', 'xml', 'externalDocs', 'example']);
    const components = (document.components as { schemas?: Json } | undefined)?.schemas ?? {};
    this.ajv.addSchema({ $id: COMPONENTS, $defs: pointAtComponents(components) as Json });
    this.paths = Object.entries((document.paths ?? {}) as Record<string, Record<string, Operation>>)
      .map(([path, item]) => ({
        pattern: new RegExp(
          `^${path
            .split(/\{[^}]+\}/)
            .map((part) => part.replace(/[.*+?^$()|[\]\\]/g, '\\$&'))
            .join('[^/]+')}$`,
        ),
        params: (path.match(/\{/g) ?? []).length,
        item,
      }))
      // a fixed segment wins over a parameter, as in the router
      .sort((a, b) => a.params - b.params);
  }

  /** The document's operation for a method and path, if it describes one. */
  operation(method: string, url: string): Operation | undefined {
    const path = url.split('?')[0] ?? '';
    const verb = method.toLowerCase();
    return this.paths.find((p) => p.pattern.test(path) && p.item[verb])?.item[verb];
  }

  /** What in the answer the document does not allow (empty when it describes the answer). */
  problems(answer: ApiAnswer): string[] {
    const operation = this.operation(answer.method, answer.url);
    if (!operation) return [];
    const responses = operation.responses ?? {};
    const status = String(answer.status);
    const documented = responses[status] ?? responses[`${status[0] ?? ''}XX`] ?? responses.default;
    if (!documented)
      return [
        `status ${status} is not documented (documented: ${Object.keys(responses).join(', ')})`,
      ];
    const type = (answer.contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
    if (answer.body === '') return [];
    const content = documented.content ?? {};
    const media = content[type];
    if (!media)
      return [
        `content type ${type || '(none)'} is not documented for status ${status} (documented: ${
          Object.keys(content).join(', ') || 'no body'
        })`,
      ];
    if (!isJson(type) || !media.schema) return [];
    let body: unknown;
    try {
      body = JSON.parse(answer.body);
    } catch {
      return [`the body is not JSON: ${answer.body.slice(0, 200)}`];
    }
    const key = `${answer.method} ${operation.operationId ?? answer.url} ${status} ${type}`;
    let validate = this.compiled.get(key);
    if (!validate) {
      validate = this.ajv.compile(pointAtComponents(media.schema) as Json);
      this.compiled.set(key, validate);
    }
    return validate(body) ? [] : (validate.errors ?? []).map(describeError);
  }

  /** Throws, naming the operation, status and ajv's errors, when the document does not allow the answer. */
  check(answer: ApiAnswer): void {
    const problems = this.problems(answer);
    if (problems.length === 0) return;
    const operationId = this.operation(answer.method, answer.url)?.operationId ?? '?';
    throw new Error(
      `${answer.method} ${answer.url} (${operationId}) answered ${answer.status} ${
        answer.contentType ?? ''
      }, which the OpenAPI document does not allow:\n- ${problems.join('\n- ')}\nbody: ${answer.body.slice(0, 500)}`,
    );
  }
}

/** One checker per document text: apps built alike share their compiled schemas. */
const checkers = new Map<string, ApiAnswerChecker>();

/** The checker of an app's own /api/ routes, as /api/v1/openapi.json describes them. */
export function checkerOf(app: FastifyInstance): ApiAnswerChecker {
  const document = buildOpenApiDocument(app.routeTable.filter((r) => r.url.startsWith('/api/')));
  const text = JSON.stringify(document);
  let checker = checkers.get(text);
  if (!checker) {
    checker = new ApiAnswerChecker(document);
    checkers.set(text, checker);
  }
  return checker;
}

/**
 * Makes every `app.inject` of an /api/ path check its answer against the app's OpenAPI
 * document: the promise rejects with the mismatch, failing the test that asked.
 */
export function checkApiAnswers(app: FastifyInstance): void {
  const original = app.inject.bind(app) as (...args: unknown[]) => unknown;
  let checker: ApiAnswerChecker | undefined;
  const checked = async (options: InjectOptions | string) => {
    const response = (await original(options)) as LightMyRequestResponse;
    const asked = typeof options === 'string' ? { url: options } : options;
    const url = typeof asked.url === 'string' ? asked.url : '';
    const method = (asked.method ?? 'GET').toUpperCase();
    if (url.startsWith('/api/') && method !== 'HEAD') {
      checker ??= checkerOf(app);
      const header = response.headers['content-type'];
      checker.check({
        method,
        url,
        status: response.statusCode,
        contentType: typeof header === 'string' ? header : undefined,
        body: response.body,
      });
    }
    return response;
  };
  // the chained form (no options) and the callback form are left as they were
  app.inject = ((...args: unknown[]) =>
    args.length === 1 && args[0] !== undefined
      ? checked(args[0] as InjectOptions | string)
      : original(...args)) as typeof app.inject;
}
