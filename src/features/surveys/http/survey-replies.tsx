import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Message } from '../../../core/errors.js';
import { MAX_COMMENT_LENGTH } from '../core/comment-text.js';
import type { OpenSurvey } from '../services/survey.service.js';
import { m, pick } from '../../../platform/http/i18n.js';
import { renderPage, sendPage } from '../../../platform/http/render.js';
import {
  CarriedFields,
  CommentField,
  ConfidentialityStatement,
  ProblemSummary,
  StepQuestions,
  SurveyLayout,
  type SurveyPageContext,
} from './views/survey-pages.js';

/** The pages of the public survey's flow (consent, one step, thank-you, a message), as replies. */

/** The form's state as carried between steps in hidden fields. */
export interface Carried {
  nonce: string;
  accessCode: string;
  kiosk: boolean;
  answers: Record<string, string>;
  /** The free-text comment as typed (masked only when stored). */
  comment: string;
}

export function sendMessage(
  reply: FastifyReply,
  page: SurveyPageContext,
  title: Message,
  message: Message,
  status: number,
  action?: { href: string; label: Message },
) {
  return sendPage(
    reply,
    <SurveyLayout page={page} title={pick(page.lang, title)}>
      <h1>{pick(page.lang, title)}</h1>
      <p>{pick(page.lang, message)}</p>
      {action && (
        <p>
          <a href={action.href}>{pick(page.lang, action.label)}</a>
        </p>
      )}
    </SurveyLayout>,
    status,
  );
}

export function sendConsent(
  reply: FastifyReply,
  survey: OpenSurvey,
  page: SurveyPageContext,
  carried: Carried,
  error: Message | null,
  status = 200,
) {
  const { lang } = page;
  return sendPage(
    reply,
    <SurveyLayout page={page} title={page.instrumentName}>
      <h1>
        {page.instrumentName} ({page.instrumentCode})
      </h1>
      <ConfidentialityStatement
        lang={lang}
        steps={survey.steps.length}
        oncePerBrowser={!survey.link.requiresCode && !carried.kiosk}
      />
      <form method="post" action={`/s/${page.code}/start`}>
        <CarriedFields nonce={carried.nonce} accessCode="" kiosk={carried.kiosk} answers={{}} />
        {survey.link.requiresCode && (
          <div class="code-field">
            <label for="k">
              <strong>
                {pick(lang, m('รหัสเข้าตอบ (จากบัตรที่ได้รับ)', 'Access code (from your slip)'))}
              </strong>
            </label>
            {error && (
              <p class="err" id="k-error">
                {pick(lang, error)}
              </p>
            )}
            <input
              type="text"
              id="k"
              name="k"
              value={carried.accessCode}
              autocomplete="off"
              aria-describedby={error ? 'k-error' : undefined}
            />
          </div>
        )}
        <div class="actions">
          <button type="submit">{pick(lang, m('ยินยอมและเริ่มตอบ', 'I agree: start'))}</button>
        </div>
      </form>
    </SurveyLayout>,
    status,
  );
}

export function sendStep(
  reply: FastifyReply,
  survey: OpenSurvey,
  page: SurveyPageContext,
  carried: Carried,
  index: number,
  problems: Record<string, Message>,
) {
  const { lang } = page;
  const step = survey.steps[index];
  if (!step) throw new RangeError(`no step ${index}`);
  const stepItems = step.questions.flatMap((q) => q.items.map((i) => i.code));
  const last = index === survey.steps.length - 1;
  const status = Object.keys(problems).length > 0 ? 400 : 200;
  return sendPage(
    reply,
    <SurveyLayout page={page} title={`${pick(lang, step.name)} · ${page.instrumentName}`}>
      <progress
        max={survey.steps.length}
        value={index + 1}
        aria-label={pick(lang, m('ความคืบหน้า', 'Progress'))}
      />
      <p class="step">
        {pick(
          lang,
          m(
            `ส่วนที่ ${index + 1} จาก ${survey.steps.length}`,
            `Part ${index + 1} of ${survey.steps.length}`,
          ),
        )}
      </p>
      <h1>{pick(lang, step.name)}</h1>
      <ProblemSummary lang={lang} step={step} problems={problems} />
      <form method="post" action={`/s/${page.code}/step`} novalidate>
        <CarriedFields {...carried} skip={stepItems} comment={last ? undefined : carried.comment} />
        <input type="hidden" name="step" value={String(index)} />
        <StepQuestions lang={lang} step={step} answers={carried.answers} problems={problems} />
        {last && survey.instrument.comment && (
          <CommentField
            lang={lang}
            question={survey.instrument.comment.text}
            value={carried.comment}
            maxLength={MAX_COMMENT_LENGTH}
          />
        )}
        <div class="actions">
          <button type="submit" name="go" value="next">
            {pick(lang, last ? m('ส่งคำตอบ', 'Submit answers') : m('ถัดไป', 'Next'))}
          </button>
          {index > 0 && (
            <button class="back" type="submit" name="go" value="back" formnovalidate>
              {pick(lang, m('ย้อนกลับ', 'Back'))}
            </button>
          )}
        </div>
      </form>
    </SurveyLayout>,
    status,
  );
}

/** The most thank-you pages a process keeps (one per link, language and kiosk mode). */
const MAX_KEPT_THANKS = 2000;
const keptThanks = new Map<string, Buffer>();

function thanksPage(page: SurveyPageContext) {
  const { lang } = page;
  const title = m('ขอบคุณที่ตอบแบบวัด', 'Thank you for answering');
  return (
    <SurveyLayout
      page={page}
      title={pick(lang, title)}
      refresh={page.kiosk ? `8;url=/s/${page.code}?kiosk=1` : undefined}
    >
      <h1>{pick(lang, title)}</h1>
      <p>
        {pick(
          lang,
          m(
            'บันทึกคำตอบของท่านเรียบร้อยแล้ว คำตอบนี้ไม่ผูกกับตัวท่าน',
            'Your answers are saved. They are not linked to you in any way.',
          ),
        )}
      </p>
      {page.kiosk && (
        <p>
          <a href={`/s/${page.code}?kiosk=1`}>
            {pick(lang, m('เริ่มใหม่สำหรับผู้ตอบคนถัดไป', 'Start again for the next person'))}
          </a>
        </p>
      )}
    </SurveyLayout>
  );
}

/**
 * The thank-you page. It holds nothing of the request (no nonce, no answer, no time): only the
 * link's code, agency name, language and kiosk mode, which are its key. So it is rendered once
 * per key and kept; a changed agency name is a new key.
 */
export function sendThanks(request: FastifyRequest, reply: FastifyReply, page: SurveyPageContext) {
  const key = [page.lang, page.code, page.kiosk ? 'k' : '', page.path, page.agencyName].join('\n');
  let kept = keptThanks.get(key);
  if (!kept) {
    kept = Buffer.from(renderPage(thanksPage(page)));
    if (keptThanks.size >= MAX_KEPT_THANKS)
      keptThanks.delete(keptThanks.keys().next().value as string);
    keptThanks.set(key, kept);
  }
  // the page is under the compress plugin's 1 KB threshold; were it over, the plugin compresses it
  return reply.status(200).type('text/html; charset=utf-8').send(kept);
}
