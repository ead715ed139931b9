import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ROLES } from '../../core/access/roles.js';
import { requireActor } from './request-context.js';
import { buildOpenApiDocument, type ApiRoute } from './openapi.js';
import { typed } from './typed-routes.js';

/** A person as the API shows them. */
export const UserJsonSchema = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string(),
  failedLogins: z.number().int(),
  lockedUntil: z.string().nullable(),
  disabled: z.boolean(),
  createdAt: z.string(),
});

/** A role held for an agency (agencyId and agencyPath null: system administrator). */
export const GrantJsonSchema = z.object({
  role: z.enum(ROLES),
  agencyId: z.string().nullable(),
  agencyPath: z.string().nullable(),
});

const MeSchema = z.object({
  user: UserJsonSchema,
  grants: z.array(GrantJsonSchema),
  csrfToken: z.string(),
});

/** The JSON API's own routes: who am I, and the OpenAPI description of every /api/v1 route. */
export function registerApiRoutes(
  app: FastifyInstance,
  apiRoutes: () => readonly ApiRoute[],
): void {
  const api = typed(app);
  api.get(
    '/api/v1/me',
    {
      preValidation: requireActor,
      schema: {
        operationId: 'getMe',
        summary: 'The signed-in user, their roles and the CSRF token for changes',
        tags: ['auth'],
        response: { 200: MeSchema },
      },
    },
    async (request) => {
      const actor = request.actor;
      if (!actor) throw new Error('requireActor must run before this handler');
      return { user: actor.user, grants: actor.grants, csrfToken: actor.csrfToken };
    },
  );
  api.get(
    '/api/v1/openapi.json',
    {
      schema: {
        operationId: 'getOpenApi',
        summary: 'This document',
        tags: ['api'],
        response: { 200: z.record(z.string(), z.unknown()) },
      },
    },
    async () => buildOpenApiDocument(apiRoutes()),
  );
}
