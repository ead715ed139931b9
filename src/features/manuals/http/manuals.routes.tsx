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
  saveManual,
  setManualPublished,
  type ManualView,
} from '../services/manual.service.js';
import { pageOf, type AppOptions } from '../../../platform/http/request-context.js';
import { formatDate, type Lang } from '../../../platform/http/i18n.js';
import { sendPage } from '../../../platform/http/render.js';
import { sendReport, type ReportFormat } from '../../../platform/http/report-response.js';
import { formValues, signedIn } from '../../../platform/http/route-support.js';
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
import { sendDomainError } from '../../../platform/http/views/user-problem.js';
import {
  answerFormRefusal,
  PUBLIC_PAGE_LIMIT,
  PUBLIC_PAGE_OR_FILE_LIMIT,
  changing,
  formErrorsOf,
  guarded,
} from '../../../platform/http/route-kit.js';

const MAX_STEP_ROWS = 100;

type Params = { id: string; manualId?: string; caseId?: string };
const paramsOf = (request: FastifyRequest) => request.params as Params;

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
    dateText: formatDate(lang, printedAt),
  });
}

function registerRegister(app: FastifyInstance, ctx: ServiceContext): void {
  async function render(
    request: FastifyRequest,
    reply: FastifyReply,
    values: NewManualValues,
    errors: FieldErrors,
    status = 200,
  ) {
    try {
      const register = await getManualRegister(ctx, signedIn(request), paramsOf(request).id);
      const page = (
        <ManualRegisterPage
          page={pageOf(request)}
          register={register}
          values={values}
          errors={errors}
        />
      );
      return sendPage(reply, page, status);
    } catch (error) {
      return sendDomainError(request, reply, error);
    }
  }
  app.get('/agencies/:id/manuals', guarded, (request, reply) => render(request, reply, {}, {}));
  app.post('/agencies/:id/manuals', changing, async (request, reply) => {
    const values = formValues(request);
    const { id } = paramsOf(request);
    try {
      const created = await createManual(ctx, signedIn(request), id, {
        kind: values.kind as ManualKind,
        title: values.title ?? '',
        fiscalYear: values.fiscalYear ?? '',
      });
      return reply.redirect(`/agencies/${id}/manuals/${created.id}`);
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
    posted: ManualFormValues | null,
    errors: FieldErrors,
    status = 200,
  ) {
    const { id, manualId = '' } = paramsOf(request);
    try {
      const detail = await getManual(ctx, signedIn(request), id, manualId);
      const add = Number((request.query as { add?: string }).add ?? 0);
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
    } catch (error) {
      return sendDomainError(request, reply, error);
    }
  }
  const act =
    (work: (request: FastifyRequest) => Promise<unknown>, next = '') =>
    async (request: FastifyRequest, reply: FastifyReply) => {
      const { id, manualId = '' } = paramsOf(request);
      try {
        await work(request);
        const more = next || (formValues(request).action === 'add_step' ? '?add=1#steps' : '');
        return reply.redirect(`/agencies/${id}/manuals/${manualId}${more}`);
      } catch (error) {
        const errors = formErrorsOf(error);
        if (!errors) return sendDomainError(request, reply, error);
        const values = formValues(request);
        return render(request, reply, 'title' in values ? postedForm(values) : null, errors, 400);
      }
    };
  app.get('/agencies/:id/manuals/:manualId', guarded, (request, reply) =>
    render(request, reply, null, {}),
  );
  app.post(
    '/agencies/:id/manuals/:manualId',
    changing,
    act((request) => {
      const { id, manualId = '' } = paramsOf(request);
      const form = postedForm(formValues(request));
      return saveManual(ctx, signedIn(request), id, manualId, form);
    }),
  );
  app.post(
    '/agencies/:id/manuals/:manualId/publish',
    changing,
    act((request) => {
      const { id, manualId = '' } = paramsOf(request);
      const publish = formValues(request).publish === '1';
      return setManualPublished(ctx, signedIn(request), id, manualId, publish);
    }),
  );
  app.post(
    '/agencies/:id/manuals/:manualId/cases',
    changing,
    act((request) => {
      const { id, manualId = '' } = paramsOf(request);
      const { receivedOn = '', completedOn = '' } = formValues(request);
      return addServiceCase(ctx, signedIn(request), id, manualId, { receivedOn, completedOn });
    }, '#cases-title'),
  );
  app.post(
    '/agencies/:id/manuals/:manualId/cases/:caseId/delete',
    changing,
    act((request) => {
      const { id, manualId = '', caseId = '' } = paramsOf(request);
      return removeServiceCase(ctx, signedIn(request), id, manualId, caseId);
    }, '#cases-title'),
  );
  app.get('/agencies/:id/manuals/:manualId/document.:format', guarded, async (request, reply) => {
    const { id, manualId = '' } = paramsOf(request);
    const { format } = request.params as { format: string };
    if (!['pdf', 'docx', 'html'].includes(format)) return reply.callNotFound();
    try {
      const detail = await getManual(ctx, signedIn(request), id, manualId);
      const doc = reportOf(
        request.lang,
        detail.agency.nameTh,
        detail.manual,
        ctx.clock.now().toISOString(),
      );
      return sendReport(
        reply,
        doc,
        format as ReportFormat,
        `${detail.agency.code}-${detail.manual.title}`,
      );
    } catch (error) {
      return sendDomainError(request, reply, error);
    }
  });
}

/** The page context of a public page: nobody signed in, no form token. */
function publicPage(request: FastifyRequest): PageContext {
  return { ...pageOf(request), actor: null, csrfToken: '' };
}

function registerPublic(app: FastifyInstance, ctx: ServiceContext): void {
  const list =
    (kind: ManualKind | undefined) => async (request: FastifyRequest, reply: FastifyReply) => {
      const { agencyCode } = request.params as { agencyCode: string };
      const data = await getPublicManuals(ctx, agencyCode);
      return sendPage(
        reply,
        <PublicManualsPage page={publicPage(request)} data={data} kind={kind} />,
      );
    };
  app.get('/public/:agencyCode/manuals', PUBLIC_PAGE_LIMIT, list(undefined));
  // one page per kind (static segments win over the manual id): the OIT evidence addresses
  for (const kind of MANUAL_KINDS)
    app.get(`/public/:agencyCode/manuals/${kind}`, PUBLIC_PAGE_LIMIT, list(kind));
  app.get(
    '/public/:agencyCode/manuals/:manualId',
    PUBLIC_PAGE_OR_FILE_LIMIT,
    async (request, reply) => {
      const { agencyCode, manualId } = request.params as { agencyCode: string; manualId: string };
      const match = /^([0-9a-zA-Z-]+?)(?:\.(pdf|docx))?$/.exec(manualId);
      const { agency, manual } = await getPublicManual(ctx, agencyCode, match?.[1] ?? '');
      const format = match?.[2] as 'pdf' | 'docx' | undefined;
      if (format) {
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
