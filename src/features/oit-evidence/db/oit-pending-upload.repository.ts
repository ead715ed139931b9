import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/db/schema.js';

/** A file chosen in an item form that failed, kept for the person who chose it. */
export interface PendingUpload {
  id: string;
  roundId: string;
  itemCode: string;
  userId: string;
  originalName: string;
  storedName: string;
  contentType: string;
  size: number;
  sha256: string;
  createdAt: string;
}

export async function insertPendingUpload(db: Kysely<Database>, p: PendingUpload): Promise<void> {
  await db
    .insertInto('oit_pending_upload')
    .values({
      id: p.id,
      round_id: p.roundId,
      item_code: p.itemCode,
      user_id: p.userId,
      original_name: p.originalName,
      stored_name: p.storedName,
      content_type: p.contentType,
      size: p.size,
      sha256: p.sha256,
      created_at: p.createdAt,
    })
    .execute();
}

/** A kept file of this person for this item, or null (anyone else's id finds nothing). */
export async function findPendingUpload(
  db: Kysely<Database>,
  ref: { id: string; roundId: string; itemCode: string; userId: string },
): Promise<PendingUpload | null> {
  const r = await db
    .selectFrom('oit_pending_upload')
    .selectAll()
    .where('id', '=', ref.id)
    .where('round_id', '=', ref.roundId)
    .where('item_code', '=', ref.itemCode)
    .where('user_id', '=', ref.userId)
    .executeTakeFirst();
  if (!r) return null;
  return {
    id: r.id,
    roundId: r.round_id,
    itemCode: r.item_code,
    userId: r.user_id,
    originalName: r.original_name,
    storedName: r.stored_name,
    contentType: r.content_type,
    size: Number(r.size),
    sha256: r.sha256,
    createdAt: r.created_at,
  };
}

export async function deletePendingUpload(db: Kysely<Database>, id: string): Promise<void> {
  await db.deleteFrom('oit_pending_upload').where('id', '=', id).execute();
}
