import { expect, it } from 'vitest';
import { describeEachDialect } from './test-databases.js';
import { hitRateLimit } from './rate-limit.repository.js';
import { writeBatcherOf } from './write-batcher.js';

describeEachDialect('rate-limit counters and batched writes', (getDb) => {
  it('counts hits in a window and starts again in the next one', async () => {
    const db = getDb().kysely;
    expect(await hitRateLimit(db, 'k', '2026-01-01T00:00:00.000Z')).toBe(1);
    expect(await hitRateLimit(db, 'k', '2026-01-01T00:00:00.000Z')).toBe(2);
    expect(await hitRateLimit(db, 'other', '2026-01-01T00:00:00.000Z')).toBe(1);
    expect(await hitRateLimit(db, 'k', '2026-01-01T00:01:00.000Z')).toBe(1);
  });

  it('commits queued writes together, each answered with its own result or error', async () => {
    const batcher = writeBatcherOf(getDb());
    const results = await Promise.allSettled(
      Array.from({ length: 40 }, (_, i) =>
        batcher.run(async (trx) => {
          if (i === 7) throw new Error('refused on purpose');
          return hitRateLimit(trx, 'batched', '2026-02-01T00:00:00.000Z');
        }),
      ),
    );
    expect(results.filter((r) => r.status === 'rejected')).toHaveLength(1);
    const counts = results
      .flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []))
      .sort((a, b) => a - b);
    expect(counts).toEqual(Array.from({ length: 39 }, (_, i) => i + 1));
    // a failed write is undone alone: the others are all stored
    expect(await hitRateLimit(getDb().kysely, 'batched', '2026-02-01T00:00:00.000Z')).toBe(40);
  });

  it('runs one-statement writes without a savepoint: a failed one is undone alone', async () => {
    const db = getDb();
    const batcher = writeBatcherOf(db);
    const window = '2026-03-01T00:00:00.000Z';
    const results = await Promise.allSettled(
      Array.from({ length: 30 }, (_, i) =>
        batcher.run(
          (trx) =>
            i % 10 === 3
              ? // a statement that fails: the key is taken by then (the first write made it)
                trx
                  .insertInto('rate_limit')
                  .values({ key: 'alone', window_start: window, count: 100 })
                  .execute()
                  .then(() => -1)
              : hitRateLimit(trx, 'alone', window),
          { oneStatement: true },
        ),
      ),
    );
    expect(results.filter((r) => r.status === 'rejected')).toHaveLength(3);
    const counts = results
      .flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []))
      .sort((a, b) => a - b);
    expect(counts).toEqual(Array.from({ length: 27 }, (_, i) => i + 1));
    // the others are committed, alongside a savepointed write of the same batch
    const [mixed, alone] = await Promise.all([
      batcher.run(async (trx) => hitRateLimit(trx, 'alone', window)),
      batcher.run((trx) => hitRateLimit(trx, 'alone', window), { oneStatement: true }),
    ]);
    expect([mixed, alone].sort()).toEqual([28, 29]);
    expect(await hitRateLimit(db.kysely, 'alone', window)).toBe(30);
  });

  it('answers a beforeCommit write once it ran, while its batch is still open (SQLite)', async () => {
    const db = getDb();
    const batcher = writeBatcherOf(db);
    const window = '2026-04-01T00:00:00.000Z';
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const order: string[] = [];
    const counted = batcher
      .run((trx) => hitRateLimit(trx, 'early', window), { oneStatement: true, beforeCommit: true })
      .then((n) => {
        order.push(`counted ${n}`);
        return n;
      });
    // the next write of the same batch holds it open until the gate opens
    const held = batcher
      .run(async (trx) => {
        await gate;
        return hitRateLimit(trx, 'early', window);
      })
      .then((n) => {
        order.push(`held ${n}`);
        return n;
      });
    await new Promise((r) => setTimeout(r, 50));
    // on SQLite the count is known before the batch commits; on PostgreSQL each runs alone anyway
    expect(order).toEqual(['counted 1']);
    open();
    expect(await Promise.all([counted, held])).toEqual([1, 2]);
    expect(order).toEqual(['counted 1', 'held 2']);
    expect(await hitRateLimit(db.kysely, 'early', window)).toBe(3);
  });

  it('commits a batch of counters alone without a disk flush, any other batch with one (SQLite)', async () => {
    const db = getDb();
    if (!db.sqlite) return; // PostgreSQL: each write is its own transaction, flushed by the server
    const sqlite = db.sqlite;
    const window = '2026-05-01T00:00:00.000Z';
    const batcher = writeBatcherOf(db);
    const seen: number[] = [];
    const syncNow = () => sqlite.pragma('synchronous', { simple: true }) as number;
    const counter = () =>
      batcher.run(
        async (trx) => {
          seen.push(syncNow());
          return hitRateLimit(trx, 'flush', window);
        },
        { oneStatement: true, beforeCommit: true },
      );
    // counters alone: NORMAL (1) while they run, FULL (2) again afterwards
    await Promise.all([counter(), counter()]);
    expect(seen).toEqual([1, 1]);
    // (the counters were answered before their commit: wait for it)
    await new Promise((r) => setTimeout(r, 20));
    expect(syncNow()).toBe(2);
    // with an answer in the batch: FULL throughout
    seen.length = 0;
    await Promise.all([counter(), batcher.run((trx) => hitRateLimit(trx, 'flush', window))]);
    expect(seen).toEqual([2]);
    expect(syncNow()).toBe(2);
    expect(await hitRateLimit(db.kysely, 'flush', window)).toBe(5);
  });
});
