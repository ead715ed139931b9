import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import formbody from '@fastify/formbody';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import { ZodError } from 'zod';
import type { Config } from '../config.js';
import { DomainError, type Message } from '../core/errors.js';
import type { ServiceContext } from '../services/context.js';
import { isCsrfTokenValid, resolveSession } from '../services/auth.service.js';
import { closeSharedPdfRenderer, configureSharedPdfRenderer } from '../infra/pdf-renderer.js';
import { createDbRateLimitStore } from './rate-limit-store.js';
import { domainStatus } from './route-support.js';
import type { Lang } from './i18n.js';
import type { PageContext } from './views/layout.js';
import { sendErrorPage } from './views/error-page.js';
import { registerAuthRoutes } from './routes/auth.routes.js';
import { registerHomeRoutes } from './routes/home.routes.js';
import { registerApiRoutes } from './routes/api.routes.js';
import {
  registerAgencyRoutes,
  registerCalendarRoutes,
  registerReportsRoutes,
  registerActivitiesRoutes,
  registerIntegrityRoutes,
  registerAssetsRoutes,
  registerManualsRoutes,
  registerVoiceRoutes,
  registerPublishedRoutes,
  registerOitEvidenceRoutes,
  registerOitPublicRoutes,
  registerOitReviewRoutes,
  registerMeasuresRoutes,
  registerResponseImportRoutes,
  registerResultsRoutes,
  registerRollupRoutes,
  registerRoundRoutes,
  registerSurveyAdminRoutes,
  registerSurveyRoutes,
  registerUserRoutes,
} from './routes/index.js';

export const SESSION_COOKIE = 'prongsai_session';
export const LANG_COOKIE = 'prongsai_lang';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Awaited<ReturnType<typeof resolveSession>>;
    lang: Lang;
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

const here = dirname(fileURLToPath(import.meta.url));
const fontDir = dirname(
  createRequire(import.meta.url).resolve('@expo-google-fonts/sarabun/package.json'),
);

/** Builds the web application: pages, JSON API, sessions, CSRF, rate limits, security headers. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { ctx, config } = options;
  const app = Fastify({
    logger: config.LOG_LEVEL === 'silent' ? false : { level: config.LOG_LEVEL },
    trustProxy: config.TRUST_PROXY,
    bodyLimit: 2 * 1024 * 1024,
  });
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        formAction: ["'self'"],
      },
    },
  });
  await app.register(cookie);
  await app.register(formbody);
  await app.register(rateLimit, {
    global: true,
    max: config.RATE_LIMIT_PER_MINUTE ?? 300,
    timeWindow: 60_000,
    store: createDbRateLimitStore(ctx),
  });
  await app.register(fastifyStatic, {
    root: join(here, 'public'),
    prefix: '/assets/',
    maxAge: 3_600_000,
  });
  await app.register(fastifyStatic, {
    root: fontDir,
    prefix: '/assets/fonts/',
    decorateReply: false,
    maxAge: 86_400_000,
    allowedPath: (path) => path.endsWith('.ttf'),
  });

  if (config.CHROMIUM_PATH) configureSharedPdfRenderer(config.CHROMIUM_PATH);
  // the PDF printer's Chromium ends with the server (and with each test's app)
  app.addHook('onClose', async () => closeSharedPdfRenderer());

  app.decorateRequest('actor', null);
  app.decorateRequest('lang', 'th');
  app.addHook('onRequest', async (request) => {
    request.lang = request.cookies[LANG_COOKIE] === 'en' ? 'en' : 'th';
    if (!request.url.startsWith('/assets/'))
      request.actor = await resolveSession(ctx, request.cookies[SESSION_COOKIE]);
  });

  app.setErrorHandler(async (error, request, reply) => {
    if (error instanceof DomainError) {
      const status = domainStatus(error);
      if (request.url.startsWith('/api/'))
        return sendProblem(reply, status, error.messages, { code: error.code });
      return sendErrorPage(request, reply, status, error.messages);
    }
    if (error instanceof ZodError) {
      const detail = error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
      return sendProblem(reply, 400, { th: 'ข้อมูลไม่ถูกต้อง', en: 'Invalid input' }, { detail });
    }
    const status = (error as { statusCode?: number }).statusCode ?? 500;
    if (status === 429) {
      const message = {
        th: 'มีการเรียกใช้บ่อยเกินไป กรุณารอสักครู่แล้วลองใหม่',
        en: 'Too many requests: wait a moment and try again',
      };
      return request.url.startsWith('/api/')
        ? sendProblem(reply, 429, message)
        : sendErrorPage(request, reply, 429, message);
    }
    if (status < 500) {
      const message = { th: 'คำขอไม่ถูกต้อง', en: 'Bad request' };
      return request.url.startsWith('/api/')
        ? sendProblem(reply, status, message)
        : sendErrorPage(request, reply, status, message);
    }
    request.log.error(error);
    const message = {
      th: 'เกิดข้อผิดพลาดในระบบ ข้อมูลที่ส่งมาไม่ได้ถูกบันทึก กรุณาลองใหม่',
      en: 'Something went wrong on our side; nothing was saved. Please try again',
    };
    return request.url.startsWith('/api/')
      ? sendProblem(reply, 500, message)
      : sendErrorPage(request, reply, 500, message);
  });
  app.setNotFoundHandler(async (request, reply) => {
    const message = { th: 'ไม่พบหน้าที่ต้องการ', en: 'Page not found' };
    return request.url.startsWith('/api/')
      ? sendProblem(reply, 404, message)
      : sendErrorPage(request, reply, 404, message);
  });

  app.get('/lang/:lang', async (request, reply) => {
    const { lang } = request.params as { lang: string };
    const next = (request.query as { next?: string }).next ?? '/';
    reply.setCookie(LANG_COOKIE, lang === 'en' ? 'en' : 'th', {
      path: '/',
      sameSite: 'lax',
      maxAge: 31_536_000,
    });
    return reply.redirect(next.startsWith('/') && !next.startsWith('//') ? next : '/');
  });
  app.get('/healthz', async () => ({ ok: true }));
  // browsers ask for /favicon.ico on every page that names no icon (public and survey pages)
  app.get('/favicon.ico', async (_request, reply) => reply.redirect('/assets/favicon.svg', 301));

  const modules: RouteModule[] = [
    registerAuthRoutes,
    registerHomeRoutes,
    registerApiRoutes,
    registerAgencyRoutes,
    registerUserRoutes,
    registerRoundRoutes,
    registerSurveyRoutes,
    registerSurveyAdminRoutes,
    registerResponseImportRoutes,
    registerOitEvidenceRoutes,
    registerOitReviewRoutes,
    registerOitPublicRoutes,
    registerResultsRoutes,
    registerMeasuresRoutes,
    registerRollupRoutes,
    registerCalendarRoutes,
    registerReportsRoutes,
    registerActivitiesRoutes,
    registerIntegrityRoutes,
    registerAssetsRoutes,
    registerManualsRoutes,
    registerVoiceRoutes,
    registerPublishedRoutes,
  ];
  for (const register of modules) register(app, options);
  return app;
}
