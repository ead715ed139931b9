import { isStopWord } from './stop-words.js';
import { COMMON_FAMILY_NAMES, COMMON_GIVEN_NAMES } from './thai-names.js';

/**
 * Masking of personal details in free-text survey comments. A comment is masked before it is
 * stored and again before it is shown, so that a name, phone number, e-mail address, ID card
 * number or personal link never reaches the database or a report. The rules prefer hiding a
 * little too much over letting a person be recognised.
 */

/** What replaces each kind of personal detail (Thai only: the stored text is one language). */
export const MASKS = {
  name: '[ชื่อ]',
  phone: '[เบอร์โทร]',
  email: '[อีเมล]',
  idCard: '[เลขบัตรประชาชน]',
  number: '[หมายเลข]',
  link: '[ลิงก์]',
  lineId: '[ไอดีไลน์]',
} as const;

/** Every mask token, for callers that must leave them out of word counts. */
export const MASK_TOKEN = /\[(?:ชื่อ|เบอร์โทร|อีเมล|เลขบัตรประชาชน|หมายเลข|ลิงก์|ไอดีไลน์)\]/gu;

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;
/** An at-sign between word characters, written "name at host" style or as a full-width @. */
const EMAIL_LIKE = /[\p{L}\p{N}._%+-]+\s?[@＠]\s?[\p{L}\p{N}-]+(?:\s?\.\s?[\p{L}\p{N}-]+)+/gu;

/** An address spelt out to dodge filters: "somchai at gmail dot com", "somchai แอท gmail ดอท com". */
const AT = String.raw`\s*[[(]?\s*(?:at|แอท|แอ็ท)\s*[\])]?\s*`;
const DOT = String.raw`(?:\s*[[(]?\s*(?:dot|ดอท|ด็อท)\s*[\])]?\s*|\.)`;
const EMAIL_SPELT = new RegExp(
  String.raw`[A-Za-z0-9._%+-]+${AT}[A-Za-z0-9-]+(?:${DOT}[A-Za-z0-9-]+)+`,
  'giu',
);

