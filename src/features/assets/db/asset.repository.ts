import type { Kysely } from 'kysely';
import type { AssetStatus, LoanStatus, PurposeCategory } from '../core/loan-rules.js';
import type { Database } from '../../../platform/db/schema.js';

/** An asset of an agency's register. */
export interface Asset {
  id: string;
  agencyId: string;
  assetNumber: string;
  name: string;
  category: string;
  location: string;
  custodianUnit: string;
  status: AssetStatus;
  acquiredOn: string | null;
  createdAt: string;
  updatedAt: string;
}

/** A loan request, with the names of its asset, borrower and approver. */
export interface Loan {
  id: string;
  assetId: string;
  agencyId: string;
  borrowerUserId: string;
  purposeCategory: PurposeCategory;
  purpose: string;
  fromOn: string;
  toOn: string;
  status: LoanStatus;
  approverUserId: string | null;
  refusalReason: string | null;
  decidedAt: string | null;
  handedOverAt: string | null;
  returnedAt: string | null;
  returnCondition: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface LoanView extends Loan {
  assetNumber: string;
  assetName: string;
  category: string;
  borrowerName: string;
  approverName: string | null;
}

/** An agency's guideline: draft text and the text last published. */
export interface Guideline {
  agencyId: string;
  text: string;
  publishedText: string | null;
  publishedAt: string | null;
  updatedAt: string;
}

type AssetRow = Database['asset'];

function toAsset(r: AssetRow): Asset {
  return {
    id: r.id,
    agencyId: r.agency_id,
    assetNumber: r.asset_number,
    name: r.name,
    category: r.category,
    location: r.location,
    custodianUnit: r.custodian_unit,
    status: r.status as AssetStatus,
    acquiredOn: r.acquired_on,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export async function insertAsset(db: Kysely<Database>, a: Asset): Promise<void> {
  await db
    .insertInto('asset')
    .values({
      id: a.id,
      agency_id: a.agencyId,
      asset_number: a.assetNumber,
      name: a.name,
      category: a.category,
      location: a.location,
      custodian_unit: a.custodianUnit,
      status: a.status,
      acquired_on: a.acquiredOn,
      created_at: a.createdAt,
      updated_at: a.updatedAt,
    })
    .execute();
}

export async function setAssetStatus(
  db: Kysely<Database>,
  id: string,
  status: AssetStatus,
  at: string,
): Promise<void> {
  await db.updateTable('asset').set({ status, updated_at: at }).where('id', '=', id).execute();
}

/**
 * Takes the asset's row lock for the rest of the transaction (a no-op write), so that two
 * requests for the same asset are checked for overlap one after the other on PostgreSQL too.
 */
export async function lockAsset(db: Kysely<Database>, id: string): Promise<void> {
  await db
    .updateTable('asset')
    .set((eb) => ({ status: eb.ref('status') }))
    .where('id', '=', id)
    .execute();
}

export async function findAsset(db: Kysely<Database>, id: string): Promise<Asset | null> {
  const row = await db.selectFrom('asset').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toAsset(row) : null;
}

/** Filters of the register page. */
export interface AssetFilter {
  q?: string;
  category?: string;
  status?: string;
}

/** An agency's assets by number, optionally filtered by words, category and status. */
export async function listAssets(
  db: Kysely<Database>,
  agencyId: string,
  filter: AssetFilter = {},
): Promise<Asset[]> {
  let query = db.selectFrom('asset').selectAll().where('agency_id', '=', agencyId);
  if (filter.category) query = query.where('category', '=', filter.category);
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.q) {
    const like = `%${filter.q.toLowerCase().replace(/[%_\\]/g, '')}%`;
    query = query.where((eb) =>
      eb.or([
        eb(eb.fn('lower', ['asset_number']), 'like', like),
        eb(eb.fn('lower', ['name']), 'like', like),
        eb(eb.fn('lower', ['location']), 'like', like),
      ]),
    );
  }
  const rows = await query.orderBy('asset_number').execute();
  return rows.map(toAsset);
}

/** The asset numbers already used by an agency. */
export async function listAssetNumbers(db: Kysely<Database>, agencyId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('asset')
    .select('asset_number')
    .where('agency_id', '=', agencyId)
    .execute();
  return rows.map((r) => r.asset_number);
}

export async function insertLoan(db: Kysely<Database>, l: Loan): Promise<void> {
  await db
    .insertInto('asset_loan')
    .values({
      id: l.id,
      asset_id: l.assetId,
      agency_id: l.agencyId,
      borrower_user_id: l.borrowerUserId,
      purpose_category: l.purposeCategory,
      purpose: l.purpose,
      from_on: l.fromOn,
      to_on: l.toOn,
      status: l.status,
      approver_user_id: l.approverUserId,
      refusal_reason: l.refusalReason,
      decided_at: l.decidedAt,
      handed_over_at: l.handedOverAt,
      returned_at: l.returnedAt,
      return_condition: l.returnCondition,
      created_at: l.createdAt,
      updated_at: l.updatedAt,
    })
    .execute();
}

/** Writes a loan's decision and hand-over/return fields. */
export async function updateLoan(db: Kysely<Database>, l: Loan): Promise<void> {
  await db
    .updateTable('asset_loan')
    .set({
      status: l.status,
      approver_user_id: l.approverUserId,
      refusal_reason: l.refusalReason,
      decided_at: l.decidedAt,
      handed_over_at: l.handedOverAt,
      returned_at: l.returnedAt,
      return_condition: l.returnCondition,
      updated_at: l.updatedAt,
    })
    .where('id', '=', l.id)
    .execute();
}

function loanQuery(db: Kysely<Database>) {
  return db
    .selectFrom('asset_loan as l')
    .innerJoin('asset as a', 'a.id', 'l.asset_id')
    .innerJoin('app_user as b', 'b.id', 'l.borrower_user_id')
    .leftJoin('app_user as p', 'p.id', 'l.approver_user_id')
    .selectAll('l')
    .select([
      'a.asset_number',
      'a.name as asset_name',
      'a.category',
      'b.display_name as borrower_name',
      'p.display_name as approver_name',
    ]);
}

type LoanSelect = Awaited<ReturnType<ReturnType<typeof loanQuery>['executeTakeFirstOrThrow']>>;

function toLoan(r: LoanSelect): LoanView {
  return {
    id: r.id,
    assetId: r.asset_id,
    agencyId: r.agency_id,
    borrowerUserId: r.borrower_user_id,
    purposeCategory: r.purpose_category as PurposeCategory,
    purpose: r.purpose,
    fromOn: r.from_on,
    toOn: r.to_on,
    status: r.status as LoanStatus,
    approverUserId: r.approver_user_id,
    refusalReason: r.refusal_reason,
    decidedAt: r.decided_at,
    handedOverAt: r.handed_over_at,
    returnedAt: r.returned_at,
    returnCondition: r.return_condition,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    assetNumber: r.asset_number,
    assetName: r.asset_name,
    category: r.category,
    borrowerName: r.borrower_name,
    approverName: r.approver_name,
  };
}

/** The first day of an agency's earliest loan (YYYY-MM-DD), or null when it has none. */
export async function firstLoanDay(db: Kysely<Database>, agencyId: string): Promise<string | null> {
  const row = await db
    .selectFrom('asset_loan')
    .select((eb) => eb.fn.min('from_on').as('first'))
    .where('agency_id', '=', agencyId)
    .executeTakeFirst();
  return (row?.first as string | null | undefined) ?? null;
}

export async function findLoan(db: Kysely<Database>, id: string): Promise<LoanView | null> {
  const row = await loanQuery(db).where('l.id', '=', id).executeTakeFirst();
  return row ? toLoan(row) : null;
}

/** Which loans to list: of one asset, one agency, one borrower, with some statuses. */
export interface LoanFilter {
  assetId?: string;
  agencyIds?: readonly string[];
  borrowerUserId?: string;
  statuses?: readonly LoanStatus[];
  /** Loans whose first day is on or after / on or before these days. */
  fromOnAtLeast?: string;
  fromOnAtMost?: string;
}

/** Loans matching the filter, newest first day first. */
export async function listLoans(db: Kysely<Database>, filter: LoanFilter): Promise<LoanView[]> {
  let query = loanQuery(db);
  if (filter.assetId) query = query.where('l.asset_id', '=', filter.assetId);
  if (filter.agencyIds) {
    if (filter.agencyIds.length === 0) return [];
    query = query.where('l.agency_id', 'in', [...filter.agencyIds]);
  }
  if (filter.borrowerUserId) query = query.where('l.borrower_user_id', '=', filter.borrowerUserId);
  if (filter.statuses) query = query.where('l.status', 'in', [...filter.statuses]);
  if (filter.fromOnAtLeast) query = query.where('l.from_on', '>=', filter.fromOnAtLeast);
  if (filter.fromOnAtMost) query = query.where('l.from_on', '<=', filter.fromOnAtMost);
  const rows = await query.orderBy('l.from_on', 'desc').orderBy('l.created_at', 'desc').execute();
  return rows.map(toLoan);
}

export async function findGuideline(
  db: Kysely<Database>,
  agencyId: string,
): Promise<Guideline | null> {
  const r = await db
    .selectFrom('asset_guideline')
    .selectAll()
    .where('agency_id', '=', agencyId)
    .executeTakeFirst();
  return r
    ? {
        agencyId: r.agency_id,
        text: r.text,
        publishedText: r.published_text,
        publishedAt: r.published_at,
        updatedAt: r.updated_at,
      }
    : null;
}

/** Saves the draft (and, when given, the published text and time) of a guideline. */
export async function saveGuideline(
  db: Kysely<Database>,
  g: Guideline & { updatedBy: string | null },
): Promise<void> {
  const values = {
    text: g.text,
    published_text: g.publishedText,
    published_at: g.publishedAt,
    updated_by: g.updatedBy,
    updated_at: g.updatedAt,
  };
  const found = await db
    .selectFrom('asset_guideline')
    .select('agency_id')
    .where('agency_id', '=', g.agencyId)
    .executeTakeFirst();
  if (found)
    await db
      .updateTable('asset_guideline')
      .set(values)
      .where('agency_id', '=', g.agencyId)
      .execute();
  else
    await db
      .insertInto('asset_guideline')
      .values({ agency_id: g.agencyId, ...values })
      .execute();
}
