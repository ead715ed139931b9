import { beforeAll, expect, it } from 'vitest';
import { listAuditEntries } from '../../audit/feature.js';
import { findRound } from '../../rounds/feature.js';
import { describeEachDialect } from '../../../platform/db/test-databases.js';
import { randomIds } from '../../../platform/infra/clock.js';
import type { Actor, ServiceContext } from '../../../platform/services/context.js';
import { openU1Round, worldAt } from '../../../app/test-world.js';
import {
  addMeasureProgress,
  createMeasure,
  editMeasure,
  getMeasure,
  getMeasureRegister,
  getMeasuresDocument,
  listOverdueMeasures,
} from './measure.service.js';
import { moveRound } from '../../rounds/feature.js';
import { loadRoundEdition } from '../../surveys/feature.js';
import { step } from '../../../app/test-steps.js';

const NOW = '2026-11-26T03:00:00.000Z';
const { seedActor, seedAgencies, tickingClock } = worldAt(NOW);

describeEachDialect('measure service', (getDb) => {
  let ctx: ServiceContext;
  let agency: Actor;
  let viewer: Actor;
  let outsider: Actor;
  let roundId: string;

  beforeAll(async () => {
    const db = getDb();
    ctx = { db, clock: tickingClock(), ids: randomIds };
    await seedAgencies(db);
    const parent = await seedActor(db, 'min@example.org', 'parent_admin', 'min');
    const assessor = await seedActor(db, 'a1@example.org', 'assessor', 'min');
    agency = await seedActor(db, 'u1@example.org', 'agency_admin', 'u1');
    viewer = await seedActor(db, 'v1@example.org', 'viewer', 'u1');
    outsider = await seedActor(db, 'u2@example.org', 'agency_admin', 'u2');
    roundId = await openU1Round(ctx, parent);
    await moveRound(ctx, parent, roundId, 'collecting');
    // the primary assessor failed O1 and passed every other item: O1 is the weak OIT item
    await db.kysely
      .insertInto('oit_assignment')
      .values({
        round_id: roundId,
        assessor_user_id: assessor.user.id,
        role: 'primary',
        assigned_at: NOW,
      })
      .execute();
    const round = await findRound(db.kysely, roundId);
    const compiled = await loadRoundEdition(ctx, round?.editionId ?? '');
    for (const item of compiled.oitItems.keys()) {
      const score = item === 'O1' ? 0 : 100;
      await db.kysely
        .insertInto('oit_decision')
        .values({
          id: randomIds.uuid(),
          round_id: roundId,
          item_code: item,
          assessor_user_id: assessor.user.id,
          stage: 'initial',
          score,
          reason: '',
          advice: '',
          decided_at: NOW,
        })
        .execute();
    }
  });

  /** u1's measure for its weak item O1, made from the suggestion once (app/test-steps.ts). */
  const o1MeasureCreated = step(async () => {
    const register = await getMeasureRegister(ctx, agency, roundId);
    expect(register.mayEdit).toBe(true);
    const suggestion = register.suggestions.find((s) => s.targetCode === 'O1');
    expect(suggestion?.title.th).toContain('เว็บไซต์หลัก');
    expect(register.suggestions.some((s) => s.targetCode === 'O2')).toBe(false);
    const created = await createMeasure(ctx, agency, roundId, {
      targetType: 'oit_item',
      targetCode: 'O1',
      title: suggestion?.title.th ?? '',
      description: suggestion?.description.th ?? '',
      ownerUserId: agency.user.id,
      dueOn: '2027-03-31',
    });
    expect(created.status).toBe('planned');
    expect(created.ownerName).toBe('u1@example.org');
    const after = await getMeasureRegister(ctx, agency, roundId);
    expect(after.measures.map((m) => m.id)).toEqual([created.id]);
    expect(after.measures[0]?.targetName?.th).toBeTruthy();
    expect(after.suggestions.some((s) => s.targetCode === 'O1')).toBe(false);
    const audit = await listAuditEntries(getDb().kysely, 0, 100);
    expect(audit.some((e) => e.action === 'measure.create' && e.entityId === created.id)).toBe(
      true,
    );
  });

  it('suggests measures from weak points and creates one from a suggestion, audited', () =>
    o1MeasureCreated());

  it('refuses an unknown target and an owner from another agency', async () => {
    await expect(
      createMeasure(ctx, agency, roundId, { targetType: 'oit_item', targetCode: 'ZZ', title: 'x' }),
    ).rejects.toThrow(/No such target/);
    await expect(
      createMeasure(ctx, agency, roundId, {
        targetType: 'oit_item',
        targetCode: 'O1',
        title: 'x',
        ownerUserId: outsider.user.id,
      }),
    ).rejects.toThrow(/owner must belong/);
  });

  it('moves the status with progress notes and refuses a closed jump', async () => {
    await o1MeasureCreated();
    const [measure] = (await getMeasureRegister(ctx, agency, roundId)).measures;
    const id = measure?.id ?? '';
    await addMeasureProgress(ctx, agency, roundId, id, { note: 'ประชุมชี้แจงแล้ว', percent: 40 });
    expect((await getMeasure(ctx, agency, roundId, id)).measure.status).toBe('in_progress');
    const notes = await addMeasureProgress(ctx, agency, roundId, id, {
      note: 'เผยแพร่ครบแล้ว',
      percent: 100,
      status: 'done',
    });
    expect(notes.map((n) => n.percent)).toEqual([40, 100]);
    const detail = await getMeasure(ctx, agency, roundId, id);
    expect(detail.measure.status).toBe('done');
    expect(detail.measure.latest?.note).toBe('เผยแพร่ครบแล้ว');
    await expect(
      editMeasure(ctx, agency, roundId, id, {
        targetType: 'oit_item',
        targetCode: 'O1',
        title: 'x',
        status: 'dropped',
      }),
    ).rejects.toThrow(/cannot move/);
    await expect(
      addMeasureProgress(ctx, agency, roundId, id, { note: 'x', percent: 120 }),
    ).rejects.toThrow();
  });

  it('lists open measures past their due date', async () => {
    await o1MeasureCreated();
    const late = await createMeasure(ctx, agency, roundId, {
      targetType: 'indicator',
      targetCode: '9',
      title: 'ยกระดับการเปิดเผยข้อมูล',
      dueOn: '2026-11-01',
    });
    await createMeasure(ctx, agency, roundId, {
      targetType: 'indicator',
      targetCode: '10',
      title: 'ป้องกันการทุจริต',
      dueOn: '2027-01-31',
    });
    expect((await listOverdueMeasures(ctx, viewer, roundId)).map((m) => m.id)).toEqual([late.id]);
    const doc = await getMeasuresDocument(ctx, viewer, roundId);
    expect(doc.measures).toHaveLength(3);
    expect(doc.fiscalYear).toBeGreaterThan(2500);
  });

  it('lets a viewer see but not change, and hides the round from another agency', async () => {
    await o1MeasureCreated();
    const register = await getMeasureRegister(ctx, viewer, roundId);
    expect(register.mayEdit).toBe(false);
    const input = { targetType: 'indicator' as const, targetCode: '9', title: 'x' };
    await expect(createMeasure(ctx, viewer, roundId, input)).rejects.toThrow(/not change/);
    const id = register.measures[0]?.id ?? '';
    await expect(
      addMeasureProgress(ctx, viewer, roundId, id, { note: 'x', percent: 1 }),
    ).rejects.toThrow(/not change/);
    await expect(getMeasureRegister(ctx, outsider, roundId)).rejects.toThrow(/Round not found/);
    await expect(createMeasure(ctx, outsider, roundId, input)).rejects.toThrow(/Round not found/);
    await expect(getMeasure(ctx, agency, roundId, 'nope')).rejects.toThrow(/Measure not found/);
  });
});
