import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { assignableRoles, ROLES, type Role } from '../../../core/access/roles.js';
import { DomainError, type Message } from '../../../core/errors.js';
import type { Actor, ServiceContext } from '../../../platform/services/context.js';
import {
  createUser,
  getVisibleUser,
  grantRole,
  GrantRoleSchema,
  isSystemAdmin,
  listAllowedAgencies,
  listVisibleUsers,
  NewUserSchema,
  revokeRole,
  setUserDisabled,
  type UserRole,
  type VisibleUser,
} from '../services/user.service.js';
import { pageOf, type AppOptions } from '../../../platform/http/request-context.js';
import { m } from '../../../platform/http/i18n.js';
import { describeApi } from '../../../platform/http/openapi.js';
import { sendPage } from '../../../platform/http/render.js';
import { toFieldErrors, type FieldErrors } from '../../../platform/http/views/form.js';
import { UserDetailPage } from './views/user-detail.js';
import { NewUserPage } from './views/user-form.js';
import { UserListPage } from './views/user-list.js';
import { fieldErrorOf, sendDomainError } from '../../../platform/http/views/user-problem.js';
import { domainStatus, formValues, signedIn } from '../../../platform/http/route-support.js';
import { changing, guarded } from '../../../platform/http/route-kit.js';

const NOTICES: Record<string, Message> = {
  created: m('สร้างบัญชีแล้ว', 'The account was created'),
  granted: m('ให้บทบาทแล้ว', 'The role was given'),
  revoked: m('ถอนบทบาทแล้ว', 'The role was removed'),
  disabled: m('ปิดการใช้งานบัญชีแล้ว', 'The account was disabled'),
  enabled: m('เปิดใช้งานบัญชีแล้ว', 'The account was enabled'),
};

/** The agencies and roles the actor may give (system-wide: the system administrator role too). */
async function roleChoices(ctx: ServiceContext, actor: Actor) {
  const agencies = await listAllowedAgencies(ctx, actor, 'user.manage');
  const systemWide = isSystemAdmin(actor);
  const allowed = new Set<Role>(systemWide ? ['system_admin'] : []);
  for (const agency of agencies)
    for (const role of assignableRoles(actor.grants, agency.path)) allowed.add(role);
  return { agencies, systemWide, roles: ROLES.filter((r) => allowed.has(r)) };
}

function canRevoke(actor: Actor, role: UserRole): boolean {
  if (role.agencyPath === null) return isSystemAdmin(actor);
  return assignableRoles(actor.grants, role.agencyPath).includes(role.role);
}

function presentUser({ user, roles }: VisibleUser) {
  const shown = roles.map((r) => ({
    membershipId: r.id,
    agencyId: r.agencyId,
    agencyCode: r.agencyCode,
    role: r.role,
  }));
  return { ...user, roles: shown };
}

function userIdOf(request: FastifyRequest): string {
  return (request.params as { id: string }).id;
}

function registerUserPages(app: FastifyInstance, ctx: ServiceContext): void {
  async function renderNew(
    request: FastifyRequest,
    reply: FastifyReply,
    errors: FieldErrors,
    values: Record<string, string>,
    status: number,
  ) {
    const choices = await roleChoices(ctx, signedIn(request));
    const page = (
      <NewUserPage page={pageOf(request)} {...choices} errors={errors} values={values} />
    );
    return sendPage(reply, page, status);
  }

  app.get('/users', guarded, async (request, reply) => {
    const actor = signedIn(request);
    const users = await listVisibleUsers(ctx, actor);
    const { agencies, systemWide } = await roleChoices(ctx, actor);
    const canCreate = systemWide || agencies.length > 0;
    return sendPage(
      reply,
      <UserListPage page={pageOf(request)} users={users} canCreate={canCreate} />,
    );
  });

  app.get('/users/new', guarded, (request, reply) => renderNew(request, reply, {}, {}, 200));

  app.post('/users/new', changing, async (request, reply) => {
    const values = formValues(request);
    const parsed = NewUserSchema.safeParse({ ...values, agencyId: values.agencyId || null });
    if (!parsed.success)
      return renderNew(request, reply, toFieldErrors(parsed.error.issues), values, 400);
    try {
      const id = await createUser(ctx, signedIn(request), parsed.data);
      return reply.redirect(`/users/${id}?done=created`);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      return renderNew(request, reply, fieldErrorOf(error), values, domainStatus(error));
    }
  });
}

/** The page of one user, with the errors of a refused change when there are some. */
async function renderDetail(
  ctx: ServiceContext,
  request: FastifyRequest,
  reply: FastifyReply,
  extra: { errors?: FieldErrors; values?: Record<string, string> },
  status = 200,
) {
  const actor = signedIn(request);
  let found: VisibleUser;
  try {
    found = await getVisibleUser(ctx, actor, userIdOf(request));
  } catch (error) {
    return sendDomainError(request, reply, error);
  }
  const revocable = new Set(found.roles.filter((r) => canRevoke(actor, r)).map((r) => r.id));
  const done = (request.query as { done?: string }).done ?? '';
  const page = (
    <UserDetailPage
      page={pageOf(request)}
      visible={found}
      revocable={revocable}
      {...await roleChoices(ctx, actor)}
      errors={extra.errors ?? {}}
      values={extra.values ?? {}}
      notice={status === 200 ? (NOTICES[done] ?? null) : null}
    />
  );
  return sendPage(reply, page, status);
}

