import { sameSitePath } from '../../../platform/http/route-support.js';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, type Message } from '../../../core/errors.js';
import {
  createFirstAdmin,
  login,
  logout,
  needsSetup,
  NewAccountSchema,
} from '../services/auth.service.js';
import {
  isCsrfTokenValid,
  pageOf,
  requireActor,
  requireCsrf,
  SESSION_COOKIE,
  type AppOptions,
} from '../../../platform/http/request-context.js';
import { m, pick } from '../../../platform/http/i18n.js';
import { sendPage } from '../../../platform/http/render.js';
import { sendErrorPage } from '../../../platform/http/views/error-page.js';
import {
  CsrfField,
  ErrorSummary,
  Field,
  toFieldErrors,
  type FieldErrors,
} from '../../../platform/http/views/form.js';
import { Layout, type PageContext } from '../../../platform/http/views/layout.js';
import { typed } from '../../../platform/http/typed-routes.js';
import { LoginForm, LoginQuery, NextQuery, SetupForm } from './users-schemas.js';

/** What a new password must be, as the forms that set one say it. */
export const PASSWORD_HINT = m(
  'อย่างน้อย 12 ตัวอักษร ไม่ใช่อีเมล และไม่ใช่รหัสผ่านที่ใช้กันทั่วไป เช่น วลีหลายคำที่จำได้ง่าย',
  'At least 12 characters, not your e-mail and not a common password: a phrase of several words is easy to remember',
);

/** The notices of the sign-in page (?done=…). */
const LOGIN_NOTICES: Record<string, Message> = {
  reset: m('ตั้งรหัสผ่านใหม่แล้ว: เข้าสู่ระบบด้วยรหัสผ่านใหม่', 'Your new password is set: sign in with it'),
};

/** Cookie of the token that protects the forms used before signing in (double submit). */
const PRE_CSRF_COOKIE = 'prongsai_pre';

/** A fresh form token for a page used before signing in (set as a cookie, put in the form). */
export function issuePreToken(reply: FastifyReply, options: AppOptions): string {
  const token = options.ctx.ids.token(24);
  reply.setCookie(PRE_CSRF_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure: options.config.SECURE_COOKIES,
  });
  return token;
}

/** Whether a form posted before signing in carries the cookie's token (else the error page). */
export async function checkPreToken(
  request: FastifyRequest,
  reply: FastifyReply,
  given: string | undefined,
): Promise<boolean> {
  const expected = request.cookies[PRE_CSRF_COOKIE];
  if (expected && isCsrfTokenValid(expected, given)) return true;
  await sendErrorPage(
    request,
    reply,
    403,
    m(
      'แบบฟอร์มหมดอายุ กรุณาโหลดหน้าใหม่แล้วลองอีกครั้ง',
      'The form has expired; reload the page and try again',
    ),
  );
  return false;
}

const safeNext = (next: string | undefined) => sameSitePath(next);

function SetupPage({
  page,
  token,
  errors,
  values,
}: {
  page: PageContext;
  token: string;
  errors: FieldErrors;
  values: Partial<Record<string, string>>;
}) {
  const { lang } = page;
  return (
    <Layout
      page={page}
      title={m('ตั้งค่าครั้งแรก: สร้างผู้ดูแลระบบ', 'First run: create the administrator')}
    >
      <p>
        {pick(
          lang,
          m(
            'ยังไม่มีบัญชีผู้ใช้ในระบบ บัญชีแรกจะเป็นผู้ดูแลระบบ ซึ่งสร้างหน่วยงานและให้สิทธิ์ผู้อื่นได้',
            'There is no account yet. The first account is the system administrator, who creates agencies and gives roles to others.',
          ),
        )}
      </p>
      <ErrorSummary lang={lang} errors={errors} />
      <form method="post" action="/setup" novalidate>
        <CsrfField token={token} />
        <Field
          lang={lang}
          name="displayName"
          label={m('ชื่อ-นามสกุล', 'Full name')}
          value={values.displayName}
          errors={errors}
          autocomplete="name"
        />
        <Field
          lang={lang}
          name="email"
          type="email"
          label={m('อีเมล', 'E-mail')}
          value={values.email}
          errors={errors}
          autocomplete="username"
        />
        <Field
          lang={lang}
          name="password"
          type="password"
          label={m('รหัสผ่าน', 'Password')}
          hint={PASSWORD_HINT}
          errors={errors}
          autocomplete="new-password"
        />
        <button type="submit">{pick(lang, m('สร้างผู้ดูแลระบบ', 'Create the administrator'))}</button>
      </form>
    </Layout>
  );
}

