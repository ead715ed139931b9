import { AssetInputSchema, type AssetInput } from '../core/asset-csv.js';
import { holdsAsset } from '../core/loan-rules.js';
import { DomainError } from '../../../core/errors.js';
import type { Agency } from '../../agencies/feature.js';
import {
  insertAsset,
  listAssetNumbers,
  listAssets,
  listLoans,
  lockAsset,
  setAssetStatus,
  type Asset,
  type AssetFilter,
} from '../db/asset.repository.js';
import {
  ACQUIRED_DAYS,
  linesOf,
  loadAsset,
  loadAssetAgency,
  mayManageAssets,
  mayRequestLoans,
  type LoanLine,
} from './asset-support.js';
import { inTransaction, recordAudit } from '../../audit/feature.js';
import { nowIso, type Actor, type ServiceContext } from '../../../platform/services/context.js';
import { assertPlausibleDays, bangkokDay } from '../../../core/thai-calendar.js';

export type { Asset, AssetFilter, LoanView } from '../db/asset.repository.js';
export type { AssetInput } from '../core/asset-csv.js';
export { LoanRequestSchema, type LoanLine, type LoanRequestInput } from './asset-support.js';
export {
  actOnLoan,
  getLoanBoard,
  requestLoan,
  type LoanAction,
  type LoanBoard,
} from './asset-loan.service.js';

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
    mayRequest: mayRequestLoans(actor, agency),
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
  assertPlausibleDays(bangkokDay(ctx.clock.now()), { acquiredOn: data.acquiredOn }, ACQUIRED_DAYS);
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
    mayRequest: mayRequestLoans(actor, agency),
  };
}

/**
 * Retires an asset (written off or out of use; agency administrators or head): refused while a
 * request, an approved loan or a loan out still holds it. Audited.
 */
export async function retireAsset(
  ctx: ServiceContext,
  actor: Actor,
  agencyId: string,
  assetId: string,
): Promise<Asset> {
  return inTransaction(ctx, async (trx) => {
    const agency = await loadAssetAgency(trx, actor, agencyId, true);
    await lockAsset(trx, assetId);
    const asset = await loadAsset(trx, agency.id, assetId);
    const held = (await listLoans(trx, { assetId })).some((l) => holdsAsset(l.status));
    if (asset.status === 'retired' || held)
      throw new DomainError('asset_in_use', {
        th: 'ทรัพย์สินนี้ยังมีคำขอยืมหรือการยืมค้างอยู่ หรือเลิกใช้แล้ว จึงบันทึกเลิกใช้ไม่ได้',
        en: 'This asset still has a request or a loan open, or is already retired',
      });
    const now = nowIso(ctx);
    await setAssetStatus(trx, asset.id, 'retired', now);
    await recordAudit(trx, ctx, actor, {
      action: 'asset.retire',
      entityType: 'asset',
      entityId: asset.id,
      agencyId: agency.id,
      details: { assetNumber: asset.assetNumber },
    });
    return { ...asset, status: 'retired', updatedAt: now };
  });
}

/** Every asset of an agency, without an access check: for the demo and the providers. */
export async function listAssetsOf(ctx: ServiceContext, agencyId: string): Promise<Asset[]> {
  return listAssets(ctx.db.kysely, agencyId);
}
