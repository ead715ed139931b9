import type { FastifyReply, FastifyRequest } from 'fastify';
import { sendErrorPage } from './views/error-page.js';
import { sendProblem } from './request-context.js';

/**
 * Text no field may hold: the NUL character (it ends strings in other programs and is refused
 * by PostgreSQL) and U+FFFD, which stands where the bytes sent were not valid UTF-8.
 */
const isBad = (text: string) => text.includes('\u0000') || text.includes('\uFFFD');

/** Whether any string (or key) in a parsed body or query holds bad text: no paths built. */
function holdsBadText(value: unknown): boolean {
  if (typeof value === 'string') return isBad(value);
  if (value === null || typeof value !== 'object' || Buffer.isBuffer(value)) return false;
  if (Array.isArray(value)) return value.some(holdsBadText);
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) if (isBad(key) || holdsBadText(record[key])) return true;
  return false;
}

/** The path of the first string in a parsed body or query that holds bad text, or null. */
export function findBadText(value: unknown, path = ''): string | null {
  // every request passes here: the paths are built only for a value that holds bad text
  if (!holdsBadText(value)) return null;
  if (typeof value === 'string') return path || '(value)';
  for (const [key, inner] of Object.entries(value as Record<string, unknown>)) {
    if (isBad(key)) return path ? `${path}.${key}` : key;
    const found = findBadText(inner, path ? `${path}.${key}` : key);
    if (found) return found;
  }
  return null;
}

const MESSAGE = {
  th: 'ข้อมูลที่ส่งมีอักขระที่ใช้ไม่ได้ (อักขระว่าง หรือข้อความที่ไม่ใช่ UTF-8) จึงไม่ได้บันทึก กรุณาพิมพ์ใหม่',
  en: 'What was sent holds characters that cannot be used (a NUL character, or text that is not UTF-8); nothing was saved. Type it again',
};

/** Refuses a request whose query or body holds bad text, before any route reads it. */
export async function refuseBadText(request: FastifyRequest, reply: FastifyReply) {
  const field = findBadText(request.query, 'query') ?? findBadText(request.body, 'body');
  if (!field) return;
  if (request.url.startsWith('/api/'))
    return sendProblem(reply, 400, MESSAGE, { code: 'bad_text', detail: field });
  return sendErrorPage(request, reply, 400, MESSAGE);
}

/**
 * Reads a posted form (application/x-www-form-urlencoded): a repeated field becomes a list. A
 * percent-escape that is not UTF-8 becomes U+FFFD, so that refuseBadText sees it (a lenient
 * reader would keep "%C3%28" as text and store it).
 */
export function parseForm(body: string): Record<string, string | string[]> {
  const form: Record<string, string | string[]> = {};
  for (const [key, value] of new URLSearchParams(body)) {
    const seen = form[key];
    form[key] = seen === undefined ? value : Array.isArray(seen) ? [...seen, value] : [seen, value];
  }
  return form;
}
