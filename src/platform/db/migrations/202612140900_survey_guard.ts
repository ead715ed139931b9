import type { Kysely } from 'kysely';

/**
 * Ballot stuffing on open survey links (issue 12, part 4), with nothing that ties an answer to a
 * person or a time:
 *
 * - `survey_arrival`: how many answers reached a link in each five-minute window. Counts only:
 *   no response id, no answers, no hash of answers. Windows with fewer answers than a burst are
 *   deleted once they have ended, so ordinary traffic leaves no time of day behind.
 * - `survey_exclusion`: identical answer sets of one day the agency excluded from the scores and
 *   counts (all but one), with its reason. It names the answer set and the day (what the
 *   responses already hold), never a response id, a time or a person; who excluded it and when
 *   is in the audit log.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('survey_arrival')
    .addColumn('link_id', 'text', (c) => c.notNull().references('survey_link.id'))
    .addColumn('window_start', 'text', (c) => c.notNull())
    .addColumn('answers', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('survey_arrival_pk', ['link_id', 'window_start'])
    .execute();

  await db.schema
    .createTable('survey_exclusion')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('round_id', 'text', (c) => c.notNull().references('assessment_round.id'))
    .addColumn('instrument', 'text', (c) => c.notNull())
    .addColumn('answered_on', 'text', (c) => c.notNull())
    .addColumn('answers_hash', 'text', (c) => c.notNull())
    .addColumn('answers_json', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addUniqueConstraint('survey_exclusion_set', [
      'round_id',
      'instrument',
      'answered_on',
      'answers_hash',
    ])
    .execute();
}
