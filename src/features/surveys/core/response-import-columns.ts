import type { Message } from '../../../core/errors.js';
import type { Edition, Text } from '../../../core/framework/edition.schema.js';
import { buildSurveySteps } from './survey-form.js';

/** One answerable item of the instrument with the cell values that stand for each option. */
export interface ImportItem {
  code: string;
  /** The item's own wording: the question's, or the row's for a sub-item of a grid. */
  text: Text;
  /** Cell text keyed by wordingKey (code, Thai label, English label) → option code. */
  values: Map<string, string>;
  /** The options as "code=label" for messages. */
  optionList: string;
}

/** How a column got its meaning, shown in the dry run. */
export type MatchSource = 'code' | 'wording' | 'name' | 'saved' | 'chosen';

/** What one header cell of the file means. */
export type ImportColumn =
  | { kind: 'item'; name: string; code: string; source: MatchSource }
  | { kind: 'date'; name: string; source: MatchSource }
  /** A form tool's time column; `rank` orders the sources of the day (1 = completion, 2 = start). */
  | { kind: 'timestamp'; name: string; rank: number; source: MatchSource }
  /** The free-text comment (stakeholder voice), masked when read. */
  | { kind: 'comment'; name: string; source: MatchSource }
  /** E-mail, name, ID … : dropped, never read, and listed in the dry run. */
  | { kind: 'personal'; name: string; source: MatchSource }
  | { kind: 'ignored'; name: string; reason: Message; source: MatchSource | null };

/** A column the import leaves out, and why (shown as a warning, never an error). */
export interface IgnoredColumn {
  column: string;
  reason: Message;
}

/** A header → meaning mapping: item code, 'date', 'comment' or 'ignore' per header. */
export type ColumnMapping = Record<string, string>;

/** The targets a mapping may give besides item codes. */
export const MAPPING_TARGETS = ['date', 'comment', 'ignore'] as const;

/** Lower-cased, NFC, single spaces, and Thai sara am in one form (typed two ways in the wild). */
export function normaliseCell(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\u0e4d\u0e32/g, '\u0e33')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** Thai digits ๐–๙ as 0–9. */
export function westernDigits(text: string): string {
  return text.replace(/[\u0e50-\u0e59]/g, (d) => String(d.charCodeAt(0) - 0x0e50));
}

/** Wording compared loosely: case, spaces, punctuation, brackets and symbols left out, Thai digits as 0–9. */
export function wordingKey(text: string): string {
  return westernDigits(normaliseCell(text)).replace(/[\s\p{P}\p{S}]+/gu, '');
}

/** The wording without parts in round brackets ("(ไม่บังคับ)", "(optional)"). */
function withoutAsides(text: string): string {
  return text.replace(/[(（][^()（）]*[)）]/g, ' ');
}

/** "1. ", "ข้อ 3) ", "Q4: " before a question, as form builders number them. */
const NUMBERING = /^\s*(?:ข้อ(?:ที่)?\s*|q\s*)?[0-9๐-๙]+(?:\.[0-9๐-๙]+)*\s*[.):-]?\s+/i;

function keysOf(text: string): string[] {
  const keys = [wordingKey(text), wordingKey(withoutAsides(text))];
  return [...new Set(keys.filter((k) => k !== ''))];
}

function headerKeys(header: string): string[] {
  const unnumbered = header.replace(NUMBERING, '');
  return [...new Set([...keysOf(header), ...keysOf(unnumbered)])];
}

/** The items of one survey instrument, in form order, with the cell values each option accepts. */
export function listImportItems(
  edition: Pick<Edition, 'instruments' | 'scales'>,
  instrumentCode: string,
): ImportItem[] {
  const instrument = edition.instruments.find((i) => i.code === instrumentCode);
  if (!instrument) throw new RangeError(`no instrument ${instrumentCode}`);
  return buildSurveySteps(instrument, edition.scales).flatMap((step) =>
    step.questions.flatMap((question) =>
      question.items.map((item) => {
        const values = new Map<string, string>();
        for (const option of question.options) {
          for (const text of [option.label.en, option.label.th, option.code])
            values.set(wordingKey(text), option.code);
        }
        const optionList = question.options.map((o) => `${o.code}=${o.label.th}`).join(', ');
        return { code: item.code, text: item.text, values, optionList };
      }),
    ),
  );
}

