import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { SATISFACTION_LEVELS } from '../core/satisfaction.js';
import {
  createActivity,
  editActivity,
  getActivity,
  listAgencyActivities,
  loadPublicActivities,
  loadPublicActivity,
  removeActivity,
  setActivityPublished,
  type ActivityInput,
} from '../services/activity.service.js';
import type { ServiceContext } from '../../../platform/services/context.js';
import { pageOf, type AppOptions } from '../../../platform/http/request-context.js';
import { m, pick } from '../../../platform/http/i18n.js';
import { sendPage } from '../../../platform/http/render.js';
import {
  sendReport,
  sendReportHtml,
  type ReportFormat,
} from '../../../platform/http/report-response.js';
import { formValues, signedIn } from '../../../platform/http/route-support.js';
import { ActivityListPage, ActivityPage, PublicActivityListPage } from './views/activity-pages.js';
import { formValuesOf, SATISFACTION_ROWS, type ActivityFormValues } from './views/activity-form.js';
import { activityReport } from './views/activity-report.js';
import { type FieldErrors } from '../../../platform/http/views/form.js';
import { sendDomainError } from '../../../platform/http/views/user-problem.js';
import {
  answerFormRefusal,
  GENERATED_FILE_LIMIT,
  PUBLIC_PAGE_LIMIT,
  changing,
  guarded,
} from '../../../platform/http/route-kit.js';

type Params = { id: string; activityId: string; agencyCode: string };
const paramsOf = (request: FastifyRequest) => request.params as Params;

/** The posted form as service input; satisfaction rows left wholly blank are dropped. */
export function activityInputOf(values: ActivityFormValues): ActivityInput {
  const satisfaction: { text: string; counts: string[] }[] = [];
  for (let i = 0; i < SATISFACTION_ROWS; i += 1) {
    const text = (values[`q${i}_text`] ?? '').trim();
    const counts = SATISFACTION_LEVELS.map((level) => (values[`q${i}_${level}`] ?? '').trim());
    if (counts.every((c) => c === '')) continue;
    satisfaction.push({ text, counts: counts.map((c) => (c === '' ? '0' : c)) });
  }
  return {
    title: values.title ?? '',
    heldOn: values.heldOn ?? '',
    place: values.place ?? '',
    objectives: values.objectives ?? '',
    method: values.method ?? '',
    keyKnowledge: values.keyKnowledge ?? '',
    bestPractices: values.bestPractices ?? '',
    attended: values.attended ?? '',
    invited: values.invited ?? '',
    satisfaction,
  } as unknown as ActivityInput;
}

function registerList(app: FastifyInstance, ctx: ServiceContext): void {
  async function render(
    request: FastifyRequest,
    reply: FastifyReply,
    values: ActivityFormValues,
    errors: FieldErrors,
    status = 200,
  ) {
    try {
      const list = await listAgencyActivities(ctx, signedIn(request), paramsOf(request).id);
      const page = (
        <ActivityListPage page={pageOf(request)} {...list} values={values} errors={errors} />
      );
      return sendPage(reply, page, status);
    } catch (error) {
      return sendDomainError(request, reply, error);
    }
  }
  app.get('/agencies/:id/activities', guarded, (request, reply) => render(request, reply, {}, {}));
  app.post('/agencies/:id/activities', changing, async (request, reply) => {
    const values = formValues(request);
    const { id } = paramsOf(request);
    try {
      const created = await createActivity(ctx, signedIn(request), id, activityInputOf(values));
      return reply.redirect(`/agencies/${id}/activities/${created.id}`);
    } catch (error) {
      return answerFormRefusal(request, reply, error, (errors) =>
        render(request, reply, values, errors, 400),
      );
    }
  });
}

