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

/**
 * The public site's origin for absolute links: APP_URL when set, otherwise the address
 * the request came in on (TRUST_PROXY decides whether forwarded headers count).
 */
export function publicOrigin(
  request: FastifyRequest,
  config: { APP_URL?: string | undefined },
): string {
  if (config.APP_URL) return new URL(config.APP_URL).origin;
  return `${request.protocol}://${request.host}`;
}
