/**
 * Thai dates in one place: today's day in Bangkok, the Buddhist-era fiscal year (it starts
 * on 1 October), dates written out as in official letters, and the days people type
 * (day/month/Buddhist-era year), read and checked in one place.
 */
import { z } from 'zod';
import type { Message } from './errors.js';

/**
 * Whether `text` is a day that exists, written YYYY-MM-DD (Gregorian), between the years 1900
 * and 2199: 2026-02-29 and 2569-13-45 are not. A stored day always passes this check, so that
 * no page can break on a day it shows.
 */
export function isCalendarDay(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return year >= 1900 && year <= 2199 && dayExists(year, month, day);
}

/** Whether the day exists in the (Gregorian) calendar of that year. */
function dayExists(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const date = new Date(Date.UTC(2000, month, 0));
  date.setUTCFullYear(year, month, 0);
  return day <= date.getUTCDate();
}

/** Today's date in Thailand as YYYY-MM-DD. */
export function bangkokDay(now: Date): string {
  return new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}

/** The Buddhist-era fiscal year of a day (YYYY-MM-DD): it starts on 1 October. */
export function fiscalYearOf(day: string): number {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  return year + 543 + (month >= 10 ? 1 : 0);
}

/** The first and last day (YYYY-MM-DD) of a Buddhist-era fiscal year. */
export function fiscalYearRange(fiscalYear: number): { from: string; to: string } {
  const ce = fiscalYear - 543;
  return { from: `${ce - 1}-10-01`, to: `${ce}-09-30` };
}

/** The twelve months of a fiscal year as YYYY-MM, October first. */
export function fiscalMonths(fiscalYear: number): string[] {
  const ce = fiscalYear - 543;
  return Array.from({ length: 12 }, (_, i) => {
    const month = ((9 + i) % 12) + 1;
    const year = month >= 10 ? ce - 1 : ce;
    return `${year}-${String(month).padStart(2, '0')}`;
  });
}

/** Thai month names, written out as in official letters. */
export const THAI_MONTHS = [
  'มกราคม',
  'กุมภาพันธ์',
  'มีนาคม',
  'เมษายน',
  'พฤษภาคม',
  'มิถุนายน',
  'กรกฎาคม',
  'สิงหาคม',
  'กันยายน',
  'ตุลาคม',
  'พฤศจิกายน',
  'ธันวาคม',
] as const;

/** "26 พฤศจิกายน พ.ศ. 2569" for the day 2026-11-26. */
export function thaiLongDate(day: string): string {
  const [y, mo, d] = day.split('-').map(Number) as [number, number, number];
  return `${d} ${THAI_MONTHS[mo - 1] ?? ''} พ.ศ. ${y + 543}`;
}

/** "พฤศจิกายน 2569" for the month 2026-11. */
export function thaiMonthYear(month: string): string {
  const [y, mo] = month.split('-').map(Number) as [number, number];
  return `${THAI_MONTHS[mo - 1] ?? ''} ${y + 543}`;
}

