import type { MinSampleRule } from '../framework/edition.schema.js';

export interface MinSample {
  population: number;
  required: number;
  rule: MinSampleRule;
}

/**
 * Minimum number of respondents for an instrument (ita-rules A7, as data): everyone below
 * `all_below`, otherwise `fraction` of the population clamped to [min, max], never above the
 * population. Returns null when the edition has no rule for the instrument.
 */
export function computeMinSample(
  rules: readonly MinSampleRule[],
  instrumentCode: string,
  population: number,
): MinSample | null {
  if (!Number.isInteger(population) || population < 0) {
    throw new RangeError(`population must be a whole number ≥ 0 (got ${population})`);
  }
  const rule = rules.find((r) => r.instruments.includes(instrumentCode));
  if (!rule) return null;
  if (population < rule.all_below) return { population, required: population, rule };
  // toPrecision removes binary noise first: 0.1 × 300 is 30.000000000000004 as a float.
  const share = Math.ceil(Number((rule.fraction * population).toPrecision(12)));
  const clamped = Math.min(Math.max(share, rule.min), rule.max ?? Number.POSITIVE_INFINITY);
  return { population, required: Math.min(clamped, population), rule };
}
