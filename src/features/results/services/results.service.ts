import type { Message } from '../../../core/errors.js';
import { DomainError } from '../../../core/errors.js';
import type { CompiledEdition } from '../../../core/framework/compile-edition.js';
import type { Text } from '../../../core/framework/edition.schema.js';
import { analyseWeaknesses, type WeaknessReport } from '../../../core/analysis/weakness.js';
import {
  parseWhatIfChange,
  simulateWhatIf,
  type WhatIfChange,
} from '../../../core/analysis/what-if.js';
import type {
  EvaluateOptions,
  LevelResult,
  ScoreBasis,
  ScoreNode,
  ScoreResult,
} from '../../../core/scoring/evaluate-scores.js';
import type { LeafScores } from '../../../core/scoring/score-leaves.js';
import { MIN_GROUP_SIZE } from '../../surveys/feature.js';
import { findScoreSnapshot, type Round } from '../../rounds/feature.js';
import type { Actor, ServiceContext } from '../../../platform/services/context.js';
import { loadVisibleRound } from '../../oit-review/feature.js';
import { scoreRound } from '../../oit-review/feature.js';
import { loadRoundEdition } from '../../surveys/feature.js';

/** A node of the explanation tree as shown: question scores below the group size are withheld. */
export interface ResultNode extends Omit<ScoreNode, 'basis' | 'children'> {
  basis: ScoreBasis | { kind: 'withheld'; minimum: number };
  withheld: boolean;
  children: ResultNode[];
}

/** The simulated scores of a what-if, next to the actual ones. */
export interface WhatIfView {
  changes: WhatIfChange[];
  total: number | null;
  level: LevelResult | null;
  instruments: { code: string; shown: number | null; component: number | null }[];
  totalDelta: number | null;
  levelChanged: boolean;
}

/** A round's results: numbers, explanation, weak points and an optional what-if. */
export interface RoundResults {
  round: Round;
  /** `snapshot`: the stored result of a confirmed/published round; `live`: scored now. */
  source: 'snapshot' | 'live';
  engineVersion: string;
  result: Omit<ScoreResult, 'tree'> & { tree: ResultNode };
  weaknesses: WeaknessReport;
  /** OIT items that did not pass: each can be ticked "pass" in the what-if. */
  failedOitItems: { code: string; name: Text; shown: number | null }[];
  /** Indicators whose score the what-if can set. */
  indicators: { code: string; name: Text; instrumentCode: string; shown: number | null }[];
  whatIf: WhatIfView | null;
  whatIfError: Message | null;
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

/** Fewest answers among the survey lines under a node (null when it has none). */
function fewestAnswers(node: ScoreNode): number | null {
  if (node.children.length === 0) return node.basis.kind === 'answers' ? node.basis.answered : null;
  let fewest: number | null = null;
  for (const child of node.children) {
    const n = fewestAnswers(child);
    if (n !== null) fewest = fewest === null ? n : Math.min(fewest, n);
  }
  return fewest;
}

function withhold(node: ScoreNode): ResultNode {
  return {
    ...node,
    score: null,
    shown: null,
    lost: 0,
    basis: { kind: 'withheld', minimum: MIN_GROUP_SIZE },
    withheld: true,
    children: node.children.map(withhold),
  };
}

/** The tree with every survey question answered by fewer than MIN_GROUP_SIZE people withheld. */
export function protectTree(node: ScoreNode): ResultNode {
  if (node.type === 'question') {
    const fewest = fewestAnswers(node);
    if (fewest !== null && fewest < MIN_GROUP_SIZE) return withhold(node);
  }
  return { ...node, withheld: false, children: node.children.map(protectTree) };
}

function withheldCodes(node: ResultNode, out: Set<string>): Set<string> {
  if (node.withheld) out.add(node.code);
  for (const child of node.children) withheldCodes(child, out);
  return out;
}

function nodesOf(node: ScoreNode, type: ScoreNode['type'], out: ScoreNode[] = []): ScoreNode[] {
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
  return {
    changes,
    total: sim.after.total,
    level: sim.after.level,
    instruments: sim.after.instruments.map((i) => ({
      code: i.code,
      shown: i.shown,
      component: i.component,
    })),
    totalDelta: sim.totalDelta,
    levelChanged: sim.levelChanged,
  };
}

/** The stored result of a round, or null when it has none (or it cannot be read). */
async function storedResult(
  ctx: ServiceContext,
  roundId: string,
): Promise<{ result: ScoreResult; engineVersion: string } | null> {
  const snapshot = await findScoreSnapshot(ctx.db.kysely, roundId);
  if (!snapshot) return null;
  const result = JSON.parse(snapshot.resultJson) as ScoreResult;
  return { result, engineVersion: snapshot.engineVersion };
}

/**
 * A round's results for someone who may see the round: the stored snapshot when there is one,
 * otherwise scored now from the answers and the primary assessor's decisions. Weak points and the
 * what-if are computed from the leaves of that result, with the same rating scheme.
 */
export async function getRoundResults(
  ctx: ServiceContext,
  actor: Actor,
  roundId: string,
  query: { changes?: string[]; raw?: Record<string, unknown> } = {},
): Promise<RoundResults> {
  const { round } = await loadVisibleRound(ctx.db.kysely, actor, roundId);
  const compiled = await loadRoundEdition(ctx, round.editionId);
  const stored = await storedResult(ctx, round.id);
  const result = stored?.result ?? (await scoreRound(ctx, round));
  const leaves = leavesFromTree(result.tree);
  const options = result.level ? { ratingScheme: result.level.scheme } : {};
  const tree = protectTree(result.tree);
  const hidden = withheldCodes(tree, new Set());
  const report = analyseWeaknesses(compiled, leaves, { ...options, limit: 5 });
  const weaknesses = { ...report, questions: report.questions.filter((q) => !hidden.has(q.code)) };
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
    source: stored ? 'snapshot' : 'live',
    engineVersion: stored?.engineVersion ?? result.engineVersion,
    result: { ...result, tree },
    weaknesses,
    failedOitItems: nodesOf(result.tree, 'oit_item')
      .filter((n) => (n.score ?? 0) < 100)
      .map((n) => ({ code: n.code, name: n.name, shown: n.shown })),
    indicators: nodesOf(result.tree, 'indicator').map((n) => ({
      code: n.code,
      name: n.name,
      instrumentCode: compiled.nodes.get(n.code)?.instrumentCode ?? '',
      shown: n.shown,
    })),
    whatIf,
    whatIfError,
  };
}
