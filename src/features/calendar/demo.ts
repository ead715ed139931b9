import { addDays } from './core/plan.js';
import {
  createTask,
  getRoundCalendar,
  planRoundCalendar,
  setTaskDone,
} from './services/calendar.service.js';
import type { ServiceContext } from '../../platform/services/context.js';
import type { DemoWorld } from '../kit.js';
import { demoActor } from '../users/feature.js';
import { bangkokDay } from '../../core/thai-calendar.js';

/** Planned steps the demo leaves open, so the home page shows late work. */
const LEFT_OPEN = new Set(['oit_head_approval', 'plan_measures']);

/**
 * The demo's calendar: D01's round of this year planned backwards from the milestones, the steps
 * already past done except two left late (none when the year has just begun), and two hand-made
 * tasks ahead of today (one due within days).
 */
export async function seedDemoCalendar(ctx: ServiceContext, world: DemoWorld): Promise<void> {
  const round = world.currentRounds.find((r) => r.agencyCode === 'D01');
  if (!round) return;
  const admin = await demoActor(ctx, 'agency@example.org');
  const owner = await demoActor(ctx, 'owner@example.org');
  await planRoundCalendar(ctx, admin, round.roundId);
  const today = bangkokDay(ctx.clock.now());
  const { tasks } = await getRoundCalendar(ctx, admin, round.roundId);
  for (const task of tasks) {
    // only steps already past are marked done: a demo seeded early in the year keeps them open
    if (task.planKey && !LEFT_OPEN.has(task.planKey) && task.dueOn < today)
      await setTaskDone(ctx, admin, round.roundId, task.id, true);
  }
  await createTask(ctx, admin, round.roundId, {
    title: 'ประชุมคณะทำงานทบทวนผลการประเมิน ITA',
    titleEn: 'Working group meeting on the ITA results',
    dueOn: addDays(today, 3),
    ownerUserId: owner.user.id,
  });
  await createTask(ctx, admin, round.roundId, {
    title: 'รายงานความคืบหน้ามาตรการต่อผู้บริหาร',
    titleEn: 'Report the progress of the measures to the executives',
    dueOn: addDays(today, 30),
    ownerUserId: admin.user.id,
  });
}
