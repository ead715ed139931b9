import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/db/schema.js';

export interface StoredEdition {
  id: string;
  code: string;
  year: number;
  version: number;
  sha256: string;
  status: string;
}

export async function findEditionBySha(
  db: Kysely<Database>,
  sha256: string,
): Promise<StoredEdition | null> {
  const row = await db
    .selectFrom('edition')
    .select(['id', 'code', 'year', 'version', 'sha256', 'status'])
    .where('sha256', '=', sha256)
    .executeTakeFirst();
  return row ? { ...row, year: Number(row.year), version: Number(row.version) } : null;
}

export async function findEditionByCode(
  db: Kysely<Database>,
  code: string,
  version: number,
): Promise<StoredEdition | null> {
  const row = await db
    .selectFrom('edition')
    .select(['id', 'code', 'year', 'version', 'sha256', 'status'])
    .where('code', '=', code)
    .where('version', '=', version)
    .executeTakeFirst();
  return row ? { ...row, year: Number(row.year), version: Number(row.version) } : null;
}

export async function insertEdition(
  db: Kysely<Database>,
  edition: StoredEdition & { sourceText: string },
  now: string,
): Promise<void> {
  await db
    .insertInto('edition')
    .values({
      id: edition.id,
      code: edition.code,
      year: edition.year,
      version: edition.version,
      sha256: edition.sha256,
      source_text: edition.sourceText,
      status: edition.status,
      created_at: now,
    })
    .execute();
}

export async function listEditions(db: Kysely<Database>): Promise<StoredEdition[]> {
  const rows = await db
    .selectFrom('edition')
    .select(['id', 'code', 'year', 'version', 'sha256', 'status'])
    .orderBy('year', 'desc')
    .orderBy('version', 'desc')
    .execute();
  return rows.map((r) => ({ ...r, year: Number(r.year), version: Number(r.version) }));
}

export async function findEditionSource(db: Kysely<Database>, id: string): Promise<string | null> {
  const row = await db
    .selectFrom('edition')
    .select('source_text')
    .where('id', '=', id)
    .executeTakeFirst();
  return row?.source_text ?? null;
}
