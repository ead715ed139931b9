import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ZodError } from 'zod';
import { DomainError, type Message } from '../../core/errors.js';
import { assetGuidelineReport, assetUsageReport } from '../../reports/asset-reports.js';
import { bangkokDay } from '../../core/measures/measure-rules.js';
import {
  currentFiscalYear,
  getGuideline,
  getPublicGuideline,
  getPublicUsageReport,
  getUsageReport,
  saveAssetGuideline,
  type AgencyUsageReport,
} from '../../services/asset-report.service.js';
import {
  actOnLoan,
  addAsset,
  getAssetDetail,
  getAssetRegister,
  getLoanBoard,
  requestLoan,
  type LoanAction,
  type LoanRequestInput,
} from '../../services/asset.service.js';
import type { ServiceContext } from '../../services/context.js';
import { publicReportPath } from '../../services/evidence-providers/assets.js';
import { assetsReminders } from '../../services/reminder-providers/assets.js';
import { pageOf, requireActor, requireCsrf, type AppOptions } from '../app.js';
import { m, pick, type Lang } from '../i18n.js';
import { sendPage } from '../render.js';
import { sendReport, sendReportHtml, type ReportFormat } from '../report-response.js';
import { formValues, signedIn } from '../route-support.js';
import { AssetDetailPage, type LoanFormValues } from '../views/assets-detail.js';
import { AssetGuidelinePage } from '../views/assets-guideline.js';
import { AssetLoanBoard } from '../views/assets-loans.js';
import { AssetRegisterPage, type AssetFormValues } from '../views/assets-register.js';
import { toFieldErrors, type FieldErrors } from '../views/form.js';
import { fieldErrorOf, sendDomainError } from '../views/user-problem.js';
import { registerAssetImportRoutes } from './assets-import.routes.js';

const guarded = { preHandler: requireActor };
const changing = { preHandler: [requireActor, requireCsrf] };
/** Public pages are open to anyone: a tighter limit than signed-in pages. */
const LIMITED = { config: { rateLimit: { max: 120, timeWindow: 60_000 } } };

type Params = { id: string; assetId?: string; loanId?: string; agencyCode?: string; year?: string };
const paramsOf = (request: FastifyRequest) => request.params as Params;
const queryOf = (request: FastifyRequest) => (request.query ?? {}) as Record<string, string>;

/** A refusal a form can show next to its fields; anything else goes to the error page. */
function formErrorsOf(error: unknown): FieldErrors | null {
  if (error instanceof ZodError) return toFieldErrors(error.issues);
  if (error instanceof DomainError && error.code !== 'not_found' && error.code !== 'forbidden')
    return fieldErrorOf(error);
  return null;
}

function registerRegister(app: FastifyInstance, ctx: ServiceContext): void {
  async function render(
    request: FastifyRequest,
    reply: FastifyReply,
    values: AssetFormValues,
    errors: FieldErrors,
    status = 200,
  ) {
    const { q = '', kind = '', status: state = '' } = queryOf(request);
    const filter = { q: q.trim(), category: kind, status: state };
    try {
      const register = await getAssetRegister(ctx, signedIn(request), paramsOf(request).id, filter);
      return sendPage(
        reply,
        <AssetRegisterPage
          page={pageOf(request)}
          register={register}
          values={values}
          errors={errors}
        />,
        status,
      );
    } catch (error) {
      return sendDomainError(request, reply, error);
    }
  }
  app.get('/agencies/:id/assets', guarded, (request, reply) => render(request, reply, {}, {}));
  app.post('/agencies/:id/assets', changing, async (request, reply) => {
    const values = formValues(request);
    const { id } = paramsOf(request);
    try {
      const asset = await addAsset(ctx, signedIn(request), id, values);
      return reply.redirect(`/agencies/${id}/assets/${asset.id}?added=1`);
    } catch (error) {
      const errors = formErrorsOf(error);
      if (!errors) return sendDomainError(request, reply, error);
      return render(request, reply, values, errors, 400);
    }
  });
}

function detailNotice(request: FastifyRequest): Message | null {
  const q = queryOf(request);
  if (q.added) return m('เพิ่มทรัพย์สินในทะเบียนแล้ว', 'The asset was added to the register');
  if (q.requested) return m('ยื่นคำขอยืมแล้ว รอผู้มีอำนาจอนุมัติ', 'Your request was sent for approval');
  if (q.refused)
    return m(
      'คำขอยืมไม่ได้รับอนุมัติ: ยืมทรัพย์สินของราชการไปใช้ส่วนตัวไม่ได้ (ดูเหตุผลในประวัติการยืม)',
      'Your request was refused: government assets cannot be borrowed for personal use (see the reason in the history)',
    );
  return null;
}

