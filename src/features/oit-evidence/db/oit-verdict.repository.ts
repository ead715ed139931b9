import type { Kysely } from 'kysely';
import type { AgencyVerdict } from '../core/evidence-progress.js';
import type { Database } from '../../../platform/db/schema.js';

/**
 * The primary assessor's latest decision on each item of a round (what scoring and
 * clarification go by), read for the agency's own pages. The caller decides whether the
 * round's stage lets the agency see them (core/evidence-progress).
 */
export async function listPrimaryVerdicts(
  db: Kysely<Database>,
  roundId: string,
): Promise<Map<string, AgencyVerdict>> {
  const rows = await db
    .selectFrom('oit_decision as d')
    .innerJoin('oit_assignment as a', (join) =>
      join
        .onRef('a.round_id', '=', 'd.round_id')
        .onRef('a.assessor_user_id', '=', 'd.assessor_user_id'),
    )
    .select(['d.item_code', 'd.score', 'd.reason', 'd.advice', 'd.stage', 'd.decided_at'])
    .where('d.round_id', '=', roundId)
    .where('a.role', '=', 'primary')
    .orderBy('d.decided_at')
    .orderBy('d.stage', 'desc')
    .execute();
  const latest = new Map<string, AgencyVerdict>();
  for (const r of rows)
    latest.set(r.item_code, {
      score: Number(r.score),
      reason: r.reason,
      advice: r.advice,
      stage: r.stage === 'final' ? 'final' : 'initial',
      decidedAt: r.decided_at,
    });
  return latest;
}
