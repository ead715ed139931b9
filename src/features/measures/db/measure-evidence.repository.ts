import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/db/schema.js';

/** An evidence file on a measure. */
export interface MeasureFile {
  id: string;
  measureId: string;
  originalName: string;
  storedName: string;
  contentType: string;
  size: number;
  sha256: string;
  uploadedBy: string | null;
  uploadedAt: string;
}

/** A published measures document or progress report of a round. */
export interface MeasurePublication {
  roundId: string;
  kind: 'document' | 'progress';
  contentJson: string;
  publishedBy: string | null;
  publishedByName: string | null;
  publishedAt: string;
}

export async function insertMeasureFile(db: Kysely<Database>, f: MeasureFile): Promise<void> {
  await db
    .insertInto('measure_file')
    .values({
      id: f.id,
      measure_id: f.measureId,
      original_name: f.originalName,
      stored_name: f.storedName,
      content_type: f.contentType,
      size: f.size,
      sha256: f.sha256,
      uploaded_by: f.uploadedBy,
      uploaded_at: f.uploadedAt,
    })
    .execute();
}

export async function deleteMeasureFile(db: Kysely<Database>, id: string): Promise<void> {
  await db.deleteFrom('measure_file').where('id', '=', id).execute();
}

/** Files of the given measures, oldest first. */
export async function listMeasureFiles(
  db: Kysely<Database>,
  measureIds: readonly string[],
): Promise<MeasureFile[]> {
  if (measureIds.length === 0) return [];
  const rows = await db
    .selectFrom('measure_file')
    .selectAll()
    .where('measure_id', 'in', [...measureIds])
    .orderBy('uploaded_at')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    measureId: r.measure_id,
    originalName: r.original_name,
    storedName: r.stored_name,
    contentType: r.content_type,
    size: Number(r.size),
    sha256: r.sha256,
    uploadedBy: r.uploaded_by,
    uploadedAt: r.uploaded_at,
  }));
}

/** Stores (or replaces) what a round published of one kind. */
export async function savePublication(
  db: Kysely<Database>,
  p: Omit<MeasurePublication, 'publishedByName'>,
): Promise<void> {
  await db
    .deleteFrom('measure_publication')
    .where('round_id', '=', p.roundId)
    .where('kind', '=', p.kind)
    .execute();
  await db
    .insertInto('measure_publication')
    .values({
      round_id: p.roundId,
      kind: p.kind,
      content_json: p.contentJson,
      published_by: p.publishedBy,
      published_at: p.publishedAt,
    })
    .execute();
}

/** The publications of the given rounds. */
export async function listPublications(
  db: Kysely<Database>,
  roundIds: readonly string[],
): Promise<MeasurePublication[]> {
  if (roundIds.length === 0) return [];
  const rows = await db
    .selectFrom('measure_publication as p')
    .leftJoin('app_user as u', 'u.id', 'p.published_by')
    .selectAll('p')
    .select('u.display_name as published_by_name')
    .where('p.round_id', 'in', [...roundIds])
    .orderBy('p.kind')
    .execute();
  return rows.map((r) => ({
    roundId: r.round_id,
    kind: r.kind === 'progress' ? 'progress' : 'document',
    contentJson: r.content_json,
    publishedBy: r.published_by,
    publishedByName: r.published_by_name,
    publishedAt: r.published_at,
  }));
}

export async function insertCarry(
  db: Kysely<Database>,
  c: { measureId: string; fromMeasureId: string; carriedBy: string | null; carriedAt: string },
): Promise<void> {
  await db
    .insertInto('measure_carry')
    .values({
      measure_id: c.measureId,
      from_measure_id: c.fromMeasureId,
      carried_by: c.carriedBy,
      carried_at: c.carriedAt,
    })
    .execute();
}

/** Which measures were carried from which: pairs for measures on either side of the link. */
export async function listCarries(
  db: Kysely<Database>,
  measureIds: readonly string[],
): Promise<Array<{ measureId: string; fromMeasureId: string }>> {
  if (measureIds.length === 0) return [];
  const ids = [...measureIds];
  const rows = await db
    .selectFrom('measure_carry')
    .select(['measure_id', 'from_measure_id'])
    .where((eb) => eb.or([eb('measure_id', 'in', ids), eb('from_measure_id', 'in', ids)]))
    .execute();
  return rows.map((r) => ({ measureId: r.measure_id, fromMeasureId: r.from_measure_id }));
}
