import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import helmet, { type FastifyHelmetOptions } from '@fastify/helmet';
import type { AppOptions } from './request-context.js';

/** HSTS for a year, sent only over HTTPS. */
export const HSTS = 'max-age=31536000; includeSubDomains';

/**
 * Whether a request reached the site over HTTPS: its own protocol (TLS here, or a proxy named in
 * TRUST_PROXY that says `X-Forwarded-Proto: https`), or the HTTPS address of APP_URL asked for
 * by its host name (a proxy in front terminates TLS). Any other host name (an intranet name, an
 * IP address) over plain HTTP is plain HTTP: upgrading it would break the page.
 */
export function servedOverHttps(request: FastifyRequest, appUrl: string | undefined): boolean {
  if (request.protocol === 'https') return true;
  if (!appUrl) return false;
  const site = new URL(appUrl);
  return site.protocol === 'https:' && request.host.toLowerCase() === site.host.toLowerCase();
}

/**
 * The headers @fastify/helmet sets with these options, found once on a throwaway app: the
 * plugin builds its middleware anew on every request (the CSP parsed and written again each
 * time, ~15 µs), for headers that are the same on every answer here.
 */
async function helmetHeaders(options: FastifyHelmetOptions): Promise<[string, string][]> {
  const probe = Fastify();
  let headers: [string, string][] = [];
  try {
    await probe.register(helmet, options);
    probe.addHook('onRequest', async (_request, reply) => {
      headers = Object.entries(reply.raw.getHeaders()).map(([name, value]) => [
        name,
        String(value),
      ]);
    });
    probe.get('/', async () => '');
    await probe.inject({ method: 'GET', url: '/' });
  } finally {
    await probe.close();
  }
  if (!headers.some(([name]) => name === 'content-security-policy'))
    throw new Error('helmet set no Content-Security-Policy');
  return headers;
}

/**
 * The security headers: a strict CSP (the site's own scripts, styles, images and forms), and,
 * only over HTTPS, `upgrade-insecure-requests`, HSTS and Cross-Origin-Opener-Policy. Over plain HTTP on an intranet name
 * both would send the browser to an HTTPS address nobody serves: no stylesheet, no sign-in.
 * Helmet's headers are those of @fastify/helmet with these options, made once (helmetHeaders).
 */
export async function registerSecurityHeaders(
  app: FastifyInstance,
  config: AppOptions['config'],
): Promise<void> {
  // forms go to the site itself, under whatever name it was opened (and to APP_URL's address)
  const formAction = ["'self'"];
  if (config.APP_URL) formAction.push(new URL(config.APP_URL).origin);
  const headers = await helmetHeaders({
    hsts: false,
    // browsers ignore it, with a console error, on an origin that is not HTTPS
    crossOriginOpenerPolicy: false,
    contentSecurityPolicy: {
      useDefaults: true,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        formAction,
        upgradeInsecureRequests: null,
      },
    },
  });
  const csp = headers.find(([name]) => name === 'content-security-policy')?.[1] ?? '';
  app.addHook('onRequest', async (request, reply) => {
    // on the raw response, as helmet sets them (so a page's own headers can still replace them)
    for (const [name, value] of headers) reply.raw.setHeader(name, value);
    if (!servedOverHttps(request, config.APP_URL)) return;
    reply.header('strict-transport-security', HSTS);
    reply.header('cross-origin-opener-policy', 'same-origin');
    reply.header('content-security-policy', `${csp};upgrade-insecure-requests`);
  });
}
