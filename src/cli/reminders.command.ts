import { loadConfig, type Config } from '../config.js';
import { openDatabase } from '../platform/db/database.js';
import { migrateToLatest } from '../platform/db/migrate.js';
import { randomIds, systemClock } from '../platform/infra/clock.js';
import { createSmtpMailer, type Mailer } from '../platform/infra/mailer.js';
import { listReminders } from '../app/reminders.js';
import { sendReminderEmails } from '../features/calendar/feature.js';
import type { Io } from './output.js';

const USAGE = 'วิธีใช้ / usage: prongsai reminders send\n';

/**
 * `prongsai reminders send`: e-mails everyone their overdue and due-soon work, once a day per
 * item (run it from cron). Without SMTP_URL it says so and does nothing.
 */
export async function runRemindersCommand(
  args: string[],
  io: Io,
  options: { config?: Config; mailer?: Mailer } = {},
): Promise<number> {
  if (args.length !== 1 || args[0] !== 'send') {
    io.err(USAGE);
    return 2;
  }
  const config = options.config ?? loadConfig();
  if (!options.mailer && !config.SMTP_URL) {
    io.out(
      'ไม่ได้ตั้งค่า SMTP_URL จึงไม่ส่งอีเมล / SMTP_URL is not set: no e-mail sent\n' +
        '(การแจ้งเตือนยังแสดงในหน้าหลัก / reminders still show on the home page)\n',
    );
    return 0;
  }
  const mailer = options.mailer ?? createSmtpMailer(config.SMTP_URL ?? '', config.MAIL_FROM);
  const db = openDatabase(config.DATABASE_URL);
  try {
    await migrateToLatest(db);
    const outcome = await sendReminderEmails(
      { db, clock: systemClock, ids: randomIds },
      mailer,
      config.APP_URL ?? null,
      listReminders,
    );
    io.out(
      `ส่งอีเมลแจ้งเตือน ${outcome.emailed} ฉบับ (${outcome.reminders} รายการ) / sent ${outcome.emailed} e-mail(s) with ${outcome.reminders} reminder(s)\n`,
    );
    for (const f of outcome.failed) io.err(`✗ ${f.email}: ${f.error}\n`);
    return outcome.failed.length > 0 ? 1 : 0;
  } finally {
    mailer.close();
    await db.close();
  }
}
