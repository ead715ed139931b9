import type { Message } from '../../core/errors.js';
import type { Actor, ServiceContext } from './context.js';

/** Something a signed-in person should act on, shown on the home page and in reminders. */
export interface Reminder {
  /** e.g. 'task', 'measure', 'loan', 'gift', 'no_gift_ack'. */
  kind: string;
  title: Message;
  /** Where to act (a path inside Prongsai). */
  href: string;
  /** YYYY-MM-DD, null when not dated. */
  dueOn: string | null;
  overdue: boolean;
  agencyCode: string | null;
}

/** A feature's reminders for one person (only what that person may see). */
export type ReminderProvider = (ctx: ServiceContext, actor: Actor) => Promise<Reminder[]>;
