import { isAllowed } from '../../../core/access/roles.js';
import type { Actor, ServiceContext } from '../../../platform/services/context.js';
import { listRounds, type Round } from '../db/round.repository.js';
import { isRoundClosed } from '../core/round-state.js';

/**
 * The rounds of the agencies where the actor holds a role (and their units for roles that reach
 * them): whose milestones and reminders concern the person. `runningOnly` leaves out published
 * and withdrawn rounds (their milestones are history, but their measures are this year's work).
 */
export async function listActorRounds(
  ctx: ServiceContext,
  actor: Actor,
  runningOnly: boolean,
): Promise<Round[]> {
  const paths = [
    ...new Set(actor.grants.map((g) => g.agencyPath).filter((p): p is string => p !== null)),
  ];
  if (paths.length === 0) return [];
  const rounds = await listRounds(ctx.db.kysely, paths);
  return rounds.filter(
    (r) =>
      (!runningOnly || !isRoundClosed(r.state)) &&
      isAllowed(actor.grants, 'round.view', r.agencyPath),
  );
}