/** Where each wording of the instrument leads: whole headers, and grid rows on their own. */
interface WordingIndex {
  /** A plain question, a grid's "question [row]", or the comment question → targets. */
  whole: Map<string, string[]>;
  /** A grid row alone (Microsoft Forms writes a Likert row's statement only) → item codes. */
  rows: Map<string, string[]>;
}

function addKey(map: Map<string, string[]>, key: string, target: string) {
  const list = map.get(key) ?? [];
  if (!list.includes(target)) list.push(target);
  map.set(key, list);
}

function buildWordingIndex(
  edition: Pick<Edition, 'instruments' | 'scales'>,
  instrumentCode: string,
): WordingIndex {
  const instrument = edition.instruments.find((i) => i.code === instrumentCode);
  const index: WordingIndex = { whole: new Map(), rows: new Map() };
  if (!instrument) return index;
  for (const step of buildSurveySteps(instrument, edition.scales)) {
    for (const question of step.questions) {
      const questionKeys = [...keysOf(question.text.th), ...keysOf(question.text.en)];
      if (!question.hasSubItems) {
        for (const key of questionKeys) addKey(index.whole, key, question.code);
        continue;
      }
      for (const item of question.items) {
        const rowKeys = [...keysOf(item.text.th), ...keysOf(item.text.en)];
        for (const row of rowKeys) {
          addKey(index.rows, row, item.code);
          // "question [row]" (Google Forms, LimeSurvey), "question - row", "question: row"
          for (const q of questionKeys) addKey(index.whole, q + row, item.code);
        }
      }
    }
  }
  if (instrument.comment) {
    for (const key of [
      ...keysOf(instrument.comment.text.th),
      ...keysOf(instrument.comment.text.en),
    ])
      addKey(index.whole, key, 'comment');
  }
  return index;
}

/** The target a header's wording leads to: the first not taken yet, in form order. */
function matchWording(header: string, index: WordingIndex, taken: ReadonlySet<string>) {
  const keys = headerKeys(header);
  for (const map of [index.whole, index.rows]) {
    const targets = keys.flatMap((key) => map.get(key) ?? []);
    if (targets.length > 0) return targets.find((t) => !taken.has(t)) ?? targets[0];
  }
  return undefined;
}

/** Codes of questions that have sub-items (not a column themselves) and of other instruments' items. */
function otherCodes(edition: Pick<Edition, 'instruments'>, instrumentCode: string) {
  const parents = new Map<string, string[]>();
  const elsewhere = new Map<string, string>();
  for (const instrument of edition.instruments) {
    for (const indicator of instrument.indicators) {
      for (const question of indicator.questions ?? []) {
        const items = question.items?.map((i) => i.code) ?? [];
        if (instrument.code === instrumentCode && items.length > 0)
          parents.set(question.code.toLowerCase(), items);
        if (instrument.code !== instrumentCode) {
          for (const code of items.length > 0 ? items : [question.code])
            elsewhere.set(code.toLowerCase(), instrument.code);
        }
      }
    }
  }
  return { parents, elsewhere };
}

const names = (...list: string[]) => new Set(list.map(wordingKey));
const DATE_NAMES = names('date', 'day', 'submitted_on', 'วันที่', 'วันที่ตอบ');
const COMMENT_NAMES = names('comment', 'comments', 'ความคิดเห็น', 'ข้อเสนอแนะ', 'ข้อเสนอแนะเพิ่มเติม');
/** Form tools' time columns: the completion time gives the day first, then the start time. */
const TIMESTAMP_RANKS = new Map<string, number>([
  ...[
    ...names(
      'timestamp',
      'ประทับเวลา',
      'ประทับเวลา (timestamp)',
      'completion time',
      'เวลาที่เสร็จสิ้น',
      'เวลาที่เสร็จสมบูรณ์',
      'submitdate',
      'date submitted',
      'วันที่ส่ง',
    ),
  ].map((k) => [k, 1] as const),
  ...[...names('start time', 'เวลาเริ่ม', 'เวลาเริ่มต้น', 'startdate', 'date started')].map(
    (k) => [k, 2] as const,
  ),
]);
/** Times a form tool adds that never give the day (last change, last action). */
const OTHER_TIMES = names(
  'last modified time',
  'เวลาที่แก้ไขล่าสุด',
  'datestamp',
  'date last action',
  'lastpage',
  'last page',
);
/**
 * Columns that identify a person, Thai and English: e-mail, name (not "เชื่อ"), phone,
 * address, ID, respondent or response id, IP address, token, national ID number.
 */
