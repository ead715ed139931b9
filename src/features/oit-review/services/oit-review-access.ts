import type { Kysely } from 'kysely';
import { isAllowed } from '../../../core/access/roles.js';
import { DomainError } from '../../../core/errors.js';
import { canAssignAssessors, canReview, type AssessorRole } from '../core/review-policy.js';
import {
  listAssignments,
  listDecisions,
  type OitDecisionRow,
} from '../db/oit-review.repository.js';
import { findRound, type Round } from '../../rounds/feature.js';
import type { Database } from '../../../platform/db/schema.js';
import type { Actor } from '../../../platform/services/context.js';

/** Not found: said the same way for a missing round and for one out of reach. */
export function reviewNotFound(): DomainError {
  return new DomainError('not_found', { th: 'ไม่พบรอบการประเมิน', en: 'Round not found' });
}

/** A round the actor may see, with the actor's assessor role on it (null when not assigned). */
export async function loadVisibleRound(
  db: Kysely<Database>,
  actor: Actor,
  roundId: string,
): Promise<{ round: Round; role: AssessorRole | null }> {
  const round = await findRound(db, roundId);
  if (!round || !isAllowed(actor.grants, 'round.view', round.agencyPath)) throw reviewNotFound();
  const mine = (await listAssignments(db, { roundId })).find((a) => a.userId === actor.user.id);
  return { round, role: mine?.role ?? null };
}

/** A round the actor reviews (assigned) or oversees (may assign); otherwise not found. */
export async function loadReviewRound(
  db: Kysely<Database>,
  actor: Actor,
  roundId: string,
): Promise<{ round: Round; role: AssessorRole | null }> {
  const found = await loadVisibleRound(db, actor, roundId);
  const { round, role } = found;
  if (!canReview(actor.grants, round.agencyPath, role)) {
    if (!canAssignAssessors(actor.grants, round.agencyPath)) throw reviewNotFound();
  }
  return found;
}

/** The latest decision per item among those made by the given assessors. */
export function latestByItem(
  decisions: readonly OitDecisionRow[],
  assessorIds: ReadonlySet<string>,
): Map<string, OitDecisionRow> {
  const latest = new Map<string, OitDecisionRow>();
  for (const d of decisions) if (assessorIds.has(d.assessorUserId)) latest.set(d.itemCode, d);
  return latest;
}

/** The primary assessor's latest decision per item: what scoring and clarification go by. */
export async function latestPrimaryDecisions(
  db: Kysely<Database>,
  roundId: string,
): Promise<Map<string, OitDecisionRow>> {
  const primary = (await listAssignments(db, { roundId })).filter((a) => a.role === 'primary');
  return latestByItem(await listDecisions(db, roundId), new Set(primary.map((a) => a.userId)));
}
