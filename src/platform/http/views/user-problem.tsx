import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../../../core/errors.js';
import { sendProblem } from '../request-context.js';
import { domainStatus } from '../route-support.js';
import type { FieldErrors } from './form.js';
import { sendErrorPage } from './error-page.js';

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
