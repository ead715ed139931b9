import type { FastifyReply, FastifyRequest } from 'fastify';
import { ZodError } from 'zod';
import { DomainError, type Message } from '../../core/errors.js';
import { requireActor, requireCsrf, sendProblem } from './request-context.js';
import { sendErrorPage } from './views/error-page.js';
import { toFieldErrors, type FieldErrors } from './views/form.js';
import { fieldErrorOf, sendDomainError } from './views/user-problem.js';

/** Route options of a page for signed-in people. */
export const guarded = { preValidation: requireActor };

/** Route options of a signed-in form post (session and CSRF token). */
export const changing = { preValidation: [requireActor, requireCsrf] };

/** Route options that let one address call a route at most `max` times a minute. */
export function perMinute(max: number) {
  return { config: { rateLimit: { max, timeWindow: 60_000 } } };
}

/** The `:id` path parameter. */
export const idOf = (request: FastifyRequest) => (request.params as { id: string }).id;

/** A refusal a form can show next to its fields; anything else goes to the error page. */
export function formErrorsOf(error: unknown): FieldErrors | null {
  if (error instanceof ZodError) return toFieldErrors(error.issues);
  if (error instanceof DomainError && error.code !== 'not_found' && error.code !== 'forbidden')
    return fieldErrorOf(error);
  return null;
}

/**
 * Answers a refused form post: the form again with its field errors (`showForm`), or the
 * error page for a refusal no field can show (not found, forbidden, anything unexpected).
 */
export function answerFormRefusal<T>(
  request: FastifyRequest,
  reply: FastifyReply,
  error: unknown,
  showForm: (errors: FieldErrors) => T,
) {
  const errors = formErrorsOf(error);
  if (!errors) return sendDomainError(request, reply, error);
  return showForm(errors);
}

/**
 * One form post, the same way everywhere: `save` does the work and answers where to go next
 * (a redirect, so a reload does not post twice); when the work is refused with errors a form
 * can show (invalid input, a duplicate, a state that moved on), `showAgain` shows the form again
 * with those errors beside their fields and everything the person typed kept. Any other refusal
 * (not found, forbidden, a bug) goes to the error page.
 */
export async function submitForm<T>(
  request: FastifyRequest,
  reply: FastifyReply,
  save: () => Promise<string>,
  showAgain: (errors: FieldErrors) => T,
) {
  let next: string;
  try {
    next = await save();
  } catch (error) {
    return answerFormRefusal(request, reply, error, showAgain);
  }
  return reply.redirect(next);
}

/** The public rate limits of an app, from its settings (read once, when the app is built). */
export interface PublicLimits {
  /** Public pages a minute per client (PUBLIC_PAGES_PER_MINUTE). */
  pages: number;
  /** Generated public files (PDF, DOCX, XLSX) a minute per client (PUBLIC_FILES_PER_MINUTE). */
  files: number;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The public rate limits of this app. */
    publicLimits: PublicLimits;
  }
}

/** The defaults of PUBLIC_PAGES_PER_MINUTE and PUBLIC_FILES_PER_MINUTE. */
export const DEFAULT_PUBLIC_LIMITS: PublicLimits = { pages: 120, files: 20 };

/** The public rate limits the settings give (their defaults where a setting is absent). */
export function publicLimitsOf(config: {
  PUBLIC_PAGES_PER_MINUTE?: number | undefined;
  PUBLIC_FILES_PER_MINUTE?: number | undefined;
}): PublicLimits {
  return {
    pages: config.PUBLIC_PAGES_PER_MINUTE ?? DEFAULT_PUBLIC_LIMITS.pages,
    files: config.PUBLIC_FILES_PER_MINUTE ?? DEFAULT_PUBLIC_LIMITS.files,
  };
}

// the route options below are built when a module loads, before any app exists: each limit is
// read from the app that answers the request (buildApp decorates it from the settings)
const limitsOf = (request: FastifyRequest): PublicLimits =>
  request.server.publicLimits ?? DEFAULT_PUBLIC_LIMITS;

/** The rate limit of a public page: open to anyone, so tighter than signed-in pages. */
export const PUBLIC_PAGE_LIMIT = {
  config: {
    rateLimit: { max: (request: FastifyRequest) => limitsOf(request).pages, timeWindow: 60_000 },
  },
};

/** The rate limit of a generated PDF, DOCX or workbook: each costs far more than a page. */
export const GENERATED_FILE_LIMIT = {
  config: {
    rateLimit: { max: (request: FastifyRequest) => limitsOf(request).files, timeWindow: 60_000 },
  },
};

const GENERATED_FILE_PATH = /\.(pdf|docx|xlsx)$/i;

const isGeneratedFile = (request: FastifyRequest) =>
  GENERATED_FILE_PATH.test(request.url.split('?')[0] ?? '');

/**
 * One public route that serves a page or, when its address ends in .pdf/.docx/.xlsx, a generated
 * file: files get the file limit, counted apart from the pages.
 */
export const PUBLIC_PAGE_OR_FILE_LIMIT = {
  config: {
    rateLimit: {
      max: (request: FastifyRequest) =>
        isGeneratedFile(request) ? limitsOf(request).files : limitsOf(request).pages,
      keyGenerator: (request: FastifyRequest) =>
        isGeneratedFile(request) ? `${request.ip}|file` : request.ip,
      timeWindow: 60_000,
    },
  },
};

/** Whether multipart refused a request for its size or number of parts. */
export function isUploadTooLarge(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return (
    code === 'FST_REQ_FILE_TOO_LARGE' || code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT'
  );
}

/** A 413 refusal: a problem document under /api/, the error page elsewhere. */
export function sendTooLarge(request: FastifyRequest, reply: FastifyReply, message: Message) {
  return request.url.startsWith('/api/')
    ? sendProblem(reply, 413, message)
    : sendErrorPage(request, reply, 413, message);
}

/** A four-digit (Buddhist-era) year from the path, or the `notFound` refusal for anything else. */
export function pathYear(text: string | undefined, notFound: () => DomainError): number {
  if (!text || !/^\d{4}$/.test(text)) throw notFound();
  return Number(text);
}
