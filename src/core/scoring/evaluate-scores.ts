import type { CompiledEdition, CompiledNode, ScoreNodeType } from '../framework/compile-edition.js';
import { findRatingScheme } from '../framework/compile-edition.js';
import type { RatingLevel, RatingScheme, Text } from '../framework/edition.schema.js';
import type { LeafBasis, LeafScores } from './score-leaves.js';
import { roundScore } from './round-score.js';

/** Bumped whenever a change to the engine could change a published number. */
export const ENGINE_VERSION = '1.0.0';

/** How a node's score was obtained; screens and reports explain numbers from this. */
export type ScoreBasis =
  | LeafBasis
  | { kind: 'mean'; weighted: boolean; used: number; unscored: string[] }
  | { kind: 'override'; computed: number | null }
  | { kind: 'sum_of_components' };

/** One node of the explanation tree. */
export interface ScoreNode {
  type: ScoreNodeType;
  code: string;
  name: Text;
  /** Full-precision score 0–100 (for the total: points out of the edition's total). */
  score: number | null;
  /** The score rounded by the edition's rounding policy, as shown. */
  shown: number | null;
  /** Share of the parent's score (0–1), among the siblings that have a score. */
  share: number;
  /** Points of the total this node carries; `lost` = points × (100 − score) / 100. */
  points: number;
  lost: number;
  basis: ScoreBasis;
  children: ScoreNode[];
}

export interface InstrumentResult {
  code: string;
  name: Text;
  score: number | null;
  /** Rounded instrument score: the value checked by the rating scheme. */
  shown: number | null;
  /** Points of the total (IIT 30, EIT 30, OIT 40). */
  points: number;
  /** Rounded weighted component: the full-precision score × points / 100, rounded once (A2). */
  component: number | null;
}

export interface LevelResult {
  scheme: string;
  code: string;
  name: Text;
}

/** The scores of one agency from the question up to the total and the level. */
export interface ScoreResult {
  edition: { id: string; version: number };
  engineVersion: string;
  instruments: InstrumentResult[];
  /** Exact sum of the rounded components, or null while an instrument has no score. */
  total: number | null;
  level: LevelResult | null;
  complete: boolean;
  tree: ScoreNode;
}

export interface EvaluateOptions {
  /** Scores imposed on nodes by code (what-if); the node's own computation is kept in the basis. */
  overrides?: ReadonlyMap<string, number>;
  ratingScheme?: string;
}

/**
 * One node from its children: their scores' mean weighted by the shares among the children that
 * have a score. Plain loops (no intermediate arrays: this runs for every node of every agency
 * of a national bundle); the sums are taken in the children's order, as they always were.
 */
function evaluateNode(
  node: CompiledNode,
  leaves: LeafScores,
  compiled: CompiledEdition,
  overrides: ReadonlyMap<string, number> | undefined,
): ScoreNode {
  const rounding = compiled.edition.rounding;
  const nodes = node.children;
  const children: ScoreNode[] = [];
  for (const child of nodes) children.push(evaluateNode(child, leaves, compiled, overrides));
  let score: number | null;
  let basis: ScoreBasis;
  if (children.length === 0) {
    const leaf = leaves.get(node.code);
    score = leaf?.score ?? null;
    basis = leaf?.basis ?? { kind: 'decision', decision: 'missing' };
  } else {
    let weighted = false;
    for (const child of nodes) if (child.weight !== undefined) weighted = true;
    // a child's raw share: its weight (or 1 when no child has one), 0 when it has no score
    const raw: number[] = [];
    let sum = 0;
    for (let i = 0; i < children.length; i += 1) {
      const r = children[i]!.score !== null ? (weighted ? (nodes[i]!.weight ?? 0) : 1) : 0;
      raw.push(r);
      sum += r;
    }
    let used = 0;
    let total = 0;
    const unscored: string[] = [];
    for (let i = 0; i < children.length; i += 1) {
      const child = children[i]!;
      child.share = sum > 0 ? raw[i]! / sum : 0;
      total += child.share * (child.score ?? 0);
      if (child.score !== null) used += 1;
      else unscored.push(child.code);
    }
    score = used > 0 ? total : null;
    basis = { kind: 'mean', weighted, used, unscored };
  }
  const override = overrides?.get(node.code);
  if (override !== undefined) {
    basis = { kind: 'override', computed: score };
    score = override;
  }
  const shown = score === null ? null : roundScore(score, rounding);
  return {
    type: node.type,
    code: node.code,
    name: node.name,
    score,
    shown,
    share: 1,
    points: 0,
    lost: 0,
    basis,
    children,
  };
}

function assignPoints(node: ScoreNode, points: number): void {
  node.points = points;
  node.lost = node.score === null ? 0 : (points * (100 - node.score)) / 100;
  for (const child of node.children) assignPoints(child, points * child.share);
}

/** Returns the first level of the scheme whose conditions hold for the rounded scores. */
export function rateScores(
  scheme: RatingScheme,
  instrumentScores: readonly number[],
  total: number,
): RatingLevel | null {
  return (
    scheme.levels.find(
      (level) =>
        total >= (level.min_total ?? Number.NEGATIVE_INFINITY) &&
        instrumentScores.every((s) => s >= (level.min_each_instrument ?? Number.NEGATIVE_INFINITY)),
    ) ?? null
  );
}

/**
 * Aggregates leaf scores up the edition's tree (weighted means, ita-rules A5–A6), weighs the
 * instruments, adds the rounded components (A2) and rates the result (A3).
 */
export function evaluateScores(
  compiled: CompiledEdition,
  leaves: LeafScores,
  options: EvaluateOptions = {},
): ScoreResult {
  const { edition } = compiled;
  const rounding = edition.rounding;
  const instrumentNodes = compiled.root.children.map((n) =>
    evaluateNode(n, leaves, compiled, options.overrides),
  );
  const instruments = instrumentNodes.map((node): InstrumentResult => {
    const points = compiled.instrumentPoints.get(node.code) ?? 0;
    const component =
      node.score === null ? null : roundScore((node.score * points) / 100, rounding);
    return {
      code: node.code,
      name: node.name,
      score: node.score,
      shown: node.shown,
      points,
      component,
    };
  });
  const complete = instruments.every((i) => i.component !== null);
  const total = complete
    ? roundScore(
        instruments.reduce((s, i) => s + (i.component ?? 0), 0),
        rounding,
      )
    : null;
  const scheme = findRatingScheme(edition, options.ratingScheme);
  const level =
    total === null
      ? null
      : rateScores(
          scheme,
          instruments.map((i) => i.shown ?? 0),
          total,
        );
  const tree: ScoreNode = {
    type: 'total',
    code: 'total',
    name: compiled.root.name,
    score: total,
    shown: total,
    share: 1,
    points: edition.total_points,
    lost: total === null ? 0 : edition.total_points - total,
    basis: { kind: 'sum_of_components' },
    children: instrumentNodes,
  };
  for (const node of instrumentNodes) {
    const points = compiled.instrumentPoints.get(node.code) ?? 0;
    node.share = points / edition.total_points;
    assignPoints(node, points);
  }
  return {
    edition: { id: edition.id, version: edition.version },
    engineVersion: ENGINE_VERSION,
    instruments,
    total,
    level: level && { scheme: scheme.code, code: level.code, name: level.name },
    complete,
    tree,
  };
}
