import type { RoundFactsCounter } from '../../kit.js';
import { mayOpen, roundSteps, type RoundStep, type WorkTarget } from '../core/round-progress.js';
import type { Round } from '../db/round.repository.js';
import type { Actor, ServiceContext } from '../../../platform/services/context.js';
import { getVisibleRound } from './round.service.js';

/** Every page a round's step list and its page may lead to. */
const TARGETS: readonly WorkTarget[] = [
  'surveys',
  'oit',
  'review',
  'clarify',
  'results',
  'reports',
  'measures',
  'calendar',
  'voice',
];

/** Where a round stands for one person: its step list and the pages that person may open. */
export interface RoundProgress {
  round: Round;
  steps: RoundStep[];
  /** The pages of the round this person may open (the others are not linked). */
  opens: ReadonlySet<WorkTarget>;
}

/**
 * A round the actor may see with its step list: the stage it stands at, what is left there
 * (counted by the features that hold it: `count` comes from the app's registry) and the pages
 * the actor may open, decided by the same checks as those pages' routes.
 */
export async function getRoundProgress(
  ctx: ServiceContext,
  actor: Actor,
  roundId: string,
  count: RoundFactsCounter,
): Promise<RoundProgress> {
  const round = await getVisibleRound(ctx, actor, roundId);
  const facts = await count(ctx, round);
  const viewer = { userId: actor.user.id, grants: actor.grants };
  const opens = new Set(TARGETS.filter((t) => mayOpen(t, viewer, round, facts.assessors)));
  return { round, steps: roundSteps(round.state, facts), opens };
}
