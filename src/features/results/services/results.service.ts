import type { Message } from '../../../core/errors.js';
import { DomainError } from '../../../core/errors.js';
import type { CompiledEdition } from '../../../core/framework/compile-edition.js';
import type { Text } from '../../../core/framework/edition.schema.js';
import {
  discloseResult,
  discloseWhatIf,
  disclosureRuleOf,
  type DisclosedNode,
  type DisclosedResult,
  type DisclosedWeaknessReport,
} from '../../../core/disclosure/disclosure.js';
import { explainLevel, type LevelExplanation } from '../../../core/analysis/next-level.js';
import { answerLabels, type AnswerLabels } from '../../../core/analysis/answer-labels.js';
import { findRatingScheme } from '../../../core/framework/compile-edition.js';
import {
  parseWhatIfChange,
  simulateWhatIf,
  type WhatIfChange,
} from '../../../core/analysis/what-if.js';
import type {
  EvaluateOptions,
  LevelResult,
  ScoreNode,
  ScoreResult,
} from '../../../core/scoring/evaluate-scores.js';
import type { LeafScores } from '../../../core/scoring/score-leaves.js';
import type { Round } from '../../rounds/feature.js';
import type { Actor, ServiceContext } from '../../../platform/services/context.js';
import { loadVisibleRound } from '../../oit-review/feature.js';
import { leavesFromTree, roundScores } from '../../measures/feature.js';

export { leavesFromTree, weakPointsOf } from '../../measures/feature.js';

/**
 * A node of the explanation tree as shown: anything resting on fewer people than the edition's
 * minimum group size is withheld (core/disclosure).
 */
export type ResultNode = DisclosedNode;

/** The simulated scores of a what-if, next to the actual ones (withheld parts withheld). */
export interface WhatIfView {
  changes: WhatIfChange[];
  total: number | null;
  level: LevelResult | null;
  instruments: {
    code: string;
    shown: number | null;
    component: number | null;
    withheld: boolean;
  }[];
  /** Null when either total is withheld (or incomplete). */
  totalDelta: number | null;
  /** Null when either level is withheld. */
  levelChanged: boolean | null;
  /** The simulated total and level are withheld: they would rest on too few respondents. */
  withheld: boolean;
  /** Why the simulated result has its level and what the next one asks (rules only if withheld). */
  levelExplanation: LevelExplanation;
}

/** A round's results: numbers, explanation, weak points and an optional what-if. */
export interface RoundResults {
  round: Round;
  /** `snapshot`: the stored result of a confirmed/published round; `live`: scored now. */
  source: 'snapshot' | 'live';
  engineVersion: string;
  result: DisclosedResult;
  weaknesses: DisclosedWeaknessReport;
  /** OIT items that did not pass: each can be ticked "pass" in the what-if. */
  failedOitItems: { code: string; name: Text; shown: number | null }[];
  /** Indicators whose score the what-if can set (withheld ones show no score). */
  indicators: {
    code: string;
    name: Text;
    instrumentCode: string;
    shown: number | null;
    withheld: boolean;
  }[];
  whatIf: WhatIfView | null;
  whatIfError: Message | null;
  /** Why the result has its level, what holds it back and the gap to the next level. */
  levelExplanation: LevelExplanation;
  /** The label of each answer option of every survey line ("Y" → มี), for tallies in words. */
  answerLabels: AnswerLabels;
}

/**
 * The level of a shown result explained under its scheme (the edition's default when it has
 * no level): a withheld total explains nothing but the rules.
 */
export function explainShownLevel(
  compiled: CompiledEdition,
  shown: {
    total: number | null;
    level: LevelResult | null;
    instruments: readonly { code: string; name: Text; shown: number | null }[];
  },
  withheld: boolean,
): LevelExplanation {
  const scheme = findRatingScheme(compiled.edition, shown.level?.scheme);
  return explainLevel(scheme, {
    total: withheld ? null : shown.total,
    levelCode: withheld ? null : (shown.level?.code ?? null),
    instruments: shown.instruments,
  });
}

/**
 * A result as it may be shown, under the minimum group size of its round's edition: the one way
 * the results feature turns a live score or a stored snapshot into anything it outputs.
 * `heldBack`: instruments whose answers are counted but none may be scored yet (live scores).
 */