function registerDetail(app: FastifyInstance, ctx: ServiceContext): void {
  async function render(
    request: FastifyRequest,
    reply: FastifyReply,
    values: LoanFormValues,
    errors: FieldErrors,
    status = 200,
  ) {
    const { id, assetId = '' } = paramsOf(request);
    try {
      const detail = await getAssetDetail(ctx, signedIn(request), id, assetId);
      const notice = status === 200 ? detailNotice(request) : null;
      return sendPage(
        reply,
        <AssetDetailPage
          page={pageOf(request)}
          detail={detail}
          values={values}
          errors={errors}
          notice={notice}
        />,
        status,
      );
    } catch (error) {
      return sendDomainError(request, reply, error);
    }
  }
  app.get('/agencies/:id/assets/:assetId', guarded, (request, reply) =>
    render(request, reply, {}, {}),
  );
  app.post('/agencies/:id/assets/:assetId/loans', changing, async (request, reply) => {
    const values = formValues(request);
    const { id, assetId = '' } = paramsOf(request);
    try {
      const input = values as unknown as LoanRequestInput;
      const loan = await requestLoan(ctx, signedIn(request), id, assetId, input);
      const outcome = loan.status === 'refused' ? 'refused' : 'requested';
      return reply.redirect(`/agencies/${id}/assets/${assetId}?${outcome}=1`);
    } catch (error) {
      const errors = formErrorsOf(error);
      if (!errors) return sendDomainError(request, reply, error);
      return render(request, reply, values, errors, 400);
    }
  });
}

const ACTIONS: Record<string, (values: Record<string, string>) => LoanAction> = {
  approve: () => ({ kind: 'approve' }),
  refuse: (v) => ({ kind: 'refuse', reason: v.reason ?? '' }),
  'hand-over': () => ({ kind: 'hand_over' }),
  return: (v) => ({ kind: 'return', condition: v.condition ?? '' }),
};

const DONE: Record<string, Message> = {
  approve: m('อนุมัติคำขอยืมแล้ว', 'The request was approved'),
  refuse: m('บันทึกการไม่อนุมัติแล้ว', 'The request was refused'),
  'hand-over': m('บันทึกการส่งมอบแล้ว', 'The hand-over was recorded'),
  return: m('บันทึกการรับคืนแล้ว', 'The return was recorded'),
};

function registerLoans(app: FastifyInstance, ctx: ServiceContext): void {
  async function render(
    request: FastifyRequest,
    reply: FastifyReply,
    errors: FieldErrors,
    status = 200,
  ) {
    try {
      const actor = signedIn(request);
      const board = await getLoanBoard(ctx, actor, paramsOf(request).id);
      const reminders = (await assetsReminders(ctx, actor)).filter(
        (r) => r.agencyCode === board.agency.code,
      );
      const done = DONE[queryOf(request).done ?? ''] ?? null;
      return sendPage(
        reply,
        <AssetLoanBoard
          page={pageOf(request)}
          board={board}
          reminders={reminders}
          errors={errors}
          notice={status === 200 ? done : null}
        />,
        status,
      );
    } catch (error) {
      return sendDomainError(request, reply, error);
    }
  }
  app.get('/agencies/:id/loans', guarded, (request, reply) => render(request, reply, {}));
  app.post('/agencies/:id/loans/:loanId/:action', changing, async (request, reply) => {
    const { id, loanId = '' } = paramsOf(request);
    const name = (request.params as { action: string }).action;
    const make = ACTIONS[name];
    if (!make)
      return sendDomainError(
        request,
        reply,
        new DomainError('not_found', m('ไม่พบหน้าที่ต้องการ', 'Page not found')),
      );
    try {
      await actOnLoan(ctx, signedIn(request), id, loanId, make(formValues(request)));
      return reply.redirect(`/agencies/${id}/loans?done=${name}#loan-${loanId}`);
    } catch (error) {
      const errors = formErrorsOf(error);
      if (!errors) return sendDomainError(request, reply, error);
      return render(request, reply, errors, 400);
    }
  });
}

function registerGuideline(app: FastifyInstance, ctx: ServiceContext): void {
  async function render(
    request: FastifyRequest,
    reply: FastifyReply,
    text: string | null,
    errors: FieldErrors,
    status = 200,
  ) {
    try {
      const state = await getGuideline(ctx, signedIn(request), paramsOf(request).id);
      const notice = queryOf(request).published
        ? m('เผยแพร่แนวปฏิบัติแล้ว', 'The guideline is published')
        : queryOf(request).saved
          ? m('บันทึกร่างแล้ว', 'The draft was saved')
          : null;
      return sendPage(
        reply,
        <AssetGuidelinePage
          page={pageOf(request)}
          state={state}
          text={text ?? state.draft}
          errors={errors}
          notice={status === 200 ? notice : null}
        />,
        status,
      );
    } catch (error) {
      return sendDomainError(request, reply, error);
    }
  }
  app.get('/agencies/:id/assets/guideline', guarded, (request, reply) =>
    render(request, reply, null, {}),
  );
  app.post('/agencies/:id/assets/guideline', changing, async (request, reply) => {
    const { text = '', publish = '0' } = formValues(request);
    const { id } = paramsOf(request);
    try {
      await saveAssetGuideline(ctx, signedIn(request), id, { text, publish: publish === '1' });
      return reply.redirect(
        `/agencies/${id}/assets/guideline?${publish === '1' ? 'published' : 'saved'}=1`,
      );
    } catch (error) {
      const errors = formErrorsOf(error);
      if (!errors) return sendDomainError(request, reply, error);
      return render(request, reply, text, errors, 400);
    }
  });
}

