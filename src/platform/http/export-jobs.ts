import { randomBytes } from 'node:crypto';

/** A long export running in this process: its progress and, when done, its file. */
export interface ExportJob {
  id: string;
  userId: string;
  label: string;
  done: number;
  total: number;
  state: 'running' | 'done' | 'failed';
  file: { bytes: Buffer; fileName: string; contentType: string } | null;
  startedAt: number;
}

/** How long a finished export waits to be downloaded before it is dropped. */
const KEEP_MS = 15 * 60_000;
/** At most this many exports kept per process (the oldest finished go first). */
const MAX_JOBS = 50;

/**
 * Long exports (e.g. the roll-up workbook of a parent body with many units) run in the
 * background of the process that got the request and are kept in its memory, keyed by a
 * random id and bound to the person who asked. Behind several app processes, the progress
 * page must reach the same process (sticky sessions); a restart drops running exports.
 */
export class ExportJobs {
  private jobs = new Map<string, ExportJob>();

  constructor(
    private readonly now: () => number = Date.now,
    /** Told when an export fails (the person sees only that it failed). */
    private readonly onFailure: (error: unknown) => void = () => undefined,
  ) {}

  private prune(): void {
    const cutoff = this.now() - KEEP_MS;
    for (const [id, job] of this.jobs) if (job.startedAt < cutoff) this.jobs.delete(id);
    while (this.jobs.size >= MAX_JOBS) {
      const oldest = [...this.jobs.values()].sort((a, b) => a.startedAt - b.startedAt)[0];
      if (!oldest) break;
      this.jobs.delete(oldest.id);
    }
  }

  /** Starts `work` in the background and returns the job at once. */
  start(
    userId: string,
    label: string,
    work: (progress: (done: number, total: number) => void) => Promise<ExportJob['file']>,
  ): ExportJob {
    this.prune();
    const job: ExportJob = {
      id: randomBytes(18).toString('base64url'),
      userId,
      label,
      done: 0,
      total: 0,
      state: 'running',
      file: null,
      startedAt: this.now(),
    };
    this.jobs.set(job.id, job);
    const progress = (done: number, total: number) => {
      job.done = done;
      job.total = total;
    };
    // the promise is kept by the job's state; nothing awaits it
    work(progress).then(
      (file) => {
        job.file = file;
        job.state = 'done';
      },
      (error: unknown) => {
        job.state = 'failed';
        this.onFailure(error);
      },
    );
    return job;
  }

  /** The job of this person, or null (someone else's id is said not to exist). */
  find(id: string, userId: string): ExportJob | null {
    const job = this.jobs.get(id);
    return job && job.userId === userId ? job : null;
  }

  /** Resolves when the job is no longer running (tests and the CLI). */
  async settled(id: string): Promise<ExportJob | null> {
    for (;;) {
      const job = this.jobs.get(id);
      if (!job || job.state !== 'running') return job ?? null;
      await new Promise((r) => setTimeout(r, 10));
    }
  }
}