export function discloseRoundResult(
  compiled: CompiledEdition,
  result: ScoreResult,
  heldBack?: ReadonlySet<string>,
): DisclosedResult {
  return discloseResult(result, disclosureRuleOf(compiled.edition), heldBack ? { heldBack } : {});
}

function nodesOf<T extends { type: ScoreNode['type']; children: T[] }>(
  node: T,
  type: ScoreNode['type'],
  out: T[] = [],
): T[] {
  if (node.type === type) out.push(node);
  for (const child of node.children) nodesOf(child, type, out);
  return out;
}

/** Reads what-if changes from a query: `pass` (OIT codes), `i.CODE` (indicator score), `change`. */
export function whatIfChangesFromQuery(query: Record<string, unknown>): WhatIfChange[] {
  const list = (value: unknown): string[] =>
    (Array.isArray(value) ? value : value === undefined ? [] : [value]).filter(
      (v): v is string => typeof v === 'string' && v.trim() !== '',
    );
  const changes: WhatIfChange[] = [];
  for (const code of list(query.pass)) changes.push({ code: code.trim(), pass: true });
  for (const [key, value] of Object.entries(query)) {
    if (!key.startsWith('i.')) continue;
    for (const text of list(value))
      changes.push(parseWhatIfChange(`${key.slice(2)}=${text.trim()}`));
  }
  for (const text of list(query.change)) changes.push(parseWhatIfChange(text));
  return changes;
}

function simulate(
  compiled: CompiledEdition,
  leaves: LeafScores,
  changes: WhatIfChange[],
  options: Omit<EvaluateOptions, 'overrides'>,
): WhatIfView {
  const sim = simulateWhatIf(compiled, leaves, changes, options);
  const shown = discloseWhatIf(sim, changes, disclosureRuleOf(compiled.edition));
  const withheld = shown.after.withheld !== null;
  return {
    changes,
    total: shown.after.total,
    level: shown.after.level,
    instruments: shown.after.instruments.map((i) => ({
      code: i.code,
      shown: i.shown,
      component: i.component,
      withheld: i.withheld,
    })),
    totalDelta: shown.totalDelta,
    levelChanged: shown.levelChanged,
    withheld,
    levelExplanation: explainShownLevel(compiled, shown.after, withheld),
  };
}

/**
 * A round's results for someone who may see the round: the round's one set of numbers
 * (`roundScores`: the stored snapshot when there is one, otherwise scored now from the answers
 * the disclosure module releases and the primary assessor's decisions), the same the measures'
 * suggestions read. Everything shown passes through core/disclosure: figures resting on too
 * few respondents are withheld, weak points and the what-if with them.
 */
export async function getRoundResults(
  ctx: ServiceContext,
  actor: Actor,
  roundId: string,
  query: { changes?: string[]; raw?: Record<string, unknown> } = {},
): Promise<RoundResults> {
  const { round } = await loadVisibleRound(ctx.db.kysely, actor, roundId);
  const scores = await roundScores(ctx, round);
  const { compiled, result, shown } = scores;
  const leaves = leavesFromTree(result.tree);
  const options = result.level ? { ratingScheme: result.level.scheme } : {};
  let whatIf: WhatIfView | null = null;
  let whatIfError: Message | null = null;
  try {
    const changes = [
      ...(query.raw ? whatIfChangesFromQuery(query.raw) : []),
      ...(query.changes ?? []).map(parseWhatIfChange),
    ];
    if (changes.length > 0) whatIf = simulate(compiled, leaves, changes, options);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    whatIfError = error.messages;
  }
  return {
    round,
    source: scores.source,
    engineVersion: scores.engineVersion,
    result: shown,
    weaknesses: scores.weaknesses,
    failedOitItems: nodesOf(shown.tree, 'oit_item')
      .filter((n) => (n.score ?? 0) < 100)
      .map((n) => ({ code: n.code, name: n.name, shown: n.shown })),
    indicators: nodesOf(shown.tree, 'indicator').map((n) => ({
      code: n.code,
      name: n.name,
      instrumentCode: compiled.nodes.get(n.code)?.instrumentCode ?? '',
      shown: n.shown,
      withheld: n.withheld,
    })),
    whatIf,
    whatIfError,
    levelExplanation: explainShownLevel(compiled, shown, shown.withheld !== null),
    answerLabels: answerLabels(compiled.edition),
  };
}
