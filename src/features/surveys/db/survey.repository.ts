import { randomInt } from 'node:crypto';
import { SqliteAdapter, type Kysely } from 'kysely';
import type { RoundState } from '../../rounds/feature.js';
import type { Database } from '../../../platform/db/schema.js';
import { FixedQuery } from '../../../platform/db/fixed-query.js';
import { countWebAnswerSet, listExclusions } from './survey-guard.repository.js';

/** A public survey link with what the survey pages need about its round. */
export interface SurveyLink {
  id: string;
  roundId: string;
  instrument: string;
  code: string;
  requiresCode: boolean;
  closesOn: string | null;
  roundState: RoundState;
  agencyId: string;
  agencyNameTh: string;
  agencyNameEn: string;
  agencyPath: string;
  editionId: string;
}

function linkQuery(db: Kysely<Database>) {
  return db
    .selectFrom('survey_link as l')
    .innerJoin('assessment_round as r', 'r.id', 'l.round_id')
    .innerJoin('agency as a', 'a.id', 'r.agency_id')
    .select([
      'l.id',
      'l.round_id',
      'l.instrument',
      'l.code',
      'l.requires_code',
      'l.closes_on',
      'r.state',
      'r.edition_id',
      'a.id as agency_id',
      'a.name_th',
      'a.name_en',
      'a.path',
    ]);
}

type LinkRow = Awaited<ReturnType<ReturnType<typeof linkQuery>['executeTakeFirstOrThrow']>>;

function toLink(row: LinkRow): SurveyLink {
  return {
    id: row.id,
    roundId: row.round_id,
    instrument: row.instrument,
    code: row.code,
    requiresCode: Number(row.requires_code) === 1,
    closesOn: row.closes_on,
    roundState: row.state as RoundState,
    agencyId: row.agency_id,
    agencyNameTh: row.name_th,
    agencyNameEn: row.name_en,
    agencyPath: row.path,
    editionId: row.edition_id,
  };
}

export async function findSurveyLinkByCode(
  db: Kysely<Database>,
  code: string,
): Promise<SurveyLink | null> {
  const row = await linkQuery(db).where('l.code', '=', code).executeTakeFirst();
  return row ? toLink(row) : null;
}

export async function listSurveyLinksOfRound(
  db: Kysely<Database>,
  roundId: string,
): Promise<SurveyLink[]> {
  const rows = await linkQuery(db)
    .where('l.round_id', '=', roundId)
    .orderBy('l.instrument')
    .execute();
  return rows.map(toLink);
}

export async function insertSurveyLink(
  db: Kysely<Database>,
  link: {
    id: string;
    roundId: string;
    instrument: string;
    code: string;
    requiresCode: boolean;
    closesOn: string | null;
  },
  now: string,
): Promise<void> {
  await db
    .insertInto('survey_link')
    .values({
      id: link.id,
      round_id: link.roundId,
      instrument: link.instrument,
      code: link.code,
      requires_code: link.requiresCode ? 1 : 0,
      closes_on: link.closesOn,
      created_at: now,
    })
    .execute();
}

export async function updateSurveyLinkSettings(
  db: Kysely<Database>,
  id: string,
  settings: { requiresCode: boolean; closesOn: string | null },
): Promise<void> {
  await db
    .updateTable('survey_link')
    .set({ requires_code: settings.requiresCode ? 1 : 0, closes_on: settings.closesOn })
    .where('id', '=', id)
    .execute();
}

/** Stores a batch of single-use codes (as HMACs only). */
export async function insertAccessCodes(
  db: Kysely<Database>,
  codes: { id: string; linkId: string; batch: number; codeHmac: string }[],
): Promise<void> {
  for (let i = 0; i < codes.length; i += 500) {
    const chunk = codes.slice(i, i + 500).map((c) => ({
      id: c.id,
      link_id: c.linkId,
      batch: c.batch,
      code_hmac: c.codeHmac,
      used: 0,
    }));
    await db.insertInto('access_code').values(chunk).execute();
  }
}

export async function nextAccessCodeBatch(db: Kysely<Database>, linkId: string): Promise<number> {
  const row = await db
    .selectFrom('access_code')
    .select((eb) => eb.fn.max('batch').as('b'))
    .where('link_id', '=', linkId)
    .executeTakeFirst();
  return Number(row?.b ?? 0) + 1;
}

/** 'unused', 'used' or 'unknown' for a code's HMAC on a link. */
export async function findAccessCodeState(
  db: Kysely<Database>,
  linkId: string,
  codeHmac: string,
): Promise<'unused' | 'used' | 'unknown'> {
  const row = await db
    .selectFrom('access_code')
    .select('used')
    .where('link_id', '=', linkId)
    .where('code_hmac', '=', codeHmac)
    .executeTakeFirst();
  if (!row) return 'unknown';
  return Number(row.used) === 1 ? 'used' : 'unused';
}