/** Runs a change from a button or form on the user's page; errors show on that page. */
async function act(
  ctx: ServiceContext,
  request: FastifyRequest,
  reply: FastifyReply,
  work: (actor: Actor, id: string) => Promise<string>,
) {
  const id = userIdOf(request);
  try {
    const done = await work(signedIn(request), id);
    return reply.redirect(`/users/${id}?done=${done}`);
  } catch (error) {
    if (!(error instanceof DomainError) || error.code === 'not_found')
      return sendDomainError(request, reply, error);
    const extra = { errors: fieldErrorOf(error), values: formValues(request) };
    return renderDetail(ctx, request, reply, extra, domainStatus(error));
  }
}

function registerUserDetail(app: FastifyInstance, ctx: ServiceContext): void {
  app.get('/users/:id', guarded, (request, reply) => renderDetail(ctx, request, reply, {}));

  app.post('/users/:id/roles', changing, async (request, reply) => {
    const values = formValues(request);
    const parsed = GrantRoleSchema.safeParse({ ...values, agencyId: values.agencyId || null });
    if (!parsed.success) {
      const extra = { errors: toFieldErrors(parsed.error.issues), values };
      return renderDetail(ctx, request, reply, extra, 400);
    }
    return act(ctx, request, reply, async (actor, id) => {
      await grantRole(ctx, actor, id, parsed.data);
      return 'granted';
    });
  });
}

function registerUserActions(app: FastifyInstance, ctx: ServiceContext): void {
  app.post('/users/:id/roles/:membershipId/revoke', changing, (request, reply) =>
    act(ctx, request, reply, async (actor, id) => {
      await revokeRole(ctx, actor, id, (request.params as { membershipId: string }).membershipId);
      return 'revoked';
    }),
  );

  app.post('/users/:id/disabled', changing, (request, reply) =>
    act(ctx, request, reply, async (actor, id) => {
      const disabled = formValues(request).disabled === '1';
      await setUserDisabled(ctx, actor, id, disabled);
      return disabled ? 'disabled' : 'enabled';
    }),
  );
}

const UserJson = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string(),
  disabled: z.boolean(),
  roles: z.array(
    z.object({ membershipId: z.string(), agencyId: z.string().nullable(), role: z.enum(ROLES) }),
  ),
});

function registerUserApi(app: FastifyInstance, ctx: ServiceContext): void {
  describeApi({
    method: 'get',
    path: '/api/v1/users',
    summary: 'Users you may manage, with the roles in your reach',
    tag: 'users',
    response: z.object({ users: z.array(UserJson) }),
  });
  app.get('/api/v1/users', guarded, async (request) => {
    const users = await listVisibleUsers(ctx, signedIn(request));
    return { users: users.map(presentUser) };
  });

  describeApi({
    method: 'post',
    path: '/api/v1/users',
    summary: 'Create an account with its first role',
    tag: 'users',
    body: NewUserSchema,
    response: z.object({ id: z.string() }),
  });
  app.post('/api/v1/users', changing, async (request, reply) => {
    const input = NewUserSchema.parse(request.body);
    return createUser(ctx, signedIn(request), input).then(
      (id) => reply.status(201).send({ id }),
      (error: unknown) => sendDomainError(request, reply, error),
    );
  });
}

function registerRoleApi(app: FastifyInstance, ctx: ServiceContext): void {
  describeApi({
    method: 'post',
    path: '/api/v1/users/:id/roles',
    summary: 'Give a user a role at an agency',
    tag: 'users',
    body: GrantRoleSchema,
    response: z.object({ membershipId: z.string() }),
  });
  app.post('/api/v1/users/:id/roles', changing, async (request, reply) => {
    const input = GrantRoleSchema.parse(request.body);
    return grantRole(ctx, signedIn(request), userIdOf(request), input).then(
      (membershipId) => reply.status(201).send({ membershipId }),
      (error: unknown) => sendDomainError(request, reply, error),
    );
  });

  describeApi({
    method: 'delete',
    path: '/api/v1/users/:id/roles/:membershipId',
    summary: 'Remove a role from a user',
    tag: 'users',
    response: z.object({ ok: z.literal(true) }),
  });
  app.delete('/api/v1/users/:id/roles/:membershipId', changing, async (request, reply) => {
    const { id, membershipId } = request.params as { id: string; membershipId: string };
    return revokeRole(ctx, signedIn(request), id, membershipId).then(
      () => reply.send({ ok: true }),
      (error: unknown) => sendDomainError(request, reply, error),
    );
  });
}

/** Users and roles: list, create, a user's page (give/remove roles, disable) and the JSON API. */
export function registerUserRoutes(app: FastifyInstance, options: AppOptions): void {
  registerUserPages(app, options.ctx);
  registerUserDetail(app, options.ctx);
  registerUserActions(app, options.ctx);
  registerUserApi(app, options.ctx);
  registerRoleApi(app, options.ctx);
}
