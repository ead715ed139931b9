import type { Text } from '../framework/edition.schema.js';
import type { CompiledEdition } from '../framework/compile-edition.js';
import { analyseWeaknesses, type Weakness } from '../analysis/weakness.js';
import type { WhatIfChange, WhatIfResult } from '../analysis/what-if.js';
import type {
  EvaluateOptions,
  InstrumentResult,
  LevelResult,
  ScoreBasis,
  ScoreNode,
  ScoreResult,
} from '../scoring/evaluate-scores.js';
import type { LeafScores } from '../scoring/score-leaves.js';

/**
 * Disclosure control of survey scores (docs/scoring.md, "Disclosure control"): the one place that
 * decides which figures may be shown. Every output of survey scores — pages, API, workbooks, CSV,
 * JSON, reports, charts, what-if, weak points, roll-ups, public pages, open data and snapshots —
 * shows a result only after it has passed through `discloseResult` (or the functions below that
 * build on it). Pure: no I/O, no clock.
 *
 * The rule: a figure computed from the answers of fewer than `minimum` people is withheld, and so
 * is every figure computed from it. A survey line (a question without sub-items, or a sub-item)
 * rests on the people who answered it; a line answered by 1 to minimum − 1 people "taints" every
 * node above it — its question, indicator and instrument, the instrument's weighted points, the
 * total and the level — since a parent shown next to its other children gives the withheld child
 * back (parent − siblings). Siblings that rest on enough people stay shown. OIT figures (decisions,
 * not people) are never withheld.
 */

/** The minimum group size when an edition does not set one (`min_group_size`). */
export const DEFAULT_MIN_GROUP_SIZE = 5;

/** The minimum number of people a survey figure may be shown from. */
export interface DisclosureRule {
  minimum: number;
}

/** The rule of an edition: its `min_group_size`, 5 by default. */
export function disclosureRuleOf(edition: { min_group_size?: number | undefined }): DisclosureRule {
  return { minimum: edition.min_group_size ?? DEFAULT_MIN_GROUP_SIZE };
}

/** Whether a group of `people` is too small to show anything computed from it alone. */
export function tooFew(people: number, rule: DisclosureRule): boolean {
  return people < rule.minimum;
}

/** What a withheld value says, Thai first, in every format. */
export const WITHHELD_TEXT: Text = { th: 'ข้อมูลไม่พอ', en: 'not enough respondents' };
export const WITHHELD_LABEL = `${WITHHELD_TEXT.th} / ${WITHHELD_TEXT.en}`;

/** Why figures of a result are withheld (JSON answers carry it next to their nulls). */
export interface Withholding {
  reason: 'not_enough_respondents';
  /** "ข้อมูลไม่พอ / not enough respondents" */
  text: string;
  minimum: number;
  /** The instruments withheld; the total and the level are withheld with them. */
  instruments: string[];
}

/** A node of the explanation tree as it may be shown: withheld nodes carry no number. */
export interface DisclosedNode extends Omit<ScoreNode, 'basis' | 'children' | 'lost'> {
  /** Points of the total lost here; null when withheld (never 0: that would say "full marks"). */
  lost: number | null;
  basis: ScoreBasis | { kind: 'withheld'; minimum: number };
  withheld: boolean;
  children: DisclosedNode[];
}

/** An instrument as it may be shown: a withheld one has no score and no weighted points. */
export interface DisclosedInstrument extends InstrumentResult {
  withheld: boolean;
}

/** A score result as it may be shown. When anything is withheld, so are the total and level. */
export interface DisclosedResult extends Omit<ScoreResult, 'instruments' | 'tree'> {
  instruments: DisclosedInstrument[];
  tree: DisclosedNode;
  /** Null when nothing is withheld. */
  withheld: Withholding | null;
}

/** Codes whose scores are assumed (what-if): a figure computed from them hides nothing. */
type Assumed = ReadonlySet<string>;

interface Walk {
  rule: DisclosureRule;
  assumed: Assumed;
  /** Instruments (and so everything under them) withheld whatever their tree says. */
  heldBack: ReadonlySet<string>;
  memo: Map<ScoreNode, boolean>;
}

/** Whether a node rests, somewhere below it, on a line answered by too few people. */
function taintOf(node: ScoreNode, walk: Walk, forced = false): boolean {
  const { rule, assumed, memo } = walk;
  const known = memo.get(node);
  if (known !== undefined) return known;
  const held = forced || (node.type === 'instrument' && walk.heldBack.has(node.code));
  let tainted: boolean;
  if (node.children.length === 0) {
    const basis = node.basis;
    tainted = basis.kind === 'answers' && basis.answered > 0 && tooFew(basis.answered, rule);
  } else {
    // every child is visited (not `some`): the memo then holds the whole subtree
    const flags = node.children.map((child) => taintOf(child, walk, held));
    tainted = flags.includes(true);
  }
  // an assumed score replaces what was computed below it
  const result = (tainted || held) && !assumed.has(node.code);
  memo.set(node, result);
  return result;
}

function discloseNode(node: ScoreNode, walk: Walk): DisclosedNode {
  const { rule } = walk;
  // the root first, so that an instrument held back marks everything under it
  const withheld = taintOf(node, walk);
  const children = node.children.map((c) => discloseNode(c, walk));
  if (withheld) {
    return {
      ...node,
      score: null,
      shown: null,
      lost: null,
      basis: { kind: 'withheld', minimum: rule.minimum },
      withheld: true,
      children,
    };
  }
  let basis: DisclosedNode['basis'] = node.basis;
  // an assumed score keeps what was computed below it: hidden when that rests on too few
  if (basis.kind === 'override' && children.some((c) => c.withheld))
    basis = { kind: 'override', computed: null };
  return { ...node, basis, withheld: false, children };
}

