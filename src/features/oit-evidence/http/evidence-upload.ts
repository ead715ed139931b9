import multipart, { type MultipartFile } from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../../../core/errors.js';
import {
  receiveUpload,
  type FileStore,
  type OpenedFile,
  type ReceivedUpload,
} from '../../../platform/infra/file-store.js';
import { isCsrfTokenValid } from '../../../platform/http/request-context.js';
import { isUploadTooLarge } from '../../../platform/http/route-kit.js';

/** How a form scope takes its file: where it goes, how large, and multipart's other limits. */
export interface UploadParsing {
  files: FileStore;
  maxBytes: number;
  limits: { files: number; fields: number; parts: number; fieldSize?: number };
  /** A file over the limit fails the whole request (413) rather than coming back as a refusal. */
  tooLargeFails: boolean;
}

/** The uploads a request stored, and those a route kept (the rest go once it is answered). */
const received = new WeakMap<FastifyRequest, ReceivedUpload[]>();
const kept = new WeakSet<ReceivedUpload>();

/** A refusal of a file for its size: multipart's own, or the store's. */
export function isTooLarge(error: unknown): boolean {
  return (
    isUploadTooLarge(error) || (error instanceof DomainError && error.code === 'upload_too_large')
  );
}

/** Says that a stored upload is now referred to (a file row, a kept upload): it stays. */
export function keepReceived(upload: ReceivedUpload | null | undefined): void {
  if (upload?.stored) kept.add(upload);
}

/** The file part of a parsed form: the received upload, or null when no file came. */
export function receivedFile(body: unknown): ReceivedUpload | null {
  const value = (body as Record<string, unknown> | undefined)?.file;
  return value && typeof value === 'object' && 'fileName' in value
    ? (value as ReceivedUpload)
    : null;
}

async function drain(file: AsyncIterable<unknown>): Promise<void> {
  for await (const _ of file);
}

/**
 * A file part streams into the store as it arrives (never held whole), for a signed-in person
 * whose form token, when it came before the file, is right; anyone else's file is read and
 * dropped. The stored upload stands in the body as `file` for the route.
 */
async function onFilePart(request: FastifyRequest, part: MultipartFile, parsing: UploadParsing) {
  const fields = part.fields as Record<string, { value?: unknown } | undefined>;
  const token = fields._csrf?.value ?? request.headers['x-csrf-token'];
  const expected = request.actor?.csrfToken;
  if (!expected || (token !== undefined && !isCsrfTokenValid(expected, token))) {
    await drain(part.file);
    return null;
  }
  const upload = await receiveUpload(parsing.files, part.filename, part.file, parsing.maxBytes);
  if (upload?.stored) received.set(request, [...(received.get(request) ?? []), upload]);
  if (parsing.tooLargeFails && upload?.refusal?.code === 'upload_too_large') throw upload.refusal;
  return upload;
}

/**
 * Multipart for one scope of form routes with a file: fields in the body, the file streamed into
 * the store; after the answer, every upload the route did not keep is deleted, so a refused form
 * (or one refused before its route ran) leaves nothing behind.
 */
export async function registerUploadParsing(
  scope: FastifyInstance,
  parsing: UploadParsing,
): Promise<void> {
  await scope.register(multipart, {
    attachFieldsToBody: 'keyValues',
    throwFileSizeLimit: parsing.tooLargeFails,
    // one byte over the limit reaches the store, which refuses it and keeps nothing
    limits: { ...parsing.limits, fileSize: parsing.maxBytes + 1 },
    onFile: async function (this: FastifyRequest, part: MultipartFile) {
      const upload = await onFilePart(this, part, parsing);
      (part as unknown as { value: unknown }).value = upload;
    },
  });
  scope.addHook('onSend', async (request, _reply, payload) => {
    const uploads = received.get(request) ?? [];
    received.delete(request);
    for (const upload of uploads)
      if (upload.stored && !kept.has(upload)) await parsing.files.delete(upload.stored.storedName);
    return payload;
  });
}

/** Sends a stored file so that a browser downloads it and never runs it, streamed from the store. */
export function sendDownload(
  reply: FastifyReply,
  file: { originalName: string; contentType: string },
  opened: OpenedFile,
) {
  const ascii = file.originalName.replace(/[^A-Za-z0-9._-]/g, '_');
  return reply
    .type(file.contentType)
    .header('content-length', opened.size)
    .header(
      'content-disposition',
      `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.originalName)}`,
    )
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', 'sandbox')
    .header('cache-control', 'private, no-store')
    .send(opened.stream);
}
