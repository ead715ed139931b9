import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { MANUAL_KINDS, type ManualKind } from '../core/manual-rules.js';
import { buildManualReport } from '../reports/manual-report.js';
import type { ServiceContext } from '../../../platform/services/context.js';
import { getPublicManual, getPublicManuals } from '../services/manual-public.service.js';
import { addServiceCase, removeServiceCase } from '../services/manual-cases.service.js';
import {
  createManual,
  getManual,
  getManualRegister,
  ManualInputSchema,
  saveManual,
  setManualPublished,
  type ManualView,
} from '../services/manual.service.js';
import { pageOf, type AppOptions } from '../../../platform/http/request-context.js';
import { type Lang } from '../../../platform/http/i18n.js';
import { longDate } from '../../../core/thai-calendar.js';
import { sendPage } from '../../../platform/http/render.js';
import { sendReport, type ReportFormat } from '../../../platform/http/report-response.js';
import { signedIn } from '../../../platform/http/route-support.js';
import { IdParams, typed } from '../../../platform/http/typed-routes.js';
import { type FieldErrors } from '../../../platform/http/views/form.js';
import type { PageContext } from '../../../platform/http/views/layout.js';
import {
  formValuesOf,
  ManualDetailPage,
  type ManualFormValues,
  type StepFormValues,
} from './views/manuals-detail.js';
import { PublicManualPage, PublicManualsPage } from './views/manuals-public.js';
import { ManualRegisterPage, type NewManualValues } from './views/manuals-register.js';
import {
  PUBLIC_PAGE_LIMIT,
  PUBLIC_PAGE_OR_FILE_LIMIT,
  changing,
  guarded,
  submitForm,
} from '../../../platform/http/route-kit.js';
import {
  AddRowsQuery,
  CaseForm,
  CaseParams,
  DocumentParams,
  ManualEditForm,
  ManualParams,
  NewManualForm,
  PublicAgencyParams,
  PublicManualParams,
  PublishForm,
} from './manuals-schemas.js';

const MAX_STEP_ROWS = 100;

/** The step rows of a posted edit form (`step_description_0`, `step_amount_0`, …). */
function stepRowsOf(values: Record<string, string>): StepFormValues[] {
  const rows: StepFormValues[] = [];
  for (let i = 0; i < MAX_STEP_ROWS; i++) {
    if (!(`step_description_${i}` in values)) continue;
    rows.push({
      description: values[`step_description_${i}`] ?? '',
      responsible: values[`step_responsible_${i}`] ?? '',
      timeAmount: values[`step_amount_${i}`] ?? '',
      timeUnit: values[`step_unit_${i}`] ?? '',
    });
  }
  return rows;
}

/** The posted edit form, with the step named by a `remove:<n>` button left out. */
function postedForm(values: Record<string, string>): ManualFormValues {
  const removed = /^remove:(\d+)$/.exec(values.action ?? '');
  const steps = stepRowsOf(values).filter((_, i) => !removed || i !== Number(removed[1]));
  return {
    title: values.title ?? '',
    purpose: values.purpose ?? '',
    responsibleUnit: values.responsibleUnit ?? '',
    channels: values.channels ?? '',
    feeText: values.feeText ?? '',
    documents: values.documents ?? '',
    legalBasis: values.legalBasis ?? '',
    fiscalYear: values.fiscalYear ?? '',
    steps,
  };
}

/** The report of a manual (staff: drafts too; public: published only). */
function reportOf(lang: Lang, agencyNameTh: string, manual: ManualView, printedAt: string) {
  return buildManualReport(manual, {
    lang,
    agencyName: agencyNameTh,
    dateText: longDate(lang, printedAt),
  });
}

function registerRegister(app: FastifyInstance, ctx: ServiceContext): void {
  const api = typed(app);
  async function render(
    request: FastifyRequest,
    reply: FastifyReply,
    agencyId: string,
    values: NewManualValues,
    errors: FieldErrors,
    status = 200,
  ) {
    const register = await getManualRegister(ctx, signedIn(request), agencyId);
    const page = (
      <ManualRegisterPage
        page={pageOf(request)}
        register={register}
        values={values}
        errors={errors}
      />
    );
    return sendPage(reply, page, status);
  }
  const path = '/agencies/:id/manuals';
  api.get(path, { ...guarded, schema: { params: IdParams } }, (request, reply) =>
    render(request, reply, request.params.id, {}, {}),
  );
  api.post(
    path,
    { ...changing, schema: { params: IdParams, body: NewManualForm } },
    (request, reply) => {
      const { id } = request.params;
      const { kind, title = '', fiscalYear = '' } = request.body;
      return submitForm(
        request,
        reply,
        async () => {
          const input = ManualInputSchema.parse({ kind, title, fiscalYear });
          const created = await createManual(ctx, signedIn(request), id, input);
          return `/agencies/${id}/manuals/${created.id}`;
        },
        (errors) => render(request, reply, id, request.body, errors, 400),
      );
    },
  );
}

const REPORT_FORMATS: readonly ReportFormat[] = ['pdf', 'docx', 'html'];
const isReportFormat = (format: string): format is ReportFormat =>
  REPORT_FORMATS.some((known) => known === format);

