import { bangkokDay } from '../../../core/thai-calendar.js';
import type { ServiceContext } from '../../../platform/services/context.js';
import { reshuffleResponsesOfDays } from '../db/survey.repository.js';
import { sweepArrivals } from '../db/survey-guard.repository.js';
import { sweepBefore } from '../core/ballot-guard.js';

/**
 * How often `prongsai serve` rewrites recent responses in random order (PostgreSQL) and deletes
 * ended arrival windows that were not bursts (both engines).
 */
export const RESHUFFLE_EVERY_MS = 60 * 60 * 1000;

/**
 * Rewrites the responses of today and yesterday (Thailand's days) in random order, so that on
 * PostgreSQL the stored order of answers says nothing about when each came. Older days were
 * rewritten when they were recent. Before that, deletes the ended arrival windows of every link
 * that were not bursts (a link deletes its own when its next window starts; this catches links
 * that went quiet). Returns the number of responses rewritten (0 on SQLite).
 */
export async function reshuffleRecentResponses(ctx: ServiceContext): Promise<number> {
  const now = ctx.clock.now();
  await sweepArrivals(ctx.db.kysely, sweepBefore(now));
  const yesterday = bangkokDay(new Date(now.getTime() - 24 * 60 * 60 * 1000));
  return reshuffleResponsesOfDays(ctx.db.kysely, [yesterday, bangkokDay(now)]);
}
