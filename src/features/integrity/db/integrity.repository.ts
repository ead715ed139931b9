import type { Kysely } from 'kysely';
import type { DeclarationStatus } from '../core/declaration-template.js';
import type { Database } from '../../../platform/db/schema.js';

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
