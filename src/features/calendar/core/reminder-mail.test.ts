import { describe, expect, it } from 'vitest';
import {
  composeReminderMail,
  isMailable,
  reminderKey,
  type MailableReminder,
} from './reminder-mail.js';

const base: MailableReminder = {
  kind: 'task',
  title: { th: 'ส่งรายงาน', en: 'Send the report' },
  href: '/rounds/r1/calendar#task-1',
  dueOn: '2026-03-10',
  overdue: false,
  agencyCode: 'D01',
};

describe('reminder e-mail', () => {
  it('mails late work and work due within the window, not later or undated work', () => {
    const today = '2026-03-05';
    expect(isMailable({ ...base, overdue: true, dueOn: '2026-03-01' }, today)).toBe(true);
    expect(isMailable({ ...base, dueOn: '2026-03-12' }, today)).toBe(true);
    expect(isMailable({ ...base, dueOn: '2026-03-13' }, today)).toBe(false);
    expect(isMailable({ ...base, dueOn: null }, today)).toBe(false);
  });

  it('keys a reminder by kind and link', () => {
    expect(reminderKey(base)).toBe('task:/rounds/r1/calendar#task-1');
    expect(reminderKey({ ...base, kind: 'measure' })).not.toBe(reminderKey(base));
  });

  it('lists late work before work due soon, in Thai and English, with full links', () => {
    const mail = composeReminderMail(
      { displayName: 'สมชาย' },
      [base, { ...base, overdue: true, dueOn: '2026-02-01', title: { th: 'ปิดงาน', en: 'ปิดงาน' } }],
      'https://ita.example.org',
    );
    expect(mail.subject).toContain('1 overdue, 1 due soon');
    expect(mail.text.indexOf('ปิดงาน')).toBeLessThan(
      mail.text.indexOf('ส่งรายงาน / Send the report'),
    );
    expect(mail.text).toContain('10 มี.ค. 2569');
    expect(mail.text).toContain('https://ita.example.org/rounds/r1/calendar#task-1');
    expect(mail.text).not.toContain('ปิดงาน / ปิดงาน');
  });
});
