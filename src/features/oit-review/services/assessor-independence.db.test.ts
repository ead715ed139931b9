import { beforeAll, expect, it } from 'vitest';
import { openRounds, moveRound } from '../../rounds/feature.js';
import { insertMembership, loadActor } from '../../users/feature.js';
import { describeEachDialect } from '../../../platform/db/test-databases.js';
import { randomIds } from '../../../platform/infra/clock.js';
import type { Actor, ServiceContext } from '../../../platform/services/context.js';
import { MINISTRY_TREE, worldAt } from '../../../app/test-world.js';
import {
  assignAssessor,
  getReviewRound,
  listMyReviewRounds,
  recordDecision,
} from './oit-review.service.js';

const NOW = '2026-11-26T03:00:00.000Z';
const { seedActor, seedAgencies, tickingClock } = worldAt(NOW);

/**
 * An assessor never belongs to the agency assessed (issue 12): the ministry `min` with units
 * `u1` (and its own unit `u1a`) and `u2`; its assessors are held at the ministry.
 */
describeEachDialect('assessors independent of the agency assessed', (getDb) => {
  let ctx: ServiceContext;
  let parent: Actor;
  const rounds = new Map<string, string>();

  /** Gives someone one more role directly in the database (the grant rules are users'), reloaded. */
  async function withRole(actor: Actor, role: 'viewer' | 'item_owner', agencyId: string) {
    const db = getDb().kysely;
    await insertMembership(
      db,
      { id: randomIds.uuid(), userId: actor.user.id, agencyId, role },
      NOW,
    );
    return (await loadActor(db, actor.user.id)) as Actor;
  }

  beforeAll(async () => {
    const db = getDb();
    ctx = { db, clock: tickingClock(), ids: randomIds };
    await seedAgencies(db, [...MINISTRY_TREE, { id: 'u1a', parentId: 'u1', path: '/min/u1/u1a/' }]);
    parent = await seedActor(db, 'min@example.org', 'parent_admin', 'min');
    const opened = await openRounds(ctx, parent, {
      parentAgencyId: 'min',
      editionCode: 'ita-2569',
      includeParent: true,
    });
    for (const r of opened.created) {
      rounds.set(r.agencyId, r.roundId);
      await moveRound(ctx, parent, r.roundId, 'collecting');
      await moveRound(ctx, parent, r.roundId, 'oit_review');
    }
  });

  it('refuses to appoint someone who holds a role at the assessed agency or one of its units', async () => {
    const db = getDb();
    const viewer = await seedActor(db, 'a-viewer@example.org', 'assessor', 'min');
    await withRole(viewer, 'viewer', 'u1');
    const owner = await seedActor(db, 'a-owner@example.org', 'assessor', 'min');
    await withRole(owner, 'item_owner', 'u1a');
    const u1 = rounds.get('u1') ?? '';
    for (const email of ['a-viewer@example.org', 'a-owner@example.org'])
      await expect(assignAssessor(ctx, parent, u1, { email })).rejects.toMatchObject({
        code: 'assessor_is_member',
        messages: { th: expect.stringContaining('หน่วยงานที่ถูกประเมิน') },
      });
    // the same people may assess a unit they do not belong to
    const u2 = rounds.get('u2') ?? '';
    await assignAssessor(ctx, parent, u2, { email: 'a-viewer@example.org' });
    await assignAssessor(ctx, parent, u2, { email: 'a-owner@example.org', role: 'second' });
  });

  it('refuses an assessor elsewhere who only sees the agency as its staff', async () => {
    const db = getDb();
    await seedAgencies(db, [{ id: 'other', parentId: null, path: '/other/' }]);
    const outside = await seedActor(db, 'a-outside@example.org', 'assessor', 'other');
    await withRole(outside, 'viewer', 'u1');
    const u1 = rounds.get('u1') ?? '';
    await expect(
      assignAssessor(ctx, parent, u1, { email: 'a-outside@example.org' }),
    ).rejects.toMatchObject({ code: 'not_an_assessor' });
  });

  it('never appoints an assessor to the agency the role is held for, nor by that agency itself', async () => {
    const db = getDb();
    await seedActor(db, 'a-u1@example.org', 'assessor', 'u1');
    await expect(
      assignAssessor(ctx, parent, rounds.get('u1') ?? '', { email: 'a-u1@example.org' }),
    ).rejects.toMatchObject({ code: 'not_an_assessor' });
    // an assessor held at u1 reviews u1's units
    await assignAssessor(ctx, parent, rounds.get('u1a') ?? '', { email: 'a-u1@example.org' });
    // the ministry's own round: its administrators do not appoint its reviewers
    await seedActor(db, 'a-min@example.org', 'assessor', 'min');
    await expect(
      assignAssessor(ctx, parent, rounds.get('min') ?? '', { email: 'a-min@example.org' }),
    ).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('ends the assignment when the assessor joins the agency or loses the role', async () => {
    const db = getDb();
    const joining = await seedActor(db, 'a-joins@example.org', 'assessor', 'min');
    const leaving = await seedActor(db, 'a-leaves@example.org', 'assessor', 'min');
    const u1 = rounds.get('u1') ?? '';
    await assignAssessor(ctx, parent, u1, { email: 'a-joins@example.org' });
    await assignAssessor(ctx, parent, u1, { email: 'a-leaves@example.org', role: 'second' });
    await recordDecision(ctx, joining, u1, { itemCode: 'O1', score: 100 });
    await recordDecision(ctx, leaving, u1, { itemCode: 'O1', score: 100 });

    const joined = await withRole(joining, 'viewer', 'u1');
    await expect(recordDecision(ctx, joined, u1, { itemCode: 'O2', score: 100 })).rejects.toThrow(
      /not found/,
    );
    expect(await listMyReviewRounds(ctx, joined)).toEqual([]);

    await db.kysely
      .deleteFrom('membership')
      .where('user_id', '=', leaving.user.id)
      .where('role', '=', 'assessor')
      .execute();
    // still sees the ministry's rounds, as a viewer held at the ministry: but no assessor now
    const left = await withRole(leaving, 'viewer', 'min');
    await expect(recordDecision(ctx, left, u1, { itemCode: 'O2', score: 100 })).rejects.toThrow(
      /not found/,
    );
    await expect(getReviewRound(ctx, left, u1)).rejects.toThrow(/not found/);
    expect(await listMyReviewRounds(ctx, left)).toEqual([]);
  });
});
