import type { Kysely } from 'kysely';

/** Work manuals and service standards (OIT O8/O9): manuals, their timed steps, service cases. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('manual')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agency.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('responsible_unit', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('channels_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('fee_text', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('documents_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('legal_basis', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('fiscal_year', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('manual_agency').on('manual').column('agency_id').execute();

  await db.schema
    .createTable('manual_step')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('manual_id', 'text', (c) => c.notNull().references('manual.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('responsible', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('time_amount', 'integer', (c) => c.notNull())
    .addColumn('time_unit', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('manual_step_manual').on('manual_step').column('manual_id').execute();

  await db.schema
    .createTable('manual_case')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('manual_id', 'text', (c) => c.notNull().references('manual.id').onDelete('cascade'))
    .addColumn('received_on', 'text', (c) => c.notNull())
    .addColumn('completed_on', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('manual_case_manual').on('manual_case').column('manual_id').execute();
}
