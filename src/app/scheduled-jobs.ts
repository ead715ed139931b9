import type { Config } from '../config.js';
import type { ServiceContext } from '../platform/services/context.js';
import { DEFAULT_FETCH_LIMITS } from '../platform/infra/link-fetcher.js';
import { createSmtpMailer, type Mailer } from '../platform/infra/mailer.js';
import type { JobQueue } from '../platform/jobs/job-queue.js';
import { checkSubmittedLinks } from '../features/oit-evidence/feature.js';
import { sendReminderEmails } from '../features/calendar/feature.js';
import { listReminders } from './reminders.js';

/**
 * The work that used to be cron lines, as scheduled background jobs (Asia/Bangkok time): the
 * nightly re-check of submitted evidence links and the morning reminder e-mails. `prongsai
 * serve` registers them at start (SCHEDULED_JOBS=on, the default); the commands
 * `prongsai oit check-links` and `prongsai reminders send` still run the same work once.
 */
export const SCHEDULED_JOBS = [
  { kind: 'oit-link-check', cron: '30 2 * * *' },
  { kind: 'reminders-send', cron: '0 7 * * *' },
] as const;

type ScheduledSettings = Pick<Config, 'FETCH_ALLOW_PRIVATE' | 'SMTP_URL' | 'MAIL_FROM' | 'APP_URL'>;

/** What a scheduled run says it did (the log's line). */
export type ScheduledLog = (message: string) => void;

/** Says what the scheduled kinds do (every process that may run them). */
export function defineScheduledJobs(
  jobs: JobQueue,
  ctx: ServiceContext,
  config: ScheduledSettings,
  log: ScheduledLog,
  mailerOf: () => Mailer | null = () =>
    config.SMTP_URL ? createSmtpMailer(config.SMTP_URL, config.MAIL_FROM) : null,
): void {
  jobs.define('oit-link-check', async () => {
    const outcome = await checkSubmittedLinks(ctx, {
      limits: { ...DEFAULT_FETCH_LIMITS, allowPrivate: config.FETCH_ALLOW_PRIVATE },
      roundId: null,
    });
    log(
      `oit-link-check: ${outcome.checked} link(s) checked, ${outcome.warnings.length} warning(s)`,
    );
  });
  jobs.define('reminders-send', async () => {
    const mailer = mailerOf();
    if (!mailer) {
      log('reminders-send: SMTP_URL is not set, no e-mail sent');
      return;
    }
    try {
      const outcome = await sendReminderEmails(ctx, mailer, config.APP_URL ?? null, listReminders);
      log(`reminders-send: ${outcome.emailed} e-mail(s), ${outcome.reminders} reminder(s)`);
      if (outcome.failed.length > 0)
        throw new Error(
          `reminders-send: ${outcome.failed.length} e-mail(s) not sent: ${outcome.failed.map((f) => `${f.email} (${f.error})`).join(', ')}`,
        );
    } finally {
      mailer.close();
    }
  });
}

/**
 * At start: on, the scheduled kinds are defined and their schedules registered (registering
 * again at every start keeps one schedule each); off, their schedules are removed, so nothing
 * fires them (set the same on every process).
 */
export async function registerScheduledJobs(
  jobs: JobQueue,
  ctx: ServiceContext,
  config: ScheduledSettings & Pick<Config, 'SCHEDULED_JOBS'>,
  log: ScheduledLog,
): Promise<void> {
  if (!config.SCHEDULED_JOBS) {
    for (const { kind } of SCHEDULED_JOBS) await jobs.unschedule(kind);
    return;
  }
  defineScheduledJobs(jobs, ctx, config, log);
  for (const { kind, cron } of SCHEDULED_JOBS) await jobs.schedule(kind, cron);
}
