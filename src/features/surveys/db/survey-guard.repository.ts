import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/db/schema.js';
import { FixedQuery } from '../../../platform/db/fixed-query.js';
import { BURST_MIN_ANSWERS } from '../core/ballot-guard.js';

/**
 * The traces kept against ballot stuffing: arrival counts per link and five-minute window (no
 * response, no answers), and the exclusions of identical answer sets (content and day, no
 * response id, no time). See docs/surveys.md, "Open links and ballot stuffing".
 */

const COUNT_ARRIVAL = new FixedQuery<{ answers: number | string }>(
  'insert into "survey_arrival" ("link_id", "window_start", "answers") values (?, ?, 1) ' +
    'on conflict ("link_id", "window_start") do update ' +
    'set "answers" = "survey_arrival"."answers" + 1 returning "answers"',
);

/** Counts one answer in a link's window; returns the window's count so far (1: a new window). */
export async function countArrival(
  db: Kysely<Database>,
  linkId: string,
  windowStart: string,
): Promise<number> {
  // a fixed statement: it runs for every answer (see FixedQuery)
  const { rows } = await COUNT_ARRIVAL.run(db, [linkId, windowStart]);
  return Number(rows[0]?.answers ?? 0);
}

/**
 * Deletes the ended windows (started before `before`) that are not bursts, of one link or of
 * all: ordinary traffic leaves no time of day behind. Returns the number deleted.
 */
export async function sweepArrivals(
  db: Kysely<Database>,
  before: string,
  linkId?: string,
): Promise<number> {
  let query = db
    .deleteFrom('survey_arrival')
    .where('window_start', '<', before)
    .where('answers', '<', BURST_MIN_ANSWERS);
  if (linkId) query = query.where('link_id', '=', linkId);
  const result = await query.executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** The burst windows of some links (at least BURST_MIN_ANSWERS answers each). */
export async function listBurstWindows(
  db: Kysely<Database>,
  linkIds: readonly string[],
): Promise<{ linkId: string; windowStart: string; answers: number }[]> {
  if (linkIds.length === 0) return [];
  const rows = await db
    .selectFrom('survey_arrival')
    .select(['link_id', 'window_start', 'answers'])
    .where('link_id', 'in', [...linkIds])
    .where('answers', '>=', BURST_MIN_ANSWERS)
    .orderBy('window_start')
    .execute();
  return rows.map((r) => ({
    linkId: r.link_id,
    windowStart: r.window_start,
    answers: Number(r.answers),
  }));
}

/** Web answers of one day that are the same in every answer, as a group. */
export interface IdenticalGroup {
  day: string;
  answersJson: string;
  count: number;
}

/**
 * Groups of identical web answer sets of one instrument of a round, per day, of at least `min`
 * answers: of the days before `beforeDay`, or of one `day`. Imported answers (paper, Google
 * Forms) are the agency's own typing and are left out.
 */
export async function listIdenticalGroups(
  db: Kysely<Database>,
  roundId: string,
  instrument: string,
  options: { min: number; beforeDay?: string; day?: string },
): Promise<IdenticalGroup[]> {
  let query = db
    .selectFrom('survey_response')
    .select(['submitted_on', 'answers_json', (eb) => eb.fn.countAll().as('n')])
    .where('round_id', '=', roundId)
    .where('instrument', '=', instrument)
    .where('source', '=', 'web');
  if (options.beforeDay) query = query.where('submitted_on', '<', options.beforeDay);
  if (options.day) query = query.where('submitted_on', '=', options.day);
  const rows = await query
    .groupBy(['submitted_on', 'answers_json'])
    .having((eb) => eb.fn.countAll(), '>=', options.min)
    .execute();
  return rows
    .map((r) => ({ day: r.submitted_on, answersJson: r.answers_json, count: Number(r.n) }))
    .sort((a, b) => a.day.localeCompare(b.day) || b.count - a.count);
}

/** An exclusion as stored. */
export interface StoredExclusion {
  id: string;
  roundId: string;
  instrument: string;
  day: string;
  answersHash: string;
  answersJson: string;
  reason: string;
}

/** The exclusions of a round (of one instrument when given). */
export async function listExclusions(
  db: Kysely<Database>,
  roundId: string,
  instrument?: string,
): Promise<StoredExclusion[]> {
  let query = db.selectFrom('survey_exclusion').selectAll().where('round_id', '=', roundId);
  if (instrument) query = query.where('instrument', '=', instrument);
  const rows = await query.orderBy('answered_on').execute();
  return rows.map((r) => ({
    id: r.id,
    roundId: r.round_id,
    instrument: r.instrument,
    day: r.answered_on,
    answersHash: r.answers_hash,
    answersJson: r.answers_json,
    reason: r.reason,
  }));
}

export async function insertExclusion(
  db: Kysely<Database>,
  exclusion: StoredExclusion,
): Promise<void> {
  await db
    .insertInto('survey_exclusion')
    .values({
      id: exclusion.id,
      round_id: exclusion.roundId,
      instrument: exclusion.instrument,
      answered_on: exclusion.day,
      answers_hash: exclusion.answersHash,
      answers_json: exclusion.answersJson,
      reason: exclusion.reason,
    })
    .execute();
}

/** Web answers of one instrument and day of a round that are exactly this answer set. */
export async function countWebAnswerSet(
  db: Kysely<Database>,
  roundId: string,
  instrument: string,
  day: string,
  answersJson: string,
): Promise<number> {
  const row = await db
    .selectFrom('survey_response')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('round_id', '=', roundId)
    .where('instrument', '=', instrument)
    .where('submitted_on', '=', day)
    .where('source', '=', 'web')
    .where('answers_json', '=', answersJson)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}
