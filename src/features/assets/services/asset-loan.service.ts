import {
  checkLoanMove,
  checkLoanRequest,
  refusalByRule,
  type LoanStatus,
} from '../core/loan-rules.js';
import { DomainError } from '../../../core/errors.js';
import type { Agency } from '../../agencies/feature.js';
import {
  findLoan,
  insertLoan,
  listLoans,
  lockAsset,
  setAssetStatus,
  updateLoan,
  type LoanView,
} from '../db/asset.repository.js';
import { forbidden } from '../../agencies/feature.js';
import {
  assertMayOnAssets,
  linesOf,
  loadAsset,
  loadAssetAgency,
  loadLoan,
  LoanRequestSchema,
  mayDecideLoans,
  mayRequestLoans,
  RefusalSchema,
  ReturnSchema,
  type LoanLine,
  type LoanRequestInput,
} from './asset-support.js';
import { inTransaction, recordAudit } from '../../audit/feature.js';
import { nowIso, type Actor, type ServiceContext } from '../../../platform/services/context.js';
import { assertPlausibleDays, bangkokDay } from '../../../core/thai-calendar.js';

/**
 * Asks to borrow an asset (any member of the agency). The rules are checked in the same
 * transaction that stores the request; a personal-use request is stored already refused,
 * with the regulation's reason, so the refusal is on record and counted in the report.
 */
export async function requestLoan(
  ctx: ServiceContext,
  actor: Actor,
  agencyId: string,
  assetId: string,
  input: LoanRequestInput,
): Promise<LoanView> {
  const data = LoanRequestSchema.parse(input);
  assertPlausibleDays(bangkokDay(ctx.clock.now()), { fromOn: data.fromOn, toOn: data.toOn });
  return inTransaction(ctx, async (trx) => {
    const agency = await loadAssetAgency(trx, actor, agencyId, false);
    if (!mayRequestLoans(actor, agency))
      throw forbidden(
        'Only staff of this agency may borrow its assets',
        'เฉพาะบุคลากรของหน่วยงานนี้เท่านั้นที่ขอยืมทรัพย์สินได้',
      );
    await lockAsset(trx, assetId);
    const asset = await loadAsset(trx, agency.id, assetId);
    const today = bangkokDay(ctx.clock.now());
    const otherLoans = await listLoans(trx, { assetId });
    checkLoanRequest({ ...data, today, assetStatus: asset.status, otherLoans });
    const refusal = refusalByRule(data.purposeCategory);
    const now = nowIso(ctx);
    const id = ctx.ids.uuid();
    await insertLoan(trx, {
      id,
      assetId,
      agencyId: agency.id,
      borrowerUserId: actor.user.id,
      ...data,
      status: refusal ? 'refused' : 'requested',
      approverUserId: null,
      refusalReason: refusal ? refusal.th : null,
      decidedAt: refusal ? now : null,
      handedOverAt: null,
      returnedAt: null,
      returnCondition: null,
      createdAt: now,
      updatedAt: now,
    });
    await recordAudit(trx, ctx, actor, {
      action: refusal ? 'asset_loan.refused_by_rule' : 'asset_loan.request',
      entityType: 'asset_loan',
      entityId: id,
      agencyId: agency.id,
      details: {
        assetId,
        purposeCategory: data.purposeCategory,
        fromOn: data.fromOn,
        toOn: data.toOn,
      },
    });
    return (await findLoan(trx, id)) as LoanView;
  });
}

/** What an approver does to a loan. */
export type LoanAction =
  | { kind: 'approve' }
  | { kind: 'refuse'; reason: string }
  | { kind: 'hand_over' }
  | { kind: 'return'; condition: string };

const TARGET: Record<LoanAction['kind'], LoanStatus> = {
  approve: 'approved',
  refuse: 'refused',
  hand_over: 'handed_over',
  return: 'returned',
};

