import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../config.js';
import type { Message } from '../../core/errors.js';
import type { ServiceContext, SessionActor } from '../services/context.js';
import type { Lang } from './i18n.js';
import type { ApiRoute } from './openapi.js';
import type { PageContext } from './views/layout.js';
import { sendErrorPage } from './views/error-page.js';

/**
 * What a request carries through the app: who is signed in, the language, and the guards and
 * answers every route module shares. app.ts composes; route modules import from here.
 */

export const SESSION_COOKIE = 'prongsai_session';
export const LANG_COOKIE = 'prongsai_lang';

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route of the app (HEAD aside), with its schema and guards. */
    routeTable: readonly ApiRoute[];
  }
  interface FastifyRequest {
    actor: SessionActor | null;
    lang: Lang;
    /** The site's own address for absolute links: APP_URL, never the request's Host header. */
    siteOrigin: string;
  }
}

export interface AppOptions {
  ctx: ServiceContext;
  config: Pick<Config, 'SESSION_TTL_HOURS' | 'TRUST_PROXY' | 'SECURE_COOKIES' | 'LOG_LEVEL'> &
    Partial<
      Pick<
        Config,
        | 'RATE_LIMIT_PER_MINUTE'
        | 'SURVEY_STEPS_PER_MINUTE'
        | 'PUBLIC_PAGES_PER_MINUTE'
        | 'PUBLIC_FILES_PER_MINUTE'
        | 'FILES_DIR'
        | 'FETCH_ALLOW_PRIVATE'
        | 'OIT_MAX_UPLOAD_MB'
        | 'CHROMIUM_PATH'
        | 'APP_URL'
      >
    > & {
      /** HMAC key of single-use access codes; when absent one is made and kept in the database. */
      PRONGSAI_SECRET?: string | undefined;
    };
  /** Where log lines go (standard output when absent). */
  logStream?: { write(line: string): void };
}

/** Route modules get the app, the services' context and the settings. */
export type RouteModule = (app: FastifyInstance, options: AppOptions) => void;

/** The page context of a request (language, who is signed in, the form token). */
export function pageOf(request: FastifyRequest): PageContext {
  return {
    lang: request.lang,
    actor: request.actor,
    csrfToken: request.actor?.csrfToken ?? '',
    path: request.url.split('?')[0] ?? '/',
  };
}

/** Sends people who are not signed in to the login page (API callers get 401). */
export async function requireActor(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  if (request.actor) return;
  if (request.url.startsWith('/api/')) {
    await sendProblem(reply, 401, { th: 'ต้องเข้าสู่ระบบก่อน', en: 'Sign in first' });
    return;
  }
  await reply.redirect(`/login?next=${encodeURIComponent(request.url)}`);
}

/** Refuses a state-changing request whose form field or header lacks the session's CSRF token. */
export async function requireCsrf(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  const expected = request.actor?.csrfToken;
  const body = request.body as Record<string, unknown> | undefined;
  const given = body?._csrf ?? request.headers['x-csrf-token'];
  if (expected && isCsrfTokenValid(expected, given)) return;
  const message = {
    th: 'แบบฟอร์มหมดอายุหรือไม่ได้มาจากหน้านี้ กรุณาโหลดหน้าใหม่แล้วลองอีกครั้ง',
    en: 'The form has expired or did not come from this site; reload the page and try again',
  };
  if (request.url.startsWith('/api/')) {
    await sendProblem(reply, 403, {
      th: 'ต้องส่ง x-csrf-token จาก /api/v1/me',
      en: 'Send the x-csrf-token header from /api/v1/me',
    });
    return;
  }
  await sendErrorPage(request, reply, 403, message);
}

/** An RFC 9457 problem response for the JSON API. */
export function sendProblem(
  reply: FastifyReply,
  status: number,
  message: Message,
  extra: Record<string, unknown> = {},
) {
  return reply
    .status(status)
    .type('application/problem+json')
    .send({ type: 'about:blank', status, title: message.en, title_th: message.th, ...extra });
}

/** Compares a posted form token with the expected one in constant time. */
export function isCsrfTokenValid(expected: string, given: unknown): boolean {
  if (typeof given !== 'string' || given.length !== expected.length) return false;
  return timingSafeEqual(Buffer.from(given), Buffer.from(expected));
}
