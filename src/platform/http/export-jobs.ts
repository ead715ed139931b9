import { readWhole, type FileStore } from '../infra/file-store.js';
import type { JobQueue, JobResultFile, JobStatus } from '../jobs/job-queue.js';

/** A long export as its progress page shows it (read from the database by any process). */
export interface ExportJob {
  id: string;
  userId: string;
  label: string;
  done: number;
  total: number;
  /** A queued export shows as running: it has not begun but will. */
  state: 'running' | 'done' | 'failed';
  /** The finished file in the file store. */
  file: { storedName: string; fileName: string; contentType: string } | null;
}

/** The shape of a job id (pg-boss and the in-process queue both make UUIDs). */
const JOB_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function asExport(job: JobStatus, userId: string): ExportJob {
  return {
    id: job.id,
    userId,
    label: job.label,
    done: job.done,
    total: job.total,
    state: job.state === 'queued' ? 'running' : job.state,
    file: job.state === 'done' ? job.resultFile : null,
  };
}

/**
 * Long exports (e.g. the roll-up workbook of a parent body with many units) as background jobs:
 * queued by the process that got the request, run by whichever process's worker takes them
 * (pg-boss on PostgreSQL; the same process on SQLite), their progress and finished file kept in
 * the database and the file store, so the progress page and the download work from any process.
 * Each export is bound to the person who asked; finished ones are dropped after 15 minutes.
 */
export class ExportJobs<P extends Record<string, unknown>> {
  constructor(
    private readonly queue: JobQueue,
    private readonly kind: string,
  ) {}

  /** Says how an export of this kind is made from its payload (in every process). */
  define(
    work: (payload: P, progress: (done: number, total: number) => void) => Promise<JobResultFile>,
  ): void {
    this.queue.define(this.kind, (payload, progress) => work(payload as P, progress));
  }

  /** Queues an export for a person and returns its id at once. */
  start(userId: string, label: string, payload: P): Promise<string> {
    return this.queue.enqueue(this.kind, payload, { userId, label });
  }

  /** The export of this person, or null (someone else's id is said not to exist). */
  async find(id: string, userId: string): Promise<ExportJob | null> {
    if (!JOB_ID.test(id)) return null;
    const job = await this.queue.status(id);
    if (!job || job.kind !== this.kind || job.userId !== userId) return null;
    return asExport(job, userId);
  }

  /** The finished file of this person's export, or null. */
  async open(
    files: FileStore,
    id: string,
    userId: string,
  ): Promise<{ fileName: string; contentType: string; bytes: Buffer } | null> {
    const job = await this.find(id, userId);
    if (!job?.file) return null;
    const opened = await files.open(job.file.storedName);
    if (!opened) return null;
    const { fileName, contentType } = job.file;
    return { fileName, contentType, bytes: await readWhole(opened) };
  }
}
