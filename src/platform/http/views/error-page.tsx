import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Message } from '../../../core/errors.js';
import { m, pick } from '../i18n.js';
import { sendPage } from '../render.js';
import { Layout } from './layout.js';
import { PUBLIC_INDEX_PATH, PublicLayout, publicHomePath } from './layout-public.js';

/** Path segments under /public/ that are not agency codes. */
const NOT_AGENCY = new Set(['oit', 'open-data']);

/**
 * The agency code a public address names (`/public/D01/…`, `/public/oit/D01/…`), or null. Only
 * a hint for the way back: the code is not looked up here.
 */
export function publicCodeOf(path: string): string | null {
  const parts = path.split('/').filter(Boolean);
  if (parts[0] !== 'public') return null;
  const segment = parts[1] === 'oit' ? parts[2] : parts[1];
  if (!segment || NOT_AGENCY.has(segment)) return null;
  let code: string;
  try {
    code = decodeURIComponent(segment);
  } catch {
    return null;
  }
  return /^[\p{L}\p{N}._-]{1,40}$/u.test(code) ? code : null;
}

/**
 * Whether the error page is a citizen's: any address under /public/, or an unknown address
 * asked for by someone not signed in. It leads to the public pages, never to the sign-in page.
 */
export function isCitizenError(path: string, signedIn: boolean, status: number): boolean {
  return path === PUBLIC_INDEX_PATH || path.startsWith('/public/') || (!signedIn && status === 404);
}

/** A page that says what went wrong in plain words, never a stack trace. */
export function sendErrorPage(
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  message: Message,
) {
  const lang = request.lang ?? 'th';
  const path = request.url.split('?')[0] ?? '/';
  const page = {
    lang,
    actor: request.actor ?? null,
    csrfToken: request.actor?.csrfToken ?? '',
    path,
  };
  const title =
    status === 404
      ? { th: 'ไม่พบหน้า', en: 'Not found' }
      : { th: 'ทำรายการไม่สำเร็จ', en: 'Could not complete' };
  if (isCitizenError(path, page.actor !== null, status)) {
    // the agency's home, unless the address is that home (an unknown code)
    const named = publicCodeOf(path);
    const code = named && publicHomePath(named) !== path.replace(/\/+$/, '') ? named : null;
    return sendPage(
      reply,
      <PublicLayout lang={lang} path={path} title={title} agency={null}>
        <p>{pick(lang, message)}</p>
        <ul class="way-back">
          {code && (
            <li>
              <a href={publicHomePath(code)}>
                {pick(lang, m('หน้าหลักของหน่วยงาน', 'The agency’s public home'))} {code}
              </a>
            </li>
          )}
          <li>
            <a href={PUBLIC_INDEX_PATH}>
              {pick(lang, m('รายชื่อหน่วยงานและข้อมูลที่เผยแพร่', 'Agencies and what they publish'))}
            </a>
          </li>
          {!path.startsWith('/public') && (
            <li>
              <a href="/login">{pick(lang, m('เข้าสู่ระบบสำหรับเจ้าหน้าที่', 'Staff sign-in'))}</a>
            </li>
          )}
        </ul>
      </PublicLayout>,
      status,
    );
  }
  return sendPage(
    reply,
    <Layout page={page} title={title}>
      <p>{pick(lang, message)}</p>
      <p>
        <a href="/">{lang === 'th' ? 'กลับหน้าหลัก' : 'Back to the home page'}</a>
      </p>
    </Layout>,
    status,
  );
}
