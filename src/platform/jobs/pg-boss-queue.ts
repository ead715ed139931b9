import { randomUUID } from 'node:crypto';
import PgBoss from 'pg-boss';
import {
  CLEANUP_CRON,
  CLEANUP_KIND,
  SCHEDULE_TIME_ZONE,
  type JobHandler,
  type JobQueue,
  type JobRecords,
  type JobStatus,
} from './job-queue.js';
import { parseCron } from './cron.js';

/** What a pg-boss job carries: the payload only (the row in background_job has the rest). */
interface Envelope {
  payload?: Record<string, unknown>;
}

export interface PgBossQueueOptions {
  /** How often an idle worker asks for a job, in seconds (pg-boss allows 0.5 at least). */
  pollingIntervalSeconds?: number;
  /** Told of pg-boss's own errors (a lost connection, a failed maintenance run). */
  onError?: (error: unknown) => void;
}

/** How long a job may run before pg-boss gives it up (the largest roll-up takes minutes). */
const EXPIRE_IN_SECONDS = 60 * 60;
/** Every job runs once (a failure shows failed) and is given up after the hour. */
const ONCE = { retryLimit: 0, expireInSeconds: EXPIRE_IN_SECONDS } as const;

/**
 * PostgreSQL: pg-boss (its own `pgboss` schema, its own small pool) holds the queue. Every
 * process that started its queue works every defined kind, one job at a time per kind, so a job
 * queued through one process may run in another; a schedule is kept in the database by name
 * (scheduling again replaces it) and fired once across processes. Jobs are not retried: a
 * failed export shows failed and the person starts it again.
 */
export class PgBossJobQueue implements JobQueue {
  readonly kind = 'pg-boss' as const;
  private readonly boss: PgBoss;
  private readonly handlers = new Map<string, JobHandler>();
  private starting: Promise<void> | null = null;
  private readonly working = new Set<string>();
  /** This process's worker of each kind, woken when this process queues a job of it. */
  private readonly workers = new Map<string, string>();
  private readonly created = new Map<string, Promise<void>>();
  private creating: Promise<void> = Promise.resolve();
  private stopped = false;
  private readonly polling: number;
  private readonly onError: (error: unknown) => void;

  constructor(
    private readonly records: JobRecords,
    options: PgBossQueueOptions = {},
  ) {
    this.boss = new PgBoss({
      connectionString: records.db.url,
      max: 4,
      application_name: 'prongsai-jobs',
      retryLimit: 0,
      expireInSeconds: EXPIRE_IN_SECONDS,
    });
    this.polling = options.pollingIntervalSeconds ?? 2;
    this.onError = options.onError ?? (() => undefined);
    this.boss.on('error', this.onError);
  }

  define(kind: string, handler: JobHandler): void {
    this.handlers.set(kind, handler);
    if (this.starting) this.starting.then(() => this.work(kind)).catch(this.onError);
  }

  /** Starts pg-boss once (installing its schema the first time) and works every defined kind. */
  start(): Promise<void> {
    if (this.stopped) return Promise.reject(new Error('the job queue was stopped'));
    this.starting ??= (async () => {
      await this.boss.start();
      await this.createQueue(CLEANUP_KIND);
      await this.boss.work(CLEANUP_KIND, { pollingIntervalSeconds: 30 }, async () => {
        await this.records.cleanup();
      });
      await this.boss.schedule(CLEANUP_KIND, CLEANUP_CRON, {}, { tz: SCHEDULE_TIME_ZONE });
      for (const kind of this.handlers.keys()) await this.work(kind);
    })();
    return this.starting;
  }

  /**
   * pg-boss 10 takes jobs only for a queue it knows; creating one again changes nothing. Creating
   * a queue adds a partition to its job table, which can deadlock with another creation or a
   * worker's fetch: this process creates one queue at a time, and a deadlock is tried again.
   */
  private createQueue(kind: string): Promise<void> {
    let created = this.created.get(kind);
    if (!created) {
      created = this.creating.then(async () => {
        for (let attempt = 1; ; attempt += 1) {
          try {
            await this.boss.createQueue(kind);
            return;
          } catch (error) {
            const code = (error as { code?: string }).code;
            if (attempt >= 5 || (code !== '40P01' && code !== '42P07')) throw error;
            await new Promise((r) => setTimeout(r, 50 * attempt));
          }
        }
      });
      // a failed creation is tried again by the next caller
      created.catch(() => this.created.delete(kind));
      this.creating = created.catch(() => undefined);
      this.created.set(kind, created);
    }
    return created;
  }

  private async work(kind: string): Promise<void> {
    if (this.working.has(kind) || this.stopped) return;
    this.working.add(kind);
    await this.createQueue(kind);
    const workerId = await this.boss.work<Envelope>(
      kind,
      { pollingIntervalSeconds: this.polling, batchSize: 1 },
      async (jobs) => {
        for (const job of jobs) {
          // a scheduled run has no row yet: it gets one, so it shows like any other job
          if (!(await this.records.status(job.id)))
            await this.records.insert(job.id, kind, { userId: null, label: kind });
          const ok = await this.records.run(
            job.id,
            kind,
            job.data?.payload ?? {},
            this.handlers.get(kind),
          );
          if (!ok) throw new Error(`background job ${job.id} (${kind}) failed`);
        }
      },
    );
    this.workers.set(kind, workerId);
  }

  async enqueue(
    kind: string,
    payload: Record<string, unknown>,
    options: { userId: string | null; label: string },
  ): Promise<string> {
    await this.start();
    await this.createQueue(kind);
    const id = randomUUID();
    await this.records.insert(id, kind, options);
    try {
      const sent = await this.boss.send(kind, { payload } satisfies Envelope, { id, ...ONCE });
      if (sent !== id) throw new Error(`pg-boss did not take background job ${id}`);
      // this process's worker, if it works the kind, asks at once instead of at its next poll
      const worker = this.workers.get(kind);
      if (worker) this.boss.notifyWorker(worker);
    } catch (error) {
      await this.records.remove(id);
      throw error;
    }
    return id;
  }

  status(id: string): Promise<JobStatus | null> {
    return this.records.status(id);
  }

  async schedule(kind: string, cron: string, timeZone = SCHEDULE_TIME_ZONE): Promise<void> {
    parseCron(cron);
    await this.start();
    await this.createQueue(kind);
    await this.boss.schedule(kind, cron, {}, { tz: timeZone, ...ONCE });
  }

  async unschedule(kind: string): Promise<void> {
    await this.start();
    await this.boss.unschedule(kind);
  }

  /** The schedules kept in the database (every process's), by kind. */
  async scheduled(): Promise<{ kind: string; cron: string; timeZone: string }[]> {
    await this.start();
    // the rows of pgboss.schedule: its type leaves out the time zone column
    const rows = (await this.boss.getSchedules()) as (PgBoss.Schedule & { timezone: string })[];
    return rows.map((r) => ({ kind: r.name, cron: r.cron, timeZone: r.timezone }));
  }

  /** Stops the workers, waits up to 10 s for running jobs, and closes pg-boss's pool. */
  async stop(): Promise<void> {
    const wasStarted = this.starting !== null;
    this.stopped = true;
    if (!wasStarted) return;
    await this.starting?.catch(() => undefined);
    await this.boss.stop({ graceful: true, wait: true, timeout: 10_000 });
  }
}
