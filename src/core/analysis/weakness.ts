import type { CompiledEdition } from '../framework/compile-edition.js';
import type { Text } from '../framework/edition.schema.js';
import type { LeafScores } from '../scoring/score-leaves.js';
import {
  evaluateScores,
  type EvaluateOptions,
  type LevelResult,
  type ScoreNode,
} from '../scoring/evaluate-scores.js';

/** A weak point: what it costs the total and what fixing it would bring. */
export interface Weakness {
  type: ScoreNode['type'];
  code: string;
  name: Text;
  instrumentCode: string;
  score: number;
  shown: number;
  /** Points of the total lost here: points × (100 − score) / 100. */
  lost: number;
  /** Total and level if this node scored 100. */
  totalIfFixed: number | null;
  levelIfFixed: LevelResult | null;
  fixChangesLevel: boolean;
}

export interface WeaknessReport {
  total: number | null;
  level: LevelResult | null;
  indicators: Weakness[];
  questions: Weakness[];
  oitItems: Weakness[];
  /**
   * OIT items with no assessor's decision yet (only when `pending`): they are not weak points,
   * and the points above them are ranked as if they were not yet counted.
   */
  unassessed: { code: string; name: Text }[];
}

/** OIT item leaves that carry no decision yet. */
function unassessedLeaves(compiled: CompiledEdition, leaves: LeafScores): string[] {
  const codes: string[] = [];
  for (const [code, leaf] of leaves)
    if (
      compiled.oitItems.has(code) &&
      leaf.basis.kind === 'decision' &&
      leaf.basis.decision === 'missing'
    )
      codes.push(code);
  return codes.sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
}

function collect(
  node: ScoreNode,
  type: ScoreNode['type'],
  skip: ReadonlySet<string>,
  out: ScoreNode[],
): void {
  if (node.type === type && node.score !== null && node.score < 100 && !skip.has(node.code))
    out.push(node);
  for (const child of node.children) collect(child, type, skip, out);
}

/**
 * Finds the weakest indicators, questions and OIT items, ranked by the points each costs the
 * total, and tells for each whether bringing it to 100 would change the level. `skip`: codes
 * left out before ranking (withheld ones, see core/disclosure). `pending`: the result is not
 * final (scored live while the review runs), so an OIT item the assessor has not decided yet is
 * no weak point: it is listed in `unassessed` and the points lost are counted on what has been
 * decided. A final result (stored at confirmation) counts an undecided item as the 0 it scored.
 */
export function analyseWeaknesses(
  compiled: CompiledEdition,
  leaves: LeafScores,
  options: Omit<EvaluateOptions, 'overrides'> & {
    limit?: number;
    skip?: ReadonlySet<string>;
    pending?: boolean;
  } = {},
): WeaknessReport {
  const { limit = 5, skip = new Set<string>(), pending = false, ...evaluate } = options;
  const base = evaluateScores(compiled, leaves, evaluate);
  const open = pending ? unassessedLeaves(compiled, leaves) : [];
  const assessed =
    open.length === 0
      ? base
      : evaluateScores(compiled, leaves, {
          ...evaluate,
          overrides: new Map(open.map((code) => [code, 100])),
        });
  const leaveOut = new Set([...skip, ...open]);
  const rank = (type: ScoreNode['type']): Weakness[] => {
    const found: ScoreNode[] = [];
    collect(assessed.tree, type, leaveOut, found);
    found.sort(
      (a, b) => b.lost - a.lost || (a.score ?? 0) - (b.score ?? 0) || a.code.localeCompare(b.code),
    );
    return found.slice(0, limit).map((node) => {
      const fixed = evaluateScores(compiled, leaves, {
        ...evaluate,
        overrides: new Map([[node.code, 100]]),
      });
      return {
        type: node.type,
        code: node.code,
        name: node.name,
        instrumentCode: compiled.nodes.get(node.code)?.instrumentCode ?? '',
        score: node.score as number,
        shown: node.shown as number,
        lost: node.lost,
        totalIfFixed: fixed.total,
        levelIfFixed: fixed.level,
        fixChangesLevel: fixed.level?.code !== base.level?.code,
      };
    });
  };
  return {
    total: base.total,
    level: base.level,
    indicators: rank('indicator'),
    questions: rank('question'),
    oitItems: rank('oit_item'),
    unassessed: open.map((code) => ({
      code,
      name: compiled.nodes.get(code)?.name ?? { th: code, en: code },
    })),
  };
}
