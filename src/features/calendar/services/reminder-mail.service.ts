import { composeReminderMail, isMailable, reminderKey } from '../core/reminder-mail.js';
import {
  listReminderRecipients,
  listSentReminderKeys,
  recordSentReminders,
} from '../db/calendar.repository.js';
import type { Mailer } from '../../../platform/infra/mailer.js';
import { loadActor } from '../../users/feature.js';
import { nowIso, type ServiceContext } from '../../../platform/services/context.js';
import type { ReminderLister } from '../../kit.js';
import { bangkokDay } from '../../../core/thai-calendar.js';

/** What a reminder run did. */
export interface ReminderMailOutcome {
  /** People who had something late or due soon not yet e-mailed today. */
  emailed: number;
  /** Reminders those e-mails carried. */
  reminders: number;
  /** Addresses the mail server refused (tried again on the next run). */
  failed: { email: string; error: string }[];
}

/**
 * E-mails each person their overdue and due-soon reminders, each reminder at most once a day
 * (Thailand's day): a second run the same day sends only what appeared since. `list` gives a
 * person's reminders (every feature's, from the app's registry, or fewer when a caller narrows it).
 */
export async function sendReminderEmails(
  ctx: ServiceContext,
  mailer: Mailer,
  appUrl: string | null,
  list: ReminderLister,
): Promise<ReminderMailOutcome> {
  const db = ctx.db.kysely;
  const today = bangkokDay(ctx.clock.now());
  const outcome: ReminderMailOutcome = { emailed: 0, reminders: 0, failed: [] };
  for (const person of await listReminderRecipients(db)) {
    const actor = await loadActor(db, person.id);
    if (!actor) continue;
    const sent = await listSentReminderKeys(db, person.id, today);
    const due = (await list(ctx, actor)).filter(
      (r) => isMailable(r, today) && !sent.has(reminderKey(r)),
    );
    if (due.length === 0) continue;
    const mail = composeReminderMail(person, due, appUrl);
    try {
      await mailer.send({ to: person.email, ...mail });
    } catch (error) {
      outcome.failed.push({ email: person.email, error: (error as Error).message });
      continue;
    }
    await recordSentReminders(db, person.id, today, due.map(reminderKey), nowIso(ctx));
    outcome.emailed += 1;
    outcome.reminders += due.length;
  }
  return outcome;
}
