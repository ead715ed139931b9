import type { Kysely } from 'kysely';

/** Integrity registers: the yearly No Gift declaration, acknowledgements, communication, gifts. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('no_gift_declaration')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agency.id'))
    .addColumn('fiscal_year', 'integer', (c) => c.notNull())
    .addColumn('head_name', 'text', (c) => c.notNull())
    .addColumn('head_position', 'text', (c) => c.notNull())
    .addColumn('declared_on', 'text', (c) => c.notNull())
    .addColumn('threshold_baht', 'integer', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('drafted_by', 'text', (c) => c.references('app_user.id'))
    .addColumn('approved_by', 'text', (c) => c.references('app_user.id'))
    .addColumn('approved_at', 'text')
    .addColumn('published_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('no_gift_declaration_agency_year', ['agency_id', 'fiscal_year'])
    .execute();

  await db.schema
    .createTable('no_gift_acknowledgement')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('declaration_id', 'text', (c) =>
      c.notNull().references('no_gift_declaration.id').onDelete('cascade'),
    )
    .addColumn('user_id', 'text', (c) => c.notNull().references('app_user.id'))
    .addColumn('acknowledged_on', 'text', (c) => c.notNull())
    .addUniqueConstraint('no_gift_acknowledgement_once', ['declaration_id', 'user_id'])
    .execute();

  await db.schema
    .createTable('no_gift_communication')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agency.id'))
    .addColumn('fiscal_year', 'integer', (c) => c.notNull())
    .addColumn('communicated_on', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('audience', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('reached_count', 'integer')
    .addColumn('created_by', 'text', (c) => c.references('app_user.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('no_gift_communication_agency_year')
    .on('no_gift_communication')
    .columns(['agency_id', 'fiscal_year'])
    .execute();

  await db.schema
    .createTable('gift_report')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agency.id'))
    .addColumn('reporter_user_id', 'text', (c) => c.notNull().references('app_user.id'))
    .addColumn('gift_on', 'text', (c) => c.notNull())
    .addColumn('fiscal_year', 'integer', (c) => c.notNull())
    .addColumn('giver_type', 'text', (c) => c.notNull())
    .addColumn('giver_name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('value_baht', 'integer', (c) => c.notNull())
    .addColumn('disposition', 'text', (c) => c.notNull())
    .addColumn('handling', 'text', (c) => c.notNull())
    .addColumn('action_note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('threshold_baht', 'integer', (c) => c.notNull())
    .addColumn('flagged', 'integer', (c) => c.notNull())
    .addColumn('head_decision', 'text')
    .addColumn('head_note', 'text')
    .addColumn('decided_by', 'text', (c) => c.references('app_user.id'))
    .addColumn('decided_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('gift_report_agency_year')
    .on('gift_report')
    .columns(['agency_id', 'fiscal_year'])
    .execute();

  await db.schema
    .createTable('gift_report_publication')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agency.id'))
    .addColumn('fiscal_year', 'integer', (c) => c.notNull())
    .addColumn('published_by', 'text', (c) => c.references('app_user.id'))
    .addColumn('published_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('gift_report_publication_agency_year', ['agency_id', 'fiscal_year'])
    .execute();
}
