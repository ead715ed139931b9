import type { Kysely } from 'kysely';
import type { Database } from './schema.js';
import { FixedQuery } from './fixed-query.js';

const HIT = new FixedQuery<{ count: number | string }>(
  'insert into "rate_limit" ("key", "window_start", "count") values (?, ?, 1) ' +
    'on conflict ("key") do update set "count" = case when "rate_limit"."window_start" = ? ' +
    'then "rate_limit"."count" + 1 else 1 end, "window_start" = ? returning "count"',
);

/**
 * Counts one hit for `key` in a fixed window and returns the count in the current window, in one
 * statement (an upsert that restarts the count when the window changed). Lives in the database
 * so that every server process shares the same counters.
 */
export async function hitRateLimit(
  db: Kysely<Database>,
  key: string,
  windowStart: string,
): Promise<number> {
  // a fixed statement: it runs for every request (see FixedQuery)
  const { rows } = await HIT.run(db, [key, windowStart, windowStart, windowStart]);
  return Number(rows[0]?.count ?? 0);
}

/** Removes one counter (a success that ends a run of failures). */
export async function clearRateLimit(db: Kysely<Database>, key: string): Promise<void> {
  await db.deleteFrom('rate_limit').where('key', '=', key).execute();
}

/** Removes counters whose window ended. */
export async function pruneRateLimits(db: Kysely<Database>, before: string): Promise<void> {
  await db.deleteFrom('rate_limit').where('window_start', '<', before).execute();
}