/**
 * The result as it may be shown under the rule: every node resting on a line answered by
 * 1 to minimum − 1 people is withheld (no score, no lost points, no answer distribution), with
 * its instrument's weighted points, the total and the level. `assumed` (what-if): codes whose
 * score was set by hand, so that nothing below them counts. `heldBack` (live scores): survey
 * instruments whose answers are counted but none may be scored yet (live-release.ts): withheld
 * with everything under them, rather than shown as having no answers.
 */
export function discloseResult(
  result: ScoreResult,
  rule: DisclosureRule,
  options: { assumed?: Assumed; heldBack?: ReadonlySet<string> } = {},
): DisclosedResult {
  const walk: Walk = {
    rule,
    assumed: options.assumed ?? new Set<string>(),
    heldBack: options.heldBack ?? new Set<string>(),
    memo: new Map<ScoreNode, boolean>(),
  };
  const tree = discloseNode(result.tree, walk);
  const withheldCodes = new Set(tree.children.filter((n) => n.withheld).map((n) => n.code));
  const instruments = result.instruments.map((i): DisclosedInstrument =>
    withheldCodes.has(i.code)
      ? { ...i, score: null, shown: null, component: null, withheld: true }
      : { ...i, withheld: false },
  );
  if (!tree.withheld) return { ...result, instruments, tree, withheld: null };
  return {
    ...result,
    instruments,
    tree,
    total: null,
    level: null,
    withheld: {
      reason: 'not_enough_respondents',
      text: WITHHELD_LABEL,
      minimum: rule.minimum,
      instruments: [...withheldCodes],
    },
  };
}

/** Codes of the withheld nodes of a disclosed tree. */
export function withheldCodes(node: DisclosedNode, out = new Set<string>()): Set<string> {
  if (node.withheld) out.add(node.code);
  for (const child of node.children) withheldCodes(child, out);
  return out;
}

/** A weak point as it may be shown: what fixing it would bring is withheld with the total. */
export interface DisclosedWeakness extends Omit<Weakness, 'fixChangesLevel'> {
  /** Null when the total is withheld. */
  fixChangesLevel: boolean | null;
}

export interface DisclosedWeaknessReport {
  total: number | null;
  level: LevelResult | null;
  /** The total, the level and every "if fixed" figure are withheld. */
  withheld: boolean;
  indicators: DisclosedWeakness[];
  questions: DisclosedWeakness[];
  oitItems: DisclosedWeakness[];
  /** OIT items not decided yet (a live result only): not weak points, nothing to withhold. */
  unassessed: { code: string; name: Text }[];
}

/**
 * The weak points of a result as they may be shown: withheld nodes are left out before ranking
 * (their rank would tell their score), and when the total is withheld so are the total and
 * level each fix would bring and whether it changes the level.
 */
export function discloseWeaknesses(
  compiled: CompiledEdition,
  leaves: LeafScores,
  disclosed: DisclosedResult,
  options: Omit<EvaluateOptions, 'overrides'> & { limit?: number; pending?: boolean } = {},
): DisclosedWeaknessReport {
  const hidden = withheldCodes(disclosed.tree);
  const report = analyseWeaknesses(compiled, leaves, { ...options, skip: hidden });
  const withheld = disclosed.withheld !== null;
  const show = (list: Weakness[]): DisclosedWeakness[] =>
    list.map((w) =>
      withheld ? { ...w, totalIfFixed: null, levelIfFixed: null, fixChangesLevel: null } : w,
    );
  return {
    total: withheld ? null : report.total,
    level: withheld ? null : report.level,
    withheld,
    indicators: show(report.indicators),
    questions: show(report.questions),
    oitItems: show(report.oitItems),
    unassessed: report.unassessed,
  };
}

/** A what-if as it may be shown. */
export interface DisclosedWhatIf {
  after: DisclosedResult;
  /** Null when either total is withheld. */
  totalDelta: number | null;
  /** Null when either level is withheld. */
  levelChanged: boolean | null;
}

/**
 * A what-if as it may be shown: the simulated result is disclosed with the changed codes as
 * assumed (a figure computed only from typed scores and shown figures hides nothing), and the
 * change against the actual result only when both are shown.
 */
export function discloseWhatIf(
  simulation: WhatIfResult,
  changes: readonly WhatIfChange[],
  rule: DisclosureRule,
): DisclosedWhatIf {
  const before = discloseResult(simulation.before, rule);
  const after = discloseResult(simulation.after, rule, {
    assumed: new Set(changes.map((c) => c.code)),
  });
  const both = before.withheld === null && after.withheld === null;
  return {
    after,
    totalDelta: both ? simulation.totalDelta : null,
    levelChanged: both ? simulation.levelChanged : null,
  };
}

/** The total and level code a stored snapshot row may carry (its columns are read as they are). */
export function disclosedSnapshotColumns(
  result: ScoreResult,
  rule: DisclosureRule,
): { total: number | null; levelCode: string | null } {
  const disclosed = discloseResult(result, rule);
  return { total: disclosed.total, levelCode: disclosed.level?.code ?? null };
}
