import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
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
  type LoanAction,
  type LoanRequestInput,
} from '../services/asset.service.js';
import type { ServiceContext } from '../../../platform/services/context.js';
import { assetsReminders } from '../reminders.js';
import { pageOf, type AppOptions } from '../../../platform/http/request-context.js';
import { m } from '../../../platform/http/i18n.js';
import { sendPage } from '../../../platform/http/render.js';
import { formValues, signedIn } from '../../../platform/http/route-support.js';
import { AssetDetailPage, type LoanFormValues } from './views/assets-detail.js';
import { AssetGuidelinePage } from './views/assets-guideline.js';
import { AssetLoanBoard } from './views/assets-loans.js';
import { AssetRegisterPage, type AssetFormValues } from './views/assets-register.js';
import { type FieldErrors } from '../../../platform/http/views/form.js';
import { sendDomainError } from '../../../platform/http/views/user-problem.js';
import { registerAssetImportRoutes } from './assets-import.routes.js';
import { registerAssetReportRoutes } from './assets-report.routes.js';
import { answerFormRefusal, changing, guarded } from '../../../platform/http/route-kit.js';

type Params = { id: string; assetId?: string; loanId?: string; agencyCode?: string; year?: string };
const paramsOf = (request: FastifyRequest) => request.params as Params;
const queryOf = (request: FastifyRequest) => (request.query ?? {}) as Record<string, string>;

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
      return answerFormRefusal(request, reply, error, (errors) =>
        render(request, reply, values, errors, 400),
      );
    }
  });
}

function detailNotice(request: FastifyRequest): Message | null {
  const q = queryOf(request);
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
  app.post('/agencies/:id/assets/:assetId/retire', changing, async (request, reply) => {
    const { id, assetId = '' } = paramsOf(request);
    try {
      await retireAsset(ctx, signedIn(request), id, assetId);
      return reply.redirect(`/agencies/${id}/assets/${assetId}?retired=1`);
    } catch (error) {
      return answerFormRefusal(request, reply, error, (errors) =>
        render(request, reply, {}, errors, 409),
      );
    }
  });
  app.post('/agencies/:id/assets/:assetId/loans', changing, async (request, reply) => {
    const values = formValues(request);
    const { id, assetId = '' } = paramsOf(request);
    try {
      const input = values as unknown as LoanRequestInput;
      const loan = await requestLoan(ctx, signedIn(request), id, assetId, input);
      const outcome = loan.status === 'refused' ? 'refused' : 'requested';
      return reply.redirect(`/agencies/${id}/assets/${assetId}?${outcome}=1`);
    } catch (error) {
      return answerFormRefusal(request, reply, error, (errors) =>
        render(request, reply, values, errors, 400),
      );
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
      return answerFormRefusal(request, reply, error, (errors) =>
        render(request, reply, errors, 400),
      );
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
      return answerFormRefusal(request, reply, error, (errors) =>
        render(request, reply, text, errors, 400),
      );
    }
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
