import { tooFew, type DisclosureRule } from './disclosure.js';

/**
 * Which survey answers may be scored while a round still collects them (differencing control,
 * docs/scoring.md "Disclosure control"). Scores seen on two occasions must never differ by the
 * answers of fewer than the minimum number of people, or the difference gives those people's
 * answers back. Decided from the number of answers per day only (no stored state):
 *
 * 1. Only whole days before today are scored; today's answers are counted, not scored.
 * 2. Steps: walking the days in order, a step is taken at the end of the first day on which at
 *    least `minimum` answers have arrived since the previous step (the first step needs
 *    `minimum` answers in all). Scores only ever stand at a step, so two states that can be seen
 *    differ by at least `minimum` people.
 * 3. Lag: a step is scored only once at least `minimum` more answers (today's included) have
 *    arrived after it. The final result (every answer, once collection ends) then differs from
 *    any live state by at least `minimum` people as well.
 *
 * A step never moves once taken, as long as the answers of the days up to it do not change:
 * answers are only added, on today (web) or on a day after the scored days (an import dated
 * earlier is stored on the day after the last scored day, `earliestStorableDay`).
 */

/** Answers received on one day (YYYY-MM-DD). */
export interface DayCount {
  day: string;
  count: number;
}

/** What may be scored of one survey instrument now. */
export interface LiveRelease {
  /** Answers of the days up to this one (included) are scored; null: none may be yet. */
  through: string | null;
  /** Answers scored. */
  scored: number;
  /** Answers stored and counted but not scored (yet). */
  waiting: number;
}

/** The steps (end day and answers up to it) of the days before `today`. */
export function releaseSteps(
  countsByDay: readonly DayCount[],
  today: string,
  rule: DisclosureRule,
): { day: string; upTo: number }[] {
  const days = new Map<string, number>();
  for (const { day, count } of countsByDay) days.set(day, (days.get(day) ?? 0) + count);
  const steps: { day: string; upTo: number }[] = [];
  let upTo = 0;
  let last = 0;
  for (const day of [...days.keys()].filter((d) => d < today).sort()) {
    upTo += days.get(day) ?? 0;
    if (!tooFew(upTo - last, rule)) {
      steps.push({ day, upTo });
      last = upTo;
    }
  }
  return steps;
}

/** The answers of a collecting instrument that may be scored today (rules 1–3 above). */
export function liveRelease(
  countsByDay: readonly DayCount[],
  today: string,
  rule: DisclosureRule,
): LiveRelease {
  const all = countsByDay.reduce((sum, d) => sum + d.count, 0);
  const steps = releaseSteps(countsByDay, today, rule);
  const shown = steps.filter((s) => !tooFew(all - s.upTo, rule)).at(-1);
  if (!shown) return { through: null, scored: 0, waiting: all };
  return { through: shown.day, scored: shown.upTo, waiting: all - shown.upTo };
}

/** The day after a day (YYYY-MM-DD, Gregorian). */
export function dayAfter(day: string): string {
  const next = new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000);
  return next.toISOString().slice(0, 10);
}

/**
 * The day an answer dated `day` is stored on: its own, unless that would add it to days already
 * scored (which would move the live scores by one person); then the day after the last of them.
 */
export function earliestStorableDay(day: string, release: LiveRelease): string {
  if (release.through === null || day > release.through) return day;
  return dayAfter(release.through);
}
