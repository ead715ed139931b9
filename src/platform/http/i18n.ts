import type { Message } from '../../core/errors.js';
import { shortDate, shortDay } from '../../core/thai-calendar.js';

export type Lang = 'th' | 'en';

/** Picks the wording for the page's language (Thai first; English on request). */
export function pick(lang: Lang, message: Message): string {
  return message[lang];
}

/** Shorthand for an inline message: `m('บันทึก', 'Save')`. */
export function m(th: string, en: string): Message {
  return { th, en };
}

/** A calendar day (YYYY-MM-DD) as formatDate writes it (Buddhist era for Thai); "—" for none. */
export function formatDay(lang: Lang, day: string | null): string {
  return day ? shortDay(lang, day) : '—';
}

/** A date in the Buddhist era for Thai ("26 พ.ย. 2569"), Gregorian for English. */
export function formatDate(lang: Lang, iso: string, withTime = false): string {
  return shortDate(lang, iso, withTime);
}
