import { z } from 'zod';
import type { ServiceContext } from '../../../platform/services/context.js';
import {
  createUser,
  grantRole,
  GrantRoleSchema,
  listVisibleUsers,
  NewUserSchema,
  revokeRole,
  type VisibleUser,
} from '../services/user.service.js';
import { signedIn } from '../../../platform/http/route-support.js';
import { changing, guarded } from '../../../platform/http/route-kit.js';
import { IdParams, ProblemSchema, type TypedApp } from '../../../platform/http/typed-routes.js';
import { MembershipParams, VisibleUserJson } from './users-schemas.js';

/** A user as the API lists them: the account and the roles within the caller's reach. */
function presentUser({ user, roles }: VisibleUser) {
  const shown = roles.map((r) => ({
    membershipId: r.id,
    agencyId: r.agencyId,
    agencyCode: r.agencyCode,
    role: r.role,
  }));
  return { ...user, roles: shown };
}

const tags = ['users'];

function registerUserListApi(api: TypedApp, ctx: ServiceContext): void {
  api.get(
    '/api/v1/users',
    {
      ...guarded,
      schema: {
        operationId: 'listUsers',
        summary: 'Users you may manage, with the roles in your reach',
        tags,
        response: { 200: z.object({ users: z.array(VisibleUserJson) }) },
      },
    },
    async (request) => {
      const users = await listVisibleUsers(ctx, signedIn(request));
      return { users: users.map(presentUser) };
    },
  );

  api.post(
    '/api/v1/users',
    {
      ...changing,
      schema: {
        operationId: 'createUser',
        summary: 'Create an account with its first role',
        tags,
        body: NewUserSchema,
        response: { 201: z.object({ id: z.string() }), 409: ProblemSchema },
      },
    },
    async (request, reply) => {
      const id = await createUser(ctx, signedIn(request), request.body);
      return reply.status(201).send({ id });
    },
  );
}

function registerRoleApi(api: TypedApp, ctx: ServiceContext): void {
  api.post(
    '/api/v1/users/:id/roles',
    {
      ...changing,
      schema: {
        operationId: 'grantUserRole',
        summary: 'Give a user a role at an agency',
        tags,
        params: IdParams,
        body: GrantRoleSchema,
        response: {
          201: z.object({ membershipId: z.string() }),
          404: ProblemSchema,
          409: ProblemSchema,
        },
      },
    },
    async (request, reply) => {
      const membershipId = await grantRole(ctx, signedIn(request), request.params.id, request.body);
      return reply.status(201).send({ membershipId });
    },
  );

  api.delete(
    '/api/v1/users/:id/roles/:membershipId',
    {
      ...changing,
      schema: {
        operationId: 'revokeUserRole',
        summary: 'Remove a role from a user',
        tags,
        params: MembershipParams,
        response: { 200: z.object({ ok: z.literal(true) }), 404: ProblemSchema },
      },
    },
    async (request) => {
      const { id, membershipId } = request.params;
      await revokeRole(ctx, signedIn(request), id, membershipId);
      return { ok: true as const };
    },
  );
}

/** The JSON API of users and roles under /api/v1/users. */
export function registerUserApi(api: TypedApp, ctx: ServiceContext): void {
  registerUserListApi(api, ctx);
  registerRoleApi(api, ctx);
}
