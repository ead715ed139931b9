import type { Actor, ServiceContext } from '../platform/services/context.js';
import { assetsReminders } from '../features/assets/reminders.js';
import { calendarReminders } from '../features/calendar/reminders.js';
import { integrityReminders } from '../features/integrity/reminders.js';
import { manualsReminders } from '../features/manuals/reminders.js';
import { measuresReminders } from '../features/measures/reminders.js';
import type { Reminder, ReminderProvider } from '../platform/services/reminder-provider.js';

export type { Reminder } from '../platform/services/reminder-provider.js';

/** Every feature that reminds people of work; one list, read by the home page and by e-mail. */
const PROVIDERS: ReminderProvider[] = [
  calendarReminders,
  measuresReminders,
  integrityReminders,
  assetsReminders,
  manualsReminders,
];

/** A person's reminders: overdue first, then by due date (undated last). */
export async function listReminders(ctx: ServiceContext, actor: Actor): Promise<Reminder[]> {
  const lists = await Promise.all(PROVIDERS.map((provider) => provider(ctx, actor)));
  return lists
    .flat()
    .sort(
      (a, b) =>
        Number(b.overdue) - Number(a.overdue) ||
        (a.dueOn ?? '9999').localeCompare(b.dueOn ?? '9999'),
    );
}
