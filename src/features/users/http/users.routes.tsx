import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  assignableRoles,
  isSystemWide,
  ROLES,
  ROOT_PATH,
  type Role,
} from '../../../core/access/roles.js';
import { DomainError, type Message } from '../../../core/errors.js';
import type { Actor, ServiceContext } from '../../../platform/services/context.js';
import {
  createUser,
  getVisibleUser,
  grantRole,
  GrantRoleSchema,
  listAllowedAgencies,
  listVisibleUsers,
  NewUserSchema,
  revokeRole,
  setUserDisabled,
  type UserRole,
} from '../services/user.service.js';
import { pageOf, type AppOptions } from '../../../platform/http/request-context.js';
import { m } from '../../../platform/http/i18n.js';
import { sendPage } from '../../../platform/http/render.js';
import { toFieldErrors, type FieldErrors } from '../../../platform/http/views/form.js';
import { UserDetailPage } from './views/user-detail.js';
import { NewUserPage } from './views/user-form.js';
import { UserListPage } from './views/user-list.js';
import { fieldErrorOf } from '../../../platform/http/views/user-problem.js';
import { domainStatus, signedIn } from '../../../platform/http/route-support.js';
import { changing, guarded } from '../../../platform/http/route-kit.js';
import { IdParams, typed, type TypedApp } from '../../../platform/http/typed-routes.js';
import {
  DisabledForm,
  DoneQuery,
  GrantRoleForm,
  MembershipParams,
  NewUserForm,
} from './users-schemas.js';
import { registerUserApi } from './users-api.routes.js';

const NOTICES: Record<string, Message> = {
  // The same words whether the e-mail was new or had an account outside the creator's reach.
  created: m(
    'สร้างบัญชีแล้ว (ถ้าผู้ใช้มีบัญชีอยู่แล้ว จะได้บทบาทนี้เพิ่มและใช้รหัสผ่านเดิมของตน)',
    'The account was created (someone who already had an account gets this role and keeps their own password)',
  ),
  granted: m('ให้บทบาทแล้ว', 'The role was given'),
  revoked: m('ถอนบทบาทแล้ว', 'The role was removed'),
  disabled: m('ปิดการใช้งานบัญชีแล้ว', 'The account was disabled'),
  enabled: m('เปิดใช้งานบัญชีแล้ว', 'The account was enabled'),
};

/** The agencies and roles the actor may give (system-wide: the system administrator role too). */
async function roleChoices(ctx: ServiceContext, actor: Actor) {
  const agencies = await listAllowedAgencies(ctx, actor, 'user.manage');
  const systemRoles = assignableRoles(actor.grants, ROOT_PATH).filter(isSystemWide);
  const allowed = new Set<Role>(systemRoles);
  for (const agency of agencies)
    for (const role of assignableRoles(actor.grants, agency.path)) allowed.add(role);
  return {
    agencies,
    systemWide: systemRoles.length > 0,
    roles: ROLES.filter((r) => allowed.has(r)),
  };
}

function canRevoke(actor: Actor, role: UserRole): boolean {
  return assignableRoles(actor.grants, role.agencyPath ?? ROOT_PATH).includes(role.role);
}

/** What a form posted, to show again beside its errors. */
type FormInput = Partial<Record<string, string>>;

