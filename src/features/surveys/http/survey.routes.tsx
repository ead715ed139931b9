import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { collectAnswers, findStepProblems } from '../core/survey-form.js';
import { MAX_COMMENT_LENGTH } from '../core/comment-text.js';
import {
  browserCookieName,
  browserCookieValue,
  readBrowserMark,
  type BrowserMark,
} from '../core/ballot-guard.js';
import {
  checkAccessCode,
  findOpenSurvey,
  oncePerBrowser,
  resolveCodeSecret,
  submitSurvey,
  type BrowserCheck,
  type OpenSurvey,
} from '../services/survey.service.js';
import type { ServiceContext } from '../../../platform/services/context.js';
import type { AppOptions } from '../../../platform/http/request-context.js';
import { m, pick } from '../../../platform/http/i18n.js';
import { typed } from '../../../platform/http/typed-routes.js';
import {
  CodeParams,
  SurveyForm,
  SurveyLinkQuery,
  type SurveyFormFields,
} from './survey-schemas.js';
import type { SurveyPageContext } from './views/survey-pages.js';
import { sendConsent, sendMessage, sendStep, sendThanks, type Carried } from './survey-replies.js';

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

/** The carried state of a post: its fields, and the answers read from the whole form. */
function readCarried(
  survey: OpenSurvey,
  fields: SurveyFormFields,
  form: Record<string, string>,
): Carried {
  const nonce = fields.nonce ?? '';
  return {
    nonce: /^[A-Za-z0-9_-]{16,64}$/.test(nonce) ? nonce : '',
    accessCode: (fields.k ?? '').slice(0, 40),
    kiosk: fields.kiosk === '1',
    answers: collectAnswers(survey.steps, form),
    // bounded while carried; masked and cut to MAX_COMMENT_LENGTH when stored
    comment: survey.instrument.comment
      ? (fields.comment ?? '').slice(0, MAX_COMMENT_LENGTH * 2)
      : '',
  };
}

/** The page for a browser that sent no cookie of the link, with a way to start again. */
function sendNoCookie(reply: FastifyReply, page: SurveyPageContext) {
  const again = { href: page.path, label: NO_COOKIE.again };
  return sendMessage(reply, page, NO_COOKIE.title, NO_COOKIE.text, 400, again);
}

