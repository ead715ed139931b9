import { hitRateLimit } from '../db/rate-limit.repository.js';
import { writeBatcherOf } from '../db/write-batcher.js';
import type { ServiceContext } from './context.js';

/** Counts a request against `key` in a fixed window; returns the count and the ms left in the window. */
export async function countRequest(
  ctx: ServiceContext,
  key: string,
  windowMs: number,
): Promise<{ current: number; ttl: number }> {
  const now = ctx.clock.now().getTime();
  const start = Math.floor(now / windowMs) * windowMs;
  const windowStart = new Date(start).toISOString();
  // one upsert: no savepoint of its own in the batch; the count is read as soon as it ran (a
  // request does not wait for a disk flush to be counted; a counter lost with a failed batch
  // or a power cut only lets a client a few more requests)
  const current = await writeBatcherOf(ctx.db).run((trx) => hitRateLimit(trx, key, windowStart), {
    oneStatement: true,
    beforeCommit: true,
  });
  return { current, ttl: start + windowMs - now };
}
