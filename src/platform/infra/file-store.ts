import { createHash, randomBytes } from 'node:crypto';
import type { Readable } from 'node:stream';
import { DomainError } from '../../core/errors.js';

/**
 * Evidence files and link snapshot bodies: one store, two homes. On disk under FILES_DIR
 * (file-store-disk.ts, SQLite's default) or in the database in chunks (file-store-database.ts,
 * PostgreSQL's default), so any number of processes on one database see the same files. A
 * stored name is random and carries neither the uploader's file name nor its extension.
 * Content is streamed in both: checked (size, type) and hashed as it arrives, never held whole.
 */

/** Uploads larger than this are refused unless the caller sets another limit. */
export const DEFAULT_MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

/** The size of one piece of a file as the database keeps it, and of a read from either store. */
export const CHUNK_BYTES = 256 * 1024;

interface AllowedType {
  extensions: readonly string[];
  contentType: string;
  /** The first bytes every file of this type starts with. */
  magic?: readonly number[];
  /** Text that must occur somewhere in the file (an Office file's folder inside its ZIP). */
  marker?: string;
  /** Plain UTF-8 text without NUL bytes. */
  text?: true;
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];

const ALLOWED: readonly AllowedType[] = [
  { extensions: ['pdf'], contentType: 'application/pdf', magic: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  {
    extensions: ['png'],
    contentType: 'image/png',
    magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
  },
  { extensions: ['jpg', 'jpeg'], contentType: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
  {
    extensions: ['docx'],
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    magic: ZIP,
    marker: 'word/',
  },
  {
    extensions: ['xlsx'],
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    magic: ZIP,
    marker: 'xl/',
  },
  { extensions: ['csv'], contentType: 'text/csv; charset=utf-8', text: true },
  { extensions: ['txt'], contentType: 'text/plain; charset=utf-8', text: true },
];

/** The extensions people may upload, for hints. */
export const ALLOWED_EXTENSIONS = ALLOWED.flatMap((t) => t.extensions);

/** Refusal of a file larger than the limit. */
export function uploadTooLarge(maxBytes: number): DomainError {
  const mb = Math.floor(maxBytes / (1024 * 1024));
  return new DomainError('upload_too_large', {
    th: `ไฟล์ใหญ่เกินไป (ไม่เกิน ${mb} MB ต่อไฟล์) ไฟล์นี้ยังไม่ได้บันทึก`,
    en: `The file is too large (${mb} MB at most per file); it was not saved`,
  });
}

function typeRefused(): DomainError {
  const list = ALLOWED_EXTENSIONS.join(', ');
  return new DomainError('upload_type_refused', {
    th: `รับเฉพาะไฟล์ ${list} ที่เนื้อไฟล์ตรงกับนามสกุล ไฟล์นี้ยังไม่ได้บันทึก`,
    en: `Only ${list} files whose content matches their extension are accepted; this file was not saved`,
  });
}

/**
 * The type check of one upload, fed chunk by chunk: the extension must be allowed, the first
 * bytes must be the type's magic bytes (refused as soon as they differ), an Office file must
 * name its folder somewhere, and text must be UTF-8 without NUL (decoded as a stream, so an
 * invalid byte is refused when it arrives and a character cut between chunks is not).
 */
export class UploadCheck {
  private readonly type: AllowedType;
  private head = Buffer.alloc(0);
  private size = 0;
  private markerSeen = false;
  private tail = Buffer.alloc(0);
  private readonly decoder: TextDecoder | null;

  constructor(fileName: string) {
    const extension = /\.([A-Za-z0-9]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? '';
    const type = ALLOWED.find((t) => t.extensions.includes(extension));
    if (!type) throw typeRefused();
    this.type = type;
    this.decoder = type.text ? new TextDecoder('utf-8', { fatal: true }) : null;
  }

  /** Takes the next chunk; throws the refusal as soon as the content cannot be of the type. */
  push(chunk: Buffer): void {
    if (chunk.length === 0) return;
    this.size += chunk.length;
    const { magic, marker } = this.type;
    if (magic && this.head.length < magic.length) {
      this.head = Buffer.concat([this.head, chunk.subarray(0, magic.length - this.head.length)]);
      if (this.head.some((b, i) => b !== magic[i])) throw typeRefused();
    }
    if (marker && !this.markerSeen) {
      // the marker may be cut between two chunks: look across the end of the last one too
      const across = Buffer.concat([this.tail, chunk.subarray(0, marker.length - 1)]);
      this.markerSeen = across.includes(marker) || chunk.includes(marker);
      const keep = marker.length - 1;
      this.tail =
        chunk.length >= keep
          ? Buffer.from(chunk.subarray(chunk.length - keep))
          : Buffer.concat([this.tail, chunk]).subarray(-keep);
    }
    if (this.decoder) {
      if (chunk.includes(0)) throw typeRefused();
      try {
        this.decoder.decode(chunk, { stream: true });
      } catch {
        throw typeRefused();
      }
    }
  }

  /** After the last chunk: the content type the file is served with, or the refusal. */
  finish(): string {
    const { magic, marker } = this.type;
    if (this.size === 0) throw typeRefused();
    if (magic && this.head.length < magic.length) throw typeRefused();
    if (marker && !this.markerSeen) throw typeRefused();
    if (this.decoder) {
      try {
        this.decoder.decode();
      } catch {
        throw typeRefused();
      }
    }
    return this.type.contentType;
  }
}

/** Checks an upload's size, extension and content; returns the content type it is served with. */
export function checkUpload(fileName: string, bytes: Buffer, maxBytes: number): string {
  if (bytes.length > maxBytes) throw uploadTooLarge(maxBytes);
  const check = new UploadCheck(fileName);
  check.push(bytes);
  return check.finish();
}

/** What was written: the random name to keep, the size and the sha256. */
export interface StoredFile {
  storedName: string;
  size: number;
  sha256: string;
}

/** A file written with a type check (an upload): also the content type it is served with. */
export interface CheckedFile extends StoredFile {
  contentType: string;
}

/** What a store wrote: with the content type when it was given a file name to check against. */
export interface SavedFile extends StoredFile {
  contentType: string | null;
}

/** A stored file opened for reading: its size and its bytes as a stream, chunk by chunk. */
export interface OpenedFile {
  size: number;
  stream: Readable;
}

/** The two folders of stored names. */
export type StoreFolder = 'uploads' | 'snapshots';

/** Bytes at hand, or a stream of them (a request's file part, a fetched body). */
export type FileContent = Buffer | AsyncIterable<Uint8Array>;

export interface SaveOptions {
  /** Refuse (and keep nothing of) a file larger than this. */
  maxBytes?: number;
  /** The name the uploader gave: its extension decides the type the content must be. */
  fileName?: string;
}

/** Where uploads and link snapshots are kept. */
export interface FileStore {
  readonly kind: 'disk' | 'database';
  /**
   * Writes content under a new random name in `folder`, streamed: the size limit and the type
   * check apply while it arrives; a refused or failed write leaves nothing behind.
   */
  save(folder: StoreFolder, content: FileContent, options?: SaveOptions): Promise<SavedFile>;
  /** Opens a stored file for reading; null when there is no such file. */
  open(storedName: string): Promise<OpenedFile | null>;
  /** Removes a stored file (nothing happens when it is not there). */
  delete(storedName: string): Promise<void>;
  exists(storedName: string): Promise<boolean>;
}

/**
 * Names this store makes (`uploads/<32 hex>`, `snapshots/<32 hex>`), and the names the link
 * checker gave its snapshots before it used the store (`snapshots/<uuid>.bin`).
 */
const STORED_NAME = /^(uploads|snapshots)\/[0-9a-f]{32}$|^snapshots\/[0-9a-f-]{36}\.bin$/;

/** Refuses anything that is not a name this store made (no path can be smuggled in). */
export function assertStoredName(storedName: string): void {
  if (!STORED_NAME.test(storedName)) throw new Error(`not a stored file name: ${storedName}`);
}

/** A new random name in a folder. */
export function newStoredName(folder: StoreFolder): string {
  return `${folder}/${randomBytes(16).toString('hex')}`;
}

async function* chunksOf(content: FileContent): AsyncIterable<Buffer> {
  if (Buffer.isBuffer(content)) {
    for (let at = 0; at < content.length; at += CHUNK_BYTES)
      yield content.subarray(at, at + CHUNK_BYTES);
    return;
  }
  for await (const chunk of content)
    yield Buffer.isBuffer(chunk)
      ? chunk
      : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
}

/**
 * Passes content to `write` chunk by chunk (awaiting each, so a slow writer slows the reading),
 * refusing it once it grows past the limit or cannot be of its type; returns the size, the
 * sha256 and, when a file name was given, the content type. Both stores write through this.
 */
export async function pourContent(
  content: FileContent,
  options: SaveOptions,
  write: (chunk: Buffer) => Promise<void>,
): Promise<{ size: number; sha256: string; contentType: string | null }> {
  const hash = createHash('sha256');
  const check = options.fileName === undefined ? null : new UploadCheck(options.fileName);
  let size = 0;
  for await (const chunk of chunksOf(content)) {
    if (chunk.length === 0) continue;
    size += chunk.length;
    if (options.maxBytes !== undefined && size > options.maxBytes)
      throw uploadTooLarge(options.maxBytes);
    check?.push(chunk);
    hash.update(chunk);
    await write(chunk);
  }
  return { size, sha256: hash.digest('hex'), contentType: check ? check.finish() : null };
}

/** Reads a whole stored file (small things only: a link snapshot shown as text, tests). */
export async function readWhole(file: OpenedFile): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of file.stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * A file that came with a form, already in the store (its size and type checked on the way),
 * or refused with the reason; services take it where they used to check an upload.
 */
export type ReceivedUpload =
  | { fileName: string; stored: CheckedFile; refusal: null }
  | { fileName: string; stored: null; refusal: DomainError };

/** The stored upload, or its refusal thrown (where a service used to check the upload). */
export function acceptUpload(upload: ReceivedUpload): CheckedFile {
  if (upload.refusal) throw upload.refusal;
  return upload.stored;
}

/**
 * Streams a file that came with a request into the store. Null when nothing was chosen (no
 * bytes). A refused file (too large, wrong type) keeps nothing and comes back as its refusal;
 * the rest of a refused stream is read to its end (and dropped) so the form's other fields can
 * still be read, as they were when the file was read whole.
 */
export async function receiveUpload(
  store: FileStore,
  fileName: string,
  content: AsyncIterable<Uint8Array> | Buffer,
  maxBytes: number,
): Promise<ReceivedUpload | null> {
  const source = Buffer.isBuffer(content) ? chunksOf(content) : content;
  const iterator = source[Symbol.asyncIterator]();
  const drain = async () => {
    while (!(await iterator.next()).done);
  };
  let first = await iterator.next();
  while (!first.done && first.value.byteLength === 0) first = await iterator.next();
  if (first.done) return null;
  const firstChunk = first.value;
  // no return(): the store stopping early must not destroy the request's stream
  let started = false;
  const rest: AsyncIterable<Uint8Array> = {
    [Symbol.asyncIterator]: () => ({
      next: async (): Promise<IteratorResult<Uint8Array>> => {
        if (!started) {
          started = true;
          return { done: false, value: firstChunk };
        }
        return iterator.next();
      },
    }),
  };
  try {
    const saved = await store.save('uploads', rest, { maxBytes, fileName });
    // a file name was given: the check named the type
    const stored = { ...saved, contentType: saved.contentType ?? 'application/octet-stream' };
    return { fileName, stored, refusal: null };
  } catch (error) {
    await drain();
    if (!(error instanceof DomainError)) throw error;
    return { fileName, stored: null, refusal: error };
  }
}
