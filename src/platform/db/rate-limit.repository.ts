import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

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
  const row = await db
    .insertInto('rate_limit')
    .values({ key, window_start: windowStart, count: 1 })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet((eb) => ({
        count: eb
          .case()
          .when(eb.ref('rate_limit.window_start'), '=', windowStart)
          .then(eb(eb.ref('rate_limit.count'), '+', 1))
          .else(1)
          .end(),
        window_start: windowStart,
      })),
    )
    .returning('count')
    .executeTakeFirst();
  return Number(row?.count ?? 0);
}

/** Removes one counter (a success that ends a run of failures). */
export async function clearRateLimit(db: Kysely<Database>, key: string): Promise<void> {
  await db.deleteFrom('rate_limit').where('key', '=', key).execute();
}

/** Removes counters whose window ended. */
export async function pruneRateLimits(db: Kysely<Database>, before: string): Promise<void> {
  await db.deleteFrom('rate_limit').where('window_start', '<', before).execute();
}
