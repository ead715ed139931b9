import type { Kysely } from 'kysely';
import type { Db } from './database.js';
import type { Database } from './schema.js';
import { FixedQuery, holdConnection } from './fixed-query.js';

/** A unit of work that runs inside a shared transaction, behind its own savepoint. */
export type BatchedWork<T> = (trx: Kysely<Database>) => Promise<T>;

/** How a unit of work is run in its batch. */
export interface BatchedOptions {
  /**
   * The work is a single statement: atomic by itself, so it runs without a savepoint of its own
   * (two statements fewer). If it fails, the statement alone is undone and the batch goes on, as
   * behind a savepoint; an error that ended the whole transaction fails the batch.
   */
  oneStatement?: boolean;
  /**
   * The caller is answered as soon as the work has run, before its batch commits: for writes
   * whose loss with a failed batch (or a power cut) harms nobody, such as rate-limit counters,
   * so a request does not wait for a disk flush before its handler even starts.
   */
  beforeCommit?: boolean;
}

interface Pending {
  work: BatchedWork<unknown>;
  oneStatement: boolean;
  beforeCommit: boolean;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

const RETRIES = 8;

function isBusy(error: unknown): boolean {
  const code = (error as { code?: string } | null)?.code ?? '';
  return code.startsWith('SQLITE_BUSY') || code === '40001';
}

/**
 * Group commit for small, frequent writes (survey answers, rate-limit counters). On SQLite every
 * commit waits for the disk (synchronous=FULL); under load, the writes queued while one batch
 * commits are run together in the next transaction, each behind its own savepoint (one failing
 * write does not undo the others), and every caller is answered only after the commit — so an
 * acknowledged write is as durable as before, at one disk flush per batch instead of per write.
 * On PostgreSQL each write runs in its own transaction (the server groups commits itself).
 */
export class WriteBatcher {
  private queue: Pending[] = [];
  private running = false;

  constructor(private readonly db: Db) {}

  /** Runs `work` in the next batch and resolves with its result once that batch is committed. */
  run<T>(work: BatchedWork<T>, options: BatchedOptions = {}): Promise<T> {
    if (this.db.dialect !== 'sqlite')
      // one statement is a transaction by itself: no BEGIN and COMMIT round trips around it
      return options.oneStatement === true
        ? work(this.db.kysely)
        : this.db.kysely.transaction().execute(work);
    return new Promise<T>((resolve, reject) => {
      this.queue.push({
        work,
        oneStatement: options.oneStatement === true,
        beforeCommit: options.beforeCommit === true,
        resolve: resolve as (value: unknown) => void,
        reject,
      });
      if (!this.running) {
        this.running = true;
        setImmediate(() => void this.drain());
      }
    });
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, 256);
      await this.commitBatch(batch);
    }
    this.running = false;
  }

  private async commitBatch(batch: Pending[]): Promise<void> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        const outcomes = await this.db.kysely.connection().execute(async (conn) => {
          // the connection is ours until the batch ends: fixed statements go straight to it
          if (this.db.sqlite) holdConnection(conn, this.db.sqlite);
          return this.withFlush(batch, () => this.runBatch(conn, batch));
        });
        outcomes.forEach((outcome, i) => {
          const item = batch[i];
          if (item) settle(item, outcome);
        });
        return;
      } catch (error) {
        if (attempt < RETRIES && isBusy(error)) {
          await new Promise((r) => setTimeout(r, 5 * attempt));
          continue;
        }
        for (const item of batch) item.reject(error);
        return;
      }
    }
  }

  /** One transaction: each work behind its savepoint (or alone), then the commit. */
  private async runBatch(conn: Kysely<Database>, batch: Pending[]): Promise<Outcome[]> {
    await run(conn, 'begin immediate');
    try {
      const results: Outcome[] = [];
      for (const item of batch) {
        const outcome = item.oneStatement
          ? await runAlone(conn, item.work, this.db)
          : await runBehindSavepoint(conn, item.work);
        // settled now; settling again after the commit (or a failure) changes nothing
        if (item.beforeCommit) settle(item, outcome);
        results.push(outcome);
      }
      await run(conn, 'commit');
      return results;
    } catch (error) {
      await run(conn, 'rollback');
      throw error;
    }
  }

  /**
   * A batch of nothing but beforeCommit writes (rate-limit counters) is committed without waiting
   * for the disk (synchronous=NORMAL: in WAL mode the commit is written but not flushed); the next
   * batch committed as usual flushes the log, and these with it. Nobody was promised them durable,
   * and the flush blocked the process (better-sqlite3 commits synchronously) for every visitor.
   */
  private async withFlush<T>(batch: Pending[], work: () => Promise<T>): Promise<T> {
    const sqlite = this.db.sqlite;
    if (!sqlite || !batch.every((item) => item.beforeCommit)) return work();
    const usual = sqlite.pragma('synchronous', { simple: true }) as number;
    sqlite.pragma('synchronous = NORMAL');
    try {
      return await work();
    } finally {
      sqlite.pragma(`synchronous = ${usual}`);
    }
  }
}

/** The batcher's own statements (fixed: no query building, see FixedQuery). */
const STATEMENTS = {
  'begin immediate': new FixedQuery('begin immediate'),
  commit: new FixedQuery('commit'),
  rollback: new FixedQuery('rollback'),
  'savepoint batched_write': new FixedQuery('savepoint batched_write'),
  'release savepoint batched_write': new FixedQuery('release savepoint batched_write'),
  'rollback to savepoint batched_write': new FixedQuery('rollback to savepoint batched_write'),
};

function run(conn: Kysely<Database>, text: keyof typeof STATEMENTS) {
  return STATEMENTS[text].run(conn, []);
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

function settle(item: Pending, outcome: Outcome): void {
  if (outcome.ok) item.resolve(outcome.value);
  else item.reject(outcome.error);
}

async function runBehindSavepoint(
  conn: Kysely<Database>,
  work: BatchedWork<unknown>,
): Promise<Outcome> {
  await run(conn, 'savepoint batched_write');
  try {
    const value = await work(conn);
    await run(conn, 'release savepoint batched_write');
    return { ok: true, value };
  } catch (error) {
    if (isBusy(error)) throw error;
    await run(conn, 'rollback to savepoint batched_write');
    await run(conn, 'release savepoint batched_write');
    return { ok: false, error };
  }
}

/**
 * Runs a one-statement work without a savepoint. A statement that fails is undone by SQLite on
 * its own and the transaction stays open; if the transaction ended (an I/O or full-disk
 * error), the batch fails as a whole.
 */
async function runAlone(
  conn: Kysely<Database>,
  work: BatchedWork<unknown>,
  db: Db,
): Promise<Outcome> {
  try {
    return { ok: true, value: await work(conn) };
  } catch (error) {
    if (isBusy(error) || db.sqlite?.inTransaction === false) throw error;
    return { ok: false, error };
  }
}

const batchers = new WeakMap<Db, WriteBatcher>();

/** The batcher of a database handle (one per handle, made on first use). */
export function writeBatcherOf(db: Db): WriteBatcher {
  let batcher = batchers.get(db);
  if (!batcher) {
    batcher = new WriteBatcher(db);
    batchers.set(db, batcher);
  }
  return batcher;
}
