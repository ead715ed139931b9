import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openDatabase, type Db } from '../db/database.js';
import { describeEachDialect } from '../db/test-databases.js';
import { createFixedClock, type Clock } from '../infra/clock.js';
import { ExportJobs } from '../http/export-jobs.js';
import { openFileStore } from '../services/file-store.service.js';
import { InProcessJobQueue } from './in-process-queue.js';
import { JOB_KEEP_MS, JOB_LOST_MS, JobRecords, type JobQueue } from './job-queue.js';
import { PgBossJobQueue } from './pg-boss-queue.js';
import { settled } from './job-queue.test-support.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describeEachDialect('background job queue', (getDb, dialect) => {
  let dir = '';
  const queues: JobQueue[] = [];
  const others: Db[] = [];
  const clock = createFixedClock('2026-12-06T03:00:00Z');
  const failures: unknown[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'prongsai-jobs-'));
  });
  afterAll(async () => {
    // every pg-boss stopped (its timers and pool), so nothing is left holding the process
    for (const queue of queues) await queue.stop();
    for (const db of others) await db.close();
    await rm(dir, { recursive: true, force: true });
  });

  /** A queue as one process of the app opens it on a database. */
  function processOn(db: Db, at: Clock = clock) {
    const files = openFileStore(db, { FILES_DIR: dir });
    const records = new JobRecords(
      db,
      files,
      () => at.now(),
      (e) => failures.push(e),
    );
    const queue =
      db.dialect === 'postgres'
        ? new PgBossJobQueue(records, {
            pollingIntervalSeconds: 0.5,
            onError: (e) => failures.push(e),
          })
        : new InProcessJobQueue(records, () => at.now());
    queues.push(queue);
    return { queue, records, files };
  }

  let main: ReturnType<typeof processOn>;
  beforeAll(() => {
    main = processOn(getDb());
  });

  it('runs a queued export, shows its progress while it runs, and gives its file to the one who asked', async () => {
    const exports = new ExportJobs<{ units: number }>(main.queue, 'test-export');
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => (release = r));
    exports.define(async ({ units }, progress) => {
      progress(3, units);
      await gate;
      progress(units, units);
      return {
        bytes: Buffer.from(`rollup of ${units}`),
        fileName: 'rollup.xlsx',
        contentType: XLSX,
      };
    });
    await main.queue.start();
    const id = await exports.start('u1', 'roll-up', { units: 10 });
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    let seen = await exports.find(id, 'u1');
    for (let i = 0; i < 200 && seen?.done !== 3; i += 1) {
      await sleep(50);
      seen = await exports.find(id, 'u1');
    }
    expect(seen).toMatchObject({
      state: 'running',
      done: 3,
      total: 10,
      label: 'roll-up',
      file: null,
    });
    expect(await exports.find(id, 'u2')).toBeNull();
    expect(await exports.find('not-a-job', 'u1')).toBeNull();
    release();
    const job = await settled(main.queue, id);
    expect(job).toMatchObject({ state: 'done', done: 10, total: 10, userId: 'u1', error: null });
    const file = await exports.open(main.files, id, 'u1');
    expect(file?.bytes.toString()).toBe('rollup of 10');
    expect(file).toMatchObject({ fileName: 'rollup.xlsx', contentType: XLSX });
    expect(await exports.open(main.files, id, 'u2')).toBeNull();
  });

  it('shows a failing job as failed, the reason kept for the log', async () => {
    let calls = 0;
    main.queue.define('test-failing', async () => {
      calls += 1;
      throw new Error('disk full');
    });
    const before = failures.length;
    const id = await main.queue.enqueue('test-failing', {}, { userId: 'u1', label: 'x' });
    const job = await settled(main.queue, id);
    expect(job.state).toBe('failed');
    expect(job.error).toBe('disk full');
    expect(job.resultFile).toBeNull();
    expect(failures.slice(before).map(String).join()).toContain('disk full');
    // not tried again: the person starts it again if they want
    await sleep(1500);
    expect(calls).toBe(1);
    expect((await main.queue.status(id))?.state).toBe('failed');
  });

  it('drops finished jobs and their files after fifteen minutes, never a running one', async () => {
    const at = createFixedClock('2026-12-06T04:00:00Z');
    const { queue, records, files } = processOn(getDb(), at);
    queue.define('test-old', async () => ({
      bytes: Buffer.from('old'),
      fileName: 'old.xlsx',
      contentType: XLSX,
    }));
    await queue.start();
    const old = await settled(
      queue,
      await queue.enqueue('test-old', {}, { userId: 'u1', label: 'old' }),
    );
    const storedName = old.resultFile?.storedName ?? '';
    expect(await files.exists(storedName)).toBe(true);
    await records.insert('00000000-0000-4000-8000-000000000001', 'test-old', {
      userId: 'u1',
      label: 'still queued',
    });
    at.advance(JOB_KEEP_MS - 60_000);
    await records.cleanup();
    expect(await queue.status(old.id)).not.toBeNull();
    at.advance(2 * 60_000);
    expect(await records.cleanup()).toBeGreaterThanOrEqual(1);
    expect(await queue.status(old.id)).toBeNull();
    expect(await files.exists(storedName)).toBe(false);
    expect(await queue.status('00000000-0000-4000-8000-000000000001')).toMatchObject({
      state: 'queued',
    });
    // never finished two hours on: lost with its process, shown failed (then dropped as usual)
    at.advance(JOB_LOST_MS);
    await records.cleanup();
    expect(await queue.status('00000000-0000-4000-8000-000000000001')).toMatchObject({
      state: 'failed',
      error: 'the process running it stopped',
    });
  });

  if (dialect === 'sqlite')
    it('marks failed at start what an earlier process left unfinished, never its own jobs', async () => {
      const at = createFixedClock('2026-12-06T05:00:00Z');
      const earlier = processOn(getDb(), at);
      await earlier.records.insert('00000000-0000-4000-8000-000000000002', 'test-left', {
        userId: 'u1',
        label: 'left behind',
      });
      at.advance(60_000);
      const restarted = processOn(getDb(), at);
      let release: () => void = () => undefined;
      const gate = new Promise<void>((r) => (release = r));
      restarted.queue.define('test-mine', () => gate);
      const mine = await restarted.queue.enqueue('test-mine', {}, { userId: 'u1', label: 'mine' });
      await restarted.queue.start();
      expect(await restarted.queue.status('00000000-0000-4000-8000-000000000002')).toMatchObject({
        state: 'failed',
      });
      expect((await restarted.queue.status(mine))?.state).toBe('running');
      release();
      expect((await settled(restarted.queue, mine)).state).toBe('done');
    });

  it('keeps one schedule however often it is registered and started', async () => {
    const runs: string[] = [];
    main.queue.define('test-daily', async () => {
      runs.push('ran');
    });
    await main.queue.schedule('test-daily', '0 7 * * *');
    await main.queue.schedule('test-daily', '0 7 * * *');
    await main.queue.start();
    await main.queue.start();
    if (main.queue instanceof InProcessJobQueue) {
      const kept = (await main.queue.scheduled()).filter((s) => s.kind === 'test-daily');
      expect(kept).toEqual([{ kind: 'test-daily', cron: '0 7 * * *', timeZone: 'Asia/Bangkok' }]);
      // 07:00 in Bangkok is 00:00 UTC; a second look in the same minute fires nothing
      expect(await main.queue.tick(new Date('2026-12-07T00:00:10Z'))).toContain('test-daily');
      expect(await main.queue.tick(new Date('2026-12-07T00:00:40Z'))).not.toContain('test-daily');
      expect(await main.queue.tick(new Date('2026-12-07T00:01:00Z'))).not.toContain('test-daily');
      await main.queue.idle();
      expect(runs).toEqual(['ran']);
    } else if (main.queue instanceof PgBossJobQueue) {
      // a second process registers the same schedule at its start: still one
      const db = openDatabase(getDb().url);
      others.push(db);
      const second = processOn(db).queue as PgBossJobQueue;
      await second.schedule('test-daily', '0 7 * * *');
      const kept = (await main.queue.scheduled()).filter((s) => s.kind === 'test-daily');
      expect(kept).toEqual([{ kind: 'test-daily', cron: '0 7 * * *', timeZone: 'Asia/Bangkok' }]);
    } else throw new Error('unknown queue');
  });

  if (dialect === 'postgres')
    it('runs a job queued through one process in another, and either reads how it went', async () => {
      // the web process knows no handler for the kind: only the worker process can run it
      const web = processOn(getDb());
      const db = openDatabase(getDb().url);
      others.push(db);
      const worker = processOn(db);
      const ranIn: string[] = [];
      worker.queue.define('test-cross', async (payload, progress) => {
        ranIn.push('worker');
        progress(1, 2);
        await sleep(300);
        progress(2, 2);
        return {
          bytes: Buffer.from(`made for ${String(payload.who)}`),
          fileName: 'x.csv',
          contentType: 'text/csv',
        };
      });
      await worker.queue.start();
      const exports = new ExportJobs<{ who: string }>(web.queue, 'test-cross');
      const id = await exports.start('u7', 'cross', { who: 'u7' });
      const job = await settled(web.queue, id);
      expect(job).toMatchObject({ state: 'done', done: 2, total: 2, userId: 'u7' });
      expect(await worker.queue.status(id)).toMatchObject({ state: 'done' });
      expect(ranIn).toEqual(['worker']);
      // the file went into the database store through the worker; the web process serves it
      expect((await exports.open(web.files, id, 'u7'))?.bytes.toString()).toBe('made for u7');
    });
});