/** Marks an unused code used; false when it was used already (or never existed). */
export async function useAccessCode(
  db: Kysely<Database>,
  linkId: string,
  codeHmac: string,
): Promise<boolean> {
  const result = await db
    .updateTable('access_code')
    .set({ used: 1 })
    .where('link_id', '=', linkId)
    .where('code_hmac', '=', codeHmac)
    .where('used', '=', 0)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function countAccessCodes(
  db: Kysely<Database>,
  linkId: string,
): Promise<{ issued: number; used: number }> {
  const row = await db
    .selectFrom('access_code')
    .select((eb) => [eb.fn.countAll().as('issued'), eb.fn.sum('used').as('used')])
    .where('link_id', '=', linkId)
    .executeTakeFirst();
  return { issued: Number(row?.issued ?? 0), used: Number(row?.used ?? 0) };
}

const CLAIM_SUBMISSION = new FixedQuery(
  'insert into "survey_submission" ("nonce_hash", "submitted_on") values (?, ?) ' +
    'on conflict ("nonce_hash") do nothing',
);

/** Records that a form was submitted; false when the same form was submitted before. */
export async function claimSubmission(
  db: Kysely<Database>,
  nonceHash: string,
  day: string,
): Promise<boolean> {
  // a fixed statement: it runs for every answer (see FixedQuery)
  const result = await CLAIM_SUBMISSION.run(db, [nonceHash, day]);
  return Number(result.numAffectedRows ?? 0) === 1;
}

/** Whether a form (by its nonce hash) was submitted already. */
export async function isSubmissionClaimed(
  db: Kysely<Database>,
  nonceHash: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('survey_submission')
    .select('nonce_hash')
    .where('nonce_hash', '=', nonceHash)
    .executeTakeFirst();
  return row !== undefined;
}

const CLAIM_OPEN_SUBMISSION = new FixedQuery(
  'insert into "survey_submission" ("nonce_hash", "submitted_on") select ?, ? where exists (' +
    'select 1 from "survey_link" as "l" ' +
    'inner join "assessment_round" as "r" on "r"."id" = "l"."round_id" ' +
    'where "l"."id" = ? and "r"."state" = \'collecting\' and "r"."edition_id" = ? ' +
    'and "l"."requires_code" = ? and ("l"."closes_on" is null or "l"."closes_on" >= ?)) ' +
    'on conflict ("nonce_hash") do nothing',
);

/**
 * Records that a form was submitted, in the same statement that checks its link is still as the
 * answer was checked against: open on `day` (its round collecting, its closing day not passed),
 * the same edition, the same need of a code. `changed` when it is not (nothing recorded), so
 * that a link read a moment ago (see findOpenSurvey) never takes an answer it would refuse now.
 */
export async function claimOpenSubmission(
  db: Kysely<Database>,
  nonceHash: string,
  day: string,
  link: { id: string; editionId: string; requiresCode: boolean },
): Promise<'claimed' | 'duplicate' | 'changed'> {
  const result = await CLAIM_OPEN_SUBMISSION.run(db, [
    nonceHash,
    day,
    link.id,
    link.editionId,
    link.requiresCode ? 1 : 0,
    day,
  ]);
  if (Number(result.numAffectedRows ?? 0) === 1) return 'claimed';
  return (await isSubmissionClaimed(db, nonceHash)) ? 'duplicate' : 'changed';
}

export interface NewResponse {
  id: string;
  roundId: string;
  agencyId: string;
  instrument: string;
  answers: Record<string, string>;
  submittedOn: string;
  source: 'web' | 'import';
  /** Already masked (core/voice prepareComment); absent or null when the respondent wrote none. */
  comment?: string | null;
}

export async function insertResponses(
  db: Kysely<Database>,
  responses: NewResponse[],
): Promise<void> {
  for (let i = 0; i < responses.length; i += 500) {
    const chunk = responses.slice(i, i + 500).map((r) => ({
      id: r.id,
      round_id: r.roundId,
      agency_id: r.agencyId,
      instrument: r.instrument,
      answers_json: JSON.stringify(r.answers),
      submitted_on: r.submittedOn,
      source: r.source,
      comment: r.comment ?? null,
    }));
    await db.insertInto('survey_response').values(chunk).execute();
  }
}

const INSERT_RESPONSE = new FixedQuery(
  'insert into "survey_response" ("id", "round_id", "agency_id", "instrument", "answers_json", ' +
    '"submitted_on", "source", "comment") values (?, ?, ?, ?, ?, ?, ?, ?)',
);

/** Inserts one response (a web answer: a fixed statement, it runs for every answer). */
export async function insertResponse(db: Kysely<Database>, r: NewResponse): Promise<void> {
  await INSERT_RESPONSE.run(db, [
    r.id,
    r.roundId,
    r.agencyId,
    r.instrument,
    JSON.stringify(r.answers),
    r.submittedOn,
    r.source,
    r.comment ?? null,
  ]);
}

/** Fisher–Yates with a cryptographic random source: no seed, no pattern. */
function shuffled<T>(rows: T[]): T[] {
  for (let i = rows.length - 1; i > 0; i -= 1) {
    const j = randomInt(i + 1);
    [rows[i], rows[j]] = [rows[j] as T, rows[i] as T];
  }
  return rows;
}

/**
 * Rewrites the responses and finished-form marks of the given days in random order, in one
 * transaction: on PostgreSQL the heap keeps rows in the order they were written, and after this
 * it keeps them in no order that says who came when. SQLite stores both tables by their random
 * keys (WITHOUT ROWID): nothing to do there. Returns the number of responses rewritten.
 */
export async function reshuffleResponsesOfDays(
  db: Kysely<Database>,
  days: readonly string[],
): Promise<number> {
  if (days.length === 0 || db.getExecutor().adapter instanceof SqliteAdapter) return 0;
  return db.transaction().execute(async (trx) => {
    const responses = await trx
      .deleteFrom('survey_response')
      .where('submitted_on', 'in', [...days])
      .returningAll()
      .execute();
    for (const chunk of chunksOf(shuffled(responses)))
      await trx.insertInto('survey_response').values(chunk).execute();
    const submissions = await trx
      .deleteFrom('survey_submission')
      .where('submitted_on', 'in', [...days])
      .returningAll()
      .execute();
    for (const chunk of chunksOf(shuffled(submissions)))
      await trx.insertInto('survey_submission').values(chunk).execute();
    return responses.length;
  });
}

function chunksOf<T>(rows: T[], size = 500): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

/**
 * Responses per instrument and day of a round (for progress and projection), without those the
 * agency excluded (of an excluded identical answer set, one stays counted).
 */
export async function countResponsesByDay(
  db: Kysely<Database>,
  roundId: string,
): Promise<{ instrument: string; day: string; count: number }[]> {
  const rows = await db
    .selectFrom('survey_response')
    .select(['instrument', 'submitted_on', (eb) => eb.fn.countAll().as('n')])
    .where('round_id', '=', roundId)
    .groupBy(['instrument', 'submitted_on'])
    .orderBy('submitted_on')
    .execute();
  const counts = rows.map((r) => ({
    instrument: r.instrument,
    day: r.submitted_on,
    count: Number(r.n),
  }));
  for (const exclusion of await listExclusions(db, roundId)) {
    const { instrument, day, answersJson } = exclusion;
    const same = await countWebAnswerSet(db, roundId, instrument, day, answersJson);
    const entry = counts.find((c) => c.instrument === instrument && c.day === day);
    if (entry) entry.count -= Math.max(0, same - 1);
  }
  return counts;
}

/**
 * The answers of a round's responses to one instrument (before a day, if given), one record per
 * response. This is the one path by which scores read answers (the cockpit's live scores, and
 * the round's scores through oit-review's scoreRound, which the results feature uses): answer
 * sets the agency excluded count once here, whatever number of identical copies came.
 */
export async function listResponseAnswers(
  db: Kysely<Database>,
  roundId: string,
  instrument: string,
  beforeDay?: string,
): Promise<Record<string, string>[]> {
  const excluded = new Set(
    (await listExclusions(db, roundId, instrument)).map((e) => `${e.day}\n${e.answersJson}`),
  );
  let query = db
    .selectFrom('survey_response')
    .select(['answers_json', 'submitted_on', 'source'])
    .where('round_id', '=', roundId)
    .where('instrument', '=', instrument);
  if (beforeDay) query = query.where('submitted_on', '<', beforeDay);
  const rows = await query.execute();
  const kept = new Set<string>();
  const answers: Record<string, string>[] = [];
  for (const row of rows) {
    if (excluded.size > 0 && row.source === 'web') {
      const key = `${row.submitted_on}\n${row.answers_json}`;
      if (excluded.has(key)) {
        if (kept.has(key)) continue;
        kept.add(key);
      }
    }
    answers.push(JSON.parse(row.answers_json) as Record<string, string>);
  }
  return answers;
}