function registerDetail(app: FastifyInstance, ctx: ServiceContext): void {
  const api = typed(app);
  async function render(
    request: FastifyRequest,
    reply: FastifyReply,
    shown: { id: string; manualId: string; add: string | undefined },
    posted: ManualFormValues | null,
    errors: FieldErrors,
    status = 200,
  ) {
    const detail = await getManual(ctx, signedIn(request), shown.id, shown.manualId);
    const add = Number(shown.add ?? 0);
    const page = (
      <ManualDetailPage
        page={pageOf(request)}
        detail={detail}
        values={posted ?? formValuesOf(detail)}
        errors={errors}
        blankRows={1 + (Number.isInteger(add) ? Math.min(Math.max(add, 0), 10) : 0)}
      />
    );
    return sendPage(reply, page, status);
  }
  /**
   * Runs a change, then goes back to the manual (`next`, or the new step row after "add a
   * step"); a refusal a form can show comes back on the page with `posted` kept.
   */
  const act = (
    request: FastifyRequest,
    reply: FastifyReply,
    where: { params: { id: string; manualId: string }; query: { add?: string | undefined } },
    work: () => Promise<unknown>,
    next: string,
    posted: ManualFormValues | null = null,
  ) => {
    const { id, manualId } = where.params;
    const shown = { id, manualId, add: where.query.add };
    return submitForm(
      request,
      reply,
      async () => {
        await work();
        return `/agencies/${id}/manuals/${manualId}${next}`;
      },
      (errors) => render(request, reply, shown, posted, errors, 400),
    );
  };
  const moreOf = (action: string | undefined) => (action === 'add_step' ? '?add=1#steps' : '');
  const base = '/agencies/:id/manuals/:manualId';
  const read = { params: ManualParams, querystring: AddRowsQuery };
  api.get(base, { ...guarded, schema: read }, (request, reply) =>
    render(request, reply, { ...request.params, add: request.query.add }, null, {}),
  );
  api.post(base, { ...changing, schema: { ...read, body: ManualEditForm } }, (request, reply) => {
    const { id, manualId } = request.params;
    const values = request.body;
    const posted = 'title' in values ? postedForm(values) : null;
    const save = () => saveManual(ctx, signedIn(request), id, manualId, postedForm(values));
    return act(request, reply, request, save, moreOf(values.action), posted);
  });
  api.post(
    `${base}/publish`,
    { ...changing, schema: { ...read, body: PublishForm } },
    (request, reply) => {
      const { id, manualId } = request.params;
      const { publish, action } = request.body;
      const work = () => setManualPublished(ctx, signedIn(request), id, manualId, publish === '1');
      return act(request, reply, request, work, moreOf(action));
    },
  );
  api.post(
    `${base}/cases`,
    { ...changing, schema: { ...read, body: CaseForm } },
    (request, reply) => {
      const { id, manualId } = request.params;
      const { receivedOn = '', completedOn = '' } = request.body;
      const input = { receivedOn, completedOn };
      const work = () => addServiceCase(ctx, signedIn(request), id, manualId, input);
      return act(request, reply, request, work, '#cases-title');
    },
  );
  api.post(
    `${base}/cases/:caseId/delete`,
    { ...changing, schema: { params: CaseParams, querystring: AddRowsQuery } },
    (request, reply) => {
      const { id, manualId, caseId } = request.params;
      const work = () => removeServiceCase(ctx, signedIn(request), id, manualId, caseId);
      return act(request, reply, request, work, '#cases-title');
    },
  );
  api.get(
    `${base}/document.:format`,
    { ...guarded, schema: { params: DocumentParams } },
    async (request, reply) => {
      const { id, manualId, format } = request.params;
      if (!isReportFormat(format)) return reply.callNotFound();
      const detail = await getManual(ctx, signedIn(request), id, manualId);
      const printedAt = ctx.clock.now().toISOString();
      const doc = reportOf(request.lang, detail.agency.nameTh, detail.manual, printedAt);
      return sendReport(reply, doc, format, `${detail.agency.code}-${detail.manual.title}`);
    },
  );
}

/** The page context of a public page: nobody signed in, no form token. */
function publicPage(request: FastifyRequest): PageContext {
  return { ...pageOf(request), actor: null, csrfToken: '' };
}

function registerPublic(app: FastifyInstance, ctx: ServiceContext): void {
  const api = typed(app);
  const list = (kind: ManualKind | undefined) =>
    api.get(
      `/public/:agencyCode/manuals${kind ? `/${kind}` : ''}`,
      { ...PUBLIC_PAGE_LIMIT, schema: { params: PublicAgencyParams } },
      async (request, reply) => {
        const data = await getPublicManuals(ctx, request.params.agencyCode);
        return sendPage(
          reply,
          <PublicManualsPage page={publicPage(request)} data={data} kind={kind} />,
        );
      },
    );
  list(undefined);
  // one page per kind (static segments win over the manual id): the OIT evidence addresses
  for (const kind of MANUAL_KINDS) list(kind);
  api.get(
    '/public/:agencyCode/manuals/:manualId',
    { ...PUBLIC_PAGE_OR_FILE_LIMIT, schema: { params: PublicManualParams } },
    async (request, reply) => {
      const { agencyCode, manualId } = request.params;
      const match = /^([0-9a-zA-Z-]+?)(?:\.(pdf|docx))?$/.exec(manualId);
      const { agency, manual } = await getPublicManual(ctx, agencyCode, match?.[1] ?? '');
      const format = match?.[2];
      if (format === 'pdf' || format === 'docx') {
        const doc = reportOf(request.lang, agency.nameTh, manual, manual.updatedAt);
        return sendReport(reply, doc, format, `${agency.code}-${manual.title}`);
      }
      return sendPage(
        reply,
        <PublicManualPage page={publicPage(request)} agency={agency} manual={manual} />,
      );
    },
  );
}

/** Work manuals and service standards: staff register and editor, cases, public pages, reports. */
export function registerManualsRoutes(app: FastifyInstance, options: AppOptions): void {
  registerRegister(app, options.ctx);
  registerDetail(app, options.ctx);
  registerPublic(app, options.ctx);
}
