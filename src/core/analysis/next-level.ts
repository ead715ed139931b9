import type { RatingScheme, Text } from '../framework/edition.schema.js';

/** What separates a result from the next better level of its rating scheme. */
export interface NextLevelGap {
  code: string;
  name: Text;
  /** The total that level asks for (null: it asks none). */
  minTotal: number | null;
  /** Points of the total still missing (0 when the total is already enough). */
  totalGap: number;
  /** The score every instrument must reach (null: no such condition). */
  minEachInstrument: number | null;
  /** Instruments below that score, with what each is missing. */
  instruments: { code: string; name: Text; shown: number; gap: number }[];
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * The level just above the current one in the scheme's order (best first) and what the total
 * and each instrument still miss to reach it; null at the top level or without a level.
 */
export function nextLevelGap(
  scheme: RatingScheme,
  result: {
    total: number | null;
    levelCode: string | null;
    instruments: readonly { code: string; name: Text; shown: number | null }[];
  },
): NextLevelGap | null {
  const at = scheme.levels.findIndex((l) => l.code === result.levelCode);
  const next = at > 0 ? scheme.levels[at - 1] : undefined;
  if (!next || result.total === null) return null;
  const minTotal = next.min_total ?? null;
  const minEach = next.min_each_instrument ?? null;
  return {
    code: next.code,
    name: next.name,
    minTotal,
    totalGap: minTotal === null ? 0 : Math.max(0, round2(minTotal - result.total)),
    minEachInstrument: minEach,
    instruments:
      minEach === null
        ? []
        : result.instruments
            .filter((i) => i.shown !== null && i.shown < minEach)
            .map((i) => ({
              code: i.code,
              name: i.name,
              shown: i.shown as number,
              gap: round2(minEach - (i.shown as number)),
            })),
  };
}