function registerUserPages(api: TypedApp, ctx: ServiceContext): void {
  async function renderNew(
    request: FastifyRequest,
    reply: FastifyReply,
    errors: FieldErrors,
    values: FormInput,
    status: number,
  ) {
    const choices = await roleChoices(ctx, signedIn(request));
    const page = (
      <NewUserPage page={pageOf(request)} {...choices} errors={errors} values={values} />
    );
    return sendPage(reply, page, status);
  }

  api.get('/users', guarded, async (request, reply) => {
    const actor = signedIn(request);
    const users = await listVisibleUsers(ctx, actor);
    const { agencies, systemWide } = await roleChoices(ctx, actor);
    const canCreate = systemWide || agencies.length > 0;
    return sendPage(
      reply,
      <UserListPage page={pageOf(request)} users={users} canCreate={canCreate} />,
    );
  });

  api.get('/users/new', guarded, (request, reply) => renderNew(request, reply, {}, {}, 200));

  // Not submitForm: a refusal keeps its own status on the form (409 for a taken e-mail, 403 for
  // an agency out of reach, shown beside the agency field).
  api.post('/users/new', { ...changing, schema: { body: NewUserForm } }, async (request, reply) => {
    const values = request.body;
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
  userId: string,
  extra: { errors?: FieldErrors; values?: FormInput; done?: string | undefined },
  status = 200,
) {
  const actor = signedIn(request);
  const found = await getVisibleUser(ctx, actor, userId);
  const revocable = new Set(found.roles.filter((r) => canRevoke(actor, r)).map((r) => r.id));
  const page = (
    <UserDetailPage
      page={pageOf(request)}
      visible={found}
      revocable={revocable}
      {...await roleChoices(ctx, actor)}
      errors={extra.errors ?? {}}
      values={extra.values ?? {}}
      notice={status === 200 ? (NOTICES[extra.done ?? ''] ?? null) : null}
    />
  );
  return sendPage(reply, page, status);
}

/**
 * Runs a change from a button or form on the user's page; its refusals show on that page with
 * their own status (not found goes to the error page), the form's input kept.
 */
async function act(
  ctx: ServiceContext,
  request: FastifyRequest,
  reply: FastifyReply,
  userId: string,
  values: FormInput,
  work: (actor: Actor) => Promise<string>,
) {
  try {
    const done = await work(signedIn(request));
    return reply.redirect(`/users/${userId}?done=${done}`);
  } catch (error) {
    if (!(error instanceof DomainError) || error.code === 'not_found') throw error;
    const extra = { errors: fieldErrorOf(error), values };
    return renderDetail(ctx, request, reply, userId, extra, domainStatus(error));
  }
}

function registerUserDetail(api: TypedApp, ctx: ServiceContext): void {
  api.get(
    '/users/:id',
    { ...guarded, schema: { params: IdParams, querystring: DoneQuery } },
    (request, reply) =>
      renderDetail(ctx, request, reply, request.params.id, { done: request.query.done }),
  );

  api.post(
    '/users/:id/roles',
    { ...changing, schema: { params: IdParams, body: GrantRoleForm } },
    async (request, reply) => {
      const { id } = request.params;
      const values = request.body;
      const parsed = GrantRoleSchema.safeParse({ ...values, agencyId: values.agencyId || null });
      if (!parsed.success) {
        const extra = { errors: toFieldErrors(parsed.error.issues), values };
        return renderDetail(ctx, request, reply, id, extra, 400);
      }
      return act(ctx, request, reply, id, values, async (actor) => {
        await grantRole(ctx, actor, id, parsed.data);
        return 'granted';
      });
    },
  );
}

function registerUserActions(api: TypedApp, ctx: ServiceContext): void {
  api.post(
    '/users/:id/roles/:membershipId/revoke',
    { ...changing, schema: { params: MembershipParams } },
    (request, reply) => {
      const { id, membershipId } = request.params;
      return act(ctx, request, reply, id, {}, async (actor) => {
        await revokeRole(ctx, actor, id, membershipId);
        return 'revoked';
      });
    },
  );

  api.post(
    '/users/:id/disabled',
    { ...changing, schema: { params: IdParams, body: DisabledForm } },
    (request, reply) => {
      const { id } = request.params;
      const disabled = request.body.disabled === '1';
      return act(ctx, request, reply, id, {}, async (actor) => {
        await setUserDisabled(ctx, actor, id, disabled);
        return disabled ? 'disabled' : 'enabled';
      });
    },
  );
}

/** Users and roles: list, create, a user's page (give/remove roles, disable) and the JSON API. */
export function registerUserRoutes(app: FastifyInstance, options: AppOptions): void {
  const api = typed(app);
  registerUserPages(api, options.ctx);
  registerUserDetail(api, options.ctx);
  registerUserActions(api, options.ctx);
  registerUserApi(api, options.ctx);
}
