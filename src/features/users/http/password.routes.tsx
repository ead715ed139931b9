import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Message } from '../../../core/errors.js';
import type { ServiceContext } from '../../../platform/services/context.js';
import { pageOf, type AppOptions } from '../../../platform/http/request-context.js';
import { m } from '../../../platform/http/i18n.js';
import { sendPage } from '../../../platform/http/render.js';
import type { FieldErrors } from '../../../platform/http/views/form.js';
import { publicOrigin, signedIn } from '../../../platform/http/route-support.js';
import { changing, formErrorsOf, guarded, perMinute } from '../../../platform/http/route-kit.js';
import { sendDomainError } from '../../../platform/http/views/user-problem.js';
import { IdParams, typed, type TypedApp } from '../../../platform/http/typed-routes.js';
import {
  changeOwnPassword,
  issueResetLink,
  openResetLink,
  resetPassword,
} from '../services/password.service.js';
import { checkPreToken, issuePreToken, PASSWORD_HINT } from './auth.routes.js';
import { ChangePasswordForm, DoneQuery, ResetParams, ResetPasswordForm } from './users-schemas.js';
import {
  ChangePasswordPage,
  ResetLinkIssuedPage,
  ResetPasswordPage,
} from './views/password-pages.js';

const CHANGED: Message = m(
  'เปลี่ยนรหัสผ่านแล้ว การเข้าสู่ระบบที่เครื่องอื่นสิ้นสุดลงแล้ว',
  'The password was changed; you were signed out everywhere else',
);

/** Pages that carry a secret (a reset link or its form) are kept by no cache. */
const noStore = (reply: FastifyReply) => reply.header('cache-control', 'no-store');

/** Changing one's own password (signed in, with the session's form token). */
function registerChangePassword(api: TypedApp, ctx: ServiceContext): void {
  const show = (
    request: FastifyRequest,
    reply: FastifyReply,
    errors: FieldErrors,
    notice: Message | null,
    status: number,
  ) =>
    sendPage(
      reply,
      <ChangePasswordPage
        page={pageOf(request)}
        errors={errors}
        hint={PASSWORD_HINT}
        notice={notice}
      />,
      status,
    );

  api.get(
    '/account/password',
    { ...guarded, schema: { querystring: DoneQuery } },
    (request, reply) =>
      show(request, reply, {}, request.query.done === 'changed' ? CHANGED : null, 200),
  );

  api.post(
    '/account/password',
    { ...changing, ...perMinute(10), schema: { body: ChangePasswordForm } },
    async (request, reply) => {
      const actor = request.actor;
      if (!actor) throw new Error('route is missing the requireActor guard');
      try {
        await changeOwnPassword(ctx, actor, request.body, request.ip);
      } catch (error) {
        const errors = formErrorsOf(error);
        if (!errors) throw error;
        return show(request, reply, errors, null, 400);
      }
      return reply.redirect('/account/password?done=changed');
    },
  );
}

/** An administrator issues a reset link; the person opens it and sets a new password. */
function registerResetLinks(api: TypedApp, options: AppOptions): void {
  const { ctx } = options;
  api.post(
    '/users/:id/reset-link',
    { ...changing, ...perMinute(20), schema: { params: IdParams } },
    async (request, reply) => {
      const issued = await issueResetLink(ctx, signedIn(request), request.params.id);
      const page = (
        <ResetLinkIssuedPage
          page={pageOf(request)}
          userId={request.params.id}
          displayName={issued.displayName}
          email={issued.email}
          url={`${publicOrigin(request)}/reset/${issued.token}`}
          expiresAt={issued.expiresAt}
        />
      );
      return sendPage(noStore(reply), page);
    },
  );

  /** The form of a link that still works (else the error page: used, expired or unknown). */
  async function showReset(
    request: FastifyRequest,
    reply: FastifyReply,
    token: string,
    errors: FieldErrors,
    status: number,
  ) {
    let person;
    try {
      person = await openResetLink(ctx, token);
    } catch (error) {
      return sendDomainError(request, noStore(reply), error);
    }
    const page = (
      <ResetPasswordPage
        page={pageOf(request)}
        token={issuePreToken(reply, options)}
        action={`/reset/${encodeURIComponent(token)}`}
        displayName={person.displayName}
        errors={errors}
        hint={PASSWORD_HINT}
      />
    );
    return sendPage(noStore(reply), page, status);
  }

  api.get(
    '/reset/:token',
    { ...perMinute(30), schema: { params: ResetParams } },
    (request, reply) => showReset(request, reply, request.params.token, {}, 200),
  );

  api.post(
    '/reset/:token',
    { ...perMinute(10), schema: { params: ResetParams, body: ResetPasswordForm } },
    async (request, reply) => {
      const { token } = request.params;
      if (!(await checkPreToken(request, reply, request.body._csrf))) return reply;
      try {
        await resetPassword(ctx, token, request.body);
      } catch (error) {
        const errors = formErrorsOf(error);
        if (!errors) return sendDomainError(request, noStore(reply), error);
        return showReset(request, reply, token, errors, 400);
      }
      return reply.redirect('/login?done=reset');
    },
  );
}

/** Password change (own), reset links (issued by an administrator) and the reset page. */
export function registerPasswordRoutes(app: FastifyInstance, options: AppOptions): void {
  const api = typed(app);
  registerChangePassword(api, options.ctx);
  registerResetLinks(api, options);
}
