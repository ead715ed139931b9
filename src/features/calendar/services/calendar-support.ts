import { dayField } from '../../../core/thai-calendar.js';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { isAllowed } from '../../../core/access/roles.js';
import { urgencyOf, type Urgency } from '../core/plan.js';
import { DomainError, type Message } from '../../../core/errors.js';
import type { Milestone } from '../../../core/framework/edition.schema.js';
import type { CalendarTask } from '../db/calendar.repository.js';
import { findTask } from '../db/calendar.repository.js';
import { findRound, type Round } from '../../rounds/feature.js';
import type { Database } from '../../../platform/db/schema.js';
import type { Actor, ServiceContext } from '../../../platform/services/context.js';
import { loadRoundEdition } from '../../surveys/feature.js';

/** Input schemas, screen shapes and access checks shared by the calendar services. */
const emptyToNull = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : v);

const DateSchema = z
  .string({ message: 'กรุณาระบุวันที่ / enter a date' })
  .trim()
  .min(1, { message: 'กรุณาระบุวันที่ / enter a date' })
  .pipe(dayField());

export const TaskInputSchema = z.object({
  title: z
    .string({ message: 'กรุณาระบุชื่องาน / enter a task' })
    .trim()
    .min(1, { message: 'กรุณาระบุชื่องาน / enter a task' })
    .max(300, { message: 'ชื่องานยาวเกินไป / the task is too long' }),
  titleEn: z.preprocess(emptyToNull, z.string().trim().max(300).nullable()).default(null),
  dueOn: DateSchema,
  ownerUserId: z.preprocess(emptyToNull, z.string().nullable()).default(null),
  milestoneCode: z.preprocess(emptyToNull, z.string().nullable()).default(null),
});
export type TaskInput = z.input<typeof TaskInputSchema>;

/** Where a milestone stands on a day. */
export type MilestonePhase = 'past' | 'current' | 'upcoming';

/** An edition milestone as the screens and feeds show it. */
export interface MilestoneView {
  code: string;
  name: Message;
  start: string;
  end: string;
  provisional: boolean;
  source: string | null;
  editionCode: string;
  editionYear: number;
  phase: MilestonePhase;
}

/** A task with where it stands today. */
export interface TaskView extends CalendarTask {
  urgency: Urgency;
}

/** Not found: the same answer for a missing round and for one out of reach. */
export function roundNotFound(): DomainError {
  return new DomainError('not_found', { th: 'ไม่พบรอบการประเมิน', en: 'Round not found' });
}

/** Whether the actor plans and assigns the round's work: agency administrators and the head. */
export function mayManageRound(actor: Actor, round: Round): boolean {
  return isAllowed(actor.grants, 'calendar.task.manage', round.agencyPath);
}

/** A round the actor may see (and, for a change, manage); otherwise not found or forbidden. */
export async function loadCalendarRound(
  db: Kysely<Database>,
  actor: Actor,
  roundId: string,
  manage: boolean,
): Promise<Round> {
  const round = await findRound(db, roundId);
  if (!round || !isAllowed(actor.grants, 'round.view', round.agencyPath)) throw roundNotFound();
  if (manage && !mayManageRound(actor, round)) {
    throw new DomainError('forbidden', {
      th: 'คุณดูปฏิทินได้ แต่แก้ไขไม่ได้',
      en: 'You may see the calendar but not change it',
    });
  }
  return round;
}

/** A task of this round, or not found. */
export async function loadTask(
  db: Kysely<Database>,
  roundId: string,
  taskId: string,
): Promise<CalendarTask> {
  const task = await findTask(db, taskId);
  if (!task || task.roundId !== roundId)
    throw new DomainError('not_found', { th: 'ไม่พบงาน', en: 'Task not found' });
  return task;
}

function phaseOf(m: { start: string; end: string }, today: string): MilestonePhase {
  if (m.end < today) return 'past';
  return m.start <= today ? 'current' : 'upcoming';
}

/** The milestones of a round's edition (empty when the edition has no calendar). */
export async function milestonesOf(
  ctx: ServiceContext,
  round: Round,
  today: string,
): Promise<MilestoneView[]> {
  const { edition } = await loadRoundEdition(ctx, round.editionId);
  const list: Milestone[] = edition.calendar ?? [];
  return list.map((ms) => ({
    code: ms.code,
    name: ms.name,
    start: ms.start,
    end: ms.end,
    provisional: ms.status === 'provisional',
    source: ms.source ?? null,
    editionCode: round.editionCode,
    editionYear: round.editionYear,
    phase: phaseOf(ms, today),
  }));
}

/** Tasks with their urgency on `today`. */
export function taskViews(tasks: readonly CalendarTask[], today: string): TaskView[] {
  return tasks.map((t) => ({
    ...t,
    urgency: urgencyOf({ dueOn: t.dueOn, done: t.status === 'done' }, today),
  }));
}
