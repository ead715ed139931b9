/**
 * Service-case statistics: how long each finished case took, in working days (Monday to
 * Friday; public holidays are not known here), against the manual's standard time.
 */

/** A case as recorded: dates only (YYYY-MM-DD), no personal data. */
export interface ServiceCase {
  receivedOn: string;
  completedOn: string | null;
}

export interface CaseStatistics {
  total: number;
  completed: number;
  open: number;
  withinStandard: number;
  /** Share of completed cases within the standard (0–1), null when none is completed. */
  shareWithin: number | null;
  /** Median working days of completed cases, null when none is completed. */
  medianDays: number | null;
  standardDays: number;
}

const DAY_MS = 86_400_000;

/** Working days after `from` up to and including `to` (0 when finished on the day received). */
export function workingDaysBetween(from: string, to: string): number {
  const start = Date.parse(`${from}T00:00:00Z`);
  const end = Date.parse(`${to}T00:00:00Z`);
  let days = 0;
  for (let t = start + DAY_MS; t <= end; t += DAY_MS) {
    const weekday = new Date(t).getUTCDay();
    if (weekday !== 0 && weekday !== 6) days += 1;
  }
  return days;
}

/** The median of a list of numbers (mean of the middle two for an even count). */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Time taken against the standard: counts, share within the standard and median days. */
export function computeCaseStatistics(
  cases: readonly ServiceCase[],
  standardDays: number,
): CaseStatistics {
  const taken = cases
    .filter((c): c is ServiceCase & { completedOn: string } => c.completedOn !== null)
    .map((c) => workingDaysBetween(c.receivedOn, c.completedOn));
  const withinStandard = taken.filter((d) => d <= standardDays).length;
  return {
    total: cases.length,
    completed: taken.length,
    open: cases.length - taken.length,
    withinStandard,
    shareWithin: taken.length === 0 ? null : withinStandard / taken.length,
    medianDays: median(taken),
    standardDays,
  };
}
