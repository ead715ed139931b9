import type { Role } from '../core/access/roles.js';
import { insertAgency } from '../features/agencies/feature.js';
import type { Db } from '../platform/db/database.js';
import { insertMembership, insertUser } from '../features/users/feature.js';
import { randomIds, type Clock } from '../platform/infra/clock.js';
import { loadActor } from '../features/users/feature.js';
import type { Actor, ServiceContext } from '../platform/services/context.js';
import { openRounds } from '../features/rounds/feature.js';

/**
 * Test support for service tests on a real database: the small world most of them start
 * from (a ministry `min` with units `u1` and `u2`, people with one role each), stamped at
 * the test file's own instant.
 */

/** One agency of a test tree; `nameEn` defaults to `Agency <id>`. */
export interface AgencySeed {
  id: string;
  parentId: string | null;
  path: string;
  eligibleStaff?: number | null;
  nameEn?: string;
}

/** The ministry `min` and its two units `u1` and `u2`. */
export const MINISTRY_TREE: readonly AgencySeed[] = [
  { id: 'min', parentId: null, path: '/min/' },
  { id: 'u1', parentId: 'min', path: '/min/u1/' },
  { id: 'u2', parentId: 'min', path: '/min/u2/' },
];

/** Seeding helpers that stamp every row at `now`. */
export function worldAt(now: string) {
  /** Stores the agencies of `tree` (the ministry tree unless given). */
  async function seedAgencies(db: Db, tree: readonly AgencySeed[] = MINISTRY_TREE) {
    for (const { id, parentId, path, eligibleStaff = null, nameEn } of tree) {
      const base = { id, parentId, path, code: id.toUpperCase(), type: 'unit', website: null };
      const names = { nameTh: `หน่วยงาน ${id}`, nameEn: nameEn ?? `Agency ${id}` };
      await insertAgency(db.kysely, { ...base, ...names, eligibleStaff }, now);
    }
  }

  /** Stores a person with one role in one agency and loads them as an actor. */
  async function seedActor(db: Db, email: string, role: Role, agencyId: string): Promise<Actor> {
    const id = randomIds.uuid();
    await insertUser(db.kysely, { id, email, displayName: email, passwordHash: 'x' }, now);
    await insertMembership(db.kysely, { id: randomIds.uuid(), userId: id, agencyId, role }, now);
    const actor = await loadActor(db.kysely, id);
    if (!actor) throw new Error('user not stored');
    return actor;
  }

  /** A clock one second later at every reading, so stored events keep their order. */
  function tickingClock(): Clock {
    let t = Date.parse(now);
    return { now: () => new Date((t += 1000)) };
  }

  return { seedAgencies, seedActor, tickingClock };
}

/** Opens the edition's rounds for the ministry's units (as its parent admin); u1's round id. */
export async function openU1Round(
  ctx: ServiceContext,
  parent: Actor,
  editionCode = 'ita-2569',
): Promise<string> {
  const opened = await openRounds(ctx, parent, { parentAgencyId: 'min', editionCode });
  return opened.created.find((r) => r.agencyId === 'u1')?.roundId ?? '';
}
