/**
 * The years of the living demo, read from the clock: the current round is the assessment year
 * running today (the Buddhist-era fiscal year, which starts on 1 October), last year's is
 * published. Pure: the day, the bundled editions and any year asked for are given.
 */
import { fiscalYearOf } from '../thai-calendar.js';

/** The demo's two years and the bundled editions it opens rounds of. */
export interface DemoYears {
  /** The year collecting now (Buddhist era). */
  current: number;
  /** The year before it, already published. */
  last: number;
  currentEdition: string;
  lastEdition: string;
}

/** The bundled edition id of a year: `ita-2570`. */
export function editionIdOf(year: number): string {
  return `ita-${year}`;
}

/**
 * The demo's years on `today` (YYYY-MM-DD in Bangkok): the fiscal year running today, unless
 * `asked` names one. When no edition of that year is bundled (and none of the year before), the
 * newest bundled year below it is taken instead: a demo always opens rounds it has rules for.
 */
export function chooseDemoYears(
  today: string,
  bundledEditions: readonly string[],
  asked?: number,
): DemoYears {
  const years = new Set(
    bundledEditions
      .map((id) => /^ita-(\d{4})$/.exec(id)?.[1])
      .filter((y): y is string => y !== undefined)
      .map(Number),
  );
  const wanted = asked ?? fiscalYearOf(today);
  const usable = [...years].filter((y) => y <= wanted && years.has(y - 1)).sort((a, b) => b - a);
  const current = usable[0];
  if (current === undefined)
    throw new Error(`no two consecutive bundled editions up to ${wanted} for the demo`);
  return {
    current,
    last: current - 1,
    currentEdition: editionIdOf(current),
    lastEdition: editionIdOf(current - 1),
  };
}

/** The day `years` years after `day` (29 February becomes 28 February in a common year). */
export function shiftYears(day: string, years: number): string {
  const year = Number(day.slice(0, 4)) + years;
  const monthDay = day.slice(5);
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return `${year}-${monthDay === '02-29' && !leap ? '02-28' : monthDay}`;
}

/** A day of the demo's story, written for the year 2569, moved into `year`. */
export function storyDay(day2569: string, year: number): string {
  return shiftYears(day2569, year - 2569);
}

/** `day`, or the same day a year earlier when `day` is still to come on `today`. */
export function lastPassed(day: string, today: string): string {
  return day <= today ? day : shiftYears(day, -1);
}
