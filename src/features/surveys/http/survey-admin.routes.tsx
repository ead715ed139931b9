import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { DomainError } from '../../../core/errors.js';
import type { ServiceContext } from '../../../platform/services/context.js';
import {
  issueAccessCodes,
  LinkSettingsSchema,
  MAX_CODES_PER_BATCH,
  updateLinkSettings,
  type LinkSettings,
} from '../services/survey-admin.service.js';
import { pageOf, type AppOptions } from '../../../platform/http/request-context.js';
import { m } from '../../../platform/http/i18n.js';
import { sendPage } from '../../../platform/http/render.js';
import { formValues, signedIn } from '../../../platform/http/route-support.js';
import { toFieldErrors, type FieldErrors } from '../../../platform/http/views/form.js';
import { SurveyCockpitPage, type FormState } from './views/survey-admin-cockpit.js';
import { IssueCodesPage } from './views/survey-admin-codes.js';
import { CodeSlipsPage, PosterPage } from './views/survey-admin-print.js';
import { sendDomainError } from '../../../platform/http/views/user-problem.js';
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

const SAVED = m('บันทึกการตั้งค่าแล้ว', 'The settings were saved');
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

function paramsOf(request: FastifyRequest): SurveyParams {
  return request.params as SurveyParams;
}

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
  form: FormState = NO_FORM,
  status = 200,
) {
  try {
    const cockpit = await loadCockpit(ctx, signedIn(request), paramsOf(request).id);
    const views = await viewInstruments(originOf(request), cockpit);
    const saved = (request.query as { done?: string }).done === 'saved' && status === 200;
    const page = (
      <SurveyCockpitPage
        page={pageOf(request)}
        cockpit={cockpit}
        views={views}
        form={form}
        notice={saved ? SAVED : null}
      />
    );
    return sendPage(reply, page, status);
  } catch (error) {
    return sendDomainError(request, reply, error);
  }
}

/** The posted settings, or the form to show again (its fields are named per instrument). */
function parseSettings(request: FastifyRequest): { settings: LinkSettings } | { form: FormState } {
  const values = formValues(request);
  const field = `${paramsOf(request).instrument}-closesOn`;
  const parsed = LinkSettingsSchema.safeParse({
    requiresCode: values.requiresCode === '1',
    closesOn: values.closesOn ? values.closesOn : null,
  });
  if (parsed.success) return { settings: parsed.data };
  const error = toFieldErrors(parsed.error.issues).closesOn ?? INVALID;
  return { form: { errors: { [field]: error }, values: { [field]: values.closesOn ?? '' } } };
}

function registerCockpit(app: FastifyInstance, ctx: ServiceContext): void {
  app.get('/rounds/:id/surveys', guarded, (request, reply) => renderCockpit(ctx, request, reply));

  app.post('/rounds/:id/surveys/:instrument/settings', changing, async (request, reply) => {
    const params = paramsOf(request);
    const parsed = parseSettings(request);
    if ('form' in parsed) return renderCockpit(ctx, request, reply, parsed.form, 400);
    try {
      const actor = signedIn(request);
      const { link } = await findSurveyToPrint(ctx, actor, params, originOf(request), true);
      if (!link) throw noSuchLink();
      await updateLinkSettings(ctx, actor, link.id, parsed.settings);
      return reply.redirect(`/rounds/${params.id}/surveys?done=saved#${params.instrument}`);
    } catch (error) {
      if (!(error instanceof DomainError) || error.code !== 'survey_closed')
        return sendDomainError(request, reply, error);
      const errors = { [`${params.instrument}-closesOn`]: error.messages };
      return renderCockpit(ctx, request, reply, { errors, values: {} }, 400);
    }
  });
}

/** The survey of a poster; its link is created first when missing and the person may do so. */
async function findPosterSurvey(ctx: ServiceContext, request: FastifyRequest) {
  const actor = signedIn(request);
  const origin = originOf(request);
  const found = await findSurveyToPrint(ctx, actor, paramsOf(request), origin, false);
  if (found.survey) return found.survey;
  const created = await findSurveyToPrint(ctx, actor, paramsOf(request), origin, true).catch(
    (error: unknown) => {
      throw error instanceof DomainError && error.code === 'forbidden' ? noSuchLink() : error;
    },
  );
  if (!created.survey) throw noSuchLink();
  return created.survey;
}

function registerPoster(app: FastifyInstance, ctx: ServiceContext): void {
  app.get('/rounds/:id/surveys/:instrument/poster', guarded, async (request, reply) => {
    try {
      const survey = await findPosterSurvey(ctx, request);
      const qr = await qrSvg(survey.url);
      return sendPage(reply, <PosterPage lang={request.lang} survey={survey} qrSvg={qr} />);
    } catch (error) {
      return sendDomainError(request, reply, error);
    }
  });
}

async function renderCodesForm(
  ctx: ServiceContext,
  request: FastifyRequest,
  reply: FastifyReply,
  errors: FieldErrors,
  status = 200,
) {
  const params = paramsOf(request);
  const found = await findSurveyToPrint(ctx, signedIn(request), params, originOf(request), true);
  if (!found.survey || !found.link) throw noSuchLink();
  const page = (
    <IssueCodesPage
      page={pageOf(request)}
      survey={found.survey}
      requiresCode={found.link.requiresCode}
      max={MAX_CODES_PER_BATCH}
      errors={errors}
      values={formValues(request)}
    />
  );
  return sendPage(reply, page, status);
}

/** Issues a batch and renders its slips, each with a QR code of the link and its code. */
async function issueSlips(
  ctx: ServiceContext,
  request: FastifyRequest,
  count: number,
  secret: string | undefined,
) {
  const actor = signedIn(request);
  const origin = originOf(request);
  const found = await findSurveyToPrint(ctx, actor, paramsOf(request), origin, true);
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
    <CodeSlipsPage lang={request.lang} survey={found.survey} batch={issued.batch} slips={slips} />
  );
}

function registerCodes(app: FastifyInstance, ctx: ServiceContext, secret?: string): void {
  app.get('/rounds/:id/surveys/:instrument/codes', guarded, (request, reply) =>
    renderCodesForm(ctx, request, reply, {}).catch((error: unknown) =>
      sendDomainError(request, reply, error),
    ),
  );

  app.post('/rounds/:id/surveys/:instrument/codes', changing, async (request, reply) => {
    try {
      const parsed = CodeCountSchema.safeParse(formValues(request));
      if (!parsed.success) {
        const errors = toFieldErrors(parsed.error.issues);
        return await renderCodesForm(ctx, request, reply, errors, 400);
      }
      const page = await issueSlips(ctx, request, parsed.data.count, secret);
      // The plain codes exist only in this response: no cache may keep them.
      reply.header('cache-control', 'no-store');
      return sendPage(reply, page);
    } catch (error) {
      if (!(error instanceof DomainError) || ['not_found', 'forbidden'].includes(error.code))
        return sendDomainError(request, reply, error);
      return renderCodesForm(ctx, request, reply, { count: error.messages }, 400);
    }
  });
}

/** The survey cockpit of a round: links and QR codes, settings, posters, single-use code slips, API. */
export function registerSurveyAdminRoutes(app: FastifyInstance, options: AppOptions): void {
  registerCockpit(app, options.ctx);
  registerPoster(app, options.ctx);
  registerCodes(app, options.ctx, options.config.PRONGSAI_SECRET);
  registerSurveyAdminApi(app, options);
}
