import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Message } from '../../../core/errors.js';
import { collectAnswers, findStepProblems } from '../core/survey-form.js';
import { MAX_COMMENT_LENGTH } from '../core/comment-text.js';
import {
  checkAccessCode,
  findOpenSurvey,
  resolveCodeSecret,
  submitSurvey,
  type OpenSurvey,
} from '../services/survey.service.js';
import type { ServiceContext } from '../../../platform/services/context.js';
import type { AppOptions } from '../../../platform/http/request-context.js';
import { m, pick } from '../../../platform/http/i18n.js';
import { sendPage } from '../../../platform/http/render.js';
import { formValues } from '../../../platform/http/route-support.js';
import {
  CarriedFields,
  CommentField,
  ConfidentialityStatement,
  ProblemSummary,
  StepQuestions,
  SurveyLayout,
  type SurveyPageContext,
} from './views/survey-pages.js';

/** The form's state as carried between steps in hidden fields. */
interface Carried {
  nonce: string;
  accessCode: string;
  kiosk: boolean;
  answers: Record<string, string>;
  /** The free-text comment as typed (masked only when stored). */
  comment: string;
}

function contextOf(request: FastifyRequest, survey: OpenSurvey, kiosk: boolean): SurveyPageContext {
  const lang = request.lang;
  return {
    lang,
    code: survey.link.code,
    agencyName: lang === 'th' ? survey.link.agencyNameTh : survey.link.agencyNameEn,
    instrumentName: pick(lang, survey.instrument.name),
    instrumentCode: survey.instrument.code,
    kiosk,
    path: `/s/${survey.link.code}${kiosk ? '?kiosk=1' : ''}`,
  };
}

function sendMessage(
  reply: FastifyReply,
  page: SurveyPageContext,
  title: Message,
  message: Message,
  status: number,
) {
  return sendPage(
    reply,
    <SurveyLayout page={page} title={pick(page.lang, title)}>
      <h1>{pick(page.lang, title)}</h1>
      <p>{pick(page.lang, message)}</p>
    </SurveyLayout>,
    status,
  );
}

