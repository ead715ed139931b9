import type {
  FastifyInstance,
  FastifySchemaCompiler,
  FastifySerializerCompiler,
  FastifyTypeProvider,
} from 'fastify';
import { z } from 'zod';
import { readBeDay } from '../../core/thai-calendar.js';

/**
 * Typed routes: a route declares its params, query, body and JSON responses as zod schemas in
 * `schema`, Fastify validates the input with them before the handler runs (after the
 * preValidation guards: who is signed in, the form token), the handler receives the parsed
 * values with their types, and the OpenAPI document is generated from the same schemas.
 */
export interface ZodTypeProvider extends FastifyTypeProvider {
  validator: this['schema'] extends z.ZodType ? z.output<this['schema']> : unknown;
  serializer: this['schema'] extends z.ZodType ? z.input<this['schema']> : unknown;
}

/** The same app, its routes typed by their zod schemas. */
export function typed(app: FastifyInstance) {
  return app.withTypeProvider<ZodTypeProvider>();
}

/** The app with zod-typed routes. */
export type TypedApp = ReturnType<typeof typed>;

/** Validates one part of a request with its zod schema; a refusal is the ZodError itself. */
export const zodValidatorCompiler: FastifySchemaCompiler<z.ZodType> =
  ({ schema }) =>
  (data) => {
    const result = schema.safeParse(data);
    return result.success ? { value: result.data } : { error: result.error };
  };

/** A JSON answer that does not match its documented schema: a bug of ours, never sent. */
export class ResponseSchemaMismatch extends Error {
  constructor(
    readonly url: string,
    readonly issues: z.core.$ZodIssue[],
  ) {
    super(`the response of ${url} does not match its schema: ${JSON.stringify(issues)}`);
  }
}

/**
 * Serialises a JSON answer through its response schema: what is sent is exactly what the
 * OpenAPI document promises (extra fields of a strict schema, or a wrong type, fail loudly).
 */
export const zodSerializerCompiler: FastifySerializerCompiler<z.ZodType> =
  ({ schema, url }) =>
  (data) => {
    const result = schema.safeParse(data);
    if (!result.success) throw new ResponseSchemaMismatch(url, result.error.issues);
    return JSON.stringify(result.data);
  };

/**
 * One field of a posted form or a link's query, read leniently: absent, repeated or not text
 * reads as not given (never refused), as forms were always read. The service's own schema then
 * judges the value, so a mistake comes back on the form beside its field.
 */
export const FormText = z.string().optional().catch(undefined);

/**
 * A day typed in a form as day/month/Buddhist-era year ("30/06/2569", `BeDateField`), read into
 * YYYY-MM-DD. Leniently, like `FormText`: empty reads as not given, and text that cannot be read
 * (or is already YYYY-MM-DD) is passed on as typed, so that the service's day field
 * (`dayField`) refuses it beside its field with a message saying what was typed.
 */
export const BeDate = FormText.transform((text) => {
  if (text === undefined || text.trim() === '') return undefined;
  return readBeDay(text).day ?? text.trim();
});

/** A posted form with these fields (a request without a body reads as an empty form). */
export function formOf<Shape extends Record<string, z.ZodType>>(shape: Shape) {
  return z.preprocess((body) => body ?? {}, z.object(shape));
}

/** The same, keeping the fields it does not name (forms whose field names are data). */
export function looseFormOf<Shape extends Record<string, z.ZodType>>(shape: Shape) {
  return z.preprocess((body) => body ?? {}, z.object(shape).loose());
}

/** The `:id` of a path. */
export const IdParams = z.object({ id: z.string().min(1).max(200) });

/** An RFC 9457 problem document, as every refusal of the JSON API is sent. */
export const ProblemSchema = z
  .object({
    type: z.string(),
    status: z.number().int(),
    title: z.string(),
    title_th: z.string(),
    code: z.string().optional(),
    detail: z.string().optional(),
  })
  .meta({ id: 'Problem' });

/** The problem documents of the API: the plain one and those that carry more (`problemWith`). */
const problemSchemas = new WeakSet<z.ZodType>([ProblemSchema]);

/**
 * A problem document carrying more than the plain one, e.g. the rows of an import refused whole;
 * sent and documented as `application/problem+json` like it.
 */
export function problemWith<Shape extends z.core.$ZodLooseShape>(shape: Shape) {
  const schema = ProblemSchema.extend(shape);
  problemSchemas.add(schema);
  return schema;
}

/** Whether a response schema is a problem document (answered as application/problem+json). */
export function isProblemSchema(schema: unknown): boolean {
  return schema instanceof z.ZodType && problemSchemas.has(schema);
}