function applyAction(loan: LoanView, action: LoanAction, actor: Actor, now: string): LoanView {
  switch (action.kind) {
    case 'approve':
      return { ...loan, approverUserId: actor.user.id, decidedAt: now };
    case 'refuse':
      return {
        ...loan,
        approverUserId: actor.user.id,
        decidedAt: now,
        refusalReason: RefusalSchema.parse({ reason: action.reason }).reason,
      };
    case 'hand_over':
      return { ...loan, handedOverAt: now };
    case 'return':
      return {
        ...loan,
        returnedAt: now,
        returnCondition: ReturnSchema.parse({ condition: action.condition }).condition,
      };
  }
}

/**
 * Approves, refuses, hands over or takes back a loan (agency administrators or head), moving
 * the asset between available and on loan in the same transaction; audited.
 */
export async function actOnLoan(
  ctx: ServiceContext,
  actor: Actor,
  agencyId: string,
  loanId: string,
  action: LoanAction,
): Promise<LoanView> {
  return inTransaction(ctx, async (trx) => {
    const agency = await loadAssetAgency(trx, actor, agencyId, false);
    assertMayOnAssets(actor, 'asset.loan.approve', agency);
    await lockAsset(trx, (await loadLoan(trx, agency.id, loanId)).assetId);
    const loan = await loadLoan(trx, agency.id, loanId); // read again under the lock
    const status = TARGET[action.kind];
    checkLoanMove(loan.status, status);
    const now = nowIso(ctx);
    const asset = await loadAsset(trx, agency.id, loan.assetId);
    if (action.kind === 'hand_over' && asset.status !== 'available')
      throw new DomainError('asset_not_available', {
        th: 'ทรัพย์สินนี้ยังไม่ได้รับคืนจากการยืมครั้งก่อนหรือเลิกใช้แล้ว จึงส่งมอบไม่ได้',
        en: 'The asset is still out on an earlier loan or retired, so it cannot be handed over',
      });
    await updateLoan(trx, { ...applyAction(loan, action, actor, now), status, updatedAt: now });
    if (action.kind === 'hand_over') await setAssetStatus(trx, asset.id, 'on_loan', now);
    if (action.kind === 'return') await setAssetStatus(trx, asset.id, 'available', now);
    await recordAudit(trx, ctx, actor, {
      action: `asset_loan.${action.kind}`,
      entityType: 'asset_loan',
      entityId: loanId,
      agencyId: agency.id,
      details: { assetId: asset.id, from: loan.status, to: status },
    });
    return (await findLoan(trx, loanId)) as LoanView;
  });
}

/** The loans page of an agency. */
export interface LoanBoard {
  agency: Agency;
  today: string;
  mayManage: boolean;
  waiting: LoanLine[];
  approved: LoanLine[];
  onLoan: LoanLine[];
  mine: LoanLine[];
  closed: LoanLine[];
}

/** Loans waiting, approved, out (overdue first) and recently closed; plus the actor's own. */
export async function getLoanBoard(
  ctx: ServiceContext,
  actor: Actor,
  agencyId: string,
): Promise<LoanBoard> {
  const agency = await loadAssetAgency(ctx.db.kysely, actor, agencyId, false);
  const today = bangkokDay(ctx.clock.now());
  const all = linesOf(await listLoans(ctx.db.kysely, { agencyIds: [agency.id] }), today);
  const having = (status: LoanStatus) => all.filter((l) => l.status === status);
  return {
    agency,
    today,
    mayManage: mayDecideLoans(actor, agency),
    waiting: having('requested').reverse(),
    approved: having('approved').reverse(),
    onLoan: having('handed_over').sort(
      (a, b) => Number(b.overdue) - Number(a.overdue) || a.toOn.localeCompare(b.toOn),
    ),
    mine: all.filter((l) => l.borrowerUserId === actor.user.id),
    closed: all.filter((l) => l.status === 'returned' || l.status === 'refused').slice(0, 30),
  };
}
