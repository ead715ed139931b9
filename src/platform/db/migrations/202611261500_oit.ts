import type { Kysely } from 'kysely';

/** OIT evidence per item, files, link snapshots, assessor decisions and clarifications. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('oit_evidence')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('round_id', 'text', (c) => c.notNull().references('assessment_round.id'))
    .addColumn('item_code', 'text', (c) => c.notNull())
    .addColumn('owner_user_id', 'text', (c) => c.references('app_user.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('explanation', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('elements_json', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('approved_by', 'text', (c) => c.references('app_user.id'))
    .addColumn('approved_at', 'text')
    .addColumn('submitted_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('oit_evidence_round_item', ['round_id', 'item_code'])
    .execute();

  await db.schema
    .createTable('oit_link')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('evidence_id', 'text', (c) =>
      c.notNull().references('oit_evidence.id').onDelete('cascade'),
    )
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('added_in', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('oit_link_evidence').on('oit_link').column('evidence_id').execute();

  await db.schema
    .createTable('oit_file')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('evidence_id', 'text', (c) =>
      c.notNull().references('oit_evidence.id').onDelete('cascade'),
    )
    .addColumn('original_name', 'text', (c) => c.notNull())
    .addColumn('stored_name', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('added_in', 'text', (c) => c.notNull())
    .addColumn('uploaded_by', 'text', (c) => c.references('app_user.id'))
    .addColumn('uploaded_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('oit_file_evidence').on('oit_file').column('evidence_id').execute();

  await db.schema
    .createTable('oit_snapshot')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('link_id', 'text', (c) => c.notNull().references('oit_link.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('taken_at', 'text', (c) => c.notNull())
    .addColumn('status', 'integer')
    .addColumn('content_type', 'text')
    .addColumn('final_url', 'text')
    .addColumn('sha256', 'text')
    .addColumn('stored_name', 'text')
    .addColumn('truncated', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('error', 'text')
    .execute();
  await db.schema.createIndex('oit_snapshot_link').on('oit_snapshot').column('link_id').execute();

  await db.schema
    .createTable('oit_assignment')
    .addColumn('round_id', 'text', (c) => c.notNull().references('assessment_round.id'))
    .addColumn('assessor_user_id', 'text', (c) => c.notNull().references('app_user.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('assigned_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('oit_assignment_pk', ['round_id', 'assessor_user_id'])
    .execute();

  await db.schema
    .createTable('oit_decision')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('round_id', 'text', (c) => c.notNull().references('assessment_round.id'))
    .addColumn('item_code', 'text', (c) => c.notNull())
    .addColumn('assessor_user_id', 'text', (c) => c.notNull().references('app_user.id'))
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('score', 'double precision', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('advice', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('decided_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('oit_decision_round_item')
    .on('oit_decision')
    .columns(['round_id', 'item_code'])
    .execute();

  await db.schema
    .createTable('oit_clarification')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('round_id', 'text', (c) => c.notNull().references('assessment_round.id'))
    .addColumn('item_code', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('new_url', 'text')
    .addColumn('file_id', 'text', (c) => c.references('oit_file.id'))
    .addColumn('created_by', 'text', (c) => c.references('app_user.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}