function LoginPage({
  page,
  token,
  error,
  email,
  next,
  notice = null,
}: {
  page: PageContext;
  token: string;
  error: Message | null;
  email: string;
  next: string;
  notice?: Message | null;
}) {
  const { lang } = page;
  const errors: FieldErrors = error ? { email: error } : {};
  return (
    <Layout page={page} title={m('เข้าสู่ระบบ', 'Sign in')} notice={notice}>
      <ErrorSummary lang={lang} errors={errors} />
      <form method="post" action={`/login?next=${encodeURIComponent(next)}`} novalidate>
        <CsrfField token={token} />
        <Field
          lang={lang}
          name="email"
          type="email"
          label={m('อีเมล', 'E-mail')}
          value={email}
          errors={errors}
          autocomplete="username"
        />
        <Field
          lang={lang}
          name="password"
          type="password"
          label={m('รหัสผ่าน', 'Password')}
          errors={{}}
          autocomplete="current-password"
        />
        <button type="submit">{pick(lang, m('เข้าสู่ระบบ', 'Sign in'))}</button>
      </form>
      <p class="hint">
        {pick(lang, m('ประชาชนทั่วไปไม่ต้องเข้าสู่ระบบ: ', 'No sign-in needed for the public: '))}
        <a href="/public">{pick(lang, m('ข้อมูลที่หน่วยงานเผยแพร่', 'what the agencies publish'))}</a>
      </p>
    </Layout>
  );
}

/** First-run set-up, sign-in and sign-out. */
export function registerAuthRoutes(app: FastifyInstance, options: AppOptions): void {
  const { ctx, config } = options;
  const api = typed(app);

  api.get('/setup', async (request, reply) => {
    if (!(await needsSetup(ctx))) return reply.redirect('/login');
    return sendPage(
      reply,
      <SetupPage
        page={pageOf(request)}
        token={issuePreToken(reply, options)}
        errors={{}}
        values={{}}
      />,
    );
  });

  api.post(
    '/setup',
    { config: { rateLimit: { max: 10, timeWindow: 60_000 } }, schema: { body: SetupForm } },
    async (request, reply) => {
      const body = request.body;
      if (!(await checkPreToken(request, reply, body._csrf))) return reply;
      const parsed = NewAccountSchema.safeParse(body);
      if (!parsed.success) {
        const page = (
          <SetupPage
            page={pageOf(request)}
            token={issuePreToken(reply, options)}
            errors={toFieldErrors(parsed.error.issues)}
            values={body}
          />
        );
        return sendPage(reply, page, 400);
      }
      await createFirstAdmin(ctx, parsed.data);
      return reply.redirect('/login?setup=1');
    },
  );

  api.get('/login', { schema: { querystring: LoginQuery } }, async (request, reply) => {
    if (await needsSetup(ctx)) return reply.redirect('/setup');
    const next = safeNext(request.query.next);
    return sendPage(
      reply,
      <LoginPage
        page={pageOf(request)}
        token={issuePreToken(reply, options)}
        error={null}
        email=""
        next={next}
        notice={LOGIN_NOTICES[request.query.done ?? ''] ?? null}
      />,
    );
  });

  api.post(
    '/login',
    {
      config: { rateLimit: { max: 20, timeWindow: 60_000 } },
      schema: { querystring: NextQuery, body: LoginForm },
    },
    async (request, reply) => {
      const body = request.body;
      if (!(await checkPreToken(request, reply, body._csrf))) return reply;
      const next = safeNext(request.query.next);
      try {
        const session = await login(
          ctx,
          body.email ?? '',
          body.password ?? '',
          config.SESSION_TTL_HOURS,
          request.ip,
        );
        reply.setCookie(SESSION_COOKIE, session.token, {
          path: '/',
          httpOnly: true,
          sameSite: 'lax',
          secure: config.SECURE_COOKIES,
          maxAge: config.SESSION_TTL_HOURS * 3600,
        });
        return reply.redirect(next);
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        const page = (
          <LoginPage
            page={pageOf(request)}
            token={issuePreToken(reply, options)}
            error={error.messages}
            email={body.email ?? ''}
            next={next}
          />
        );
        return sendPage(reply, page, 401);
      }
    },
  );

  api.post('/logout', { preValidation: [requireActor, requireCsrf] }, async (request, reply) => {
    if (request.actor) await logout(ctx, request.actor.sessionId);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.redirect('/login');
  });
}
