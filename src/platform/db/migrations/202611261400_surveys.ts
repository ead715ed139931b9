import type { Kysely } from 'kysely';

/**
 * IIT/EIT collection. A response row holds round, agency, instrument, answers and a day:
 * nothing that could identify a respondent (no IP, user agent, account, code or exact time).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('survey_link')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('round_id', 'text', (c) => c.notNull().references('assessment_round.id'))
    .addColumn('instrument', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('requires_code', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('closes_on', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('survey_link_round_instrument', ['round_id', 'instrument'])
    .execute();

  await db.schema
    .createTable('access_code')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('link_id', 'text', (c) => c.notNull().references('survey_link.id'))
    .addColumn('batch', 'integer', (c) => c.notNull())
    .addColumn('code_hmac', 'text', (c) => c.notNull())
    .addColumn('used', 'integer', (c) => c.notNull().defaultTo(0))
    .addUniqueConstraint('access_code_link_hmac', ['link_id', 'code_hmac'])
    .execute();

  await db.schema
    .createTable('survey_response')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('round_id', 'text', (c) => c.notNull().references('assessment_round.id'))
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agency.id'))
    .addColumn('instrument', 'text', (c) => c.notNull())
    .addColumn('answers_json', 'text', (c) => c.notNull())
    .addColumn('submitted_on', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('survey_response_round')
    .on('survey_response')
    .columns(['round_id', 'instrument'])
    .execute();

  // One row per finished form: a second submit of the same form (double tap, back button)
  // collides here and stores nothing. It holds no link to the response.
  await db.schema
    .createTable('survey_submission')
    .addColumn('nonce_hash', 'text', (c) => c.primaryKey())
    .addColumn('submitted_on', 'text', (c) => c.notNull())
    .execute();
}
