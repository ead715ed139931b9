import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

/**
 * Counts one hit for `key` in a fixed window and returns the count in the current window.
 * Lives in the database so that every server process shares the same counters.
 */
export async function hitRateLimit(
  db: Kysely<Database>,
  key: string,
  windowStart: string,
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    await trx
      .insertInto('rate_limit')
      .values({ key, window_start: windowStart, count: 0 })
      .onConflict((oc) => oc.column('key').doNothing())
      .execute();
    await trx
      .updateTable('rate_limit')
      .set((eb) => ({
        count: eb
          .case()
          .when('window_start', '=', windowStart)
          .then(eb('count', '+', 1))
          .else(1)
          .end(),
        window_start: windowStart,
      }))
      .where('key', '=', key)
      .execute();
    const row = await trx
      .selectFrom('rate_limit')
      .select('count')
      .where('key', '=', key)
      .executeTakeFirst();
    return Number(row?.count ?? 0);
  });
}

/** Removes counters whose window ended. */
export async function pruneRateLimits(db: Kysely<Database>, before: string): Promise<void> {
  await db.deleteFrom('rate_limit').where('window_start', '<', before).execute();
}
