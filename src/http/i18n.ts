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

const thaiDate = new Intl.DateTimeFormat('th-TH-u-ca-buddhist', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'Asia/Bangkok',
});
const thaiDateTime = new Intl.DateTimeFormat('th-TH-u-ca-buddhist', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'Asia/Bangkok',
});
const enDate = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'Asia/Bangkok',
});
const enDateTime = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'Asia/Bangkok',
});

/** A date in the Buddhist era for Thai ("26 พ.ย. 2569"), Gregorian for English. */
export function formatDate(lang: Lang, iso: string, withTime = false): string {
  const date = new Date(iso);
  if (lang === 'th') return (withTime ? thaiDateTime : thaiDate).format(date);
  return (withTime ? enDateTime : enDate).format(date);
}
