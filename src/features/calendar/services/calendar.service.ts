import type { Kysely } from 'kysely';
import { planTasks } from '../core/plan.js';
import { DomainError } from '../../../core/errors.js';
import {
  findTask,
  insertTask,
  listAgencyRoleHolders,
  listPlanKeys,
  listRoundTasks,
  updateTask,
  type CalendarTask,
} from '../db/calendar.repository.js';
import type { Round } from '../../rounds/feature.js';
import type { Database } from '../../../platform/db/schema.js';
import { inTransaction, recordAudit } from '../../audit/feature.js';
import {
  loadCalendarRound,
  loadTask,
  mayManageRound,
  milestonesOf,
  TaskInputSchema,
  taskViews,
  type MilestoneView,
  type TaskInput,
  type TaskView,
} from './calendar-support.js';
import { nowIso, type Actor, type ServiceContext } from '../../../platform/services/context.js';
import { ownersOf } from '../../measures/feature.js';
import { assertPlausibleDays, bangkokDay } from '../../../core/thai-calendar.js';

export type { CalendarTask } from '../db/calendar.repository.js';
export {
  TaskInputSchema,
  type MilestoneView,
  type TaskInput,
  type TaskView,
} from './calendar-support.js';

/** A round's calendar: the edition's milestones, the agency's tasks and who may own one. */
export interface RoundCalendar {
  round: Round;
  mayManage: boolean;
  today: string;
  milestones: MilestoneView[];
  tasks: TaskView[];
  owners: { id: string; displayName: string }[];
  /** Planned steps of the default plan not yet in the round (0: planning adds nothing). */
  unplanned: number;
}

/** The calendar of a round, for anyone who may see the round. */
export async function getRoundCalendar(
  ctx: ServiceContext,
  actor: Actor,
  roundId: string,
): Promise<RoundCalendar> {
  const db = ctx.db.kysely;
  const round = await loadCalendarRound(db, actor, roundId, false);
  const today = bangkokDay(ctx.clock.now());
  const milestones = await milestonesOf(ctx, round, today);
  const planned = await listPlanKeys(db, roundId);
  return {
    round,
    mayManage: mayManageRound(actor, round),
    today,
    milestones,
    tasks: taskViews(await listRoundTasks(db, roundId), today),
    owners: await ownersOf(db, round),
    unplanned: planTasks(milestones).filter((t) => !planned.has(t.planKey)).length,
  };
}

/**
 * Plans the round's work backwards from its edition's milestones: adds each step of the default
 * plan the round does not have yet (so running it again adds nothing), owned by the first
 * member holding the step's role. Audited; returns how many tasks were added.
 */
export async function planRoundCalendar(
  ctx: ServiceContext,
  actor: Actor,
  roundId: string,
): Promise<number> {
  const seen = await loadCalendarRound(ctx.db.kysely, actor, roundId, true);
  const milestones = await milestonesOf(ctx, seen, bangkokDay(ctx.clock.now()));
  const steps = planTasks(milestones);
  return inTransaction(ctx, async (trx) => {
    const round = await loadCalendarRound(trx, actor, roundId, true);
    const have = await listPlanKeys(trx, roundId);
    const holders = await listAgencyRoleHolders(trx, round.agencyId);
    const now = nowIso(ctx);
    const added: string[] = [];
    for (const step of steps) {
      if (have.has(step.planKey)) continue;
      await insertTask(trx, {
        id: ctx.ids.uuid(),
        roundId,
        planKey: step.planKey,
        milestoneCode: step.milestoneCode,
        title: step.title.th,
        titleEn: step.title.en,
        dueOn: step.dueOn,
        ownerUserId: holders.find((h) => h.role === step.role)?.userId ?? null,
        status: 'todo',
        doneAt: null,
        doneBy: null,
        createdAt: now,
        updatedAt: now,
      });
      added.push(step.planKey);
    }
    if (added.length > 0) {
      await recordAudit(trx, ctx, actor, {
        action: 'calendar.plan',
        entityType: 'assessment_round',
        entityId: roundId,
        agencyId: round.agencyId,
        details: { added },
      });
    }
    return added.length;
  });
}

/** The codes of the round's milestones, read before a transaction (the edition is cached). */
async function milestoneCodesOf(
  ctx: ServiceContext,
  actor: Actor,
  roundId: string,
): Promise<Set<string>> {
  const round = await loadCalendarRound(ctx.db.kysely, actor, roundId, true);
  const milestones = await milestonesOf(ctx, round, bangkokDay(ctx.clock.now()));
  return new Set(milestones.map((ms) => ms.code));
}