function reportDoc(lang: Lang, data: AgencyUsageReport) {
  const agencyName = lang === 'th' ? data.agency.nameTh : data.agency.nameEn || data.agency.nameTh;
  return assetUsageReport(lang, { agencyName, report: data.report, madeOn: data.today });
}

function yearLinks(lang: Lang, base: (year: number) => string, shown: number, current: number) {
  const links = [
    { href: `${base(shown)}.pdf`, text: 'PDF' },
    { href: `${base(shown)}.docx`, text: 'DOCX' },
  ];
  for (const year of [current, current - 1, current - 2])
    if (year !== shown)
      links.push({
        href: base(year),
        text: pick(lang, m(`ปีงบประมาณ ${year}`, `Fiscal year ${year}`)),
      });
  return links;
}

function registerReport(app: FastifyInstance, ctx: ServiceContext): void {
  const send = async (request: FastifyRequest, reply: FastifyReply, format: ReportFormat) => {
    const { id } = paramsOf(request);
    const current = currentFiscalYear(ctx);
    const year = Number(queryOf(request).year ?? current);
    try {
      const data = await getUsageReport(ctx, signedIn(request), id, year);
      const doc = reportDoc(request.lang, data);
      if (format !== 'html')
        return await sendReport(reply, doc, format, `asset-loans-${data.agency.code}-${year}`);
      const base = (y: number) => `/agencies/${id}/assets/report?year=${y}`;
      const links = yearLinks(request.lang, base, year, current).map((l) =>
        l.text === 'PDF' || l.text === 'DOCX'
          ? { ...l, href: `/agencies/${id}/assets/report.${l.text.toLowerCase()}?year=${year}` }
          : l,
      );
      links.unshift({
        href: `/agencies/${id}/loans`,
        text: pick(request.lang, m('กลับไปการยืม-คืน', 'Back to the loans')),
      });
      return sendReportHtml(reply, doc, { screenLinks: links });
    } catch (error) {
      return sendDomainError(request, reply, error);
    }
  };
  app.get('/agencies/:id/assets/report', guarded, (request, reply) => send(request, reply, 'html'));
  app.get('/agencies/:id/assets/report.pdf', guarded, (request, reply) =>
    send(request, reply, 'pdf'),
  );
  app.get('/agencies/:id/assets/report.docx', guarded, (request, reply) =>
    send(request, reply, 'docx'),
  );
}

function registerPublic(app: FastifyInstance, ctx: ServiceContext): void {
  app.get('/public/:agencyCode/assets/guideline', LIMITED, async (request, reply) => {
    try {
      const found = await getPublicGuideline(ctx, paramsOf(request).agencyCode ?? '');
      const agencyName =
        request.lang === 'th' ? found.agency.nameTh : found.agency.nameEn || found.agency.nameTh;
      const doc = assetGuidelineReport(request.lang, {
        agencyName,
        text: found.text,
        publishedOn: bangkokDay(new Date(found.publishedAt)),
      });
      return sendReportHtml(reply, doc).header('cache-control', 'public, max-age=300');
    } catch (error) {
      return sendDomainError(request, reply, error);
    }
  });
  const send = async (request: FastifyRequest, reply: FastifyReply, format: ReportFormat) => {
    const { agencyCode = '', year = '' } = paramsOf(request);
    try {
      if (!/^\d{4}$/.test(year))
        throw new DomainError('not_found', m('ไม่พบเอกสารที่เผยแพร่', 'No such published document'));
      const data = await getPublicUsageReport(ctx, agencyCode, Number(year));
      const doc = reportDoc(request.lang, data);
      if (format !== 'html')
        return await sendReport(reply, doc, format, `asset-loans-${data.agency.code}-${year}`);
      const path = publicReportPath(data.agency.code, Number(year));
      return sendReportHtml(reply, doc, {
        screenLinks: [
          { href: `${path}.pdf`, text: 'PDF' },
          { href: `${path}.docx`, text: 'DOCX' },
        ],
      });
    } catch (error) {
      return sendDomainError(request, reply, error);
    }
  };
  const base = '/public/:agencyCode/:year/assets/report';
  app.get(base, LIMITED, (request, reply) => send(request, reply, 'html'));
  app.get(`${base}.pdf`, LIMITED, (request, reply) => send(request, reply, 'pdf'));
  app.get(`${base}.docx`, LIMITED, (request, reply) => send(request, reply, 'docx'));
}

/**
 * Government asset loans: register (search, add, import), asset pages with loan requests,
 * the loans board (approve, refuse, hand over, return), guideline, yearly report, and the
 * public guideline and report.
 */
export function registerAssetsRoutes(app: FastifyInstance, options: AppOptions): void {
  registerAssetImportRoutes(app, options);
  registerRegister(app, options.ctx);
  registerDetail(app, options.ctx);
  registerLoans(app, options.ctx);
  registerGuideline(app, options.ctx);
  registerReport(app, options.ctx);
  registerPublic(app, options.ctx);
}
