import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/db/schema.js';

export interface SessionRow {
  id: string;
  userId: string;
  csrfToken: string;
  expiresAt: string;
}

export async function insertSession(
  db: Kysely<Database>,
  session: SessionRow,
  now: string,
): Promise<void> {
  await db
    .insertInto('session')
    .values({
      id: session.id,
      user_id: session.userId,
      csrf_token: session.csrfToken,
      created_at: now,
      expires_at: session.expiresAt,
    })
    .execute();
}

/** Finds a session that has not expired. */
export async function findLiveSession(
  db: Kysely<Database>,
  id: string,
  now: string,
): Promise<SessionRow | null> {
  const row = await db
    .selectFrom('session')
    .selectAll()
    .where('id', '=', id)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return row
    ? { id: row.id, userId: row.user_id, csrfToken: row.csrf_token, expiresAt: row.expires_at }
    : null;
}

export async function deleteSession(db: Kysely<Database>, id: string): Promise<void> {
  await db.deleteFrom('session').where('id', '=', id).execute();
}

export async function deleteSessionsOfUser(db: Kysely<Database>, userId: string): Promise<void> {
  await db.deleteFrom('session').where('user_id', '=', userId).execute();
}

/** Ends every session of a person but one (the one that changed the password). */
export async function deleteOtherSessions(
  db: Kysely<Database>,
  userId: string,
  keepId: string,
): Promise<void> {
  await db.deleteFrom('session').where('user_id', '=', userId).where('id', '!=', keepId).execute();
}

export async function deleteExpiredSessions(db: Kysely<Database>, now: string): Promise<void> {
  await db.deleteFrom('session').where('expires_at', '<=', now).execute();
}
