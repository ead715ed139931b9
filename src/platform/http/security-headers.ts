import type { FastifyInstance, FastifyRequest } from 'fastify';
import helmet from '@fastify/helmet';
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
 * The security headers: a strict CSP (the site's own scripts, styles, images and forms), and,
 * only over HTTPS, `upgrade-insecure-requests`, HSTS and Cross-Origin-Opener-Policy. Over plain HTTP on an intranet name
 * both would send the browser to an HTTPS address nobody serves: no stylesheet, no sign-in.
 */
export async function registerSecurityHeaders(
  app: FastifyInstance,
  config: AppOptions['config'],
): Promise<void> {
  // forms go to the site itself, under whatever name it was opened (and to APP_URL's address)
  const formAction = ["'self'"];
  if (config.APP_URL) formAction.push(new URL(config.APP_URL).origin);
  await app.register(helmet, {
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
  app.addHook('onRequest', async (request, reply) => {
    if (!servedOverHttps(request, config.APP_URL)) return;
    reply.header('strict-transport-security', HSTS);
    reply.header('cross-origin-opener-policy', 'same-origin');
    const csp = reply.getHeader('content-security-policy');
    if (typeof csp === 'string')
      reply.header('content-security-policy', `${csp};upgrade-insecure-requests`);
  });
}
