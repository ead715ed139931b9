import type { Kysely, Selectable } from 'kysely';
import type { AgencyTable, Database } from '../../../platform/db/schema.js';

/** An agency in the tree. */
export interface Agency {
  id: string;
  parentId: string | null;
  path: string;
  code: string;
  type: string;
  nameTh: string;
  nameEn: string;
  website: string | null;
  eligibleStaff: number | null;
  createdAt: string;
  updatedAt: string;
}

export type NewAgency = Omit<Agency, 'createdAt' | 'updatedAt'>;

function toAgency(row: Selectable<AgencyTable>): Agency {
  return {
    id: row.id,
    parentId: row.parent_id,
    path: row.path,
    code: row.code,
    type: row.type,
    nameTh: row.name_th,
    nameEn: row.name_en,
    website: row.website,
    eligibleStaff: row.eligible_staff === null ? null : Number(row.eligible_staff),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Inserts an agency (its path must already include its own id). */
export async function insertAgency(
  db: Kysely<Database>,
  agency: NewAgency,
  now: string,
): Promise<Agency> {
  const row = {
    id: agency.id,
    parent_id: agency.parentId,
    path: agency.path,
    code: agency.code,
    type: agency.type,
    name_th: agency.nameTh,
    name_en: agency.nameEn,
    website: agency.website,
    eligible_staff: agency.eligibleStaff,
    created_at: now,
    updated_at: now,
  };
  await db.insertInto('agency').values(row).execute();
  return toAgency(row);
}

export type AgencyChanges = Partial<
  Pick<Agency, 'code' | 'type' | 'nameTh' | 'nameEn' | 'website' | 'eligibleStaff'>
>;

/** Updates the editable fields of an agency. */
export async function updateAgency(
  db: Kysely<Database>,
  id: string,
  changes: AgencyChanges,
  now: string,
): Promise<void> {
  await db
    .updateTable('agency')
    .set({
      ...(changes.code !== undefined ? { code: changes.code } : {}),
      ...(changes.type !== undefined ? { type: changes.type } : {}),
      ...(changes.nameTh !== undefined ? { name_th: changes.nameTh } : {}),
      ...(changes.nameEn !== undefined ? { name_en: changes.nameEn } : {}),
      ...(changes.website !== undefined ? { website: changes.website } : {}),
      ...(changes.eligibleStaff !== undefined ? { eligible_staff: changes.eligibleStaff } : {}),
      updated_at: now,
    })
    .where('id', '=', id)
    .execute();
}

export async function findAgencyById(db: Kysely<Database>, id: string): Promise<Agency | null> {
  const row = await db.selectFrom('agency').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toAgency(row) : null;
}

export async function findAgencyByCode(db: Kysely<Database>, code: string): Promise<Agency | null> {
  const row = await db.selectFrom('agency').selectAll().where('code', '=', code).executeTakeFirst();
  return row ? toAgency(row) : null;
}

/** Lists agencies whose path starts with one of the prefixes (all when `prefixes` is null), tree order. */
export async function listAgencies(
  db: Kysely<Database>,
  prefixes: readonly string[] | null,
): Promise<Agency[]> {
  let query = db.selectFrom('agency').selectAll();
  if (prefixes !== null) {
    if (prefixes.length === 0) return [];
    query = query.where((eb) => eb.or(prefixes.map((p) => eb('path', 'like', `${p}%`))));
  }
  const rows = await query.orderBy('path').execute();
  return rows.map(toAgency);
}

export async function countAgencies(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('agency')
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}
