import type { Text } from '../framework/edition.schema.js';

/** One unit's stored result as the roll-up reads it (null total: no result yet). */
export interface RollupUnit {
  agencyId: string;
  code: string;
  name: string;
  type: string;
  total: number | null;
  levelCode: string | null;
  indicators: { code: string; name: Text; score: number | null }[];
  /**
   * Its result has figures withheld (too few respondents, core/disclosure): the unit is left
   * out of every aggregate, so that the roll-up minus the other units cannot give them back.
   */
  withheld?: boolean;
}

/** A level of the rating scheme, in the scheme's order. */
export interface RollupLevelDef {
  code: string;
  name: Text;
}

export interface RollupLevelCount extends RollupLevelDef {
  count: number;
}

export interface RollupRanked extends RollupUnit {
  rank: number;
  total: number;
}

/** The mean of one indicator across the units that have a score for it. */
export interface RollupIndicator {
  code: string;
  name: Text;
  mean: number;
  units: number;
}

export interface Rollup {
  type: string | null;
  levels: RollupLevelCount[];
  ranking: RollupRanked[];
  pending: RollupUnit[];
  /** Units whose result is withheld: listed, counted nowhere else (no figure of theirs shown). */
  withheld: RollupUnit[];
  indicators: RollupIndicator[];
  weakest: RollupIndicator[];
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * Rolls up the results of a parent body's units: how many at each level (in the scheme's order;
 * levels outside it follow), a ranking by total (ties by code), the mean of each indicator across
 * units and the weakest ones. Units without a total are listed as pending; units with withheld
 * figures are listed apart and left out of every count, rank and mean.
 */
export function rollUpUnits(
  units: readonly RollupUnit[],
  levels: readonly RollupLevelDef[],
  options: { type?: string | null; weakest?: number } = {},
): Rollup {
  const type = options.type ? options.type : null;
  const all = type === null ? [...units] : units.filter((u) => u.type === type);
  const byCode = (a: RollupUnit, b: RollupUnit) => a.code.localeCompare(b.code);
  const withheld = all
    .filter((u) => u.withheld === true)
    .map((u) => ({ ...u, total: null, levelCode: null, indicators: [] }))
    .sort(byCode);
  const chosen = all.filter((u) => u.withheld !== true);
  const scored = chosen.filter((u): u is RollupRanked => u.total !== null);
  const pending = chosen.filter((u) => u.total === null).sort(byCode);

  const counts: RollupLevelCount[] = levels.map((l) => ({ ...l, count: 0 }));
  for (const unit of scored) {
    if (unit.levelCode === null) continue;
    let entry = counts.find((c) => c.code === unit.levelCode);
    if (!entry) {
      entry = { code: unit.levelCode, name: { th: unit.levelCode, en: unit.levelCode }, count: 0 };
      counts.push(entry);
    }
    entry.count += 1;
  }

  const ranking = [...scored]
    .sort((a, b) => b.total - a.total || a.code.localeCompare(b.code))
    .map((u, i) => ({ ...u, rank: i + 1 }));

  const sums = new Map<string, { name: Text; sum: number; units: number; order: number }>();
  for (const unit of scored) {
    for (const ind of unit.indicators) {
      if (ind.score === null) continue;
      const entry = sums.get(ind.code) ?? { name: ind.name, sum: 0, units: 0, order: sums.size };
      entry.sum += ind.score;
      entry.units += 1;
      sums.set(ind.code, entry);
    }
  }
  const indicators = [...sums]
    .sort((a, b) => a[1].order - b[1].order)
    .map(([code, e]) => ({ code, name: e.name, mean: round2(e.sum / e.units), units: e.units }));
  const weakest = [...indicators]
    .sort((a, b) => a.mean - b.mean || a.code.localeCompare(b.code, 'en', { numeric: true }))
    .slice(0, options.weakest ?? 3);

  return { type, levels: counts, ranking, pending, withheld, indicators, weakest };
}
