import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { DomainError, type Message } from '../../../core/errors.js';
import { getGuideline, saveAssetGuideline } from '../services/asset-report.service.js';
import {
  actOnLoan,
  addAsset,
  getAssetDetail,
  getAssetRegister,
  getLoanBoard,
  requestLoan,
  retireAsset,
  LoanRequestSchema,
  type LoanAction,
} from '../services/asset.service.js';
import type { ServiceContext } from '../../../platform/services/context.js';
import { assetsReminders } from '../reminders.js';
import { pageOf, type AppOptions } from '../../../platform/http/request-context.js';
import { m } from '../../../platform/http/i18n.js';
import { sendPage } from '../../../platform/http/render.js';
import { signedIn } from '../../../platform/http/route-support.js';
import { IdParams, typed } from '../../../platform/http/typed-routes.js';
import { AssetDetailPage, type LoanFormValues } from './views/assets-detail.js';
import { AssetGuidelinePage } from './views/assets-guideline.js';
import { AssetLoanBoard } from './views/assets-loans.js';
import { AssetRegisterPage, type AssetFormValues } from './views/assets-register.js';
import { type FieldErrors } from '../../../platform/http/views/form.js';
import { registerAssetImportRoutes } from './assets-import.routes.js';
import { registerAssetReportRoutes } from './assets-report.routes.js';
import { changing, guarded, submitForm } from '../../../platform/http/route-kit.js';
import {
  AssetForm,
  AssetNoticeQuery,
  AssetParams,
  DoneQuery,
  GuidelineForm,
  GuidelineQuery,
  LoanActionForm,
  LoanActionParams,
  LoanForm,
  RegisterQuery,
} from './assets-schemas.js';

function registerRegister(app: FastifyInstance, ctx: ServiceContext): void {
  const api = typed(app);
  async function render(
    request: FastifyRequest,
    reply: FastifyReply,
    shown: { id: string; query: z.output<typeof RegisterQuery> },
    values: AssetFormValues,
    errors: FieldErrors,
    status = 200,
  ) {
    const { q = '', kind = '', status: state = '' } = shown.query;
    const filter = { q: q.trim(), category: kind, status: state };
    const register = await getAssetRegister(ctx, signedIn(request), shown.id, filter);
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
  }
  const read = { params: IdParams, querystring: RegisterQuery };
  api.get('/agencies/:id/assets', { ...guarded, schema: read }, (request, reply) =>
    render(request, reply, { id: request.params.id, query: request.query }, {}, {}),
  );
  api.post(
    '/agencies/:id/assets',
    { ...changing, schema: { ...read, body: AssetForm } },
    (request, reply) => {
      const { id } = request.params;
      return submitForm(
        request,
        reply,
        async () => {
          const asset = await addAsset(ctx, signedIn(request), id, request.body);
          return `/agencies/${id}/assets/${asset.id}?added=1`;
        },
        (errors) => render(request, reply, { id, query: request.query }, request.body, errors, 400),
      );
    },
  );
}

function detailNotice(q: z.output<typeof AssetNoticeQuery>): Message | null {
  if (q.added) return m('เพิ่มทรัพย์สินในทะเบียนแล้ว', 'The asset was added to the register');
  if (q.retired) return m('บันทึกเลิกใช้ทรัพย์สินแล้ว', 'The asset is recorded as retired');
  if (q.requested) return m('ยื่นคำขอยืมแล้ว รอผู้มีอำนาจอนุมัติ', 'Your request was sent for approval');
  if (q.refused)
    return m(
      'คำขอยืมไม่ได้รับอนุมัติ: ยืมทรัพย์สินของราชการไปใช้ส่วนตัวไม่ได้ (ดูเหตุผลในประวัติการยืม)',
      'Your request was refused: government assets cannot be borrowed for personal use (see the reason in the history)',
    );
  return null;
}