const PERSONAL =
  /e-?mail|อีเมล|name|(?<!\u0e40)ชื่อ|สกุล|phone|mobile|โทร|ที่อยู่|address|\bip\b|ipaddr|^id$|^รหัส$|respondent|response id|รหัสผู้ตอบ|^token$|เลขประจำตัว|บัตรประชาชน|id card|line id/;
/** An item code at the start of a header: "i1.1", "[i1.1] ข้อความ", "i1.1. ข้อความ". */
const CODE_AT_START = /^\[?([a-z]{1,3}\d+(?:\.\d+)*)\]?\.?(?:[\s:)]|$)/;
/** LimeSurvey's question-code headers for a grid row: "i1[SQ001]", "i1[1]", "i1[i1.1]". */
const LIMESURVEY_ROW = /^([a-z]{1,3}\d+)\[([^\]]+)\]$/;

const IGNORED = {
  personal: {
    th: 'ข้อมูลระบุตัวบุคคล จะไม่ถูกนำเข้า (ควรลบคอลัมน์นี้ออกจากไฟล์ก่อนส่งต่อ)',
    en: 'Identifies a person: it will not be imported (better remove it from the file before sharing)',
  },
  other: {
    th: 'ไม่ใช่ข้อคำถามของแบบวัดนี้ จะไม่ถูกนำเข้า',
    en: 'Not a question of this survey: it will not be imported',
  },
  chosen: {
    th: 'คุณเลือกไม่นำเข้าคอลัมน์นี้',
    en: 'You chose not to import this column',
  },
  unnamed: {
    th: 'คอลัมน์ไม่มีชื่อแต่มีข้อมูล จะไม่ถูกนำเข้า',
    en: 'A column without a name holds data: it will not be imported',
  },
  timestampUsed: {
    th: 'ใช้เฉพาะวันที่เป็นวันที่ตอบ เวลาไม่ถูกเก็บ',
    en: 'Only the day is kept, as the day of the answer; the time is not stored',
  },
  noComment: {
    th: 'แบบวัดนี้ไม่มีคำถามปลายเปิด ข้อเสนอแนะจะไม่ถูกนำเข้า',
    en: 'This survey asks no free-text question: the comments will not be imported',
  },
  timestampUnused: {
    th: 'มีคอลัมน์ date แล้ว จึงไม่ใช้ประทับเวลา และไม่ถูกเก็บ',
    en: 'The date column is used instead; the timestamp is not stored',
  },
  otherTime: {
    th: 'เวลาของระบบแบบฟอร์ม ไม่ใช้เป็นวันที่ตอบ และไม่ถูกเก็บ',
    en: 'A time of the form tool: not the day of the answer, and not stored',
  },
} satisfies Record<string, Message>;

/** The note shown for a timestamp column whose day is used. */
export const TIMESTAMP_NOTE: Message = IGNORED.timestampUsed;
/** The reason given for a personal column. */
export const PERSONAL_NOTE: Message = IGNORED.personal;

/** Whether the instrument asks the optional free-text question. */
export function asksComment(
  edition: Pick<Edition, 'instruments'>,
  instrumentCode: string,
): boolean {
  return Boolean(edition.instruments.find((i) => i.code === instrumentCode)?.comment);
}

/** The header's entry of a mapping: by its position ("#3") when given, or by its text (loosely). */
function mappedTarget(mapping: ColumnMapping | undefined, name: string, position?: number) {
  if (!mapping) return undefined;
  const byPosition = position === undefined ? undefined : mapping[`#${position}`];
  if (byPosition !== undefined && byPosition.trim() !== '') return byPosition.trim();
  const key = normaliseCell(name);
  for (const [header, target] of Object.entries(mapping)) {
    if (normaliseCell(header) === key && target.trim() !== '') return target.trim();
  }
  return undefined;
}