/** A LINE ID: "@somchai", or the word ไลน์/LINE (ID) followed by the ID. */
const LINE_AT = /(?<![\p{L}\p{N}._%+-])@[A-Za-z0-9][A-Za-z0-9._-]{2,}/gu;
const LINE_NAMED =
  /((?:ไอดี\s*ไลน์|ไลน์\s*ไอดี|ไลน์|line\s*id|line)\s*[:：]?\s*)(?!\[)([A-Za-z0-9@][A-Za-z0-9._@-]{2,})/giu;

/** Links: any web address (a link may name a person's page). */
const LINK =
  /\b(?:https?:\/\/|www\.)[^\s<>"]+|\b(?:facebook|fb|line|instagram|tiktok|x|twitter)\.(?:com|me)\/[^\s<>"]*/giu;

/**
 * A run of digits (Arabic, Thai or full-width) with small separators between them, e.g.
 * "081-234 5678", "๐๘๑๒๓๔๕๖๗๘", "０８１２３４５６７８".
 */
const DIGIT_RUN = /[+＋]?\(?[0-9๐-๙０-９](?:[\s.\-()/－]{0,3}[0-9๐-๙０-９])*/gu;

function digitsOf(run: string): string {
  return run
    .replace(/[๐-๙]/gu, (d) => String(d.charCodeAt(0) - 0x0e50))
    .replace(/[０-９]/gu, (d) => String(d.charCodeAt(0) - 0xff10))
    .replace(/[^0-9]/g, '');
}

/** Digits that could point at a person: phones, ID cards, accounts (9 digits or more). */
function maskDigitRun(run: string): string {
  const digits = digitsOf(run);
  if (digits.length < 9) return run;
  if (digits.length === 13 && !/^[+＋]/u.test(run)) return MASKS.idCard;
  const local = digits.startsWith('0') && digits.length <= 10;
  const international = digits.startsWith('66') && digits.length >= 10 && digits.length <= 11;
  return local || international ? MASKS.phone : MASKS.number;
}

/**
 * Thai titles and forms of address written as whole words; the word after one is a name (unless
 * it is a job or a word for people in general): นาย นาง นางสาว คุณ, and the way colleagues name
 * each other: ครู อาจารย์ หมอ พี่ น้อง.
 */
const THAI_TITLES = new Set([
  'นาย',
  'นาง',
  'นางสาว',
  'คุณ',
  'ด.ช.',
  'ด.ญ.',
  'ครู',
  'อาจารย์',
  'หมอ',
  'พี่',
  'น้อง',
]);
/**
 * Words that follow a title word without being a name: นางพยาบาล is a nurse, not Ms Payaban;
 * พี่ๆ น้องๆ ครูทุกคน หมอฟัน are people in general.
 */
const NOT_NAMES = new Set([
  'พยาบาล',
  'แบบ',
  'ทุกท่าน',
  'ทุกคน',
  'ท่าน',
  'เอง',
  'ๆ',
  'ทุก',
  'หลาย',
  'บาง',
  'ใหม่',
  'ฟัน',
  'ที่',
  'และ',
  'กับ',
  'ของ',
  'ใน',
  'ให้',
  'ได้',
  'ไม่',
  'เป็น',
  'จะ',
  'ก็',
  'ว่า',
  'ค่ะ',
  'ครับ',
  'คะ',
]);
/** Abbreviated titles with dots, found in the raw text (the segmenter glues them to the name). */
const DOTTED_TITLE =
  /(น\.ส\.|ด\.ร\.|ดร\.|ผอ\.|ผศ\.|รศ\.|ศ\.ดร\.|นพ\.|พญ\.|ทพ\.|ภก\.|ด\.ต\.|[พรส]\.[ตอท]\.[ตอท]\.|จ\.ส\.[ตอท]\.)\s?/gu;
const LATIN_TITLE = /\b(Mr|Mrs|Ms|Miss|Dr|Khun)\b\.?\s+/giu;

/** Where a name run stops: white space or punctuation. */
const RUN = /[^\s,.;:!?()[\]{}"'“”‘’/\\|]+/uy;
const SURNAME = /[ \t]([\p{L}\p{M}]{2,20})(?=$|[\s,.;:!?()"'“”‘’])/uy;

const segmenter = new Intl.Segmenter('th', { granularity: 'word' });

/** A run of name letters at `from` (after at most one space), or null. */
function nameRunAt(text: string, from: number): [number, number] | null {
  let start = from;
  if (text[start] === ' ') start += 1;
  RUN.lastIndex = start;
  const match = RUN.exec(text);
  // a mask already in place, or a number ("คุณ 3 ท่าน"), is not a name
  if (!match || match.index !== start || /^[[0-9๐-๙]/u.test(match[0])) return null;
  let end = start + cutAtNameEnd(match[0]);
  if (end < start + match[0].length) return [start, end];
  // a second run after one space is a surname when it is short, all letters, and no phrase
  SURNAME.lastIndex = end;
  const surname = SURNAME.exec(text);
  const next = surname?.[1];
  // (a lower-case Latin word after a name is the sentence going on, not a surname)
  if (surname && next && !/^\p{Ll}/u.test(next) && !looksLikePhrase(next)) end += surname[0].length;
  return [start, end];
}

/**
 * Words that end a name written without a space before the rest of the sentence
 * ("คุณสมชายที่ช่วย…"): common words never part of a Thai name. Only cut after the first word,
 * so a name is always masked whole or with more than needed, never partly shown.
 */
const NAME_ENDERS = new Set(
  'ที่ ไม่ และ ได้ ให้ เป็น ว่า จะ แล้ว กับ ซึ่ง ครับ ค่ะ คะ ช่วย ทำงาน รับ เรียก บอก พูด ขอ'.split(' '),
);

function cutAtNameEnd(run: string): number {
  for (const seg of segmenter.segment(run)) {
    if (seg.index > 0 && NAME_ENDERS.has(seg.segment)) return seg.index;
  }
  return run.length;
}

function looksLikePhrase(run: string): boolean {
  return [...segmenter.segment(run)].some(
    (s) => s.isWordLike && (isStopWord(s.segment) || NAME_ENDERS.has(s.segment)),
  );
}

/** Ranges of names after Thai title words, found word by word. */
function thaiTitleNames(text: string): [number, number][] {
  const ranges: [number, number][] = [];
  for (const seg of segmenter.segment(text)) {
    if (!THAI_TITLES.has(seg.segment)) continue;
    const range = nameRunAt(text, seg.index + seg.segment.length);
    if (!range) continue;
    const firstWord = [...segmenter.segment(text.slice(range[0], range[1]))][0]?.segment ?? '';
    // a word repeated with ๆ (พี่ๆ) means people in general, never one person's name
    if (firstWord.endsWith('ๆ') || NOT_NAMES.has(firstWord) || THAI_TITLES.has(firstWord)) continue;
    ranges.push(range);
  }
  return ranges;
}

/** Ranges of names after dotted Thai titles and English titles. */
function patternTitleNames(text: string): [number, number][] {
  const ranges: [number, number][] = [];
  for (const pattern of [DOTTED_TITLE, LATIN_TITLE]) {
    for (const match of text.matchAll(pattern)) {
      const afterTitle = (match.index ?? 0) + match[0].length;
      const range = nameRunAt(text, afterTitle);
      if (range) ranges.push(range);
    }
  }
  return ranges;
}

const KNOWN_NAMES = [...COMMON_GIVEN_NAMES, ...COMMON_FAMILY_NAMES].sort(
  (a, b) => b.length - a.length,
);

/**
 * Ranges of common Thai names written without a title ("สมชายเรียกเงิน"): a listed name that
 * starts and ends on word boundaries, with a family name after one space when one follows.
 */
function listedNames(text: string): [number, number][] {
  const boundaries = new Set([0, text.length]);
  for (const seg of segmenter.segment(text)) {
    boundaries.add(seg.index);
    boundaries.add(seg.index + seg.segment.length);
  }
  const ranges: [number, number][] = [];
  for (const start of [...boundaries].sort((a, b) => a - b)) {
    const name = KNOWN_NAMES.find(
      (n) => text.startsWith(n, start) && boundaries.has(start + n.length),
    );
    if (!name) continue;
    let end = start + name.length;
    SURNAME.lastIndex = end;
    const surname = SURNAME.exec(text);
    if (surname?.[1] && !looksLikePhrase(surname[1])) end += surname[0].length;
    ranges.push([start, end]);
  }
  return ranges;
}

function replaceRanges(text: string, ranges: [number, number][], token: string): string {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  let out = '';
  let at = 0;
  for (const [start, end] of sorted) {
    if (start < at) continue;
    out += text.slice(at, start) + token;
    at = end;
  }
  return out + text.slice(at);
}

function maskOnce(text: string): string {
  const contacts = text
    .replace(LINK, MASKS.link)
    .replace(EMAIL, MASKS.email)
    .replace(EMAIL_LIKE, MASKS.email)
    .replace(EMAIL_SPELT, MASKS.email)
    .replace(LINE_NAMED, (_all, label: string) => `${label}${MASKS.lineId}`)
    .replace(LINE_AT, MASKS.lineId)
    .replace(DIGIT_RUN, maskDigitRun);
  const names = [
    ...thaiTitleNames(contacts),
    ...patternTitleNames(contacts),
    ...listedNames(contacts),
  ];
  return replaceRanges(contacts, names, MASKS.name);
}

/**
 * Replaces personal details in a comment: names after a title (นาย นาง นางสาว น.ส. คุณ ครู
 * อาจารย์ หมอ พี่ น้อง ดร. ผอ. Mr Mrs Ms Dr …) and common Thai names without one, phone numbers,
 * e-mail addresses (also spelt "at … dot", "แอท … ดอท"), LINE IDs, 13-digit ID numbers, other
 * numbers of nine digits or more (Arabic, Thai or full-width digits), and web links. Repeated
 * until nothing changes, so no pattern survives.
 */
export function maskPersonalDetails(text: string): string {
  let current = text.normalize('NFC');
  for (let i = 0; i < 5; i += 1) {
    const next = maskOnce(current);
    if (next === current) return next;
    current = next;
  }
  return current;
}

/** Whether a text still holds something that looks like an e-mail address (for checks and tests). */
export function holdsEmail(text: string): boolean {
  return new RegExp(EMAIL.source, 'u').test(text);
}

/** Whether a text still holds a run of nine or more digits (a phone, ID or account number). */
export function holdsLongNumber(text: string): boolean {
  return [...text.matchAll(DIGIT_RUN)].some((m) => digitsOf(m[0]).length >= 9);
}