function registerDetail(app: FastifyInstance, ctx: ServiceContext): void {
  async function render(
    request: FastifyRequest,
    reply: FastifyReply,
    values: ActivityFormValues | null,
    errors: FieldErrors,
    status = 200,
  ) {
    const { id, activityId } = paramsOf(request);
    try {
      const found = await getActivity(ctx, signedIn(request), id, activityId);
      const shown = values ?? formValuesOf(found.activity);
      const page = (
        <ActivityPage page={pageOf(request)} {...found} values={shown} errors={errors} />
      );
      return sendPage(reply, page, status);
    } catch (error) {
      return sendDomainError(request, reply, error);
    }
  }
  const base = '/agencies/:id/activities/:activityId';
  app.get(base, guarded, (request, reply) => render(request, reply, null, {}));
  app.post(base, changing, async (request, reply) => {
    const values = formValues(request);
    const { id, activityId } = paramsOf(request);
    try {
      const ref = { agencyId: id, activityId };
      await editActivity(ctx, signedIn(request), ref, activityInputOf(values));
      return reply.redirect(`/agencies/${id}/activities/${activityId}`);
    } catch (error) {
      return answerFormRefusal(request, reply, error, (errors) =>
        render(request, reply, values, errors, 400),
      );
    }
  });
  app.post(`${base}/publish`, changing, async (request, reply) => {
    const { id, activityId } = paramsOf(request);
    try {
      const published = formValues(request).published === '1';
      await setActivityPublished(ctx, signedIn(request), { agencyId: id, activityId }, published);
      return reply.redirect(`/agencies/${id}/activities/${activityId}`);
    } catch (error) {
      return sendDomainError(request, reply, error);
    }
  });
  app.post(`${base}/delete`, changing, async (request, reply) => {
    const { id, activityId } = paramsOf(request);
    try {
      await removeActivity(ctx, signedIn(request), { agencyId: id, activityId });
      return reply.redirect(`/agencies/${id}/activities`);
    } catch (error) {
      return sendDomainError(request, reply, error);
    }
  });
  for (const format of ['pdf', 'docx', 'html'] as ReportFormat[])
    app.get(`${base}/report.${format}`, guarded, async (request, reply) => {
      const { id, activityId } = paramsOf(request);
      try {
        const found = await getActivity(ctx, signedIn(request), id, activityId);
        const doc = activityReport(request.lang, found.agency, found.activity);
        return await sendReport(
          reply,
          doc,
          format,
          `activity-${found.agency.code}-${found.activity.heldOn}`,
        );
      } catch (error) {
        return sendDomainError(request, reply, error);
      }
    });
}

function registerPublic(app: FastifyInstance, ctx: ServiceContext): void {
  app.get('/public/:agencyCode/activities', PUBLIC_PAGE_LIMIT, async (request, reply) => {
    try {
      const found = await loadPublicActivities(ctx, paramsOf(request).agencyCode);
      return sendPage(reply, <PublicActivityListPage lang={request.lang} {...found} />);
    } catch (error) {
      return sendDomainError(request, reply, error);
    }
  });
  const base = '/public/:agencyCode/activities/:activityId';
  app.get(base, PUBLIC_PAGE_LIMIT, async (request, reply) => {
    const { agencyCode, activityId } = paramsOf(request);
    try {
      const found = await loadPublicActivity(ctx, agencyCode, activityId);
      const doc = activityReport(request.lang, found.agency, found.activity);
      const pdf = {
        href: `${request.url.split('?')[0] ?? ''}/report.pdf`,
        text: pick(request.lang, m('ดาวน์โหลด PDF', 'Download PDF')),
      };
      return sendReportHtml(reply, doc, { screenLinks: [pdf] });
    } catch (error) {
      return sendDomainError(request, reply, error);
    }
  });
  app.get(`${base}/report.pdf`, GENERATED_FILE_LIMIT, async (request, reply) => {
    const { agencyCode, activityId } = paramsOf(request);
    try {
      const found = await loadPublicActivity(ctx, agencyCode, activityId);
      const doc = activityReport(request.lang, found.agency, found.activity);
      return await sendReport(
        reply,
        doc,
        'pdf',
        `activity-${found.agency.code}-${found.activity.heldOn}`,
      );
    } catch (error) {
      return sendDomainError(request, reply, error);
    }
  });
}

/** Activity (KM) reports: list, new, edit, publish, report files and the public page. */
export function registerActivitiesRoutes(app: FastifyInstance, options: AppOptions): void {
  registerList(app, options.ctx);
  registerDetail(app, options.ctx);
  registerPublic(app, options.ctx);
}
