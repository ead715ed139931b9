import type { Message } from '../core/errors.js';

export type Lang = 'th' | 'en';

/** Picks the wording for the page's language (Thai first; English on request). */
export function pick(lang: Lang, message: Message): string {
  return message[lang];
}

/** Shorthand for an inline message: `m('บันทึก', 'Save')`. */
export function m(th: string, en: string): Message {
  return { th, en };
}

const DATE = { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'Asia/Bangkok' } as const;
const TIME = { hour: '2-digit', minute: '2-digit' } as const;
const FORMATS = {
  th: [
    new Intl.DateTimeFormat('th-TH-u-ca-buddhist', DATE),
    new Intl.DateTimeFormat('th-TH-u-ca-buddhist', { ...DATE, ...TIME }),
  ],
  en: [
    new Intl.DateTimeFormat('en-GB', DATE),
    new Intl.DateTimeFormat('en-GB', { ...DATE, ...TIME }),
  ],
} as const;

/** A calendar day (YYYY-MM-DD) as formatDate writes it (Buddhist era for Thai); "—" for none. */
export function formatDay(lang: Lang, day: string | null): string {
  return day ? formatDate(lang, `${day}T12:00:00+07:00`) : '—';
}

/** A date in the Buddhist era for Thai ("26 พ.ย. 2569"), Gregorian for English. */
export function formatDate(lang: Lang, iso: string, withTime = false): string {
  return FORMATS[lang][withTime ? 1 : 0].format(new Date(iso));
}
