import type { Kysely } from 'kysely';

/**
 * OIT hand-offs carry their message (issue 13, part 3): the head of agency may send an item's
 * evidence back to its owner with a reason (kept on the evidence until the owner offers it
 * again), and a file chosen in a form that failed is kept aside for the person who chose it
 * (its id travels in a hidden field), so the form comes back with the file still attached.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('oit_evidence').addColumn('return_reason', 'text').execute();
  await db.schema
    .alterTable('oit_evidence')
    .addColumn('returned_by', 'text', (c) => c.references('app_user.id'))
    .execute();
  await db.schema.alterTable('oit_evidence').addColumn('returned_at', 'text').execute();

  await db.schema
    .createTable('oit_pending_upload')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('round_id', 'text', (c) => c.notNull().references('assessment_round.id'))
    .addColumn('item_code', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull().references('app_user.id'))
    .addColumn('original_name', 'text', (c) => c.notNull())
    .addColumn('stored_name', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}
