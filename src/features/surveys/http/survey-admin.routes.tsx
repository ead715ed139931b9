import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z, ZodError } from 'zod';
import { DomainError } from '../../../core/errors.js';
import type { ServiceContext } from '../../../platform/services/context.js';
import {
  checkLinkSettings,
  issueAccessCodes,
  MAX_CODES_PER_BATCH,
  updateLinkSettings,
  type LinkSettings,
} from '../services/survey-admin.service.js';
import { pageOf, type AppOptions } from '../../../platform/http/request-context.js';
import { m } from '../../../platform/http/i18n.js';
import { sendPage } from '../../../platform/http/render.js';
import { signedIn } from '../../../platform/http/route-support.js';
import { toFieldErrors, type FieldErrors } from '../../../platform/http/views/form.js';
import { SurveyCockpitPage, type FormState } from './views/survey-admin-cockpit.js';
import { reasonFieldId } from './views/survey-admin-review.js';
import { excludeIdenticalAnswers, getSurveyReview } from '../services/survey-review.service.js';
import { IssueCodesPage } from './views/survey-admin-codes.js';
import { CodeSlipsPage, PosterPage } from './views/survey-admin-print.js';
import { registerSurveyAdminApi } from './survey-admin-api.routes.js';
import {
  findSurveyToPrint,
  loadCockpit,
  originOf,
  qrSvg,
  surveyUrl,
  viewInstruments,
  type SurveyParams,
} from './survey-admin-links.js';
import { changing, guarded } from '../../../platform/http/route-kit.js';
import { BeDate, IdParams, typed, type TypedApp } from '../../../platform/http/typed-routes.js';
import { CloseSurveyConfirmPage } from './views/survey-admin-close.js';
import { DoneQuery, form, FormText, SurveyPathParams } from './survey-schemas.js';

const SAVED = m('บันทึกการตั้งค่าแล้ว', 'The settings were saved');
const EXCLUDED = m(
  'ตัดคำตอบที่เหมือนกันออกแล้ว คะแนนและจำนวนผู้ตอบไม่นับคำตอบเหล่านี้',
  'The identical answers were excluded from the scores and counts',
);
const NOTICES: Record<string, typeof SAVED> = { saved: SAVED, excluded: EXCLUDED };
const INVALID = m('ข้อมูลไม่ถูกต้อง', 'Invalid input');

/** The number of codes of a batch, as typed in the form or sent to the API. */
export const CodeCountSchema = z.object({
  count: z.coerce
    .number({ message: 'กรุณากรอกจำนวนรหัส / enter the number of codes' })
    .int({ message: 'จำนวนรหัสต้องเป็นจำนวนเต็ม / a whole number of codes' })
    .min(1, { message: 'อย่างน้อย 1 รหัส / at least 1 code' })
    .max(MAX_CODES_PER_BATCH, {
      message: `ไม่เกิน ${MAX_CODES_PER_BATCH} รหัสต่อครั้ง / at most ${MAX_CODES_PER_BATCH} codes at a time`,
    }),
});

/**
 * The settings form of one instrument's link; the closing day is typed as day/month/BE year.
 * `confirm=1`: the person has seen that a past closing day closes the survey now.
 */
const SettingsForm = form({ requiresCode: FormText, closesOn: BeDate, confirm: FormText });

/** The form that issues a batch of single-use codes. */
const CodesForm = form({ count: FormText });

/** The form that excludes a group of identical answer sets (`set`: its fingerprint). */
const ExclusionForm = form({ day: FormText, set: FormText, reason: FormText });

function noSuchLink(): DomainError {
  return new DomainError('not_found', {
    th: 'ยังไม่มีลิงก์ของแบบวัดนี้',
    en: 'This survey has no link yet',
  });
}

const NO_FORM: FormState = { errors: {}, values: {} };

async function renderCockpit(
  ctx: ServiceContext,
  request: FastifyRequest,
  reply: FastifyReply,
  roundId: string,
  shown: { form?: FormState; done?: string | undefined } = {},
  status = 200,
) {
  const cockpit = await loadCockpit(ctx, signedIn(request), roundId);
  const views = await viewInstruments(originOf(request), cockpit);
  const review = await getSurveyReview(ctx, signedIn(request), roundId);
  const notice = status === 200 ? (NOTICES[shown.done ?? ''] ?? null) : null;
  const page = (
    <SurveyCockpitPage
      page={pageOf(request)}
      cockpit={cockpit}
      views={views}
      form={shown.form ?? NO_FORM}
      notice={notice}
      review={review}
    />
  );
  return sendPage(reply, page, status);
}

