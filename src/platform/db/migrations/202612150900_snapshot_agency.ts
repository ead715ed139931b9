import { sql, type Kysely } from 'kysely';

/**
 * A score snapshot keeps the agency's names and type as they were when the round's scores were
 * stored, and again when the round was published: published pages, reports and open data read
 * them from there, so renaming an agency later changes nothing already published. Snapshots
 * stored before this migration take the agency's names as they are now (the best left to know).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('score_snapshot').addColumn('agency_name_th', 'text').execute();
  await db.schema.alterTable('score_snapshot').addColumn('agency_name_en', 'text').execute();
  await db.schema.alterTable('score_snapshot').addColumn('agency_type', 'text').execute();
  await sql`
    update score_snapshot set
      agency_name_th = (select a.name_th from assessment_round r join agency a on a.id = r.agency_id
                        where r.id = score_snapshot.round_id),
      agency_name_en = (select a.name_en from assessment_round r join agency a on a.id = r.agency_id
                        where r.id = score_snapshot.round_id),
      agency_type = (select a.type from assessment_round r join agency a on a.id = r.agency_id
                     where r.id = score_snapshot.round_id)`.execute(db);
}
