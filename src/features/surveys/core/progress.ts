import type { DayCount } from '../../../core/disclosure/live-release.js';

/** Responses counted on one day (YYYY-MM-DD). */
export type { DayCount };

const DAY_MS = 86_400_000;

function dayNumber(day: string): number {
  return Math.floor(Date.parse(`${day}T00:00:00Z`) / DAY_MS);
}

/**
 * Projects the total number of responses at the closing date: the daily average since the
 * first response (that day and today included) carried on to the closing day. Null without
 * responses or without a closing date.
 */
export function projectResponses(input: {
  countsByDay: readonly DayCount[];
  today: string;
  closesOn: string | null;
}): number | null {
  const { countsByDay, today, closesOn } = input;
  const total = countsByDay.reduce((sum, d) => sum + d.count, 0);
  if (total === 0 || closesOn === null) return null;
  const first = Math.min(...countsByDay.filter((d) => d.count > 0).map((d) => dayNumber(d.day)));
  const now = dayNumber(today);
  const elapsed = Math.max(1, now - first + 1);
  const remaining = Math.max(0, dayNumber(closesOn) - now);
  return Math.round(total + (total / elapsed) * remaining);
}
