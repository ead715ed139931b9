import { dirname } from 'node:path';
import { createRequire } from 'node:module';
import { constants as zlibConstants } from 'node:zlib';
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import formbody from '@fastify/formbody';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import compress from '@fastify/compress';
import fastifyStatic from '@fastify/static';
import { z, ZodError } from 'zod';
import { DomainError } from '../../core/errors.js';
import type { ServiceContext, SessionActor } from '../services/context.js';
import { closeSharedPdfRenderer, configureSharedPdfRenderer } from '../infra/pdf-renderer.js';
import { createDbRateLimitStore } from './rate-limit-store.js';
import { domainStatus, sameSitePath } from './route-support.js';
import { sendErrorPage } from './views/error-page.js';
import {
  LANG_COOKIE,
  SESSION_COOKIE,
  requireActor,
  requireCsrf,
  sendProblem,
  type AppOptions,
} from './request-context.js';
import { registerApiRoutes } from './api.routes.js';
import { registerSecurityHeaders } from './security-headers.js';
import { parseForm, refuseBadText } from './input-guard.js';
import type { ApiRoute } from './openapi.js';
import { typed, zodSerializerCompiler, zodValidatorCompiler } from './typed-routes.js';
import { publicLimitsOf } from './route-kit.js';
import { registerStaticAssets } from './static-assets.js';
import { PAGE_CACHE_BYTES, PageCache } from './page-cache.js';

const fontDir = dirname(
  createRequire(import.meta.url).resolve('@expo-google-fonts/sarabun/package.json'),
);

/**
 * Which senders of X-Forwarded-For are believed: none, the named addresses and networks, or the
 * nearest `n` proxies (hop 0 is the peer of the connection).
 */
function trustedProxies(setting: AppOptions['config']['TRUST_PROXY']) {
  if (typeof setting !== 'number') return setting;
  return (_address: string, hop: number) => hop < setting;
}

/**
 * Requests that leave no log line at all: a respondent's survey steps, a citizen's public pages,
 * a calendar feed (its address is its secret), static files. A log line carries the moment it
 * was written, and the moment of an answer is enough to tell who gave it.
 */
const UNLOGGED = /^\/(?:s\/|public(?:\/|$)|assets\/|calendar\/feed\/|lang\/|favicon\.ico$)/;

/** Whether a request's path is one that leaves no log line. */
export function isUnlogged(path: string): boolean {
  return UNLOGGED.test(path);
}

/**
 * What is worth compressing: HTML, CSS, scripts, JSON, SVG, CSV. PDFs, workbooks, documents and
 * images are compressed already; fonts and evidence files are left as they are.
 */
const COMPRESSIBLE =
  /^(?:text\/(?:html|css|csv|javascript)|application\/(?:json|problem\+json|javascript)|image\/svg\+xml)(?:;|$)/;

/** What the composition root (src/app) gives the platform: how to know who is signed in, and the routes. */
export interface AppParts {
  resolveActor: (ctx: ServiceContext, token: string | undefined) => Promise<SessionActor | null>;
  routes: ((app: FastifyInstance) => void)[];
}

/**
 * Builds the web application: pages, JSON API, sessions, CSRF, rate limits, security headers,
 * and the features' routes it is given.
 */
