import { sql } from 'kysely';
import { expect, it } from 'vitest';
import {
  describeEachDialect,
  SURVEY_RESPONSE_COLUMNS,
} from '../../../platform/db/test-databases.js';
import { createFixedClock, randomIds } from '../../../platform/infra/clock.js';
import { openU1Round, worldAt } from '../../../app/test-world.js';
import { reshuffleRecentResponses } from '../services/response-order.service.js';
import { insertResponses } from './survey.repository.js';

/**
 * Anonymity by construction (DESIGN.md §4): the tables that hold IIT/EIT answers have exactly
 * these columns, and none of them could point at a person (no IP, user agent, account, access
 * code, e-mail, phone, name or time of day).
 */
const ALLOWED: Record<string, string[]> = {
  survey_response: [...SURVEY_RESPONSE_COLUMNS],
  survey_submission: ['nonce_hash', 'submitted_on'],
};
const IDENTIFYING =
  /ip|addr|agent|user|account|code|email|mail|phone|name|session|token|_at$|time/i;

describeEachDialect('response tables cannot identify a respondent', (getDb) => {
  it('have only the allowed columns, none identifying', async () => {
    const tables = await getDb().kysely.introspection.getTables();
    for (const [table, allowed] of Object.entries(ALLOWED)) {
      const columns = tables
        .find((t) => t.name === table)
        ?.columns.map((c) => c.name)
        .sort();
      expect([table, columns]).toEqual([table, allowed]);
      expect(columns?.filter((c) => IDENTIFYING.test(c))).toEqual([]);
    }
  });

  it('keep the traces against ballot stuffing apart from the responses', async () => {
    const tables = await getDb().kysely.introspection.getTables();
    const columnsOf = (table: string) =>
      tables
        .find((t) => t.name === table)
        ?.columns.map((c) => c.name)
        .sort();
    // Arrival counts per link and five-minute window: a time, but no response, no answers,
    // no hash of answers, no day of a response, nothing about a browser or a client.
    expect(columnsOf('survey_arrival')).toEqual(['answers', 'link_id', 'window_start']);
    // Excluded identical answer sets: the content and day the responses hold already; no
    // response id, no time, no person (who excluded them, and when, is in the audit log).
    expect(columnsOf('survey_exclusion')).toEqual([
      'answered_on',
      'answers_hash',
      'answers_json',
      'id',
      'instrument',
      'reason',
      'round_id',
    ]);
    const exclusion = columnsOf('survey_exclusion') ?? [];
    expect(exclusion.filter((c) => /response|nonce|ip|agent|user|by$|_at$|time/.test(c))).toEqual(
      [],
    );
    // and no table points from a response or a submission to them, or back
    expect(columnsOf('survey_response')?.some((c) => /arrival|window|exclu/.test(c))).toBe(false);
    expect(columnsOf('survey_submission')?.some((c) => /arrival|window|exclu/.test(c))).toBe(false);
  });

  it('keep no reference from a response to an access code or a submission', async () => {
    const tables = await getDb().kysely.introspection.getTables();
    const accessCode =
      tables.find((t) => t.name === 'access_code')?.columns.map((c) => c.name) ?? [];
    expect(accessCode.some((c) => /response|submitted|_at$|time/.test(c))).toBe(false);
  });

  it('keep no order of arrival: 200 answers read back in an order unrelated to when they came', async () => {
    const db = getDb();
    const now = '2026-06-10T03:00:00.000Z';
    const ctx = { db, clock: createFixedClock(now), ids: randomIds };
    const world = worldAt(now);
    await world.seedAgencies(db);
    const parent = await world.seedActor(db, 'parent@example.org', 'parent_admin', 'min');
    const roundId = await openU1Round(ctx, parent);
    const arrival: string[] = [];
    for (let i = 0; i < 200; i++) {
      const id = randomIds.uuid();
      arrival.push(id);
      // one at a time, as people submit: each its own transaction
      await insertResponses(db.kysely, [
        {
          id,
          roundId,
          agencyId: 'u1',
          instrument: 'IIT',
          answers: { i1: '4' },
          submittedOn: '2026-06-10',
          source: 'web',
        },
      ]);
    }
    // the hourly rewrite of recent days (PostgreSQL; nothing to do on SQLite)
    await reshuffleRecentResponses(ctx);
    const natural = (
      await sql<{ id: string }>`select id from survey_response where round_id = ${roundId}`.execute(
        db.kysely,
      )
    ).rows.map((r) => r.id);
    expect([...natural].sort()).toEqual([...arrival].sort());
    const rank = new Map(arrival.map((id, i) => [id, i]));
    const ranks = natural.map((id) => rank.get(id) ?? -1);
    // Spearman's rank correlation between stored order and arrival: near 0 when unrelated
    const n = ranks.length;
    const d2 = ranks.reduce((sum, r, i) => sum + (r - i) ** 2, 0);
    const rho = 1 - (6 * d2) / (n * (n * n - 1));
    expect(Math.abs(rho)).toBeLessThan(0.3);
    // and no long runs of answers stored right after the one that came before them
    const followers = ranks.filter((r, i) => i > 0 && r === (ranks[i - 1] ?? -2) + 1).length;
    expect(followers).toBeLessThan(20);
  });
});
