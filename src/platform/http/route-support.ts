import type { FastifyRequest } from 'fastify';
import type { DomainError } from '../../core/errors.js';
import type { Actor } from '../services/context.js';

/** HTTP status of a refusal by its domain error code; anything else is a plain 400. */
const STATUS: Record<string, number> = {
  forbidden: 403,
  not_found: 404,
  duplicate_code: 409,
  email_taken: 409,
  role_held: 409,
  round_changed: 409,
  edition_changed: 409,
  already_set_up: 409,
  round_not_collecting: 409,
  survey_closed: 409,
  decisions_closed: 409,
  clarification_closed: 409,
  not_failed: 409,
  evidence_locked: 409,
  declaration_state: 409,
  declaration_exists: 409,
  gift_decided: 409,
  loan_state: 409,
  asset_not_available: 409,
  asset_in_use: 409,
  upload_too_large: 413,
  upload_type_refused: 415,
};

/** The status a domain error answers with. */
export function domainStatus(error: DomainError): number {
  return STATUS[error.code] ?? 400;
}

/** The signed-in person of a route guarded by requireActor. */
export function signedIn(request: FastifyRequest): Actor {
  if (!request.actor) throw new Error('route is missing the requireActor guard');
  return request.actor;
}

/** The string fields of a posted form. */
export function formValues(request: FastifyRequest): Record<string, string> {
  const body = (request.body ?? {}) as Record<string, unknown>;
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(body))
    if (typeof value === 'string') values[key] = value;
  return values;
}

/** The site's origin for absolute links: APP_URL's (never the Host header a client sent). */
export function publicOrigin(request: FastifyRequest): string {
  return request.siteOrigin;
}

/**
 * Where a `next=` parameter may send a person after signing in or choosing a language: a path
 * on this site only. Refused (answered with `fallback`): absolute URLs, `//host` and `/\host`
 * (browsers read both as another host), any backslash, control characters (also escaped), and
 * over-long text.
 */
export function sameSitePath(next: string | undefined, fallback = '/'): string {
  if (!next || next.length > 2000 || !next.startsWith('/') || next.startsWith('//'))
    return fallback;
  let decoded: string;
  try {
    decoded = decodeURIComponent(next);
  } catch {
    return fallback;
  }
  // checked as written and once decoded: an escaped line break or backslash is refused too
  for (const text of [next, decoded]) {
    const control = [...text].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f);
    if (control || text.includes('\\') || text.startsWith('//')) return fallback;
  }
  const base = new URL('http://prongsai.invalid/');
  const target = new URL(next, base);
  return target.origin === base.origin ? next : fallback;
}
