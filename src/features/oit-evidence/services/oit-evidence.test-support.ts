import { findAgencyByCode } from '../../agencies/feature.js';
import type { Dialect } from '../../../platform/db/database.js';
import { openTestDatabase } from '../../../platform/db/test-databases.js';
import { findUserByEmail, listGrants, publicUser } from '../../users/feature.js';
import { createFixedClock, randomIds } from '../../../platform/infra/clock.js';
import type { Actor, ServiceContext } from '../../../platform/services/context.js';
import { DEMO_PASSWORD, seedDemo } from '../../../app/demo.js';
import { createUser } from '../../users/feature.js';

/** Test support of OIT evidence: a seeded demo database with an agency admin of D02 (other@example.org). */
export interface OitTestContext {
  ctx: ServiceContext;
  roundId: string;
  actorOf: (email: string) => Promise<Actor>;
  dispose: () => Promise<void>;
}

async function actorOf(ctx: ServiceContext, email: string): Promise<Actor> {
  const user = await findUserByEmail(ctx.db.kysely, email);
  if (!user) throw new Error(`no account ${email}`);
  const grants = await listGrants(ctx.db.kysely, user.id);
  return { user: publicUser(user), grants };
}

/** Opens a seeded demo database of the engine; the D01 round of ita-2569 is collecting. */
export async function openOitTestContext(dialect: Dialect): Promise<OitTestContext> {
  const { db, dispose } = await openTestDatabase(dialect);
  const ctx: ServiceContext = {
    db,
    clock: createFixedClock('2026-05-20T03:00:00.000Z'),
    ids: randomIds,
  };
  await seedDemo(ctx);
  const d02 = await findAgencyByCode(db.kysely, 'D02');
  await createUser(ctx, await actorOf(ctx, 'admin@example.org'), {
    email: 'other@example.org',
    displayName: 'ผู้ดูแลหน่วยงานอื่น',
    password: DEMO_PASSWORD,
    agencyId: d02?.id ?? null,
    role: 'agency_admin',
  });
  const round = await db.kysely
    .selectFrom('assessment_round as r')
    .innerJoin('agency as a', 'a.id', 'r.agency_id')
    .innerJoin('edition as e', 'e.id', 'r.edition_id')
    .select('r.id')
    .where('a.code', '=', 'D01')
    .where('e.code', '=', 'ita-2569')
    .executeTakeFirstOrThrow();
  return { ctx, roundId: round.id, actorOf: (email) => actorOf(ctx, email), dispose };
}
