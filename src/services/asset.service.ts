import { AssetInputSchema, type AssetInput } from '../core/assets/asset-csv.js';
import {
  checkLoanMove,
  checkLoanRequest,
  isLoanOverdue,
  refusalByRule,
  type LoanStatus,
} from '../core/assets/loan-rules.js';
import { DomainError } from '../core/errors.js';
import { bangkokDay } from '../core/measures/measure-rules.js';
import type { Agency } from '../db/agency.repository.js';
import {
  findLoan,
  insertAsset,
  insertLoan,
  listAssetNumbers,
  listAssets,
  listLoans,
  setAssetStatus,
  updateLoan,
  type Asset,
  type AssetFilter,
  type LoanView,
} from '../db/asset.repository.js';
import { forbidden } from './agency-access.service.js';
import {
  isMemberOf,
  loadAsset,
  loadAssetAgency,
  loadLoan,
  LoanRequestSchema,
  mayManageAssets,
  RefusalSchema,
  ReturnSchema,
  type LoanRequestInput,
} from './asset-support.js';
import { inTransaction, recordAudit } from './audit.service.js';
import { nowIso, type Actor, type ServiceContext } from './context.js';

export type { Asset, AssetFilter, LoanView } from '../db/asset.repository.js';
export type { AssetInput } from '../core/assets/asset-csv.js';
export { LoanRequestSchema, type LoanRequestInput } from './asset-support.js';

/** A loan as screens show it: with whether it is overdue today. */
export interface LoanLine extends LoanView {
  overdue: boolean;
}

function linesOf(loans: LoanView[], today: string): LoanLine[] {
  return loans.map((l) => ({ ...l, overdue: isLoanOverdue(l, today) }));
}

/** The register page: the agency's assets (filtered) and what the actor may do. */
export interface AssetRegister {
  agency: Agency;
  assets: Asset[];
  categories: string[];
  filter: AssetFilter;
  mayManage: boolean;
  mayRequest: boolean;
}

/** An agency's asset register, for anyone who may see the agency. */
export async function getAssetRegister(
  ctx: ServiceContext,
  actor: Actor,
  agencyId: string,
  filter: AssetFilter = {},
): Promise<AssetRegister> {
  const agency = await loadAssetAgency(ctx.db.kysely, actor, agencyId, false);
  const all = await listAssets(ctx.db.kysely, agency.id);
  const assets = await listAssets(ctx.db.kysely, agency.id, filter);
  return {
    agency,
    assets,
    categories: [...new Set(all.map((a) => a.category))].sort((a, b) => a.localeCompare(b)),
    filter,
    mayManage: mayManageAssets(actor, agency),
    mayRequest: isMemberOf(actor, agency),
  };
}

function duplicateNumber(number: string): DomainError {
  return new DomainError(
    'duplicate_asset_number',
    {
      th: `เลขครุภัณฑ์ "${number}" มีในทะเบียนแล้ว`,
      en: `The asset number "${number}" is already in the register`,
    },
    { field: 'assetNumber' },
  );
}

/** Adds one asset to the register (agency administrators or head); audited. */
export async function addAsset(
  ctx: ServiceContext,
  actor: Actor,
  agencyId: string,
  input: Record<string, unknown>,
): Promise<Asset> {
  const data = AssetInputSchema.parse(input);
  return inTransaction(ctx, async (trx) => {
    const agency = await loadAssetAgency(trx, actor, agencyId, true);
    if ((await listAssetNumbers(trx, agency.id)).includes(data.assetNumber))
      throw duplicateNumber(data.assetNumber);
    const asset = newAsset(ctx, agency.id, data);
    await insertAsset(trx, asset);
    await recordAudit(trx, ctx, actor, {
      action: 'asset.create',
      entityType: 'asset',
      entityId: asset.id,
      agencyId: agency.id,
      details: { assetNumber: asset.assetNumber, name: asset.name },
    });
    return asset;
  });
}

/** A new, available asset from checked input. */
export function newAsset(ctx: ServiceContext, agencyId: string, data: AssetInput): Asset {
  const now = nowIso(ctx);
  return {
    id: ctx.ids.uuid(),
    agencyId,
    ...data,
    status: 'available',
    createdAt: now,
    updatedAt: now,
  };
}

/** One asset with its loan history. */
export interface AssetDetail {
  agency: Agency;
  asset: Asset;
  loans: LoanLine[];
  today: string;
  mayManage: boolean;
  mayRequest: boolean;
}

/** An asset's page: details, loan history and whether the actor may ask to borrow it. */
export async function getAssetDetail(
  ctx: ServiceContext,
  actor: Actor,
  agencyId: string,
  assetId: string,
): Promise<AssetDetail> {
  const agency = await loadAssetAgency(ctx.db.kysely, actor, agencyId, false);
  const asset = await loadAsset(ctx.db.kysely, agency.id, assetId);
  const today = bangkokDay(ctx.clock.now());
  return {
    agency,
    asset,
    loans: linesOf(await listLoans(ctx.db.kysely, { assetId }), today),
    today,
    mayManage: mayManageAssets(actor, agency),
    mayRequest: isMemberOf(actor, agency),
  };
}

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
  return inTransaction(ctx, async (trx) => {
    const agency = await loadAssetAgency(trx, actor, agencyId, false);
    if (!isMemberOf(actor, agency))
      throw forbidden(
        'Only staff of this agency may borrow its assets',
        'เฉพาะบุคลากรของหน่วยงานนี้เท่านั้นที่ขอยืมทรัพย์สินได้',
      );
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
    const agency = await loadAssetAgency(trx, actor, agencyId, true);
    const loan = await loadLoan(trx, agency.id, loanId);
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
    mayManage: mayManageAssets(actor, agency),
    waiting: having('requested').reverse(),
    approved: having('approved').reverse(),
    onLoan: having('handed_over').sort(
      (a, b) => Number(b.overdue) - Number(a.overdue) || a.toOn.localeCompare(b.toOn),
    ),
    mine: all.filter((l) => l.borrowerUserId === actor.user.id),
    closed: all.filter((l) => l.status === 'returned' || l.status === 'refused').slice(0, 30),
  };
}

/** Every asset of an agency, without an access check: for the demo and the providers. */
export async function listAssetsOf(ctx: ServiceContext, agencyId: string): Promise<Asset[]> {
  return listAssets(ctx.db.kysely, agencyId);
}
