import type { Kysely } from 'kysely';

/** Government asset loans: the asset register, loan requests and the published guideline. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('asset')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agency.id'))
    .addColumn('asset_number', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('location', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('custodian_unit', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('acquired_on', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('asset_agency_number', ['agency_id', 'asset_number'])
    .execute();

  await db.schema
    .createTable('asset_loan')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('asset_id', 'text', (c) => c.notNull().references('asset.id'))
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agency.id'))
    .addColumn('borrower_user_id', 'text', (c) => c.notNull().references('app_user.id'))
    .addColumn('purpose_category', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('from_on', 'text', (c) => c.notNull())
    .addColumn('to_on', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('approver_user_id', 'text', (c) => c.references('app_user.id'))
    .addColumn('refusal_reason', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('handed_over_at', 'text')
    .addColumn('returned_at', 'text')
    .addColumn('return_condition', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('asset_loan_asset').on('asset_loan').column('asset_id').execute();
  await db.schema
    .createIndex('asset_loan_agency_status')
    .on('asset_loan')
    .columns(['agency_id', 'status'])
    .execute();
  await db.schema
    .createIndex('asset_loan_borrower')
    .on('asset_loan')
    .column('borrower_user_id')
    .execute();

  await db.schema
    .createTable('asset_guideline')
    .addColumn('agency_id', 'text', (c) => c.primaryKey().references('agency.id'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('published_text', 'text')
    .addColumn('published_at', 'text')
    .addColumn('updated_by', 'text', (c) => c.references('app_user.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}
