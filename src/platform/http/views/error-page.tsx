import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Message } from '../../../core/errors.js';
import { pick } from '../i18n.js';
import { sendPage } from '../render.js';
import { Layout } from './layout.js';

/** A page that says what went wrong in plain words, never a stack trace. */
export function sendErrorPage(
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  message: Message,
) {
  const lang = request.lang ?? 'th';
  const page = {
    lang,
    actor: request.actor ?? null,
    csrfToken: request.actor?.csrfToken ?? '',
    path: request.url.split('?')[0] ?? '/',
  };
  const title =
    status === 404
      ? { th: 'ไม่พบหน้า', en: 'Not found' }
      : { th: 'ทำรายการไม่สำเร็จ', en: 'Could not complete' };
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
