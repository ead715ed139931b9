/**
 * Thai dates in one place: today's day in Bangkok, the Buddhist-era fiscal year (it starts
 * on 1 October) and dates written out as in official letters.
 */

/**
 * Whether `text` is a day that exists, written YYYY-MM-DD (Gregorian), between the years 1900
 * and 2199: 2026-02-29 and 2569-13-45 are not. A stored day always passes this check, so that
 * no page can break on a day it shows.
 */
export function isCalendarDay(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1900 || year > 2199 || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
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

/** A day written out in full for a printed report: Thai Buddhist era, or "26 November 2026". */
export function longDate(lang: 'th' | 'en', day: string): string {
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
