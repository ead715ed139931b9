import { beforeAll, expect, it } from 'vitest';
import { listAuditEntries } from '../../audit/feature.js';
import { findRound } from '../../rounds/feature.js';
import { describeEachDialect } from '../../../platform/db/test-databases.js';
import { randomIds } from '../../../platform/infra/clock.js';
import {
  createActivity,
  editActivity,
  getActivity,
  listAgencyActivities,
  loadPublicActivity,
  removeActivity,
  setActivityPublished,
  type ActivityInput,
} from './activity.service.js';
import type { Actor, ServiceContext } from '../../../platform/services/context.js';
import { openU1Round, worldAt } from '../../../app/test-world.js';
import { step } from '../../../app/test-steps.js';
import { activitiesEvidence } from '../evidence.js';

const NOW = '2026-11-26T03:00:00.000Z';
const { seedActor, seedAgencies, tickingClock } = worldAt(NOW);

const SEED_LIKE: ActivityInput = {
  title: 'การประเมินคุณธรรมและความโปร่งใส (ITA)',
  heldOn: '2026-01-29',
  place: 'ห้องอเนกประสงค์',
  objectives: 'เพื่อให้หน่วยงานรับทราบสถานะด้านคุณธรรมและความโปร่งใส',
  method: 'การบรรยายให้ความรู้ และถอดบทเรียน',
  keyKnowledge: 'IIT 30 คะแนน\nEIT 30 คะแนน\nOIT 40 คะแนน',
  bestPractices: 'ประกาศนโยบาย No Gift Policy',
  attended: 69,
  invited: 80,
  // 50 × 5 + 43 × 4 + 7 × 3 = 443 points over 100 answers: 4.43 → 88.60%
  satisfaction: [{ text: 'ความพึงพอใจโดยรวม', counts: [0, 0, 7, 43, 50] }],
};