function sendConsent(
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
      <ConfidentialityStatement lang={lang} steps={survey.steps.length} />
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

function sendStep(
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

function sendThanks(reply: FastifyReply, page: SurveyPageContext) {
  const { lang } = page;
  const title = m('ขอบคุณที่ตอบแบบวัด', 'Thank you for answering');
  return sendPage(
    reply,
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
    </SurveyLayout>,
  );
}

function readCarried(request: FastifyRequest, survey: OpenSurvey): Carried {
  const form = formValues(request);
  return {
    nonce: /^[A-Za-z0-9_-]{16,64}$/.test(form.nonce ?? '') ? (form.nonce as string) : '',
    accessCode: (form.k ?? '').slice(0, 40),
    kiosk: form.kiosk === '1',
    answers: collectAnswers(survey.steps, form),
    // bounded while carried; masked and cut to MAX_COMMENT_LENGTH when stored
    comment: survey.instrument.comment ? (form.comment ?? '').slice(0, MAX_COMMENT_LENGTH * 2) : '',
  };
}

async function loadSurvey(
  ctx: ServiceContext,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<OpenSurvey | null> {
  const { code } = request.params as { code: string };
  const survey = await findOpenSurvey(ctx, code);
  if (survey) return survey;
  const page = {
    lang: request.lang,
    code,
    agencyName: 'Prongsai',
    instrumentName: '',
    instrumentCode: '',
    kiosk: false,
    path: `/s/${code}`,
  };
  await sendMessage(
    reply,
    page,
    m('ไม่พบแบบวัด', 'Survey not found'),
    m(
      'ไม่พบแบบวัดนี้ กรุณาตรวจสอบลิงก์หรือ QR code อีกครั้ง',
      'Survey not found; please check the link or QR code',
    ),
    404,
  );
  return null;
}

/** The public IIT/EIT survey: consent, one indicator per step, thank-you; no sign-in, no cookies needed. */
export function registerSurveyRoutes(app: FastifyInstance, options: AppOptions): void {
  const { ctx } = options;
  const secret = () => resolveCodeSecret(ctx, options.config.PRONGSAI_SECRET);

  app.get('/s/:code', async (request, reply) => {
    const survey = await loadSurvey(ctx, request, reply);
    if (!survey) return reply;
    const query = request.query as { k?: string; kiosk?: string };
    const page = contextOf(request, survey, query.kiosk === '1');
    if (survey.closedBecause)
      return sendMessage(reply, page, survey.instrument.name, survey.closedBecause, 200);
    const carried = {
      nonce: ctx.ids.token(18),
      accessCode: (query.k ?? '').slice(0, 40),
      kiosk: page.kiosk,
      answers: {},
      comment: '',
    };
    reply.header('cache-control', 'no-store');
    return sendConsent(reply, survey, page, carried, null);
  });

  app.post(
    '/s/:code/start',
    { config: { rateLimit: { max: 30, timeWindow: 60_000 } } },
    async (request, reply) => {
      const survey = await loadSurvey(ctx, request, reply);
      if (!survey) return reply;
      const carried = readCarried(request, survey);
      const page = contextOf(request, survey, carried.kiosk);
      if (survey.closedBecause)
        return sendMessage(reply, page, survey.instrument.name, survey.closedBecause, 200);
      if (!carried.nonce) carried.nonce = ctx.ids.token(18);
      if (survey.link.requiresCode) {
        const problem = carried.accessCode
          ? await checkAccessCode(ctx, survey, carried.accessCode, await secret())
          : m('กรุณากรอกรหัสเข้าตอบ', 'Please enter your access code');
        if (problem) return sendConsent(reply, survey, page, carried, problem, 400);
      }
      return sendStep(reply, survey, page, { ...carried, answers: {} }, 0, {});
    },
  );

  app.post(
    '/s/:code/step',
    {
      config: {
        rateLimit: { max: options.config.SURVEY_STEPS_PER_MINUTE ?? 120, timeWindow: 60_000 },
      },
    },
    async (request, reply) => {
      const survey = await loadSurvey(ctx, request, reply);
      if (!survey) return reply;
      const form = formValues(request);
      const carried = readCarried(request, survey);
      const page = contextOf(request, survey, carried.kiosk);
      if (survey.closedBecause)
        return sendMessage(reply, page, survey.instrument.name, survey.closedBecause, 200);
      if (!carried.nonce) return reply.redirect(page.path);
      const index = Math.min(
        Math.max(Number.parseInt(form.step ?? '0', 10) || 0, 0),
        survey.steps.length - 1,
      );
      if (form.go === 'back')
        return sendStep(reply, survey, page, carried, Math.max(index - 1, 0), {});
      const problems = findStepProblems(survey.steps[index]!, form);
      if (Object.keys(problems).length > 0)
        return sendStep(reply, survey, page, carried, index, problems);
      if (index < survey.steps.length - 1)
        return sendStep(reply, survey, page, carried, index + 1, {});
      const outcome = await submitSurvey(ctx, survey, {
        form,
        nonce: carried.nonce,
        accessCode: carried.accessCode || null,
        secret: await secret(),
      });
      if (outcome.kind === 'stored' || outcome.kind === 'duplicate') return sendThanks(reply, page);
      if (outcome.kind === 'invalid')
        return sendStep(reply, survey, page, carried, outcome.step, outcome.problems);
      if (outcome.kind === 'closed')
        return sendMessage(reply, page, survey.instrument.name, outcome.message, 200);
      return sendMessage(
        reply,
        page,
        m('ใช้รหัสนี้ไม่ได้', 'This code cannot be used'),
        outcome.message,
        409,
      );
    },
  );
}