/**
 * The posted settings, checked (a day that exists, within five years of today), whether they
 * close the survey now, or the form to show again (its fields are named per instrument).
 */
function parseSettings(
  ctx: ServiceContext,
  params: SurveyParams,
  values: z.output<typeof SettingsForm>,
): { settings: LinkSettings; closesNow: boolean } | { form: FormState } {
  const field = `${params.instrument}-closesOn`;
  try {
    return checkLinkSettings(ctx, {
      requiresCode: values.requiresCode === '1',
      closesOn: values.closesOn ?? null,
    });
  } catch (error) {
    if (!(error instanceof ZodError)) throw error;
    const message = toFieldErrors(error.issues).closesOn ?? INVALID;
    return { form: { errors: { [field]: message }, values: { [field]: values.closesOn ?? '' } } };
  }
}

function registerCockpit(api: TypedApp, ctx: ServiceContext): void {
  api.get(
    '/rounds/:id/surveys',
    { ...guarded, schema: { params: IdParams, querystring: DoneQuery } },
    (request, reply) =>
      renderCockpit(ctx, request, reply, request.params.id, { done: request.query.done }),
  );

  // Not submitForm: the fields are named per instrument, and only a closed survey shows on the
  // form (any other refusal goes to the error page).
  api.post(
    '/rounds/:id/surveys/:instrument/settings',
    { ...changing, schema: { params: SurveyPathParams, body: SettingsForm } },
    async (request, reply) => {
      const params = request.params;
      const parsed = parseSettings(ctx, params, request.body);
      if ('form' in parsed)
        return renderCockpit(ctx, request, reply, params.id, { form: parsed.form }, 400);
      try {
        const actor = signedIn(request);
        const found = await findSurveyToPrint(ctx, actor, params, originOf(request), true);
        const { link } = found;
        if (!link) throw noSuchLink();
        const { closesOn, requiresCode } = parsed.settings;
        if (parsed.closesNow && closesOn && request.body.confirm !== '1') {
          const page = (
            <CloseSurveyConfirmPage
              page={pageOf(request)}
              roundId={params.id}
              instrument={params.instrument}
              instrumentName={found.survey?.instrumentName ?? null}
              requiresCode={requiresCode}
              closesOn={closesOn}
            />
          );
          return sendPage(reply, page);
        }
        await updateLinkSettings(ctx, actor, link.id, parsed.settings);
        return reply.redirect(`/rounds/${params.id}/surveys?done=saved#${params.instrument}`);
      } catch (error) {
        if (!(error instanceof DomainError) || error.code !== 'survey_closed') throw error;
        const errors = { [`${params.instrument}-closesOn`]: error.messages };
        return renderCockpit(ctx, request, reply, params.id, { form: { errors, values: {} } }, 400);
      }
    },
  );
}

function registerExclusions(api: TypedApp, ctx: ServiceContext): void {
  // Not submitForm: the reason field is named per group, on the cockpit page.
  api.post(
    '/rounds/:id/surveys/:instrument/exclusions',
    { ...changing, schema: { params: SurveyPathParams, body: ExclusionForm } },
    async (request, reply) => {
      const params = request.params;
      const { day = '', set = '', reason = '' } = request.body;
      try {
        await excludeIdenticalAnswers(ctx, signedIn(request), {
          roundId: params.id,
          instrument: params.instrument,
          day,
          fingerprint: set,
          reason,
        });
        return reply.redirect(`/rounds/${params.id}/surveys?done=excluded#${params.instrument}`);
      } catch (error) {
        if (!(error instanceof DomainError) || ['not_found', 'forbidden'].includes(error.code))
          throw error;
        const field = reasonFieldId(params.instrument, set);
        const state = { errors: { [field]: error.messages }, values: { [field]: reason } };
        return renderCockpit(ctx, request, reply, params.id, { form: state }, 400);
      }
    },
  );
}