describeEachDialect('activity (KM) reports', (getDb) => {
  let ctx: ServiceContext;
  let agency: Actor;
  let viewer: Actor;
  let outsider: Actor;
  let parent: Actor;

  beforeAll(async () => {
    const db = getDb();
    ctx = { db, clock: tickingClock(), ids: randomIds };
    await seedAgencies(db);
    parent = await seedActor(db, 'min@example.org', 'parent_admin', 'min');
    agency = await seedActor(db, 'u1@example.org', 'agency_admin', 'u1');
    viewer = await seedActor(db, 'v1@example.org', 'viewer', 'u1');
    outsider = await seedActor(db, 'u2@example.org', 'agency_admin', 'u2');
  });

  /** The story's first step (app/test-steps.ts): u1's activity, recorded once. */
  const recorded = step(() => createActivity(ctx, agency, 'u1', SEED_LIKE));

  it('records an activity with the seed-like satisfaction of 88.60% and attendance share', async () => {
    const created = await recorded();
    expect(created.summary.overall.percent).toBe(88.6);
    expect(created.summary.overall.mean).toBe(4.43);
    const shown = await getActivity(ctx, viewer, 'u1', created.id);
    expect(shown.mayEdit).toBe(false);
    expect(shown.activity.attended).toBe(69);
    expect(shown.activity.satisfaction).toEqual(SEED_LIKE.satisfaction);
    const list = await listAgencyActivities(ctx, parent, 'u1');
    expect(list.mayEdit).toBe(true);
    expect(list.activities.map((a) => a.title)).toEqual([SEED_LIKE.title]);
    const audit = await listAuditEntries(ctx.db.kysely, 0, 500);
    expect(audit.some((e) => e.action === 'activity.create' && e.entityId === created.id)).toBe(
      true,
    );
  });

  it('refuses bad input, a viewer and another agency, and changes nothing', async () => {
    await recorded();
    await expect(
      createActivity(ctx, agency, 'u1', { ...SEED_LIKE, heldOn: '29/01/2569' }),
    ).rejects.toThrow(/YYYY-MM-DD/);
    await expect(
      createActivity(ctx, agency, 'u1', { ...SEED_LIKE, attended: 90, invited: 80 }),
    ).rejects.toThrow(/attended cannot exceed invited/);
    await expect(
      createActivity(ctx, agency, 'u1', {
        ...SEED_LIKE,
        satisfaction: [{ text: 'x', counts: [0, -1, 0, 0, 0] }],
      }),
    ).rejects.toThrow(/whole numbers/);
    await expect(createActivity(ctx, viewer, 'u1', SEED_LIKE)).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(createActivity(ctx, outsider, 'u1', SEED_LIKE)).rejects.toMatchObject({
      code: 'not_found',
    });
    const [only] = (await listAgencyActivities(ctx, agency, 'u1')).activities;
    await expect(getActivity(ctx, outsider, 'u1', only?.id ?? '')).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(getActivity(ctx, outsider, 'u2', only?.id ?? '')).rejects.toMatchObject({
      code: 'not_found',
    });
    expect((await listAgencyActivities(ctx, agency, 'u1')).activities.length).toBe(1);
  });

  it('edits, publishes for the public and the OIT provider, and takes it down', async () => {
    await recorded();
    const [only] = (await listAgencyActivities(ctx, agency, 'u1')).activities;
    const ref = { agencyId: 'u1', activityId: only?.id ?? '' };
    await expect(loadPublicActivity(ctx, 'U1', ref.activityId)).rejects.toMatchObject({
      code: 'not_found',
    });
    const edited = await editActivity(ctx, agency, ref, {
      ...SEED_LIKE,
      satisfaction: [
        ...(SEED_LIKE.satisfaction ?? []),
        { text: 'วิทยากร', counts: [0, 0, 0, 0, 4] },
      ],
    });
    // pooled: (443 + 20) / 104 = 4.4519… → 89.04%
    expect(edited.summary.overall.percent).toBe(89.04);
    expect(edited.summary.questions.map((q) => q.percent)).toEqual([88.6, 100]);
    await setActivityPublished(ctx, agency, ref, true);
    const shown = await loadPublicActivity(ctx, 'U1', ref.activityId);
    expect(shown.activity.title).toBe(SEED_LIKE.title);
    await expect(loadPublicActivity(ctx, 'U2', ref.activityId)).rejects.toMatchObject({
      code: 'not_found',
    });
    const round = await findRound(ctx.db.kysely, await openU1Round(ctx, parent));
    const docs = await activitiesEvidence(ctx, round!);
    expect(docs).toHaveLength(1);
    expect(docs[0]?.source).toBe('activity_reports');
    expect(docs[0]?.url).toBe(`/public/U1/activities/${ref.activityId}`);
    expect(docs[0]?.fiscalYear).toBe(2569);
    await setActivityPublished(ctx, agency, ref, false);
    await expect(loadPublicActivity(ctx, 'U1', ref.activityId)).rejects.toMatchObject({
      code: 'not_found',
    });
    expect(await activitiesEvidence(ctx, round!)).toHaveLength(0);
  });

  it('removes an activity (administrators only), audited with its title', async () => {
    await recorded();
    const extra = await createActivity(ctx, agency, 'u1', { ...SEED_LIKE, title: 'บันทึกผิด' });
    const ref = { agencyId: 'u1', activityId: extra.id };
    await expect(removeActivity(ctx, viewer, ref)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(removeActivity(ctx, outsider, ref)).rejects.toMatchObject({ code: 'not_found' });
    await expect(
      removeActivity(ctx, outsider, { agencyId: 'u2', activityId: extra.id }),
    ).rejects.toMatchObject({ code: 'not_found' });
    await removeActivity(ctx, agency, ref);
    const titles = (await listAgencyActivities(ctx, agency, 'u1')).activities.map((a) => a.title);
    expect(titles).not.toContain('บันทึกผิด');
    expect(titles).toContain(SEED_LIKE.title);
    const audit = await listAuditEntries(ctx.db.kysely, 0, 500);
    const entry = audit.find((e) => e.action === 'activity.delete');
    expect(entry?.details).toMatchObject({ title: 'บันทึกผิด' });
  });
});
