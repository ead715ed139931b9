import type { Db } from '../db/database.js';
import type { FileStore } from '../infra/file-store.js';

/**
 * Background work (issue 15, part 1): long exports and scheduled runs. One interface, two homes:
 * on PostgreSQL pg-boss dispatches each job to a worker of any process on the database and fires
 * schedules once across processes (pg-boss-queue.ts); on SQLite the jobs run in the process that
 * queued them (in-process-queue.ts). Either way a job's progress and result file are in the
 * database (`background_job`, result bytes in the file store), so any process can show them.
 */

/** The file a job made, as the person downloads it. */
export interface JobResultFile {
  bytes: Buffer;
  fileName: string;
  contentType: string;
}

/** Tells how far a job is (written to the database, so any process can show it). */
export type JobProgress = (done: number, total: number) => void;

/** What a kind of job does with its payload; it may return a file. */
export type JobHandler = (
  payload: Record<string, unknown>,
  progress: JobProgress,
) => Promise<JobResultFile | null | undefined | void>;

export type JobState = 'queued' | 'running' | 'done' | 'failed';

/** A job as any process reads it. */
export interface JobStatus {
  id: string;
  kind: string;
  state: JobState;
  done: number;
  total: number;
  label: string;
  /** Who asked (null for scheduled runs): the only person who may see it and take its file. */
  userId: string | null;
  /** The result in the file store, when done and a file was made. */
  resultFile: { storedName: string; fileName: string; contentType: string } | null;
  /** Why it failed (for the log; people see only that it failed). */
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
}

export interface JobQueue {
  readonly kind: 'pg-boss' | 'in-process';
  /** Says what a kind of job does; every process that may run jobs defines the same kinds. */
  define(kind: string, handler: JobHandler): void;
  /** Queues a job and returns its id at once. */
  enqueue(
    kind: string,
    payload: Record<string, unknown>,
    options: { userId: string | null; label: string },
  ): Promise<string>;
  /** The job as stored, or null (unknown id, or dropped after the keep time). */
  status(id: string): Promise<JobStatus | null>;
  /** Runs a kind on a cron line (five fields) in a time zone; scheduling twice keeps one. */
  schedule(kind: string, cron: string, timeZone?: string): Promise<void>;
  /** The schedules in force (on PostgreSQL, every process's), by kind. */
  scheduled(): Promise<{ kind: string; cron: string; timeZone: string }[]>;
  /** Removes a kind's schedule (nothing happens when it has none). */
  unschedule(kind: string): Promise<void>;
  /** Starts taking jobs (and firing schedules). Queueing starts it too. */
  start(): Promise<void>;
  /** Stops taking jobs, waits a little for running ones, and releases every handle. */
  stop(): Promise<void>;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The background job queue of the app (its jobs run in this or another process). */
    jobs: JobQueue;
  }
}

/** The time zone of schedules unless another is named. */
export const SCHEDULE_TIME_ZONE = 'Asia/Bangkok';

/** How long a finished job and its file are kept for the download, in ms. */
export const JOB_KEEP_MS = 15 * 60_000;

/** The cleanup that drops finished jobs past the keep time, and when it runs. */
export const CLEANUP_KIND = 'background-jobs-cleanup';
export const CLEANUP_CRON = '*/5 * * * *';

/**
 * A job not finished this long after it was queued was lost with the process running it (pg-boss
 * gives a job up after an hour): the cleanup marks it failed, so its page stops waiting.
 */
export const JOB_LOST_MS = 2 * 60 * 60_000;

/** Progress is written at most this often (plus the last step), in ms. */
const PROGRESS_EVERY_MS = 250;

/** What both queues share: the `background_job` rows and running one job against them. */
export class JobRecords {
  constructor(
    readonly db: Db,
    readonly files: FileStore | undefined,
    private readonly now: () => Date,
    private readonly onError: (error: unknown, job: JobStatus | null) => void,
  ) {}

  async insert(
    id: string,
    kind: string,
    options: { userId: string | null; label: string },
  ): Promise<void> {
    await this.db.kysely
      .insertInto('background_job')
      .values({
        id,
        kind,
        state: 'queued',
        user_id: options.userId,
        label: options.label,
        done: 0,
        total: 0,
        result_name: null,
        result_file_name: null,
        result_content_type: null,
        error: null,
        created_at: this.now().toISOString(),
        finished_at: null,
      })
      .execute();
  }

