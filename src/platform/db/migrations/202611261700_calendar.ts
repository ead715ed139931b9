import type { Kysely } from 'kysely';

/** Calendar: tasks per round, per-person feed tokens (hashes only), reminder e-mails sent. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('calendar_task')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('round_id', 'text', (c) => c.notNull().references('assessment_round.id'))
    .addColumn('plan_key', 'text')
    .addColumn('milestone_code', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('title_en', 'text')
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('owner_user_id', 'text', (c) => c.references('app_user.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('done_at', 'text')
    .addColumn('done_by', 'text', (c) => c.references('app_user.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('calendar_task_round')
    .on('calendar_task')
    .column('round_id')
    .execute();
  // planning twice never makes a second copy of a planned step (hand-made tasks have no key)
  await db.schema
    .createIndex('calendar_task_plan_key')
    .on('calendar_task')
    .columns(['round_id', 'plan_key'])
    .unique()
    .execute();
  await db.schema
    .createIndex('calendar_task_owner')
    .on('calendar_task')
    .column('owner_user_id')
    .execute();

  await db.schema
    .createTable('calendar_feed_token')
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('app_user.id'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('reminder_email')
    .addColumn('user_id', 'text', (c) => c.notNull().references('app_user.id'))
    .addColumn('reminder_key', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('reminder_email_pk', ['user_id', 'reminder_key', 'day'])
    .execute();
}
