import { SqliteAdapter, sql, type Kysely } from 'kysely';

/**
 * Stored responses keep no order of arrival. SQLite numbers a table's rows with a hidden rowid
 * in the order they were written, so the n-th answer of the morning could be matched with the
 * n-th person seen at the kiosk. On SQLite both survey tables become WITHOUT ROWID tables, kept
 * in the order of their random keys (a response's random id, a submission's hash). PostgreSQL
 * keeps no row number, but its heap keeps rows roughly in arrival order: there the responses of
 * recent days are rewritten in random order (surveys' reshuffle, run hourly by `prongsai serve`
 * and by `prongsai surveys reshuffle`). Nothing changes on PostgreSQL here.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof SqliteAdapter)) return;
  await sql`
    create table survey_response_keyed (
      id text not null primary key,
      round_id text not null references assessment_round (id),
      agency_id text not null references agency (id),
      instrument text not null,
      answers_json text not null,
      submitted_on text not null,
      source text not null,
      comment text
    ) without rowid`.execute(db);
  await sql`
    insert into survey_response_keyed
      (id, round_id, agency_id, instrument, answers_json, submitted_on, source, comment)
    select id, round_id, agency_id, instrument, answers_json, submitted_on, source, comment
    from survey_response`.execute(db);
  await sql`drop table survey_response`.execute(db);
  await sql`alter table survey_response_keyed rename to survey_response`.execute(db);
  await sql`create index survey_response_round on survey_response (round_id, instrument)`.execute(
    db,
  );

  await sql`
    create table survey_submission_keyed (
      nonce_hash text not null primary key,
      submitted_on text not null
    ) without rowid`.execute(db);
  await sql`
    insert into survey_submission_keyed (nonce_hash, submitted_on)
    select nonce_hash, submitted_on from survey_submission`.execute(db);
  await sql`drop table survey_submission`.execute(db);
  await sql`alter table survey_submission_keyed rename to survey_submission`.execute(db);
}
