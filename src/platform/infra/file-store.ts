import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { DomainError } from '../../core/errors.js';

/**
 * Evidence files and link snapshot bodies on disk, under FILES_DIR (outside the web root).
 * A stored name is random and carries neither the uploader's file name nor its extension.
 */

/** Uploads larger than this are refused unless the caller sets another limit. */
export const DEFAULT_MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

interface AllowedType {
  extensions: readonly string[];
  contentType: string;
  /** Whether the first bytes (or the whole file, for text) are of this type. */
  matches: (bytes: Buffer) => boolean;
}

const startsWith = (bytes: Buffer, magic: number[]) =>
  bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);
const ZIP = [0x50, 0x4b, 0x03, 0x04];

function isPlainText(bytes: Buffer): boolean {
  if (bytes.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

const ALLOWED: readonly AllowedType[] = [
  {
    extensions: ['pdf'],
    contentType: 'application/pdf',
    matches: (b) => startsWith(b, [0x25, 0x50, 0x44, 0x46, 0x2d]),
  },
  {
    extensions: ['png'],
    contentType: 'image/png',
    matches: (b) => startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  },
  {
    extensions: ['jpg', 'jpeg'],
    contentType: 'image/jpeg',
    matches: (b) => startsWith(b, [0xff, 0xd8, 0xff]),
  },
  {
    extensions: ['docx'],
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    matches: (b) => startsWith(b, ZIP) && b.includes('word/'),
  },
  {
    extensions: ['xlsx'],
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    matches: (b) => startsWith(b, ZIP) && b.includes('xl/'),
  },
  { extensions: ['csv'], contentType: 'text/csv; charset=utf-8', matches: isPlainText },
  { extensions: ['txt'], contentType: 'text/plain; charset=utf-8', matches: isPlainText },
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

/** Checks an upload's size, extension and content; returns the content type it is served with. */
export function checkUpload(fileName: string, bytes: Buffer, maxBytes: number): string {
  if (bytes.length > maxBytes) throw uploadTooLarge(maxBytes);
  const extension = /\.([A-Za-z0-9]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? '';
  const type = ALLOWED.find((t) => t.extensions.includes(extension));
  if (!type || bytes.length === 0 || !type.matches(bytes)) throw typeRefused();
  return type.contentType;
}

/** What was written: the random name to keep, the size and the sha256. */
export interface StoredFile {
  storedName: string;
  size: number;
  sha256: string;
}

const STORED_NAME = /^(uploads|snapshots)\/[0-9a-f]{32}$/;

/** The absolute path of a stored name; refuses anything that is not a name this store made. */
export function storedPath(filesDir: string, storedName: string): string {
  if (!STORED_NAME.test(storedName)) throw new Error(`not a stored file name: ${storedName}`);
  return join(resolve(filesDir), storedName);
}

/** Writes bytes under a new random name in `folder` ("uploads" or "snapshots"). */
export async function saveStoredFile(
  filesDir: string,
  folder: 'uploads' | 'snapshots',
  bytes: Buffer,
): Promise<StoredFile> {
  const storedName = `${folder}/${randomBytes(16).toString('hex')}`;
  await mkdir(join(resolve(filesDir), folder), { recursive: true });
  await writeFile(storedPath(filesDir, storedName), bytes, { flag: 'wx', mode: 0o640 });
  return {
    storedName,
    size: bytes.length,
    sha256: createHash('sha256').update(bytes).digest('hex'),
  };
}

/** Reads a stored file back. */
export async function readStoredFile(filesDir: string, storedName: string): Promise<Buffer> {
  return readFile(storedPath(filesDir, storedName));
}
