import type { Rounding } from '../framework/edition.schema.js';

/** Digits kept when a binary float is read back as the decimal it stands for. */
const DECIMAL_DIGITS = 15;

/** Distance from a tie (or, for `down`, from a whole number) below which the exact path is taken. */
const TIE_MARGIN = 1e-6;

/** Rounds quickly when the value is clearly away from a tie; null means "take the exact path". */
function roundAwayFromTies(scaled: number, mode: Rounding['mode']): number | null {
  const whole = Math.floor(scaled);
  const fraction = scaled - whole;
  if (mode === 'down') {
    return fraction > TIE_MARGIN && fraction < 1 - TIE_MARGIN ? whole : null;
  }
  if (fraction === 0) return whole;
  if (Math.abs(fraction - 0.5) <= TIE_MARGIN) return null;
  return fraction > 0.5 ? whole + 1 : whole;
}

/**
 * Rounds a score to the edition's decimals on its decimal value (ita-rules A2): 1.005 becomes
 * 1.01 and 84.985 becomes 84.99 although the floats are stored just below the tie (so
 * Math.round and toFixed give 1.00 and 84.98). The single rounding helper of Prongsai: every
 * rounded score goes through here.
 */
export function roundScore(value: number, rounding: Rounding): number {
  if (!Number.isFinite(value)) throw new RangeError(`cannot round ${value}`);
  const factor = 10 ** rounding.decimals;
  const quick = roundAwayFromTies(Math.abs(value) * factor, rounding.mode);
  if (quick !== null) return value < 0 && quick !== 0 ? -quick / factor : quick / factor;
  const scaled = Number((Math.abs(value) * factor).toPrecision(DECIMAL_DIGITS));
  const whole = Math.floor(scaled);
  const fraction = Number((scaled - whole).toPrecision(DECIMAL_DIGITS - String(whole).length));
  let kept = whole;
  if (rounding.mode === 'half_up' && fraction >= 0.5) kept = whole + 1;
  if (rounding.mode === 'half_even' && (fraction > 0.5 || (fraction === 0.5 && whole % 2 === 1))) {
    kept = whole + 1;
  }
  const result = kept / factor;
  return value < 0 && result !== 0 ? -result : result;
}

/** Formats a rounded score with exactly the edition's decimals (e.g. 85 → "85.00"). */
export function formatScore(value: number | null, rounding: Rounding): string {
  if (value === null) return '—';
  return roundScore(value, rounding).toFixed(rounding.decimals);
}