async function loadSurvey(
  ctx: ServiceContext,
  request: FastifyRequest,
  reply: FastifyReply,
  code: string,
  kept = false,
): Promise<OpenSurvey | null> {
  const survey = await findOpenSurvey(ctx, code, { kept });
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

const ALREADY_ANSWERED = {
  title: m('ท่านตอบแบบวัดนี้แล้ว', 'You have already answered this survey'),
  text: m(
    'เบราว์เซอร์นี้ส่งคำตอบของแบบวัดนี้ไปแล้ว แบบวัดนี้รับคำตอบได้หนึ่งครั้งต่อเบราว์เซอร์ ขอบคุณที่ร่วมตอบ หากหลายคนใช้อุปกรณ์นี้ร่วมกัน (เช่น แท็บเล็ตที่จุดบริการ) โปรดแจ้งผู้ดูแลของหน่วยงานให้เปิดแบบวัดในโหมดตู้บริการ',
    'This browser has already sent answers to this survey, which takes one answer per browser. Thank you for taking part. If several people share this device (such as a tablet at a service counter), ask the agency to open the survey in kiosk mode.',
  ),
};

const NO_COOKIE = {
  title: m('เบราว์เซอร์ไม่ได้เก็บคุกกี้ของแบบวัด', 'Your browser did not keep the survey cookie'),
  text: m(
    'แบบวัดนี้ใช้คุกกี้ของเว็บไซต์นี้หนึ่งรายการเพื่อให้แต่ละเบราว์เซอร์ตอบได้ครั้งเดียว คุกกี้นี้เหมือนกันสำหรับทุกคนที่ตอบ จึงไม่ระบุตัวท่าน และไม่ถูกเก็บไว้กับคำตอบ กรุณาอนุญาตคุกกี้สำหรับเว็บไซต์นี้แล้วเริ่มตอบใหม่',
    'This survey uses one cookie of this site so that each browser answers once. It is the same for everyone who answers, so it does not identify you, and it is not stored with your answers. Please allow cookies for this site and start again.',
  ),
  again: m('เริ่มตอบใหม่', 'Start again'),
};

/** How long a browser remembers that it answered a link (a round's links are its own). */
const BROWSER_COOKIE_DAYS = 365;

/** The public IIT/EIT survey: consent, one indicator per step, thank-you; no sign-in. */
export function registerSurveyRoutes(app: FastifyInstance, options: AppOptions): void {
  const { ctx } = options;
  // made once and never changed: read from the database once per app (again after a failure)
  let resolved: Promise<string> | null = null;
  const secret = () =>
    (resolved ??= resolveCodeSecret(ctx, options.config.PRONGSAI_SECRET).catch((error) => {
      resolved = null;
      throw error;
    }));
  const api = typed(app);

  /** What the browser's cookie of this link says (exempt outside the one-per-browser rule). */
  const browserOf = async (
    request: FastifyRequest,
    survey: OpenSurvey,
    kiosk: boolean,
  ): Promise<BrowserCheck> => {
    if (!oncePerBrowser(survey, kiosk)) return 'exempt';
    const value = request.cookies[browserCookieName(survey.link.code)];
    return readBrowserMark(await secret(), survey.link.id, value) ?? 'missing';
  };

  /** Sets the link's cookie: the same value for every browser with this mark (no identifier). */
  const markBrowser = async (reply: FastifyReply, survey: OpenSurvey, mark: BrowserMark) => {
    reply.setCookie(
      browserCookieName(survey.link.code),
      browserCookieValue(await secret(), survey.link.id, mark),
      {
        path: `/s/${survey.link.code}`,
        httpOnly: true,
        sameSite: 'lax',
        secure: options.config.SECURE_COOKIES,
        maxAge: BROWSER_COOKIE_DAYS * 24 * 3600,
      },
    );
  };

  api.get(
    '/s/:code',
    { schema: { params: CodeParams, querystring: SurveyLinkQuery } },
    async (request, reply) => {
      const survey = await loadSurvey(ctx, request, reply, request.params.code);
      if (!survey) return reply;
      const query = request.query;
      const page = contextOf(request, survey, query.kiosk === '1');
      if (survey.closedBecause)
        return sendMessage(reply, page, survey.instrument.name, survey.closedBecause, 200);
      const browser = await browserOf(request, survey, page.kiosk);
      reply.header('cache-control', 'no-store');
      if (browser === 'answered')
        return sendMessage(reply, page, ALREADY_ANSWERED.title, ALREADY_ANSWERED.text, 200);
      if (browser === 'missing') await markBrowser(reply, survey, 'started');
      const carried = {
        nonce: ctx.ids.token(18),
        accessCode: (query.k ?? '').slice(0, 40),
        kiosk: page.kiosk,
        answers: {},
        comment: '',
      };
      return sendConsent(reply, survey, page, carried, null);
    },
  );

  api.post(
    '/s/:code/start',
    {
      config: { rateLimit: { max: 30, timeWindow: 60_000 } },
      schema: { params: CodeParams, body: SurveyForm },
    },
    async (request, reply) => {
      const survey = await loadSurvey(ctx, request, reply, request.params.code);
      if (!survey) return reply;
      const carried = readCarried(survey, request.body, request.body.values);
      const page = contextOf(request, survey, carried.kiosk);
      if (survey.closedBecause)
        return sendMessage(reply, page, survey.instrument.name, survey.closedBecause, 200);
      if (!carried.nonce) carried.nonce = ctx.ids.token(18);
      const browser = await browserOf(request, survey, carried.kiosk);
      if (browser === 'answered')
        return sendMessage(reply, page, ALREADY_ANSWERED.title, ALREADY_ANSWERED.text, 409);
      // the consent page set the cookie: without it now, the browser keeps none
      if (browser === 'missing') return sendNoCookie(reply, page);
      if (survey.link.requiresCode) {
        const problem = carried.accessCode
          ? await checkAccessCode(ctx, survey, carried.accessCode, await secret())
          : m('กรุณากรอกรหัสเข้าตอบ', 'Please enter your access code');
        if (problem) return sendConsent(reply, survey, page, carried, problem, 400);
      }
      return sendStep(reply, survey, page, { ...carried, answers: {} }, 0, {});
    },
  );

  api.post(
    '/s/:code/step',
    {
      config: {
        rateLimit: { max: options.config.SURVEY_STEPS_PER_MINUTE ?? 120, timeWindow: 60_000 },
      },
      schema: { params: CodeParams, body: SurveyForm },
    },
    async (request, reply) => {
      // the whole form: the answers are named by the survey's item codes
      const fields = request.body;
      const form = fields.values;
      const posted = Number.parseInt(fields.step ?? '0', 10) || 0;
      // An answer (the last step, sent) may take its link as this process read it a moment ago
      // (`kept`): its transaction checks the link again and says `changed` if it was closed or
      // changed since. Only a thank-you page is sent from a kept link: anything else (a
      // refusal, a changed link) is decided again from the link read anew. Every other step
      // reads its link.
      for (let attempt = 0; attempt < 3; attempt += 1) {
        let survey = await loadSurvey(ctx, request, reply, request.params.code, attempt === 0);
        if (!survey) return reply;
        const last = survey.steps.length - 1;
        if (survey.kept && (fields.go === 'back' || posted < last)) {
          survey = await loadSurvey(ctx, request, reply, request.params.code);
          if (!survey) return reply;
        }
        const carried = readCarried(survey, fields, form);
        const page = contextOf(request, survey, carried.kiosk);
        if (survey.closedBecause && survey.kept) continue;
        if (survey.closedBecause)
          return sendMessage(reply, page, survey.instrument.name, survey.closedBecause, 200);
        if (!carried.nonce) return reply.redirect(page.path);
        const index = Math.min(Math.max(posted, 0), survey.steps.length - 1);
        if (fields.go === 'back')
          return sendStep(reply, survey, page, carried, Math.max(index - 1, 0), {});
        const problems = findStepProblems(survey.steps[index]!, form);
        if (Object.keys(problems).length > 0 && survey.kept) continue;
        if (Object.keys(problems).length > 0)
          return sendStep(reply, survey, page, carried, index, problems);
        if (index < survey.steps.length - 1)
          return sendStep(reply, survey, page, carried, index + 1, {});
        const browser = await browserOf(request, survey, carried.kiosk);
        const outcome = await submitSurvey(ctx, survey, {
          form,
          nonce: carried.nonce,
          accessCode: carried.accessCode || null,
          secret: await secret(),
          browser,
          answers: carried.answers,
        });
        if (outcome.kind === 'stored' || outcome.kind === 'duplicate') {
          if (browser !== 'exempt') await markBrowser(reply, survey, 'answered');
          return sendThanks(request, reply, page);
        }
        if (outcome.kind === 'changed' || survey.kept) continue;
        if (outcome.kind === 'answered')
          return sendMessage(reply, page, ALREADY_ANSWERED.title, ALREADY_ANSWERED.text, 409);
        if (outcome.kind === 'no_cookie') return sendNoCookie(reply, page);
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
      }
      // changed at every attempt: nothing was stored (the error page says so)
      throw new Error(`survey link ${request.params.code} kept changing while answered`);
    },
  );
}
