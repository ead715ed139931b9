import type { Kysely } from 'kysely';
import type { Disposition, GiverType, Handling, HeadDecision } from '../core/gift-rules.js';
import type { Database } from '../../../platform/db/schema.js';

/** A gift report as stored, with the reporter's name for those allowed to see it. */
export interface GiftReport {
  id: string;
  agencyId: string;
  reporterUserId: string;
  reporterName: string | null;
  giftOn: string;
  fiscalYear: number;
  giverType: GiverType;
  giverName: string;
  description: string;
  valueBaht: number;
  disposition: Disposition;
  handling: Handling;
  actionNote: string;
  thresholdBaht: number;
  flagged: boolean;
  headDecision: HeadDecision | null;
  headNote: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export async function insertGift(
  db: Kysely<Database>,
  g: Omit<GiftReport, 'reporterName'>,
): Promise<void> {
  await db
    .insertInto('gift_report')
    .values({
      id: g.id,
      agency_id: g.agencyId,
      reporter_user_id: g.reporterUserId,
      gift_on: g.giftOn,
      fiscal_year: g.fiscalYear,
      giver_type: g.giverType,
      giver_name: g.giverName,
      description: g.description,
      value_baht: g.valueBaht,
      disposition: g.disposition,
      handling: g.handling,
      action_note: g.actionNote,
      threshold_baht: g.thresholdBaht,
      flagged: g.flagged ? 1 : 0,
      head_decision: g.headDecision,
      head_note: g.headNote,
      decided_by: g.decidedBy,
      decided_at: g.decidedAt,
      created_at: g.createdAt,
      updated_at: g.updatedAt,
    })
    .execute();
}

export async function setHeadDecision(
  db: Kysely<Database>,
  id: string,
  d: { decision: HeadDecision; note: string; by: string; at: string },
): Promise<void> {
  await db
    .updateTable('gift_report')
    .set({
      head_decision: d.decision,
      head_note: d.note,
      decided_by: d.by,
      decided_at: d.at,
      updated_at: d.at,
    })
    .where('id', '=', id)
    .execute();
}

function giftQuery(db: Kysely<Database>) {
  return db
    .selectFrom('gift_report as g')
    .leftJoin('app_user as u', 'u.id', 'g.reporter_user_id')
    .selectAll('g')
    .select('u.display_name as reporter_name');
}
type GiftRow = Awaited<ReturnType<ReturnType<typeof giftQuery>['executeTakeFirstOrThrow']>>;

function toGift(r: GiftRow): GiftReport {
  return {
    id: r.id,
    agencyId: r.agency_id,
    reporterUserId: r.reporter_user_id,
    reporterName: r.reporter_name,
    giftOn: r.gift_on,
    fiscalYear: Number(r.fiscal_year),
    giverType: r.giver_type as GiverType,
    giverName: r.giver_name,
    description: r.description,
    valueBaht: Number(r.value_baht),
    disposition: r.disposition as Disposition,
    handling: r.handling as Handling,
    actionNote: r.action_note,
    thresholdBaht: Number(r.threshold_baht),
    flagged: Number(r.flagged) === 1,
    headDecision: r.head_decision as HeadDecision | null,
    headNote: r.head_note,
    decidedBy: r.decided_by,
    decidedAt: r.decided_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export async function findGift(db: Kysely<Database>, id: string): Promise<GiftReport | null> {
  const row = await giftQuery(db).where('g.id', '=', id).executeTakeFirst();
  return row ? toGift(row) : null;
}

/** Gifts of an agency, newest first; narrowed to a year, a reporter or the flagged undecided. */
export async function listGifts(
  db: Kysely<Database>,
  agencyId: string,
  filter: { fiscalYear?: number; reporterUserId?: string; awaitingDecision?: boolean },
): Promise<GiftReport[]> {
  let query = giftQuery(db).where('g.agency_id', '=', agencyId);
  if (filter.fiscalYear !== undefined) query = query.where('g.fiscal_year', '=', filter.fiscalYear);
  if (filter.reporterUserId !== undefined)
    query = query.where('g.reporter_user_id', '=', filter.reporterUserId);
  if (filter.awaitingDecision)
    query = query.where('g.flagged', '=', 1).where('g.head_decision', 'is', null);
  const rows = await query.orderBy('g.gift_on', 'desc').orderBy('g.created_at', 'desc').execute();
  return rows.map(toGift);
}

/** The first fiscal year of an agency's gift reports (of one reporter when given), or null. */
export async function firstGiftYear(
  db: Kysely<Database>,
  agencyId: string,
  reporterUserId?: string,
): Promise<number | null> {
  let query = db
    .selectFrom('gift_report')
    .select((eb) => eb.fn.min('fiscal_year').as('first'))
    .where('agency_id', '=', agencyId);
  if (reporterUserId !== undefined) query = query.where('reporter_user_id', '=', reporterUserId);
  const row = await query.executeTakeFirst();
  return row?.first === null || row?.first === undefined ? null : Number(row.first);
}

/** The latest change to an agency's gifts of a year (ISO), or null. */
export async function latestGiftChange(
  db: Kysely<Database>,
  agencyId: string,
  fiscalYear: number,
): Promise<string | null> {
  const row = await db
    .selectFrom('gift_report')
    .select((eb) => eb.fn.max('updated_at').as('latest'))
    .where('agency_id', '=', agencyId)
    .where('fiscal_year', '=', fiscalYear)
    .executeTakeFirst();
  return (row?.latest as string | null | undefined) ?? null;
}

export async function insertGiftPublication(
  db: Kysely<Database>,
  p: { id: string; agencyId: string; fiscalYear: number; publishedBy: string; publishedAt: string },
): Promise<void> {
  await db
    .insertInto('gift_report_publication')
    .values({
      id: p.id,
      agency_id: p.agencyId,
      fiscal_year: p.fiscalYear,
      published_by: p.publishedBy,
      published_at: p.publishedAt,
    })
    .execute();
}

/** The fiscal years whose gift report an agency published, with when. */
export async function listGiftPublications(
  db: Kysely<Database>,
  agencyId: string,
): Promise<{ fiscalYear: number; publishedAt: string }[]> {
  const rows = await db
    .selectFrom('gift_report_publication')
    .select(['fiscal_year', 'published_at'])
    .where('agency_id', '=', agencyId)
    .orderBy('fiscal_year', 'desc')
    .execute();
  return rows.map((r) => ({ fiscalYear: Number(r.fiscal_year), publishedAt: r.published_at }));
}
