import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/db/schema.js';

/**
 * The addresses people signed in from (by a hash of user and address) and the one-time password
 * reset links (by the sha256 of their token). The failed-attempt counters are rate_limit rows.
 */

/** Whether the person signed in from this address (its key) at `since` or later. */
export async function isKnownAddress(
  db: Kysely<Database>,
  key: string,
  since: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('sign_in_address')
    .select('key')
    .where('key', '=', key)
    .where('last_success_at', '>=', since)
    .executeTakeFirst();
  return row !== undefined;
}

/** Notes a successful sign-in from an address (one statement: insert or move the time on). */
export async function rememberAddress(
  db: Kysely<Database>,
  key: string,
  userId: string,
  now: string,
): Promise<void> {
  await db
    .insertInto('sign_in_address')
    .values({ key, user_id: userId, last_success_at: now })
    .onConflict((oc) => oc.column('key').doUpdateSet({ last_success_at: now }))
    .execute();
}

export interface PasswordResetRow {
  id: string;
  userId: string;
  createdBy: string;
  createdAt: string;
  expiresAt: string;
  usedAt: string | null;
}

export async function insertPasswordReset(
  db: Kysely<Database>,
  reset: Omit<PasswordResetRow, 'usedAt'>,
): Promise<void> {
  await db
    .insertInto('password_reset')
    .values({
      id: reset.id,
      user_id: reset.userId,
      created_by: reset.createdBy,
      created_at: reset.createdAt,
      expires_at: reset.expiresAt,
      used_at: null,
    })
    .execute();
}

/** A link that is still good: not used and not expired at `now`. */
export async function findLiveReset(
  db: Kysely<Database>,
  id: string,
  now: string,
): Promise<PasswordResetRow | null> {
  const row = await db
    .selectFrom('password_reset')
    .selectAll()
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return row
    ? {
        id: row.id,
        userId: row.user_id,
        createdBy: row.created_by,
        createdAt: row.created_at,
        expiresAt: row.expires_at,
        usedAt: row.used_at,
      }
    : null;
}

/**
 * Marks a link used, in one statement that only a good link passes: true for the one request
 * that used it, false for every other (used, expired, or unknown).
 */
export async function useReset(db: Kysely<Database>, id: string, now: string): Promise<boolean> {
  const result = await db
    .updateTable('password_reset')
    .set({ used_at: now })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Drops the links of a person that were not used (a new link replaces them). */
export async function deleteUnusedResets(db: Kysely<Database>, userId: string): Promise<void> {
  await db
    .deleteFrom('password_reset')
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .execute();
}
