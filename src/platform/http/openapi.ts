import { z } from 'zod';

/** One documented API operation: its zod schemas become the OpenAPI description. */
export interface ApiOperation {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  summary: string;
  tag: string;
  body?: z.ZodType;
  query?: z.ZodObject;
  response?: z.ZodType;
}

const operations: ApiOperation[] = [
  {
    method: 'get',
    path: '/api/v1/me',
    summary: 'The signed-in user, their roles and CSRF token',
    tag: 'auth',
  },
];

/** Adds an operation to the OpenAPI description (route modules call this next to the route). */
export function describeApi(operation: ApiOperation): void {
  if (!operations.some((o) => o.method === operation.method && o.path === operation.path))
    operations.push(operation);
}

function toOpenApiPath(path: string): string {
  return path.replace(/:([A-Za-z_]+)/g, '{$1}');
}

/** The OpenAPI 3.1 document of the JSON API. */
export function buildOpenApiDocument(): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of operations) {
    const params = [...op.path.matchAll(/:([A-Za-z_]+)/g)].map((match) => ({
      name: match[1],
      in: 'path',
      required: true,
      schema: { type: 'string' },
    }));
    const query = op.query
      ? Object.keys(op.query.shape).map((name) => ({
          name,
          in: 'query',
          schema: z.toJSONSchema(op.query!.shape[name] as z.ZodType, { unrepresentable: 'any' }),
        }))
      : [];
    paths[toOpenApiPath(op.path)] = {
      ...(paths[toOpenApiPath(op.path)] ?? {}),
      [op.method]: {
        summary: op.summary,
        tags: [op.tag],
        parameters: [...params, ...query],
        ...(op.body
          ? {
              requestBody: {
                required: true,
                content: {
                  'application/json': {
                    schema: z.toJSONSchema(op.body, { unrepresentable: 'any' }),
                  },
                },
              },
            }
          : {}),
        responses: {
          '200': {
            description: 'OK',
            ...(op.response
              ? {
                  content: {
                    'application/json': {
                      schema: z.toJSONSchema(op.response, { unrepresentable: 'any' }),
                    },
                  },
                }
              : {}),
          },
          '400': { description: 'Invalid input (application/problem+json)' },
          '401': { description: 'Not signed in' },
          '403': { description: 'Not allowed, or missing x-csrf-token on a change' },
        },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Prongsai API',
      version: '1',
      description: 'ITA platform API. Changes need the x-csrf-token header from /api/v1/me.',
    },
    components: {
      securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'prongsai_session' } },
    },
    security: [{ session: [] }],
    paths,
  };
}