/** The survey of a poster; its link is created first when missing and the person may do so. */
async function findPosterSurvey(
  ctx: ServiceContext,
  request: FastifyRequest,
  params: SurveyParams,
) {
  const actor = signedIn(request);
  const origin = originOf(request);
  const found = await findSurveyToPrint(ctx, actor, params, origin, false);
  if (found.survey) return found.survey;
  const created = await findSurveyToPrint(ctx, actor, params, origin, true).catch(
    (error: unknown) => {
      throw error instanceof DomainError && error.code === 'forbidden' ? noSuchLink() : error;
    },
  );
  if (!created.survey) throw noSuchLink();
  return created.survey;
}

function registerPoster(api: TypedApp, ctx: ServiceContext): void {
  api.get(
    '/rounds/:id/surveys/:instrument/poster',
    { ...guarded, schema: { params: SurveyPathParams } },
    async (request, reply) => {
      const survey = await findPosterSurvey(ctx, request, request.params);
      const qr = await qrSvg(survey.url);
      return sendPage(reply, <PosterPage lang={request.lang} survey={survey} qrSvg={qr} />);
    },
  );
}

async function renderCodesForm(
  ctx: ServiceContext,
  request: FastifyRequest,
  reply: FastifyReply,
  params: SurveyParams,
  form: { errors: FieldErrors; values: Partial<Record<string, string>> },
  status = 200,
) {
  const found = await findSurveyToPrint(ctx, signedIn(request), params, originOf(request), true);
  if (!found.survey || !found.link) throw noSuchLink();
  const page = (
    <IssueCodesPage
      page={pageOf(request)}
      survey={found.survey}
      requiresCode={found.link.requiresCode}
      max={MAX_CODES_PER_BATCH}
      errors={form.errors}
      values={form.values}
    />
  );
  return sendPage(reply, page, status);
}

/** Issues a batch and renders its slips, each with a QR code of the link and its code. */
async function issueSlips(
  ctx: ServiceContext,
  request: FastifyRequest,
  params: SurveyParams,
  count: number,
  secret: string | undefined,
) {
  const actor = signedIn(request);
  const origin = originOf(request);
  const found = await findSurveyToPrint(ctx, actor, params, origin, true);
  if (!found.survey || !found.link) throw noSuchLink();
  const { code: linkCode, id } = found.link;
  const issued = await issueAccessCodes(ctx, actor, id, count, secret);
  const slips = await Promise.all(
    issued.codes.map(async (code) => {
      const url = surveyUrl(origin, linkCode, `?k=${code.replace('-', '')}`);
      return { code, qrSvg: await qrSvg(url) };
    }),
  );
  return (
    <CodeSlipsPage
      lang={request.lang}
      survey={found.survey}
      batch={issued.batch}
      slips={slips}
      requiresCode={found.link.requiresCode}
    />
  );
}

function registerCodes(api: TypedApp, ctx: ServiceContext, secret?: string): void {
  api.get(
    '/rounds/:id/surveys/:instrument/codes',
    { ...guarded, schema: { params: SurveyPathParams } },
    (request, reply) =>
      renderCodesForm(ctx, request, reply, request.params, { errors: {}, values: {} }),
  );

  // Not submitForm: the codes are shown at once (no redirect: they exist only in this answer).
  api.post(
    '/rounds/:id/surveys/:instrument/codes',
    { ...changing, schema: { params: SurveyPathParams, body: CodesForm } },
    async (request, reply) => {
      const params = request.params;
      const values = request.body;
      try {
        const parsed = CodeCountSchema.safeParse(values);
        if (!parsed.success) {
          const errors = toFieldErrors(parsed.error.issues);
          return await renderCodesForm(ctx, request, reply, params, { errors, values }, 400);
        }
        const page = await issueSlips(ctx, request, params, parsed.data.count, secret);
        // The plain codes exist only in this response: no cache may keep them.
        reply.header('cache-control', 'no-store');
        return sendPage(reply, page);
      } catch (error) {
        if (!(error instanceof DomainError) || ['not_found', 'forbidden'].includes(error.code))
          throw error;
        const form = { errors: { count: error.messages }, values };
        return renderCodesForm(ctx, request, reply, params, form, 400);
      }
    },
  );
}

/** The survey cockpit of a round: links and QR codes, settings, posters, single-use code slips, API. */
export function registerSurveyAdminRoutes(app: FastifyInstance, options: AppOptions): void {
  const api = typed(app);
  registerCockpit(api, options.ctx);
  registerExclusions(api, options.ctx);
  registerPoster(api, options.ctx);
  registerCodes(api, options.ctx, options.config.PRONGSAI_SECRET);
  registerSurveyAdminApi(app, options);
}