export async function buildApp(options: AppOptions, parts: AppParts): Promise<FastifyInstance> {
  const { ctx, config } = options;
  const app = Fastify({
    logger:
      config.LOG_LEVEL === 'silent'
        ? false
        : { level: config.LOG_LEVEL, ...(options.logStream ? { stream: options.logStream } : {}) },
    // one line per request is written below, without what could tie a visit to a person
    logController: new LogController({ disableRequestLogging: true }),
    trustProxy: trustedProxies(config.TRUST_PROXY),
    bodyLimit: 2 * 1024 * 1024,
  });
  // typed routes: zod validates each route's input and serialises its documented JSON answers
  app.setValidatorCompiler(zodValidatorCompiler);
  app.setSerializerCompiler(zodSerializerCompiler);
  // every route, for the OpenAPI document of the /api/ ones and the checks of the route table
  const routes: ApiRoute[] = [];
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    const guards = [route.preValidation ?? []].flat();
    for (const method of methods)
      if (method !== 'HEAD')
        routes.push({
          method,
          url: route.url,
          schema: route.schema,
          signedIn: guards.includes(requireActor),
          csrf: guards.includes(requireCsrf),
        });
  });
  app.decorate('routeTable', routes);
  await registerSecurityHeaders(app, config);
  await app.register(cookie);
  await app.register(formbody, { parser: parseForm });
  await app.register(rateLimit, {
    global: true,
    max: config.RATE_LIMIT_PER_MINUTE ?? 300,
    timeWindow: 60_000,
    store: createDbRateLimitStore(ctx),
  });
  app.decorate('publicLimits', publicLimitsOf(config));
  app.decorate('publishedPages', new PageCache(PAGE_CACHE_BYTES));
  // answers over ~1 KB in br or gzip (cached public pages and static files come compressed
  // already); request bodies are never decompressed: the form parser reads them as sent.
  // Brotli at quality 3: half the CPU of the plugin's 4 on a page here, for ~5 % more bytes
  await app.register(compress, {
    encodings: ['br', 'gzip'],
    brotliOptions: { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 3 } },
    threshold: 1024,
    customTypes: COMPRESSIBLE,
    globalDecompression: false,
  });
  registerStaticAssets(app);
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

  // no field may hold a NUL character or bytes that were not UTF-8
  app.addHook('preValidation', refuseBadText);

  // staff requests: method, route (not the query, which can hold tokens), status and duration
  app.addHook('onResponse', async (request, reply) => {
    if (isUnlogged(request.url.split('?')[0] ?? '')) return;
    request.log.info(
      {
        method: request.method,
        route: request.routeOptions.url ?? 'unknown',
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime),
        ip: request.ip,
      },
      'request',
    );
  });

  // absolute links (QR codes, feeds, published evidence) are built from APP_URL only: a Host
  // header is whatever the client sent
  const siteOrigin = config.APP_URL ? new URL(config.APP_URL).origin : 'http://localhost';
  app.decorateRequest('siteOrigin', siteOrigin);
  app.decorateRequest('actor', null);
  app.decorateRequest('lang', 'th');
  app.addHook('onRequest', async (request) => {
    request.lang = request.cookies[LANG_COOKIE] === 'en' ? 'en' : 'th';
    if (!request.url.startsWith('/assets/'))
      request.actor = await parts.resolveActor(ctx, request.cookies[SESSION_COOKIE]);
  });

  app.setErrorHandler(async (error, request, reply) => {
    if (error instanceof DomainError) {
      const status = domainStatus(error);
      if (request.url.startsWith('/api/'))
        return sendProblem(reply, status, error.messages, { code: error.code });
      return sendErrorPage(request, reply, status, error.messages);
    }
    if (error instanceof ZodError) {
      // a route's schema refused its input (or a service's schema did)
      const detail = error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
      const message = { th: 'ข้อมูลไม่ถูกต้อง', en: 'Invalid input' };
      return request.url.startsWith('/api/')
        ? sendProblem(reply, 400, message, { detail })
        : sendErrorPage(request, reply, 400, message);
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
    // a survey or public request's failure is logged without its address, route or request id
    if (isUnlogged(request.url.split('?')[0] ?? ''))
      app.log.error({ err: error }, 'request failed');
    else request.log.error({ err: error, route: request.routeOptions.url }, 'request failed');
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

  // the language switch: /lang/en or /lang/th (anything else: Thai), back to `next` on this site
  typed(app).get(
    '/lang/:lang',
    {
      schema: {
        params: z.object({ lang: z.string() }),
        querystring: z.object({ next: z.string().optional().catch(undefined) }),
      },
    },
    async (request, reply) => {
      reply.setCookie(LANG_COOKIE, request.params.lang === 'en' ? 'en' : 'th', {
        path: '/',
        sameSite: 'lax',
        maxAge: 31_536_000,
      });
      return reply.redirect(sameSitePath(request.query.next));
    },
  );
  app.get('/healthz', async () => ({ ok: true }));
  // browsers ask for /favicon.ico on every page that names no icon (public and survey pages)
  app.get('/favicon.ico', async (_request, reply) => reply.redirect('/assets/favicon.svg', 301));

  // read when the document is asked for: the features' routes are all registered by then
  registerApiRoutes(app, () => routes.filter((r) => r.url.startsWith('/api/')));
  for (const register of parts.routes) register(app);
  return app;
}