/** What the header reader needs beside the header. */
export interface HeaderContext {
  edition: Pick<Edition, 'instruments' | 'scales'>;
  instrumentCode: string;
  items: readonly ImportItem[];
  /** What the person chose in this dry run (header or "#position" → target). */
  mapping?: ColumnMapping;
  /** What the agency confirmed for an earlier file of this instrument and edition. */
  savedMapping?: ColumnMapping;
}

/** Reads the header row: item, date and timestamp columns, warnings, and problems with the file. */
export function readImportHeader(
  header: readonly string[],
  context: HeaderContext,
): { columns: ImportColumn[]; fileErrors: Message[] } {
  const { edition, instrumentCode, items } = context;
  const byCode = new Map(items.map((item) => [item.code.toLowerCase(), item.code]));
  const { parents, elsewhere } = otherCodes(edition, instrumentCode);
  const wording = buildWordingIndex(edition, instrumentCode);
  const comments = asksComment(edition, instrumentCode);
  const fileErrors: Message[] = [];
  const taken = new Set<string>();

  /** The column a mapping target makes (null: the target is not one this instrument has). */
  const fromTarget = (name: string, target: string, source: MatchSource): ImportColumn | null => {
    const lower = target.toLowerCase();
    if (lower === 'ignore') return { kind: 'ignored', name, reason: IGNORED.chosen, source };
    if (lower === 'date') return { kind: 'date', name, source };
    if (lower === 'comment')
      return comments
        ? { kind: 'comment', name, source }
        : { kind: 'ignored', name, reason: IGNORED.noComment, source };
    const code = byCode.get(lower);
    return code === undefined ? null : { kind: 'item', name, code, source };
  };

  /** What is wrong with the header being read (a code that is no item), unless a choice settles it. */
  let problem: Message | null = null;

  /** The person's choice wins; a choice that repeats what was found keeps how it was found. */
  const readColumn = (raw: string, position: number): ImportColumn => {
    const name = raw.trim();
    problem = null;
    const found = findColumn(name);
    const chosen = mappedTarget(context.mapping, name, position);
    if (chosen === undefined || (chosen.toLowerCase() === targetOf(found) && !problem)) {
      if (problem) fileErrors.push(problem);
      return found;
    }
    const column = fromTarget(name, chosen, 'chosen');
    if (column) return column;
    fileErrors.push(unknownTarget(name, chosen, instrumentCode));
    return { kind: 'ignored', name, reason: IGNORED.other, source: null };
  };

  const findColumn = (name: string): ImportColumn => {
    const key = normaliseCell(name);
    const coded = readCode(key, byCode, parents);
    if (coded.code !== undefined) return { kind: 'item', name, code: coded.code, source: 'code' };
    const saved = mappedTarget(context.savedMapping, name);
    const fromSaved = saved === undefined ? null : fromTarget(name, saved, 'saved');
    if (fromSaved) return fromSaved;
    const nameKey = wordingKey(name);
    if (DATE_NAMES.has(nameKey)) return { kind: 'date', name, source: 'name' };
    if (COMMENT_NAMES.has(nameKey)) return fromTarget(name, 'comment', 'name') as ImportColumn;
    const rank = TIMESTAMP_RANKS.get(nameKey);
    if (rank !== undefined) return { kind: 'timestamp', name, rank, source: 'name' };
    if (OTHER_TIMES.has(nameKey))
      return { kind: 'ignored', name, reason: IGNORED.otherTime, source: 'name' };
    const worded = name === '' ? undefined : matchWording(name, wording, taken);
    if (worded !== undefined) return fromTarget(name, worded, 'wording') as ImportColumn;
    if (coded.candidate !== undefined && name !== '') {
      problem = unknownItem(name, coded.candidate, instrumentCode, parents, elsewhere);
      return { kind: 'ignored', name, reason: IGNORED.other, source: null };
    }
    if (key === '') return { kind: 'ignored', name, reason: IGNORED.unnamed, source: null };
    if (PERSONAL.test(key)) return { kind: 'personal', name, source: 'name' };
    return { kind: 'ignored', name, reason: IGNORED.other, source: null };
  };

  const columns = header.map((raw, index) => {
    const column = readColumn(raw, index + 1);
    const target = targetOf(column);
    if (column.kind === 'item' || column.kind === 'comment') {
      if (taken.has(target)) fileErrors.push(repeated(column.name, target));
      taken.add(target);
    }
    return column;
  });
  return { columns: settleDayColumns(columns, fileErrors), fileErrors };
}

