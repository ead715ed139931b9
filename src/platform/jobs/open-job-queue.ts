import type { ServiceContext } from '../services/context.js';
import { InProcessJobQueue } from './in-process-queue.js';
import { JobRecords, type JobQueue, type JobStatus } from './job-queue.js';
import { PgBossJobQueue, type PgBossQueueOptions } from './pg-boss-queue.js';

export interface JobQueueOptions extends PgBossQueueOptions {
  /** Told when a job fails, with the job (people see only that it failed). */
  onJobFailure?: (error: unknown, job: JobStatus | null) => void;
}

/** The job queue of a database: pg-boss on PostgreSQL, in-process on SQLite. */
export function openJobQueue(ctx: ServiceContext, options: JobQueueOptions = {}): JobQueue {
  const records = new JobRecords(
    ctx.db,
    ctx.files,
    () => ctx.clock.now(),
    options.onJobFailure ?? (() => undefined),
  );
  return ctx.db.dialect === 'postgres'
    ? new PgBossJobQueue(records, options)
    : new InProcessJobQueue(records, () => ctx.clock.now());
}
