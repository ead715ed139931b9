import type { Kysely } from 'kysely';

/**
 * Stakeholder voice: the optional free-text comment of an IIT/EIT response, stored already
 * masked (no name, phone, e-mail or ID number) and at most 1,000 characters; null when none.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('survey_response').addColumn('comment', 'text').execute();
}
