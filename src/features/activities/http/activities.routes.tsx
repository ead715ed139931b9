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
import { signedIn } from '../../../platform/http/route-support.js';
import { IdParams, typed } from '../../../platform/http/typed-routes.js';
import { ActivityListPage, ActivityPage, PublicActivityListPage } from './views/activity-pages.js';
import { formValuesOf, SATISFACTION_ROWS, type ActivityFormValues } from './views/activity-form.js';
import { activityReport } from './views/activity-report.js';
import { type FieldErrors } from '../../../platform/http/views/form.js';
import {
  GENERATED_FILE_LIMIT,
  PUBLIC_PAGE_LIMIT,
  changing,
  guarded,
  submitForm,
} from '../../../platform/http/route-kit.js';
import {
  ActivityForm,
  ActivityParams,
  PublicActivityParams,
  PublicAgencyParams,
  PublishForm,
} from './activities-schemas.js';

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
  };
}

function registerList(app: FastifyInstance, ctx: ServiceContext): void {
  const api = typed(app);
  async function render(
    request: FastifyRequest,
    reply: FastifyReply,
    agencyId: string,
    values: ActivityFormValues,
    errors: FieldErrors,
    status = 200,
  ) {
    const list = await listAgencyActivities(ctx, signedIn(request), agencyId);
    const page = (
      <ActivityListPage page={pageOf(request)} {...list} values={values} errors={errors} />
    );
    return sendPage(reply, page, status);
  }
  const path = '/agencies/:id/activities';
  api.get(path, { ...guarded, schema: { params: IdParams } }, (request, reply) =>
    render(request, reply, request.params.id, {}, {}),
  );
  api.post(
    path,
    { ...changing, schema: { params: IdParams, body: ActivityForm } },
    (request, reply) => {
      const { id } = request.params;
      return submitForm(
        request,
        reply,
        async () => {
          const input = activityInputOf(request.body);
          const created = await createActivity(ctx, signedIn(request), id, input);
          return `/agencies/${id}/activities/${created.id}`;
        },
        (errors) => render(request, reply, id, request.body, errors, 400),
      );
    },
  );
}

function registerDetail(app: FastifyInstance, ctx: ServiceContext): void {
  const api = typed(app);
  async function render(
    request: FastifyRequest,
    reply: FastifyReply,
    { id, activityId }: { id: string; activityId: string },
    values: ActivityFormValues | null,
    errors: FieldErrors,
    status = 200,
  ) {
    const found = await getActivity(ctx, signedIn(request), id, activityId);
    const shown = values ?? formValuesOf(found.activity);
    const page = <ActivityPage page={pageOf(request)} {...found} values={shown} errors={errors} />;
    return sendPage(reply, page, status);
  }
  const base = '/agencies/:id/activities/:activityId';
  const read = { params: ActivityParams };
  api.get(base, { ...guarded, schema: read }, (request, reply) =>
    render(request, reply, request.params, null, {}),
  );
  api.post(base, { ...changing, schema: { ...read, body: ActivityForm } }, (request, reply) => {
    const { id, activityId } = request.params;
    return submitForm(
      request,
      reply,
      async () => {
        const ref = { agencyId: id, activityId };
        await editActivity(ctx, signedIn(request), ref, activityInputOf(request.body));
        return `/agencies/${id}/activities/${activityId}`;
      },
      (errors) => render(request, reply, request.params, request.body, errors, 400),
    );
  });
  api.post(
    `${base}/publish`,
    { ...changing, schema: { ...read, body: PublishForm } },
    async (request, reply) => {
      const { id, activityId } = request.params;
      const published = request.body.published === '1';
      await setActivityPublished(ctx, signedIn(request), { agencyId: id, activityId }, published);
      return reply.redirect(`/agencies/${id}/activities/${activityId}`);
    },
  );
  api.post(`${base}/delete`, { ...changing, schema: read }, async (request, reply) => {
    const { id, activityId } = request.params;
    await removeActivity(ctx, signedIn(request), { agencyId: id, activityId });
    return reply.redirect(`/agencies/${id}/activities`);
  });
  for (const format of ['pdf', 'docx', 'html'] as ReportFormat[])
    api.get(`${base}/report.${format}`, { ...guarded, schema: read }, async (request, reply) => {
      const { id, activityId } = request.params;
      const found = await getActivity(ctx, signedIn(request), id, activityId);
      const doc = activityReport(request.lang, found.agency, found.activity);
      return sendReport(
        reply,
        doc,
        format,
        `activity-${found.agency.code}-${found.activity.heldOn}`,
      );
    });
}

function registerPublic(app: FastifyInstance, ctx: ServiceContext): void {
  const api = typed(app);
  api.get(
    '/public/:agencyCode/activities',
    { ...PUBLIC_PAGE_LIMIT, schema: { params: PublicAgencyParams } },
    async (request, reply) => {
      const found = await loadPublicActivities(ctx, request.params.agencyCode);
      return sendPage(reply, <PublicActivityListPage lang={request.lang} {...found} />);
    },
  );
  const base = '/public/:agencyCode/activities/:activityId';
  const read = { params: PublicActivityParams };
  api.get(base, { ...PUBLIC_PAGE_LIMIT, schema: read }, async (request, reply) => {
    const { agencyCode, activityId } = request.params;
    const found = await loadPublicActivity(ctx, agencyCode, activityId);
    const doc = activityReport(request.lang, found.agency, found.activity);
    const pdf = {
      href: `${request.url.split('?')[0] ?? ''}/report.pdf`,
      text: pick(request.lang, m('ดาวน์โหลด PDF', 'Download PDF')),
    };
    return sendReportHtml(reply, doc, { screenLinks: [pdf] });
  });
  api.get(
    `${base}/report.pdf`,
    { ...GENERATED_FILE_LIMIT, schema: read },
    async (request, reply) => {
      const { agencyCode, activityId } = request.params;
      const found = await loadPublicActivity(ctx, agencyCode, activityId);
      const doc = activityReport(request.lang, found.agency, found.activity);
      return sendReport(
        reply,
        doc,
        'pdf',
        `activity-${found.agency.code}-${found.activity.heldOn}`,
      );
    },
  );
}

/** Activity (KM) reports: list, new, edit, publish, report files and the public page. */
export function registerActivitiesRoutes(app: FastifyInstance, options: AppOptions): void {
  registerList(app, options.ctx);
  registerDetail(app, options.ctx);
  registerPublic(app, options.ctx);
}
