import { listOpenTasksFor } from './db/calendar.repository.js';
import { mayManageRound, taskViews } from './services/calendar-support.js';
import { listActorRounds } from '../rounds/feature.js';
import type { ReminderProvider } from '../kit.js';
import { bangkokDay } from '../../core/thai-calendar.js';

/**
 * Calendar tasks late or due soon: the person's own, and (for rounds they manage) those nobody
 * owns yet.
 */
export const calendarReminders: ReminderProvider = async (ctx, actor) => {
  const rounds = await listActorRounds(ctx, actor, false);
  const byId = new Map(rounds.map((r) => [r.id, r]));
  const managed = rounds.filter((r) => mayManageRound(actor, r)).map((r) => r.id);
  const today = bangkokDay(ctx.clock.now());
  const tasks = taskViews(await listOpenTasksFor(ctx.db.kysely, actor.user.id, managed), today);
  return tasks.flatMap((task) => {
    const round = byId.get(task.roundId);
    if (!round || (task.urgency !== 'overdue' && task.urgency !== 'due_soon')) return [];
    return [
      {
        kind: 'task',
        title: { th: task.title, en: task.titleEn ?? task.title },
        href: `/rounds/${task.roundId}/calendar#task-${task.id}`,
        dueOn: task.dueOn,
        overdue: task.urgency === 'overdue',
        agencyCode: round.agencyCode,
      },
    ];
  });
};
