import type { Reminder } from '../features/kit.js';
import type { Actor, ServiceContext } from '../platform/services/context.js';
import { FEATURES } from './features.js';

/** A person's reminders from every feature: overdue first, then by due date (undated last). */
export async function listReminders(ctx: ServiceContext, actor: Actor): Promise<Reminder[]> {
  const providers = FEATURES.flatMap((f) => (f.reminders ? [f.reminders] : []));
  const lists = await Promise.all(providers.map((provider) => provider(ctx, actor)));
  return lists
    .flat()
    .sort(
      (a, b) =>
        Number(b.overdue) - Number(a.overdue) ||
        (a.dueOn ?? '9999').localeCompare(b.dueOn ?? '9999'),
    );
}
