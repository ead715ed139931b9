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
  // one upsert: no savepoint of its own in the batch
  const current = await writeBatcherOf(ctx.db).run((trx) => hitRateLimit(trx, key, windowStart), {
    oneStatement: true,
  });
  return { current, ttl: start + windowMs - now };
}
