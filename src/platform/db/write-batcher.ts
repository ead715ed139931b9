import { sql, type Kysely } from 'kysely';
import type { Db } from './database.js';
import type { Database } from './schema.js';

/** A unit of work that runs inside a shared transaction, behind its own savepoint. */
export type BatchedWork<T> = (trx: Kysely<Database>) => Promise<T>;

interface Pending {
  work: BatchedWork<unknown>;
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
  run<T>(work: BatchedWork<T>): Promise<T> {
    if (this.db.dialect !== 'sqlite') return this.db.kysely.transaction().execute(work);
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
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
          await sql`begin immediate`.execute(conn);
          try {
            const results = [];
            for (const item of batch) results.push(await runBehindSavepoint(conn, item.work));
            await sql`commit`.execute(conn);
            return results;
          } catch (error) {
            await sql`rollback`.execute(conn);
            throw error;
          }
        });
        outcomes.forEach((outcome, i) =>
          outcome.ok ? batch[i]?.resolve(outcome.value) : batch[i]?.reject(outcome.error),
        );
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
}

async function runBehindSavepoint(
  conn: Kysely<Database>,
  work: BatchedWork<unknown>,
): Promise<{ ok: true; value: unknown } | { ok: false; error: unknown }> {
  await sql`savepoint batched_write`.execute(conn);
  try {
    const value = await work(conn);
    await sql`release savepoint batched_write`.execute(conn);
    return { ok: true, value };
  } catch (error) {
    if (isBusy(error)) throw error;
    await sql`rollback to savepoint batched_write`.execute(conn);
    await sql`release savepoint batched_write`.execute(conn);
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
