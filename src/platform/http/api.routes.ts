import type { FastifyInstance } from 'fastify';
import { requireActor, type AppOptions } from './request-context.js';
import { buildOpenApiDocument } from './openapi.js';

/** The JSON API's own routes: who am I, and the OpenAPI description of every /api/v1 route. */
export function registerApiRoutes(app: FastifyInstance, _options: AppOptions): void {
  app.get('/api/v1/me', { preHandler: requireActor }, async (request) => ({
    user: request.actor?.user,
    grants: request.actor?.grants,
    csrfToken: request.actor?.csrfToken,
  }));
  app.get('/api/v1/openapi.json', async () => buildOpenApiDocument());
}
