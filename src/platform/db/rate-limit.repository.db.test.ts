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
});