/** What a column stands for: an item code, 'date', 'comment', 'personal' or 'ignore'. */
export function targetOf(column: ImportColumn): string {
  switch (column.kind) {
    case 'item':
      return column.code.toLowerCase();
    case 'date':
    case 'timestamp':
      return 'date';
    case 'comment':
      return 'comment';
    case 'personal':
      return 'personal';
    case 'ignored':
      return 'ignore';
  }
}

/** An item code at the start of the header (or LimeSurvey's "question[row]"), known or not. */
function readCode(
  key: string,
  byCode: ReadonlyMap<string, string>,
  parents: ReadonlyMap<string, string[]>,
): { code?: string; candidate?: string } {
  const lime = LIMESURVEY_ROW.exec(key);
  if (lime) {
    const [, question = '', row = ''] = lime;
    const rows = parents.get(question) ?? [];
    const position = /^(?:sq)?0*(\d+)$/.exec(row)?.[1];
    const code =
      byCode.get(row) ??
      byCode.get(`${question}.${row}`) ??
      (position === undefined ? undefined : rows[Number(position) - 1]);
    if (code !== undefined) return { code };
    return { candidate: `${question}[${row}]` };
  }
  const candidate = CODE_AT_START.exec(key)?.[1];
  const code = candidate === undefined ? undefined : byCode.get(candidate);
  return code === undefined ? { candidate } : { code };
}

/** Keeps one day source: the date column, else the best-ranked timestamp; the rest are ignored. */
function settleDayColumns(columns: ImportColumn[], fileErrors: Message[]): ImportColumn[] {
  const dates = columns.filter((c) => c.kind === 'date');
  if (dates.length > 1) fileErrors.push(repeated(dates[1]?.name ?? 'date', 'date'));
  const stamps = columns.flatMap((c) => (c.kind === 'timestamp' ? [c] : []));
  const best = dates.length > 0 ? null : stamps.sort((a, b) => a.rank - b.rank)[0];
  return columns.map((column) => {
    if (column.kind !== 'timestamp' || column === best) return column;
    const reason = dates.length > 0 ? IGNORED.timestampUnused : IGNORED.otherTime;
    return { kind: 'ignored', name: column.name, reason, source: column.source };
  });
}

function repeated(name: string, code: string): Message {
  return {
    th: `แถวหัวตารางมีคอลัมน์ ${code} ซ้ำ ("${name}")`,
    en: `The header repeats the column ${code} ("${name}")`,
  };
}

function unknownTarget(name: string, target: string, instrumentCode: string): Message {
  return {
    th: `คอลัมน์ "${name}": เลือก "${target}" ไว้ แต่ไม่มีข้อนี้ในแบบวัด ${instrumentCode}`,
    en: `Column "${name}": "${target}" was chosen, but ${instrumentCode} has no such item`,
  };
}

function unknownItem(
  name: string,
  candidate: string,
  instrumentCode: string,
  parents: Map<string, string[]>,
  elsewhere: Map<string, string>,
): Message {
  const subItems = parents.get(candidate);
  if (subItems) {
    return {
      th: `คอลัมน์ "${name}": ข้อ ${candidate} มีข้อย่อย ให้ตอบแยกในคอลัมน์ ${subItems.join(', ')}`,
      en: `Column "${name}": ${candidate} has sub-items; answer them in columns ${subItems.join(', ')}`,
    };
  }
  const other = elsewhere.get(candidate);
  if (other) {
    return {
      th: `คอลัมน์ "${name}": ข้อ ${candidate} เป็นของแบบวัด ${other} ไม่ใช่ ${instrumentCode} กรุณานำเข้าแยกไฟล์`,
      en: `Column "${name}": ${candidate} belongs to ${other}, not ${instrumentCode}; import it separately`,
    };
  }
  return {
    th: `คอลัมน์ "${name}": ไม่มีข้อ ${candidate} ในแบบวัด ${instrumentCode} (ดูรหัสข้อจากไฟล์แม่แบบ หรือเลือกข้อที่ตรงกันในตารางคอลัมน์)`,
    en: `Column "${name}": there is no item ${candidate} in ${instrumentCode} (see the template for item codes, or choose the matching item in the column table)`,
  };
}
