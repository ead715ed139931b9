import { afterAll, afterEach, expect, it } from 'vitest';
import { openDatabase, type Db } from '../platform/db/database.js';
import { describeEachDialect } from '../platform/db/test-databases.js';
import { createFixedClock, randomIds } from '../platform/infra/clock.js';
import type { Mailer } from '../platform/infra/mailer.js';
import type { JobQueue } from '../platform/jobs/job-queue.js';
import { openJobQueue } from '../platform/jobs/open-job-queue.js';
import type { ServiceContext } from '../platform/services/context.js';
import { defineScheduledJobs, registerScheduledJobs, SCHEDULED_JOBS } from './scheduled-jobs.js';
import { settled } from '../platform/jobs/job-queue.test-support.js';

const SETTINGS = {
  FETCH_ALLOW_PRIVATE: false,
  SMTP_URL: undefined,
  MAIL_FROM: 'Prongsai <prongsai@localhost>',
  APP_URL: 'https://ita.example.go.th',
};

describeEachDialect('scheduled jobs of prongsai serve', (getDb, dialect) => {
  const queues: JobQueue[] = [];
  const others: Db[] = [];
  // each test's processes stop after it, so no worker of an earlier test takes a later one's job
  afterEach(async () => {
    for (const queue of queues.splice(0)) await queue.stop();
  });
  afterAll(async () => {
    for (const db of others) await db.close();
  });

  function processOn(db: Db) {
    const ctx: ServiceContext = {
      db,
      clock: createFixedClock('2026-12-06T03:00:00Z'),
      ids: randomIds,
    };
    const queue = openJobQueue(ctx, dialect === 'postgres' ? { pollingIntervalSeconds: 0.5 } : {});
    queues.push(queue);
    return { ctx, queue };
  }

  const ours = (list: { kind: string; cron: string; timeZone: string }[]) =>
    list
      .filter((s) => SCHEDULED_JOBS.some((j) => j.kind === s.kind))
      .sort((a, b) => a.kind.localeCompare(b.kind));

  it('registers the link check at 02:30 and the reminders at 07:00 once, however many starts', async () => {
    const first = processOn(getDb());
    const log: string[] = [];
    const on = { ...SETTINGS, SCHEDULED_JOBS: true };
    await registerScheduledJobs(first.queue, first.ctx, on, (l) => log.push(l));
    await registerScheduledJobs(first.queue, first.ctx, on, (l) => log.push(l));
    await first.queue.start();
    let seen = first.queue;
    if (dialect === 'postgres') {
      // a second process on the same database starts too: still one schedule each
      const db = openDatabase(getDb().url);
      others.push(db);
      const second = processOn(db);
      await registerScheduledJobs(second.queue, second.ctx, on, () => undefined);
      await second.queue.start();
      seen = second.queue;
    }
    expect(ours(await seen.scheduled())).toEqual([
      { kind: 'oit-link-check', cron: '30 2 * * *', timeZone: 'Asia/Bangkok' },
      { kind: 'reminders-send', cron: '0 7 * * *', timeZone: 'Asia/Bangkok' },
    ]);
    // off removes them (set the same on every process)
    await registerScheduledJobs(
      first.queue,
      first.ctx,
      { ...on, SCHEDULED_JOBS: false },
      () => undefined,
    );
    expect(ours(await seen.scheduled())).toEqual([]);
  });

  it('runs the same work as the one-off commands, and shows a failed run as failed', async () => {
    const { ctx, queue } = processOn(getDb());
    const log: string[] = [];
    let closed = 0;
    let broken = false;
    const mailer: Mailer = {
      send: async () => undefined,
      close: () => (closed += 1),
    };
    const mailerOf = () => {
      if (broken) throw new Error('smtp settings unreadable');
      return mailer;
    };
    defineScheduledJobs(queue, ctx, SETTINGS, (l) => log.push(l), mailerOf);
    await queue.start();
    const run = async (kind: string) =>
      settled(queue, await queue.enqueue(kind, {}, { userId: null, label: kind }));
    expect((await run('oit-link-check')).state).toBe('done');
    expect(log).toContain('oit-link-check: 0 link(s) checked, 0 warning(s)');
    const reminders = await run('reminders-send');
    expect(reminders).toMatchObject({ state: 'done', userId: null, label: 'reminders-send' });
    expect(log).toContain('reminders-send: 0 e-mail(s), 0 reminder(s)');
    expect(closed).toBe(1);
    broken = true;
    const failed = await run('reminders-send');
    expect(failed).toMatchObject({ state: 'failed', error: 'smtp settings unreadable' });
  });

  it('sends no e-mail without SMTP_URL and says so', async () => {
    const { ctx, queue } = processOn(getDb());
    const log: string[] = [];
    defineScheduledJobs(queue, ctx, SETTINGS, (l) => log.push(l));
    const id = await queue.enqueue('reminders-send', {}, { userId: null, label: 'reminders-send' });
    expect((await settled(queue, id)).state).toBe('done');
    expect(log).toEqual(['reminders-send: SMTP_URL is not set, no e-mail sent']);
  });
});
