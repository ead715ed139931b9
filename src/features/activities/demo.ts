import { createActivity, setActivityPublished } from './services/activity.service.js';
import type { ServiceContext } from '../../platform/services/context.js';
import type { DemoWorld } from '../kit.js';
import { demoActor } from '../users/feature.js';
import { addMeasureProgress, createMeasure } from '../measures/feature.js';
import { findRound } from '../rounds/feature.js';
import { bangkokDay, fiscalYearRange } from '../../core/thai-calendar.js';
import { lastPassed, storyDay } from '../../core/demo/demo-years.js';

/** Last year's measures of D01: one finished (offered to this year), one still open. */
async function seedLastYearMeasures(ctx: ServiceContext, world: DemoWorld): Promise<void> {
  const round = world.lastRounds.find((r) => r.agencyCode === 'D01');
  const last = round ? await findRound(ctx.db.kysely, round.roundId) : undefined;
  if (!round || !last) return;
  const admin = await demoActor(ctx, 'agency@example.org');
  const done = await createMeasure(ctx, admin, round.roundId, {
    targetType: 'indicator',
    targetCode: '9',
    title: 'ปรับปรุงเว็บไซต์หลักให้ข้อมูลเป็นปัจจุบันและสืบค้นง่าย',
    description: 'ทบทวนทุกหัวข้อการเปิดเผยข้อมูลทุกไตรมาส และกำหนดผู้รับผิดชอบแต่ละหัวข้อ',
    ownerUserId: admin.user.id,
    dueOn: fiscalYearRange(last.editionYear).to,
  });
  await addMeasureProgress(ctx, admin, round.roundId, done.id, {
    note: 'แต่งตั้งผู้รับผิดชอบรายหัวข้อแล้ว',
    percent: 50,
  });
  await addMeasureProgress(ctx, admin, round.roundId, done.id, {
    note: 'ปรับปรุงเว็บไซต์ครบทุกหัวข้อ ตรวจทานรายไตรมาสครบ 4 ครั้ง',
    percent: 100,
    status: 'done',
  });
  await createMeasure(ctx, admin, round.roundId, {
    targetType: 'indicator',
    targetCode: '10',
    title: 'สื่อสารนโยบาย No Gift Policy แก่บุคลากรทุกระดับ',
    status: 'in_progress',
  });
}

/**
 * A KM activity of D01 like the seed's summary (satisfaction 88.60%), published: held on 29
 * January of this year, or of the year before when that day is still to come.
 */
async function seedActivity(ctx: ServiceContext, world: DemoWorld): Promise<void> {
  const d01 = world.agencies.find((a) => a.code === 'D01');
  const opened = world.currentRounds.find((r) => r.agencyCode === 'D01');
  const round = opened ? await findRound(ctx.db.kysely, opened.roundId) : undefined;
  if (!d01 || !round) return;
  const heldOn = lastPassed(storyDay('2026-01-29', round.editionYear), bangkokDay(ctx.clock.now()));
  const admin = await demoActor(ctx, 'agency@example.org');
  const activity = await createActivity(ctx, admin, d01.id, {
    title: 'การประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (ITA)',
    heldOn,
    place: 'ห้องประชุมอเนกประสงค์ อาคาร 1',
    objectives:
      'เพื่อให้บุคลากรรับทราบสถานะด้านคุณธรรมและความโปร่งใสของหน่วยงาน และนำผลการประเมินไปปรับปรุงการปฏิบัติงานและการให้บริการ',
    method: 'การบรรยายให้ความรู้ และถอดบทเรียน',
    keyKnowledge: [
      'ITA เก็บข้อมูลจาก 3 แบบวัด: IIT 30 คะแนน, EIT 30 คะแนน, OIT 40 คะแนน',
      'ระดับผลการประเมินพิจารณาจากคะแนนรวมและคะแนนของแต่ละแบบวัด',
    ].join('\n'),
    bestPractices: [
      'ประกาศนโยบาย No Gift Policy และสื่อสารให้บุคลากรทุกระดับทราบอย่างต่อเนื่อง',
      'จัดทำคู่มือการปฏิบัติงานที่ระบุขั้นตอนและระยะเวลาชัดเจน',
      'ควบคุมการยืมใช้ทรัพย์สินของราชการอย่างเป็นระบบ',
      'วิเคราะห์ผลคะแนนปีที่ผ่านมาเพื่อหาจุดอ่อนและจัดทำมาตรการที่นำไปปฏิบัติได้',
    ].join('\n'),
    attended: 69,
    invited: 75,
    // pooled: 447 + 439 = 886 points over 200 answers → mean 4.43 → 88.60%
    satisfaction: [
      { text: 'ความรู้ความเข้าใจที่ได้รับ', counts: [0, 0, 6, 41, 53] },
      { text: 'ความเหมาะสมของวิทยากรและระยะเวลา', counts: [0, 1, 8, 42, 49] },
    ],
  });
  await setActivityPublished(ctx, admin, { agencyId: d01.id, activityId: activity.id }, true);
}

/** The demo's KM activity and last year's measures for the next-year hand-off (D01). */
export async function seedDemoActivities(ctx: ServiceContext, world: DemoWorld): Promise<void> {
  await seedLastYearMeasures(ctx, world);
  await seedActivity(ctx, world);
}
