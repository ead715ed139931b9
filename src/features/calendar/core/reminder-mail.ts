import type { Message } from '../../../core/errors.js';
import { shortDay } from '../../../core/thai-calendar.js';
import { addDays, DUE_SOON_DAYS } from './plan.js';

/** What a reminder e-mail needs of a reminder (the services' Reminder has these fields). */
export interface MailableReminder {
  kind: string;
  title: Message;
  href: string;
  dueOn: string | null;
  overdue: boolean;
  agencyCode: string | null;
}

/** The key that makes a reminder e-mailed at most once a day. */
export function reminderKey(reminder: Pick<MailableReminder, 'kind' | 'href'>): string {
  return `${reminder.kind}:${reminder.href}`;
}

/** Whether a reminder belongs in the daily e-mail: late, or due within DUE_SOON_DAYS. */
export function isMailable(reminder: MailableReminder, today: string): boolean {
  if (reminder.overdue) return true;
  return reminder.dueOn !== null && reminder.dueOn <= addDays(today, DUE_SOON_DAYS);
}

function line(reminder: MailableReminder, appUrl: string | null): string {
  const due = reminder.dueOn ? `${shortDay('th', reminder.dueOn)} (${reminder.dueOn})` : '—';
  const agency = reminder.agencyCode ? `[${reminder.agencyCode}] ` : '';
  const title =
    reminder.title.th === reminder.title.en
      ? reminder.title.th
      : `${reminder.title.th} / ${reminder.title.en}`;
  return `- ${agency}${title}\n  กำหนด / due: ${due}\n  ${appUrl ?? ''}${reminder.href}`;
}

/** The daily reminder e-mail of one person: late work first, then work due soon. */
export function composeReminderMail(
  person: { displayName: string },
  reminders: readonly MailableReminder[],
  appUrl: string | null,
): { subject: string; text: string } {
  const late = reminders.filter((r) => r.overdue);
  const soon = reminders.filter((r) => !r.overdue);
  const subject = `[Prongsai] งานเกินกำหนด ${late.length} รายการ ใกล้ถึงกำหนด ${soon.length} รายการ / ${late.length} overdue, ${soon.length} due soon`;
  const parts = [`เรียน / Dear ${person.displayName}`, ''];
  if (late.length > 0)
    parts.push('งานที่เกินกำหนด / Overdue', ...late.map((r) => line(r, appUrl)), '');
  if (soon.length > 0)
    parts.push(
      `งานที่จะถึงกำหนดภายใน ${DUE_SOON_DAYS} วัน / Due within ${DUE_SOON_DAYS} days`,
      ...soon.map((r) => line(r, appUrl)),
      '',
    );
  parts.push(
    'อีเมลนี้ส่งจากระบบโปร่งใส (Prongsai) วันละไม่เกินหนึ่งครั้งต่อรายการ',
    'Sent by Prongsai, at most once a day for each item.',
  );
  return { subject, text: parts.join('\n') };
}
