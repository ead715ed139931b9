import type { Kysely } from 'kysely';

/**
 * Background jobs (issue 15, part 1): a long export or a scheduled run, with its progress and
 * its result file (kept in the file store), readable by any process on the database. On
 * PostgreSQL pg-boss dispatches the jobs (its own `pgboss` schema); on SQLite they run in the
 * process that queued them. Finished jobs and their files are dropped after 15 minutes.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('background_job')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text')
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('done', 'integer', (c) => c.notNull())
    .addColumn('total', 'integer', (c) => c.notNull())
    .addColumn('result_name', 'text')
    .addColumn('result_file_name', 'text')
    .addColumn('result_content_type', 'text')
    .addColumn('error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .execute();
  await db.schema
    .createIndex('background_job_finished')
    .on('background_job')
    .column('finished_at')
    .execute();
}