async function checkTaskInput(
  trx: Kysely<Database>,
  round: Round,
  milestoneCodes: Set<string>,
  data: { ownerUserId: string | null; milestoneCode: string | null },
): Promise<void> {
  if (data.ownerUserId && !(await ownersOf(trx, round)).some((o) => o.id === data.ownerUserId)) {
    throw new DomainError(
      'unknown_owner',
      { th: 'ผู้รับผิดชอบต้องเป็นบุคลากรของหน่วยงาน', en: 'The owner must belong to the agency' },
      { field: 'ownerUserId' },
    );
  }
  if (data.milestoneCode && !milestoneCodes.has(data.milestoneCode)) {
    throw new DomainError(
      'unknown_milestone',
      { th: 'ไม่พบกำหนดการนี้ในเกณฑ์ของรอบ', en: "No such milestone in the round's edition" },
      { field: 'milestoneCode' },
    );
  }
}

/** Adds a task to a round's calendar (administrators and the head of agency); audited. */
export async function createTask(
  ctx: ServiceContext,
  actor: Actor,
  roundId: string,
  input: TaskInput,
): Promise<CalendarTask> {
  const data = TaskInputSchema.parse(input);
  assertPlausibleDays(bangkokDay(ctx.clock.now()), { dueOn: data.dueOn });
  const codes = await milestoneCodesOf(ctx, actor, roundId);
  return inTransaction(ctx, async (trx) => {
    const round = await loadCalendarRound(trx, actor, roundId, true);
    await checkTaskInput(trx, round, codes, data);
    const now = nowIso(ctx);
    const id = ctx.ids.uuid();
    await insertTask(trx, {
      id,
      roundId,
      planKey: null,
      ...data,
      status: 'todo',
      doneAt: null,
      doneBy: null,
      createdAt: now,
      updatedAt: now,
    });
    await recordAudit(trx, ctx, actor, {
      action: 'calendar.task_create',
      entityType: 'calendar_task',
      entityId: id,
      agencyId: round.agencyId,
      details: { roundId, title: data.title, dueOn: data.dueOn, owner: data.ownerUserId },
    });
    return (await findTask(trx, id)) as CalendarTask;
  });
}

/** Changes a task's title, date, owner or milestone; audited. */
export async function editTask(
  ctx: ServiceContext,
  actor: Actor,
  roundId: string,
  taskId: string,
  input: TaskInput,
): Promise<CalendarTask> {
  const data = TaskInputSchema.parse(input);
  assertPlausibleDays(bangkokDay(ctx.clock.now()), { dueOn: data.dueOn });
  const codes = await milestoneCodesOf(ctx, actor, roundId);
  return inTransaction(ctx, async (trx) => {
    const round = await loadCalendarRound(trx, actor, roundId, true);
    const before = await loadTask(trx, roundId, taskId);
    await checkTaskInput(trx, round, codes, data);
    await updateTask(trx, { ...before, ...data, updatedAt: nowIso(ctx) });
    await recordAudit(trx, ctx, actor, {
      action: 'calendar.task_update',
      entityType: 'calendar_task',
      entityId: taskId,
      agencyId: round.agencyId,
      details: {
        roundId,
        dueOn: { from: before.dueOn, to: data.dueOn },
        owner: { from: before.ownerUserId, to: data.ownerUserId },
      },
    });
    return (await findTask(trx, taskId)) as CalendarTask;
  });
}

/** Marks a task done (or open again): its owner, the administrators or the head; audited. */
export async function setTaskDone(
  ctx: ServiceContext,
  actor: Actor,
  roundId: string,
  taskId: string,
  done: boolean,
): Promise<CalendarTask> {
  return inTransaction(ctx, async (trx) => {
    const round = await loadCalendarRound(trx, actor, roundId, false);
    const before = await loadTask(trx, roundId, taskId);
    if (!mayManageRound(actor, round) && before.ownerUserId !== actor.user.id) {
      throw new DomainError('forbidden', {
        th: 'เฉพาะผู้รับผิดชอบงานหรือผู้ดูแลของหน่วยงานเท่านั้นที่บันทึกผลได้',
        en: "Only the task's owner or the agency's administrators may mark it",
      });
    }
    const now = nowIso(ctx);
    await updateTask(trx, {
      ...before,
      status: done ? 'done' : 'todo',
      doneAt: done ? now : null,
      doneBy: done ? actor.user.id : null,
      updatedAt: now,
    });
    await recordAudit(trx, ctx, actor, {
      action: done ? 'calendar.task_done' : 'calendar.task_reopen',
      entityType: 'calendar_task',
      entityId: taskId,
      agencyId: round.agencyId,
      details: { roundId },
    });
    return (await findTask(trx, taskId)) as CalendarTask;
  });
}
