import { describe, expect, it } from 'vitest';
import { ExportJobs } from './export-jobs.js';

const file = (name: string) => ({
  bytes: Buffer.from(name),
  fileName: `${name}.xlsx`,
  contentType: 'application/octet-stream',
});

describe('export jobs', () => {
  it('reports progress, then the file, only to the person who asked', async () => {
    const jobs = new ExportJobs();
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => (release = r));
    const job = jobs.start('u1', 'roll-up', async (progress) => {
      progress(3, 10);
      await gate;
      progress(10, 10);
      return file('rollup');
    });
    expect(job.id).toMatch(/^[\w-]{24}$/);
    expect(jobs.find(job.id, 'u1')).toMatchObject({ state: 'running', done: 3, total: 10 });
    expect(jobs.find(job.id, 'u2')).toBeNull();
    release();
    const done = await jobs.settled(job.id);
    expect(done).toMatchObject({ state: 'done', done: 10, total: 10 });
    expect(done?.file?.bytes.toString()).toBe('rollup');
  });

  it('marks a failed export and says why to the log only', async () => {
    const failures: unknown[] = [];
    const jobs = new ExportJobs(Date.now, (e) => failures.push(e));
    const job = jobs.start('u1', 'x', async () => {
      throw new Error('disk full');
    });
    expect((await jobs.settled(job.id))?.state).toBe('failed');
    expect(String(failures[0])).toContain('disk full');
  });

  it('drops exports older than fifteen minutes', async () => {
    let now = 1_000_000;
    const jobs = new ExportJobs(() => now);
    const old = jobs.start('u1', 'old', async () => file('old'));
    await jobs.settled(old.id);
    now += 16 * 60_000;
    jobs.start('u1', 'new', async () => file('new'));
    expect(jobs.find(old.id, 'u1')).toBeNull();
  });
});
