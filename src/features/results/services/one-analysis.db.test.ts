import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../platform/db/test-databases.js';
import { randomIds } from '../../../platform/infra/clock.js';
import type { Actor, ServiceContext } from '../../../platform/services/context.js';
import { worldAt } from '../../../app/test-world.js';
import { findRound, moveRound, openRounds, upsertScoreSnapshot } from '../../rounds/feature.js';
import { loadRoundEdition } from '../../surveys/feature.js';
import { getMeasureRegister } from '../../measures/feature.js';
import { scoreAgency } from '../../../core/scoring/score-agency.js';
import { getRoundResults } from './results.service.js';

const NOW = '2026-11-26T03:00:00.000Z';
const { seedActor, seedAgencies, tickingClock } = worldAt(NOW);

/** Issue 13, part 7: the measures page and the results page read one analysis of one result. */
describeEachDialect('one set of numbers for results and measures', (getDb) => {
  let ctx: ServiceContext;
  let parent: Actor;
  let u1: Actor;
  let u2: Actor;
  let liveRound: string;
  let storedRound: string;
  let items: string[];

  beforeAll(async () => {
    const db = getDb();
    ctx = { db, clock: tickingClock(), ids: randomIds };
    await seedAgencies(db);
    parent = await seedActor(db, 'min@example.org', 'parent_admin', 'min');
    const assessor = await seedActor(db, 'a1@example.org', 'assessor', 'min');
    u1 = await seedActor(db, 'u1@example.org', 'agency_admin', 'u1');
    u2 = await seedActor(db, 'u2@example.org', 'agency_admin', 'u2');
    const opened = await openRounds(ctx, parent, {
      parentAgencyId: 'min',
      editionCode: 'ita-2569',
    });
    liveRound = opened.created.find((r) => r.agencyId === 'u1')?.roundId ?? '';
    storedRound = opened.created.find((r) => r.agencyId === 'u2')?.roundId ?? '';
    await moveRound(ctx, parent, liveRound, 'collecting');
    const round = await findRound(db.kysely, liveRound);
    const compiled = await loadRoundEdition(ctx, round?.editionId ?? '');
    items = [...compiled.oitItems.keys()];
    // u1, under review: the first item failed, the next three not decided yet, the rest passed
    await db.kysely
      .insertInto('oit_assignment')
      .values({
        round_id: liveRound,
        assessor_user_id: assessor.user.id,
        role: 'primary',
        assigned_at: NOW,
      })
      .execute();
    for (const [i, item] of items.entries()) {
      if (i >= 1 && i <= 3) continue;
      await db.kysely
        .insertInto('oit_decision')
        .values({
          id: randomIds.uuid(),
          round_id: liveRound,
          item_code: item,
          assessor_user_id: assessor.user.id,
          stage: 'initial',
          score: i === 0 ? 0 : 100,
          reason: '',
          advice: '',
          decided_at: NOW,
        })
        .execute();
    }
    // u2: a stored result where every OIT item passed, and no decision rows at all (as the
    // demo's published year): its live score would put every item at 0
    const passed = Object.fromEntries(items.map((code) => [code, 'pass'] as const));
    const result = scoreAgency(compiled, { surveys: {}, oit: passed });
    await upsertScoreSnapshot(
      db.kysely,
      {
        roundId: storedRound,
        engineVersion: result.engineVersion,
        total: null,
        levelCode: null,
        resultJson: JSON.stringify(result),
      },
      NOW,
    );
  });

  it('does not suggest measures for OIT items the assessor has not decided yet', async () => {
    const results = await getRoundResults(ctx, u1, liveRound);
    const register = await getMeasureRegister(ctx, u1, liveRound);
    const undecided = items.slice(1, 4);
    expect(results.source).toBe('live');
    expect(results.weaknesses.oitItems.map((w) => w.code)).toEqual([items[0]]);
    expect(results.weaknesses.unassessed.map((u) => u.code)).toEqual(undecided);
    const suggested = register.suggestions
      .filter((s) => s.targetType === 'oit_item')
      .map((s) => s.targetCode);
    expect(suggested).toEqual([items[0]]);
    for (const code of undecided) expect(suggested).not.toContain(code);
  });

  it('reads the stored result, like the results page, once a round has one', async () => {
    const results = await getRoundResults(ctx, u2, storedRound);
    const register = await getMeasureRegister(ctx, u2, storedRound);
    expect(results.source).toBe('snapshot');
    expect(results.weaknesses.oitItems).toEqual([]);
    expect(register.suggestions.filter((s) => s.targetType === 'oit_item')).toEqual([]);
  });

  it('suggests the top weak points of the results page, in its order', async () => {
    const results = await getRoundResults(ctx, u1, liveRound);
    const register = await getMeasureRegister(ctx, u1, liveRound);
    for (const [type, list] of [
      ['indicator', results.weaknesses.indicators],
      ['question', results.weaknesses.questions],
      ['oit_item', results.weaknesses.oitItems],
    ] as const) {
      const suggested = register.suggestions.filter((s) => s.targetType === type);
      expect(suggested.map((s) => [s.targetCode, s.lost])).toEqual(
        list.slice(0, 3).map((w) => [w.code, w.lost]),
      );
    }
  });
});
