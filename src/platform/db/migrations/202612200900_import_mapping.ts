import type { Kysely } from 'kysely';

/**
 * Saved column mappings of survey answer imports (issue 14, part 1): once an agency has
 * confirmed which column of its Google Forms or Microsoft Forms export is which item, the next
 * file of the same instrument and edition is matched the same way. It holds headers and item
 * codes only (header → item code, 'date', 'comment' or 'ignore'), never an answer or a person.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('import_mapping')
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agency.id'))
    .addColumn('edition_id', 'text', (c) => c.notNull().references('edition.id'))
    .addColumn('instrument', 'text', (c) => c.notNull())
    .addColumn('mapping_json', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('import_mapping_pk', ['agency_id', 'edition_id', 'instrument'])
    .execute();
}