const LONG_DAY_EN = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});
const LONG_MONTH_EN = new Intl.DateTimeFormat('en-GB', {
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/**
 * A day written out in full for a printed report: Thai Buddhist era, or "26 November 2026".
 * The one rule of formal documents (screens may keep `shortDay`); a moment (an ISO timestamp)
 * is written as its day in Bangkok.
 */
export function longDate(lang: 'th' | 'en', day: string): string {
  if (!ISO_DAY.test(day)) return longMoment(lang, day);
  if (lang === 'th') return thaiLongDate(day);
  return LONG_DAY_EN.format(new Date(`${day}T00:00:00Z`));
}

/** A month written out in full for a printed report: "พฤศจิกายน 2569" or "November 2026". */
export function longMonth(lang: 'th' | 'en', month: string): string {
  if (lang === 'th') return thaiMonthYear(month);
  return LONG_MONTH_EN.format(new Date(`${month}-01T00:00:00Z`));
}

const SHORT = {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'Asia/Bangkok',
} as const;
const TIME = { hour: '2-digit', minute: '2-digit' } as const;
const SHORT_FORMATS = {
  th: [
    new Intl.DateTimeFormat('th-TH-u-ca-buddhist', SHORT),
    new Intl.DateTimeFormat('th-TH-u-ca-buddhist', { ...SHORT, ...TIME }),
  ],
  en: [
    new Intl.DateTimeFormat('en-GB', SHORT),
    new Intl.DateTimeFormat('en-GB', { ...SHORT, ...TIME }),
  ],
} as const;

/**
 * A moment as pages and e-mails show it, in Bangkok time: "26 พ.ย. 2569" (Buddhist era) in Thai,
 * "26 Nov 2026" in English, with the time when asked.
 */
export function shortDate(lang: 'th' | 'en', iso: string, withTime = false): string {
  const moment = new Date(iso);
  // a value that is not a date is shown as it is rather than breaking the page
  if (Number.isNaN(moment.getTime())) return iso;
  return SHORT_FORMATS[lang][withTime ? 1 : 0].format(moment);
}

/** A calendar day (YYYY-MM-DD) in the short form, read as noon in Bangkok so it never shifts. */
export function shortDay(lang: 'th' | 'en', day: string): string {
  return shortDate(lang, `${day}T12:00:00+07:00`);
}

/** A full date of a moment (an ISO timestamp) in Bangkok, for a printed report. */
export function longMoment(lang: 'th' | 'en', iso: string): string {
  const moment = new Date(iso);
  if (ISO_DAY.test(iso)) return longDate(lang, iso);
  if (Number.isNaN(moment.getTime())) return iso;
  return longDate(lang, bangkokDay(moment));
}

// ---------------------------------------------------------------------------------------------
// Days people type: day/month/Buddhist-era year, read in one place.

/** How a typed day is written, and the example every hint and message shows. */
export const BE_DAY_EXAMPLE = '30/06/2569';

/**
 * The HTML `pattern` of a typed day: day/month/year, one or two digits for day and month, or
 * the eight digits alone (`30062569`: a phone's numeric keypad may have no "/").
 */
export const BE_DAY_PATTERN =
  '\\s*(?:[0-9๐-๙]{1,2}[\\/.\\-][0-9๐-๙]{1,2}[\\/.\\-][0-9๐-๙]{4}|[0-9๐-๙]{8})\\s*';

const TYPED_DAY =
  /^\s*(?:(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})|(\d{2})(\d{2})(\d{4}))\s*$/;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Thai digits (๐–๙) read as 0–9. */
function westernDigits(text: string): string {
  return text.replace(/[๐-๙]/g, (digit) => String(digit.charCodeAt(0) - 0x0e50));
}

const two = (n: number) => String(n).padStart(2, '0');

/** A stored day (YYYY-MM-DD) as people type it: "30/06/2569"; any other text as it is. */
export function beDay(day: string): string {
  const match = ISO_DAY.exec(day);
  if (!match) return day;
  return `${match[3]}/${match[2]}/${Number(match[1]) + 543}`;
}

/** A typed day, read: the day (YYYY-MM-DD) or what is wrong with it, Thai then English. */
export type TypedDay = { day: string; problem?: undefined } | { day?: undefined; problem: Message };

const EXPECTED = {
  th: `กรอกเป็น วัน/เดือน/ปี พ.ศ. เช่น ${BE_DAY_EXAMPLE}`,
  en: `type day/month/Buddhist-era year, e.g. ${BE_DAY_EXAMPLE} for 30 June 2026`,
};

/**
 * Reads a day typed as day/month/Buddhist-era year ("30/06/2569", "1/7/2569", Thai digits,
 * "." or "-" between the parts): a year written in the Christian era (before 2400) and a day
 * that does not exist are refused, each with a message saying what was typed and what is
 * expected.
 */
export function readBeDay(text: string): TypedDay {
  const typed = text.trim();
  const match = TYPED_DAY.exec(westernDigits(typed));
  if (!match) {
    return {
      problem: {
        th: `"${typed}" ไม่ใช่วันที่: ${EXPECTED.th}`,
        en: `"${typed}" is not a date: ${EXPECTED.en}`,
      },
    };
  }
  const [day, month, year] = [
    Number(match[1] ?? match[4]),
    Number(match[2] ?? match[5]),
    Number(match[3] ?? match[6]),
  ];
  if (year < 2400) {
    return {
      problem: {
        th: `ปี ${year} ใน "${typed}" เป็นปี ค.ศ.: ใช้ปี พ.ศ. (ค.ศ. + 543) ${EXPECTED.th}`,
        en: `The year ${year} in "${typed}" is not a Buddhist-era year (add 543): ${EXPECTED.en}`,
      },
    };
  }
  const iso = `${String(year - 543).padStart(4, '0')}-${two(month)}-${two(day)}`;
  if (!dayExists(year - 543, month, day)) {
    return {
      problem: {
        th: `ไม่มีวันที่ "${typed}" ในปฏิทิน: ${EXPECTED.th}`,
        en: `"${typed}" is not a day of the calendar: ${EXPECTED.en}`,
      },
    };
  }
  return { day: iso };
}

/**
 * What is wrong with a day sent as YYYY-MM-DD (the JSON API, or a typed day already read),
 * or null: the text a person typed and could not be read is explained as `readBeDay` does.
 */
export function isoDayProblem(text: string): Message | null {
  if (isCalendarDay(text)) return null;
  if (!ISO_DAY.test(text)) {
    if (TYPED_DAY.test(westernDigits(text.trim()))) {
      const typed = readBeDay(text);
      if (typed.problem) return typed.problem;
      return {
        th: `"${text}" ต้องส่งเป็น ปปปป-ดด-วว ปี ค.ศ. คือ ${typed.day}`,
        en: `"${text}" must be sent as YYYY-MM-DD (Christian era): ${typed.day}`,
      };
    }
    return {
      th: `"${text}" ไม่ใช่วันที่: ${EXPECTED.th} (ใน API ใช้ ปปปป-ดด-วว ค.ศ.)`,
      en: `"${text}" is not a date: ${EXPECTED.en} (YYYY-MM-DD in the API)`,
    };
  }
  const [year, month, day] = text.split('-').map(Number) as [number, number, number];
  if (dayExists(year, month, day))
    return {
      th: `วันที่ ${beDay(text)} (ปี พ.ศ. ${year + 543}) ไกลจากปัจจุบันเกินไป: ตรวจปี พ.ศ. อีกครั้ง ${EXPECTED.th}`,
      en: `${text} (year ${year}) is too far from today: check the year`,
    };
  return {
    th: `ไม่มีวันที่ ${text} ในปฏิทิน`,
    en: `${text} is not a day of the calendar`,
  };
}

/** How many years before and after today a typed day may fall. */
export interface DayWindow {
  yearsBefore: number;
  yearsAfter: number;
}

/** The window of most dates people type: five years either side of today. */
export const PLAUSIBLE_DAYS: DayWindow = { yearsBefore: 5, yearsAfter: 5 };

/**
 * Whether a day (YYYY-MM-DD) is too far from today (YYYY-MM-DD) to be meant: its year must lie
 * within the window's years around this year. The message names the day in both eras and the
 * years accepted, Thai then English.
 */
export function implausibleDay(
  day: string,
  today: string,
  window: DayWindow = PLAUSIBLE_DAYS,
): Message | null {
  const year = Number(day.slice(0, 4));
  const thisYear = Number(today.slice(0, 4));
  const [first, last] = [thisYear - window.yearsBefore, thisYear + window.yearsAfter];
  if (year >= first && year <= last) return null;
  const range = { th: `${first + 543}–${last + 543}`, en: `${first}–${last}` };
  return {
    th: `วันที่ ${beDay(day)} (พ.ศ. ${year + 543}) อยู่นอกช่วงที่รับได้ คือปี พ.ศ. ${range.th}: ตรวจปีอีกครั้ง เช่น ${beDay(today)} คือวันนี้`,
    en: `${day} (year ${year}) is outside the years accepted, ${range.en}: check the year (today is ${today})`,
  };
}

/**
 * A day field of an input schema: YYYY-MM-DD that exists (a form's typed day is read into this
 * form first, see `readBeDay`); the refusal says what was sent and what is expected.
 */
export function dayField() {
  return z.string().superRefine((text, ctx) => {
    const problem = isoDayProblem(text);
    if (problem) ctx.addIssue({ code: 'custom', message: `${problem.th} / ${problem.en}` });
  });
}

/**
 * Refuses the days of an input that are too far from today (see `implausibleDay`), as a zod
 * error naming each field, so that a form shows the message beside its field.
 */
export function assertPlausibleDays(
  today: string,
  days: Record<string, string | null | undefined>,
  window: DayWindow = PLAUSIBLE_DAYS,
): void {
  const issues: z.core.$ZodIssue[] = [];
  for (const [field, day] of Object.entries(days)) {
    const problem = day ? implausibleDay(day, today, window) : null;
    if (problem)
      issues.push({
        code: 'custom',
        path: [field],
        message: `${problem.th} / ${problem.en}`,
        input: day,
      });
  }
  if (issues.length > 0) throw new z.ZodError(issues);
}
