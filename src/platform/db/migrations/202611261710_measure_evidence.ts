import type { Kysely } from 'kysely';

/**
 * Evidence files on improvement measures (bytes in the file store, like OIT evidence), the
 * publication of a round's measures document and progress report (a snapshot of what was made
 * public, who published it and when), and measures carried over from last year's round.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('measure_file')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('measure_id', 'text', (c) =>
      c.notNull().references('improvement_measure.id').onDelete('cascade'),
    )
    .addColumn('original_name', 'text', (c) => c.notNull())
    .addColumn('stored_name', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('uploaded_by', 'text', (c) => c.references('app_user.id'))
    .addColumn('uploaded_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('measure_file_measure')
    .on('measure_file')
    .column('measure_id')
    .execute();

  await db.schema
    .createTable('measure_publication')
    .addColumn('round_id', 'text', (c) => c.notNull().references('assessment_round.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('content_json', 'text', (c) => c.notNull())
    .addColumn('published_by', 'text', (c) => c.references('app_user.id'))
    .addColumn('published_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('measure_publication_pk', ['round_id', 'kind'])
    .execute();

  await db.schema
    .createTable('measure_carry')
    .addColumn('measure_id', 'text', (c) =>
      c.primaryKey().references('improvement_measure.id').onDelete('cascade'),
    )
    .addColumn('from_measure_id', 'text', (c) => c.notNull().references('improvement_measure.id'))
    .addColumn('carried_by', 'text', (c) => c.references('app_user.id'))
    .addColumn('carried_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('measure_carry_from')
    .on('measure_carry')
    .column('from_measure_id')
    .execute();
}
