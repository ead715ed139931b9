import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/db/schema.js';

/** Users holding a role at an agency (for the owner list), by name. */
export async function listAgencyUsersWithRole(
  db: Kysely<Database>,
  agencyId: string,
  role: string,
): Promise<{ id: string; displayName: string }[]> {
  const rows = await db
    .selectFrom('membership as m')
    .innerJoin('app_user as u', 'u.id', 'm.user_id')
    .select(['u.id', 'u.display_name'])
    .where('m.agency_id', '=', agencyId)
    .where('m.role', '=', role)
    .where('u.disabled', '=', 0)
    .orderBy('u.display_name')
    .execute();
  return rows.map((r) => ({ id: r.id, displayName: r.display_name }));
}

/** Display names of users by id. */
export async function findUserNames(
  db: Kysely<Database>,
  ids: readonly string[],
): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('app_user')
    .select(['id', 'display_name'])
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, r.display_name]));
}

/** The round of an agency (by code) whose edition is of `year`, if any. */
export async function findRoundIdByAgencyYear(
  db: Kysely<Database>,
  agencyCode: string,
  year: number,
): Promise<string | null> {
  const row = await db
    .selectFrom('assessment_round as r')
    .innerJoin('agency as a', 'a.id', 'r.agency_id')
    .innerJoin('edition as e', 'e.id', 'r.edition_id')
    .select('r.id')
    .where('a.code', '=', agencyCode)
    .where('e.year', '=', year)
    .orderBy('r.created_at', 'desc')
    .executeTakeFirst();
  return row?.id ?? null;
}

/** How many items of each round stand at each status (rounds without evidence are left out). */
export async function countEvidenceByRound(
  db: Kysely<Database>,
  roundIds: readonly string[],
): Promise<Map<string, Record<string, number>>> {
  const counts = new Map<string, Record<string, number>>();
  if (roundIds.length === 0) return counts;
  const rows = await db
    .selectFrom('oit_evidence')
    .select(['round_id', 'status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('round_id', 'in', roundIds)
    .groupBy(['round_id', 'status'])
    .execute();
  for (const r of rows) {
    const round = counts.get(r.round_id) ?? {};
    round[r.status] = Number(r.n);
    counts.set(r.round_id, round);
  }
  return counts;
}

/**
 * The latest round of an agency (by code) for `year` as one small read: its id, state and when it
 * last moved. The public OIT page asks it on every request (its cache key), so it is one query.
 */
export async function findRoundStateByAgencyYear(
  db: Kysely<Database>,
  agencyCode: string,
  year: number,
): Promise<{ id: string; state: string; updatedAt: string } | null> {
  const row = await db
    .selectFrom('assessment_round as r')
    .innerJoin('agency as a', 'a.id', 'r.agency_id')
    .innerJoin('edition as e', 'e.id', 'r.edition_id')
    .select(['r.id', 'r.state', 'r.updated_at'])
    .where('a.code', '=', agencyCode)
    .where('e.year', '=', year)
    .orderBy('r.created_at', 'desc')
    .executeTakeFirst();
  return row ? { id: row.id, state: row.state, updatedAt: row.updated_at } : null;
}
