import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../../core/errors.js';
import type { Actor } from '../../services/context.js';
import { sendProblem } from '../app.js';
import type { FieldErrors } from './form.js';
import { sendErrorPage } from './error-page.js';

/** HTTP status of a domain error by its code (anything else is a 400). */
const STATUS: Record<string, number> = {
  forbidden: 403,
  not_found: 404,
  email_taken: 409,
  role_held: 409,
  round_changed: 409,
};

/** The status a domain error answers with. */
export function domainStatus(error: DomainError): number {
  return STATUS[error.code] ?? 400;
}

/** Sends a domain error as problem+json (API) or an error page; rethrows anything else. */
export function sendDomainError(request: FastifyRequest, reply: FastifyReply, error: unknown) {
  if (!(error instanceof DomainError)) throw error;
  const status = domainStatus(error);
  if (request.url.startsWith('/api/'))
    return sendProblem(reply, status, error.messages, { code: error.code });
  return sendErrorPage(request, reply, status, error.messages);
}

/** A domain error as a form's field error (its `field` detail, else the whole form). */
export function fieldErrorOf(error: DomainError): FieldErrors {
  const field = typeof error.details?.field === 'string' ? error.details.field : 'form';
  return { [field]: error.messages };
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
