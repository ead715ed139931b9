import { randomUUID } from 'node:crypto';
import { cronFires, parseCron, type CronLine } from './cron.js';
import {
  CLEANUP_CRON,
  CLEANUP_KIND,
  SCHEDULE_TIME_ZONE,
  type JobHandler,
  type JobQueue,
  type JobRecords,
  type JobStatus,
} from './job-queue.js';

/** Jobs running at once in one process (exports are CPU- and memory-heavy). */
const CONCURRENCY = 2;
/** How long stop() waits for running jobs, in ms. */
const STOP_WAIT_MS = 10_000;
/** How often the schedules are looked at, in ms (each fires once in its minute). */
const TICK_MS = 20_000;

interface Waiting {
  id: string;
  kind: string;
  payload: Record<string, unknown>;
}

/**
 * SQLite (one process): jobs run in the process that queued them, at most two at a time, in
 * order; schedules fire from a timer. Progress and results are in the database all the same, so
 * the pages read them the way they do on PostgreSQL. A restart loses queued and running jobs:
 * the next start marks them failed, so their pages stop waiting.
 */
export class InProcessJobQueue implements JobQueue {
  readonly kind = 'in-process' as const;
  private readonly handlers = new Map<string, JobHandler>();
  private readonly schedules = new Map<
    string,
    { cron: string; line: CronLine; timeZone: string }
  >();
  private readonly waiting: Waiting[] = [];
  private readonly running = new Set<Promise<void>>();
  private timer: NodeJS.Timeout | null = null;
  /** The last minute (ISO, to the minute) each schedule fired in. */
  private readonly fired = new Map<string, string>();
  private stopped = false;

  /** When this queue was made: older unfinished jobs belong to a process that is gone. */
  private readonly since: Date;

  constructor(
    private readonly records: JobRecords,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.since = now();
  }

  define(kind: string, handler: JobHandler): void {
    this.handlers.set(kind, handler);
  }

  async enqueue(
    kind: string,
    payload: Record<string, unknown>,
    options: { userId: string | null; label: string },
  ): Promise<string> {
    const id = randomUUID();
    await this.records.insert(id, kind, options);
    this.waiting.push({ id, kind, payload });
    this.pump();
    return id;
  }

  status(id: string): Promise<JobStatus | null> {
    return this.records.status(id);
  }

  async schedule(kind: string, cron: string, timeZone = SCHEDULE_TIME_ZONE): Promise<void> {
    this.schedules.set(kind, { cron, line: parseCron(cron), timeZone });
  }

  async unschedule(kind: string): Promise<void> {
    this.schedules.delete(kind);
  }

  async start(): Promise<void> {
    if (this.timer || this.stopped) return;
    // one process on SQLite: what was left unfinished before this queue was made never runs
    await this.records.markLost(this.since);
    if (this.timer) return;
    this.schedules.set(CLEANUP_KIND, {
      cron: CLEANUP_CRON,
      line: parseCron(CLEANUP_CRON),
      timeZone: SCHEDULE_TIME_ZONE,
    });
    this.timer = setInterval(() => void this.tick(), TICK_MS);
    this.timer.unref();
  }

  /** Fires the schedules due in the current minute, once each (tests call it with a time). */
  async tick(at: Date = this.now()): Promise<string[]> {
    const minute = at.toISOString().slice(0, 16);
    const fired: string[] = [];
    for (const [kind, { line, timeZone }] of this.schedules) {
      if (this.fired.get(kind) === minute || !cronFires(line, at, timeZone)) continue;
      this.fired.set(kind, minute);
      fired.push(kind);
      if (kind === CLEANUP_KIND) await this.records.cleanup().catch(() => undefined);
      else await this.enqueue(kind, {}, { userId: null, label: kind });
    }
    return fired;
  }

  /** The schedules (the cleanup's included once started). */
  async scheduled(): Promise<{ kind: string; cron: string; timeZone: string }[]> {
    return [...this.schedules].map(([kind, { cron, timeZone }]) => ({ kind, cron, timeZone }));
  }

  private pump(): void {
    while (!this.stopped && this.running.size < CONCURRENCY && this.waiting.length > 0) {
      const next = this.waiting.shift() as Waiting;
      const run = this.records
        .run(next.id, next.kind, next.payload, this.handlers.get(next.kind))
        .then(() => undefined);
      this.running.add(run);
      void run.finally(() => {
        this.running.delete(run);
        this.pump();
      });
    }
  }

  /** Waits until nothing is queued or running (tests and stop). */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.all([...this.running]);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    // running jobs get a little time to finish; one still running after it is lost
    await Promise.race([this.idle(), new Promise((r) => setTimeout(r, STOP_WAIT_MS).unref())]);
  }
}
