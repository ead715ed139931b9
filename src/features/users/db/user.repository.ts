import type { Kysely, Selectable } from 'kysely';
import type { Grant, Role } from '../../../core/access/roles.js';
import type { AppUserTable, Database } from '../../../platform/db/schema.js';
import type { User } from '../../../core/access/user.js';

/** A personal account (the password hash never leaves the db and auth layers). */
export type { User };

export interface UserWithHash extends User {
  passwordHash: string;
}

function toUser(row: Selectable<AppUserTable>): UserWithHash {
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    passwordHash: row.password_hash,
    failedLogins: Number(row.failed_logins),
    lockedUntil: row.locked_until,
    disabled: Number(row.disabled) === 1,
    createdAt: row.created_at,
  };
}

/** Drops the password hash. */
export function publicUser({ passwordHash: _hash, ...user }: UserWithHash): User {
  return user;
}

export async function insertUser(
  db: Kysely<Database>,
  user: { id: string; email: string; displayName: string; passwordHash: string },
  now: string,
): Promise<void> {
  await db
    .insertInto('app_user')
    .values({
      id: user.id,
      email: user.email,
      display_name: user.displayName,
      password_hash: user.passwordHash,
      failed_logins: 0,
      locked_until: null,
      disabled: 0,
      created_at: now,
    })
    .execute();
}

export async function findUserByEmail(
  db: Kysely<Database>,
  email: string,
): Promise<UserWithHash | null> {
  const row = await db
    .selectFrom('app_user')
    .selectAll()
    .where('email', '=', email)
    .executeTakeFirst();
  return row ? toUser(row) : null;
}

export async function findUserById(db: Kysely<Database>, id: string): Promise<UserWithHash | null> {
  const row = await db.selectFrom('app_user').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toUser(row) : null;
}

export async function countUsers(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('app_user')
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Sets a new password hash (the sessions are the caller's business). */
export async function setUserPassword(
  db: Kysely<Database>,
  id: string,
  passwordHash: string,
): Promise<void> {
  await db
    .updateTable('app_user')
    .set({ password_hash: passwordHash })
    .where('id', '=', id)
    .execute();
}

export async function setUserDisabled(
  db: Kysely<Database>,
  id: string,
  disabled: boolean,
): Promise<void> {
  await db
    .updateTable('app_user')
    .set({ disabled: disabled ? 1 : 0 })
    .where('id', '=', id)
    .execute();
}

/** Lists all users, or those holding a role at an agency whose path starts with a prefix. */
export async function listUsers(
  db: Kysely<Database>,
  prefixes: readonly string[] | null,
): Promise<User[]> {
  let query = db.selectFrom('app_user').selectAll('app_user');
  if (prefixes !== null) {
    if (prefixes.length === 0) return [];
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('membership')
          .innerJoin('agency', 'agency.id', 'membership.agency_id')
          .select('membership.id')
          .whereRef('membership.user_id', '=', 'app_user.id')
          .where((inner) => inner.or(prefixes.map((p) => inner('agency.path', 'like', `${p}%`)))),
      ),
    );
  }
  const rows = await query.orderBy('app_user.email').execute();
  return rows.map((r) => publicUser(toUser(r)));
}

/** A role held by a user, with the agency it is held for. */
export interface Membership {
  id: string;
  userId: string;
  agencyId: string | null;
  agencyCode: string | null;
  agencyNameTh: string | null;
  role: Role;
}

export async function insertMembership(
  db: Kysely<Database>,
  membership: { id: string; userId: string; agencyId: string | null; role: Role },
  now: string,
): Promise<void> {
  await db
    .insertInto('membership')
    .values({
      id: membership.id,
      user_id: membership.userId,
      agency_id: membership.agencyId,
      role: membership.role,
      created_at: now,
    })
    .execute();
}

export async function deleteMembership(db: Kysely<Database>, id: string): Promise<void> {
  await db.deleteFrom('membership').where('id', '=', id).execute();
}

/** The roles a user holds, with agency paths for access decisions. */
export async function listGrants(
  db: Kysely<Database>,
  userId: string,
): Promise<(Grant & Membership)[]> {
  const rows = await db
    .selectFrom('membership')
    .leftJoin('agency', 'agency.id', 'membership.agency_id')
    .select([
      'membership.id',
      'membership.user_id',
      'membership.agency_id',
      'membership.role',
      'agency.path',
      'agency.code',
      'agency.name_th',
    ])
    .where('membership.user_id', '=', userId)
    .orderBy('agency.path')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    userId: r.user_id,
    agencyId: r.agency_id,
    agencyPath: r.path ?? null,
    agencyCode: r.code ?? null,
    agencyNameTh: r.name_th ?? null,
    role: r.role as Role,
  }));
}
