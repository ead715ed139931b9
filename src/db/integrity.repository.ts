import type { Kysely } from 'kysely';
import type { DeclarationStatus } from '../core/integrity/declaration-template.js';
import type {
  Disposition,
  GiverType,
  Handling,
  HeadDecision,
} from '../core/integrity/gift-rules.js';
import type { Database } from './schema.js';

/** The head's yearly No Gift declaration. */
export interface Declaration {
  id: string;
  agencyId: string;
  fiscalYear: number;
  headName: string;
  headPosition: string;
  declaredOn: string;
  thresholdBaht: number;
  body: string;
  status: DeclarationStatus;
  draftedBy: string | null;
  approvedBy: string | null;
  approvedAt: string | null;
  publishedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** One entry of the communication log. */
export interface Communication {
  id: string;
  agencyId: string;
  fiscalYear: number;
  communicatedOn: string;
  channel: string;
  audience: string;
  description: string;
  reachedCount: number | null;
  createdBy: string | null;
  createdAt: string;
}

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

type DeclarationRow = Awaited<
  ReturnType<ReturnType<typeof declarationQuery>['executeTakeFirstOrThrow']>
>;
const declarationQuery = (db: Kysely<Database>) => db.selectFrom('no_gift_declaration').selectAll();

function toDeclaration(r: DeclarationRow): Declaration {
  return {
    id: r.id,
    agencyId: r.agency_id,
    fiscalYear: Number(r.fiscal_year),
    headName: r.head_name,
    headPosition: r.head_position,
    declaredOn: r.declared_on,
    thresholdBaht: Number(r.threshold_baht),
    body: r.body,
    status: r.status as DeclarationStatus,
    draftedBy: r.drafted_by,
    approvedBy: r.approved_by,
    approvedAt: r.approved_at,
    publishedAt: r.published_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export async function insertDeclaration(db: Kysely<Database>, d: Declaration): Promise<void> {
  await db
    .insertInto('no_gift_declaration')
    .values({
      id: d.id,
      agency_id: d.agencyId,
      fiscal_year: d.fiscalYear,
      head_name: d.headName,
      head_position: d.headPosition,
      declared_on: d.declaredOn,
      threshold_baht: d.thresholdBaht,
      body: d.body,
      status: d.status,
      drafted_by: d.draftedBy,
      approved_by: d.approvedBy,
      approved_at: d.approvedAt,
      published_at: d.publishedAt,
      created_at: d.createdAt,
      updated_at: d.updatedAt,
    })
    .execute();
}

export async function updateDeclaration(db: Kysely<Database>, d: Declaration): Promise<void> {
  await db
    .updateTable('no_gift_declaration')
    .set({
      head_name: d.headName,
      head_position: d.headPosition,
      declared_on: d.declaredOn,
      threshold_baht: d.thresholdBaht,
      body: d.body,
      status: d.status,
      approved_by: d.approvedBy,
      approved_at: d.approvedAt,
      published_at: d.publishedAt,
      updated_at: d.updatedAt,
    })
    .where('id', '=', d.id)
    .execute();
}

export async function findDeclaration(
  db: Kysely<Database>,
  agencyId: string,
  fiscalYear: number,
): Promise<Declaration | null> {
  const row = await declarationQuery(db)
    .where('agency_id', '=', agencyId)
    .where('fiscal_year', '=', fiscalYear)
    .executeTakeFirst();
  return row ? toDeclaration(row) : null;
}

/** An agency's declarations, newest year first. */
export async function listDeclarations(
  db: Kysely<Database>,
  agencyId: string,
): Promise<Declaration[]> {
  const rows = await declarationQuery(db)
    .where('agency_id', '=', agencyId)
    .orderBy('fiscal_year', 'desc')
    .execute();
  return rows.map(toDeclaration);
}

/** The latest published declaration of each of the given agencies. */
export async function listLatestPublished(
  db: Kysely<Database>,
  agencyIds: readonly string[],
): Promise<Declaration[]> {
  if (agencyIds.length === 0) return [];
  const rows = await declarationQuery(db)
    .where('agency_id', 'in', [...agencyIds])
    .where('status', '=', 'published')
    .orderBy('fiscal_year', 'desc')
    .execute();
  const latest = new Map<string, Declaration>();
  for (const row of rows)
    if (!latest.has(row.agency_id)) latest.set(row.agency_id, toDeclaration(row));
  return [...latest.values()];
}

export async function insertAcknowledgement(
  db: Kysely<Database>,
  a: { id: string; declarationId: string; userId: string; acknowledgedOn: string },
): Promise<void> {
  await db
    .insertInto('no_gift_acknowledgement')
    .values({
      id: a.id,
      declaration_id: a.declarationId,
      user_id: a.userId,
      acknowledged_on: a.acknowledgedOn,
    })
    .execute();
}

/** Who acknowledged a declaration, with the day. */
export async function listAcknowledgements(
  db: Kysely<Database>,
  declarationId: string,
): Promise<{ userId: string; acknowledgedOn: string }[]> {
  const rows = await db
    .selectFrom('no_gift_acknowledgement')
    .select(['user_id', 'acknowledged_on'])
    .where('declaration_id', '=', declarationId)
    .execute();
  return rows.map((r) => ({ userId: r.user_id, acknowledgedOn: r.acknowledged_on }));
}

/** Active accounts holding a role at the agency itself (not its sub-units). */
export async function listMemberIds(db: Kysely<Database>, agencyId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('membership')
    .innerJoin('app_user', 'app_user.id', 'membership.user_id')
    .select('membership.user_id')
    .distinct()
    .where('membership.agency_id', '=', agencyId)
    .where('app_user.disabled', '=', 0)
    .execute();
  return rows.map((r) => r.user_id);
}

export async function insertCommunication(db: Kysely<Database>, c: Communication): Promise<void> {
  await db
    .insertInto('no_gift_communication')
    .values({
      id: c.id,
      agency_id: c.agencyId,
      fiscal_year: c.fiscalYear,
      communicated_on: c.communicatedOn,
      channel: c.channel,
      audience: c.audience,
      description: c.description,
      reached_count: c.reachedCount,
      created_by: c.createdBy,
      created_at: c.createdAt,
    })
    .execute();
}

/** A fiscal year's communication log, by date. */
export async function listCommunications(
  db: Kysely<Database>,
  agencyId: string,
  fiscalYear: number,
): Promise<Communication[]> {
  const rows = await db
    .selectFrom('no_gift_communication')
    .selectAll()
    .where('agency_id', '=', agencyId)
    .where('fiscal_year', '=', fiscalYear)
    .orderBy('communicated_on')
    .orderBy('created_at')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    agencyId: r.agency_id,
    fiscalYear: Number(r.fiscal_year),
    communicatedOn: r.communicated_on,
    channel: r.channel,
    audience: r.audience,
    description: r.description,
    reachedCount: r.reached_count === null ? null : Number(r.reached_count),
    createdBy: r.created_by,
    createdAt: r.created_at,
  }));
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
