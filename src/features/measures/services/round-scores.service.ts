import type { CompiledEdition } from '../../../core/framework/compile-edition.js';
import {
  discloseResult,
  discloseWeaknesses,
  disclosureRuleOf,
  type DisclosedResult,
  type DisclosedWeaknessReport,
} from '../../../core/disclosure/disclosure.js';
import type { ScoreNode, ScoreResult } from '../../../core/scoring/evaluate-scores.js';
import type { LeafScores } from '../../../core/scoring/score-leaves.js';
import { findScoreSnapshot, type Round } from '../../rounds/feature.js';
import type { ServiceContext } from '../../../platform/services/context.js';
import { scoreRound } from '../../oit-review/feature.js';
import { loadRoundEdition, releaseOfRound } from '../../surveys/feature.js';

/**
 * The one set of numbers of a round that every page reads: the results page, its reports and
 * the measures' suggestions. It lives here because the results feature already reaches the
 * measures (its reports print them) and a feature may not be reached both ways.
 */
export interface RoundScores {
  compiled: CompiledEdition;
  /** `snapshot`: stored when the round was confirmed; `live`: scored now, not final. */
  source: 'snapshot' | 'live';
  engineVersion: string;
  result: ScoreResult;
  /** The result as it may be shown (core/disclosure). */
  shown: DisclosedResult;
  /** Its weak points from core/analysis, as they may be shown. */
  weaknesses: DisclosedWeaknessReport;
}

/** The leaf scores of a result, read back from its explanation tree (stored snapshots too). */
export function leavesFromTree(tree: ScoreNode): LeafScores {
  const leaves: LeafScores = new Map();
  const visit = (node: ScoreNode): void => {
    if (node.children.length === 0 && node.type !== 'total') {
      const basis = node.basis;
      if (basis.kind === 'answers' || basis.kind === 'decision')
        leaves.set(node.code, { score: node.score, basis });
      else
        leaves.set(node.code, {
          score: node.score,
          basis: { kind: 'decision', decision: 'missing' },
        });
    }
    node.children.forEach(visit);
  };
  visit(tree);
  return leaves;
}

/**
 * The weak points of a result as they may be shown (withheld parts left out before ranking).
 * `pending`: a live result, whose OIT items not yet decided are not weak points.
 */
export function weakPointsOf(
  compiled: CompiledEdition,
  result: ScoreResult,
  shown: DisclosedResult,
  options: { limit?: number; pending?: boolean } = {},
): DisclosedWeaknessReport {
  const scheme = result.level ? { ratingScheme: result.level.scheme } : {};
  return discloseWeaknesses(compiled, leavesFromTree(result.tree), shown, {
    ...scheme,
    limit: options.limit ?? 5,
    pending: options.pending ?? false,
  });
}

/** Survey instruments of a round whose answers are all held back from live scores for now. */
async function heldBackInstruments(
  ctx: ServiceContext,
  compiled: CompiledEdition,
  round: Round,
): Promise<Set<string>> {
  const held = new Set<string>();
  for (const [code, release] of await releaseOfRound(ctx, compiled, round))
    if (!release.final && release.through === null && release.waiting > 0) held.add(code);
  return held;
}

/**
 * A round's scores: the snapshot stored at confirmation when there is one, otherwise scored now
 * from the answers the disclosure module releases and the primary assessor's decisions; shown
 * through core/disclosure, with the weak points of that same result (`limit` of each kind).
 */
export async function roundScores(
  ctx: ServiceContext,
  round: Round,
  options: { limit?: number } = {},
): Promise<RoundScores> {
  const compiled = await loadRoundEdition(ctx, round.editionId);
  const snapshot = await findScoreSnapshot(ctx.db.kysely, round.id);
  const result = snapshot
    ? (JSON.parse(snapshot.resultJson) as ScoreResult)
    : await scoreRound(ctx, round);
  const heldBack = snapshot ? undefined : await heldBackInstruments(ctx, compiled, round);
  const shown = discloseResult(
    result,
    disclosureRuleOf(compiled.edition),
    heldBack ? { heldBack } : {},
  );
  return {
    compiled,
    source: snapshot ? 'snapshot' : 'live',
    engineVersion: snapshot?.engineVersion ?? result.engineVersion,
    result,
    shown,
    weaknesses: weakPointsOf(compiled, result, shown, {
      ...(options.limit === undefined ? {} : { limit: options.limit }),
      pending: !snapshot,
    }),
  };
}