function registerDetail(app: FastifyInstance, ctx: ServiceContext): void {
  const api = typed(app);
  async function render(
    request: FastifyRequest,
    reply: FastifyReply,
    shown: { id: string; assetId: string; query: z.output<typeof AssetNoticeQuery> },
    values: LoanFormValues,
    errors: FieldErrors,
    status = 200,
  ) {
    const detail = await getAssetDetail(ctx, signedIn(request), shown.id, shown.assetId);
    const notice = status === 200 ? detailNotice(shown.query) : null;
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
  }
  const base = '/agencies/:id/assets/:assetId';
  const read = { params: AssetParams, querystring: AssetNoticeQuery };
  const shownOf = (request: {
    params: z.output<typeof AssetParams>;
    query: z.output<typeof AssetNoticeQuery>;
  }) => ({ ...request.params, query: request.query });
  api.get(base, { ...guarded, schema: read }, (request, reply) =>
    render(request, reply, shownOf(request), {}, {}),
  );
  api.post(`${base}/retire`, { ...changing, schema: read }, (request, reply) => {
    const { id, assetId } = request.params;
    return submitForm(
      request,
      reply,
      async () => {
        await retireAsset(ctx, signedIn(request), id, assetId);
        return `/agencies/${id}/assets/${assetId}?retired=1`;
      },
      (errors) => render(request, reply, shownOf(request), {}, errors, 409),
    );
  });
  api.post(
    `${base}/loans`,
    { ...changing, schema: { ...read, body: LoanForm } },
    (request, reply) => {
      const { id, assetId } = request.params;
      return submitForm(
        request,
        reply,
        async () => {
          const input = LoanRequestSchema.parse(request.body);
          const loan = await requestLoan(ctx, signedIn(request), id, assetId, input);
          const outcome = loan.status === 'refused' ? 'refused' : 'requested';
          return `/agencies/${id}/assets/${assetId}?${outcome}=1`;
        },
        (errors) => render(request, reply, shownOf(request), request.body, errors, 400),
      );
    },
  );
}

type LoanActionValues = z.output<typeof LoanActionForm>;

const ACTIONS: Record<string, (values: LoanActionValues) => LoanAction> = {
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
  const api = typed(app);
  async function render(
    request: FastifyRequest,
    reply: FastifyReply,
    shown: { id: string; done: string | undefined },
    errors: FieldErrors,
    status = 200,
  ) {
    const actor = signedIn(request);
    const board = await getLoanBoard(ctx, actor, shown.id);
    const reminders = (await assetsReminders(ctx, actor)).filter(
      (r) => r.agencyCode === board.agency.code,
    );
    const done = DONE[shown.done ?? ''] ?? null;
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
  }
  api.get(
    '/agencies/:id/loans',
    { ...guarded, schema: { params: IdParams, querystring: DoneQuery } },
    (request, reply) =>
      render(request, reply, { id: request.params.id, done: request.query.done }, {}),
  );
  api.post(
    '/agencies/:id/loans/:loanId/:action',
    {
      ...changing,
      schema: { params: LoanActionParams, querystring: DoneQuery, body: LoanActionForm },
    },
    (request, reply) => {
      const { id, loanId, action: name } = request.params;
      const make = ACTIONS[name];
      if (!make) throw new DomainError('not_found', m('ไม่พบหน้าที่ต้องการ', 'Page not found'));
      return submitForm(
        request,
        reply,
        async () => {
          await actOnLoan(ctx, signedIn(request), id, loanId, make(request.body));
          return `/agencies/${id}/loans?done=${name}#loan-${loanId}`;
        },
        (errors) => render(request, reply, { id, done: request.query.done }, errors, 400),
      );
    },
  );
}

function registerGuideline(app: FastifyInstance, ctx: ServiceContext): void {
  const api = typed(app);
  async function render(
    request: FastifyRequest,
    reply: FastifyReply,
    shown: { id: string; query: z.output<typeof GuidelineQuery> },
    text: string | null,
    errors: FieldErrors,
    status = 200,
  ) {
    const state = await getGuideline(ctx, signedIn(request), shown.id);
    const notice = shown.query.published
      ? m('เผยแพร่แนวปฏิบัติแล้ว', 'The guideline is published')
      : shown.query.saved
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
  }
  const path = '/agencies/:id/assets/guideline';
  const read = { params: IdParams, querystring: GuidelineQuery };
  api.get(path, { ...guarded, schema: read }, (request, reply) =>
    render(request, reply, { id: request.params.id, query: request.query }, null, {}),
  );
  api.post(path, { ...changing, schema: { ...read, body: GuidelineForm } }, (request, reply) => {
    const { text = '', publish = '0' } = request.body;
    const { id } = request.params;
    return submitForm(
      request,
      reply,
      async () => {
        await saveAssetGuideline(ctx, signedIn(request), id, { text, publish: publish === '1' });
        return `/agencies/${id}/assets/guideline?${publish === '1' ? 'published' : 'saved'}=1`;
      },
      (errors) => render(request, reply, { id, query: request.query }, text, errors, 400),
    );
  });
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
  registerAssetReportRoutes(app, options);
}