  /** Drops a row whose dispatch failed (nothing will ever run it). */
  async remove(id: string): Promise<void> {
    await this.db.kysely.deleteFrom('background_job').where('id', '=', id).execute();
  }

  async status(id: string): Promise<JobStatus | null> {
    const row = await this.db.kysely
      .selectFrom('background_job')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) return null;
    return {
      id: row.id,
      kind: row.kind,
      state: row.state as JobState,
      done: Number(row.done),
      total: Number(row.total),
      label: row.label,
      userId: row.user_id,
      resultFile:
        row.result_name && row.result_file_name && row.result_content_type
          ? {
              storedName: row.result_name,
              fileName: row.result_file_name,
              contentType: row.result_content_type,
            }
          : null,
      error: row.error,
      createdAt: row.created_at,
      finishedAt: row.finished_at,
    };
  }

  /**
   * Runs one job: marks it running, passes progress to its row (at most every 250 ms), keeps
   * its file in the file store and marks it done, or failed with the reason. Never throws.
   * Returns false when the job failed.
   */
  async run(
    id: string,
    kind: string,
    payload: Record<string, unknown>,
    handler: JobHandler | undefined,
  ): Promise<boolean> {
    const kysely = this.db.kysely;
    try {
      if (!handler) throw new Error(`no handler for background job kind "${kind}"`);
      await kysely
        .updateTable('background_job')
        .set({ state: 'running' })
        .where('id', '=', id)
        .execute();
      let written = 0;
      let pending: Promise<unknown> = Promise.resolve();
      const progress: JobProgress = (done, total) => {
        const at = Date.now();
        if (done < total && at - written < PROGRESS_EVERY_MS) return;
        written = at;
        // in order, one after the other; a failed write only loses a progress step
        pending = pending
          .then(() =>
            kysely
              .updateTable('background_job')
              .set({ done, total })
              .where('id', '=', id)
              .execute(),
          )
          .catch(() => undefined);
      };
      const file = await handler(payload, progress);
      await pending;
      let stored: string | null = null;
      if (file) {
        if (!this.files) throw new Error('a background job made a file but there is no file store');
        stored = (await this.files.save('uploads', file.bytes)).storedName;
      }
      await kysely
        .updateTable('background_job')
        .set({
          state: 'done',
          result_name: stored,
          result_file_name: file ? file.fileName : null,
          result_content_type: file ? file.contentType : null,
          finished_at: this.now().toISOString(),
        })
        .where('id', '=', id)
        .execute();
      return true;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      await kysely
        .updateTable('background_job')
        .set({
          state: 'failed',
          error: reason.slice(0, 2000),
          finished_at: this.now().toISOString(),
        })
        .where('id', '=', id)
        .execute()
        .catch(() => undefined);
      this.onError(error, await this.status(id).catch(() => null));
      return false;
    }
  }

  /**
   * Marks failed the jobs still queued or running that were queued before `before` (a restart on
   * SQLite: every one; on PostgreSQL: those older than JOB_LOST_MS); returns how many.
   */
  async markLost(before: Date): Promise<number> {
    const lost = await this.db.kysely
      .updateTable('background_job')
      .set({
        state: 'failed',
        error: 'the process running it stopped',
        finished_at: this.now().toISOString(),
      })
      .where('state', 'in', ['queued', 'running'])
      .where('created_at', '<', before.toISOString())
      .executeTakeFirst();
    return Number(lost.numUpdatedRows);
  }

  /**
   * Drops finished jobs older than the keep time, with their files, and marks lost ones failed;
   * returns how many were dropped.
   */
  async cleanup(): Promise<number> {
    await this.markLost(new Date(this.now().getTime() - JOB_LOST_MS));
    const cutoff = new Date(this.now().getTime() - JOB_KEEP_MS).toISOString();
    const old = await this.db.kysely
      .selectFrom('background_job')
      .select(['id', 'result_name'])
      .where('finished_at', 'is not', null)
      .where('finished_at', '<', cutoff)
      .execute();
    for (const job of old) {
      if (job.result_name && this.files) await this.files.delete(job.result_name);
      await this.db.kysely.deleteFrom('background_job').where('id', '=', job.id).execute();
    }
    return old.length;
  }
}
