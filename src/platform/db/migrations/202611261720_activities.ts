import type { Kysely } from 'kysely';

/** Activity (KM) reports: what was held, for whom, what was learnt, and the satisfaction survey. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('activity')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agency.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('held_on', 'text', (c) => c.notNull())
    .addColumn('place', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('objectives', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('method', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('key_knowledge', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('best_practices', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('attended', 'integer')
    .addColumn('invited', 'integer')
    /** [{ text, counts: [n1, n2, n3, n4, n5] }] — answers per level 1–5 for each question. */
    .addColumn('satisfaction_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('published', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('published_at', 'text')
    .addColumn('created_by', 'text', (c) => c.references('app_user.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('activity_agency')
    .on('activity')
    .columns(['agency_id', 'held_on'])
    .execute();
}
