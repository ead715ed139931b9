import type { Message } from '../../../core/errors.js';
import type { Edition } from '../../../core/framework/edition.schema.js';
import { buildSurveySteps } from './survey-form.js';

/** One answerable item of the instrument with the cell values that stand for each option. */
export interface ImportItem {
  code: string;
  /** Normalised cell text (code, Thai label, English label) → option code. */
  values: Map<string, string>;
  /** The options as "code=label" for messages. */
  optionList: string;
}

/** What one header cell of the file means. */
export type ImportColumn =
  | { kind: 'item'; name: string; code: string }
  | { kind: 'date'; name: string }
  | { kind: 'timestamp'; name: string }
  /** The free-text comment (stakeholder voice), masked when read. */
  | { kind: 'comment'; name: string }
  | { kind: 'ignored'; name: string; reason: Message };

/** A column the import leaves out, and why (shown as a warning, never an error). */
export interface IgnoredColumn {
  column: string;
  reason: Message;
}

const DATE_NAMES = new Set(['date', 'day', 'submitted_on', 'วันที่', 'วันที่ตอบ']);
const COMMENT_NAMES = new Set(['comment', 'comments', 'ความคิดเห็น', 'ข้อเสนอแนะ', 'ข้อเสนอแนะเพิ่มเติม']);
const TIMESTAMP = /^(timestamp|ประทับเวลา|ประทับเวลา\s*\(timestamp\))$/;
const PERSONAL = /e-?mail|อีเมล|name|ชื่อ|สกุล|phone|โทร|ที่อยู่|address|ip\b|เลขประจำตัว|id card/;
/** An item code at the start of a header: "i1.1", "[i1.1] ข้อความ", "i1.1. ข้อความ". */
const CODE_AT_START = /^\[?([a-z]{1,3}\d+(?:\.\d+)*)\]?\.?(?:[\s:)]|$)/;

/** Lower-cased, NFC, single spaces, and Thai sara am in one form (typed two ways in the wild). */
export function normaliseCell(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\u0e4d\u0e32/g, '\u0e33')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
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
            values.set(normaliseCell(text), option.code);
        }
        const optionList = question.options.map((o) => `${o.code}=${o.label.th}`).join(', ');
        return { code: item.code, values, optionList };
      }),
    ),
  );
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

const IGNORED = {
  personal: {
    th: 'ข้อมูลระบุตัวบุคคล จะไม่ถูกนำเข้า (ควรลบคอลัมน์นี้ออกจากไฟล์ก่อนส่งต่อ)',
    en: 'Identifies a person: it will not be imported (better remove it from the file before sharing)',
  },
  other: {
    th: 'ไม่ใช่ข้อคำถามของแบบวัดนี้ จะไม่ถูกนำเข้า',
    en: 'Not a question of this survey: it will not be imported',
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
} satisfies Record<string, Message>;

/** Reads the header row: item, date and timestamp columns, warnings, and problems with the file. */
export function readImportHeader(
  header: readonly string[],
  edition: Pick<Edition, 'instruments' | 'scales'>,
  instrumentCode: string,
  items: readonly ImportItem[],
): { columns: ImportColumn[]; fileErrors: Message[] } {
  const byCode = new Map(items.map((item) => [item.code.toLowerCase(), item.code]));
  const { parents, elsewhere } = otherCodes(edition, instrumentCode);
  const fileErrors: Message[] = [];
  const seen = new Set<string>();
  const columns = header.map((raw): ImportColumn => {
    const name = raw.trim();
    const key = normaliseCell(name);
    const candidate = CODE_AT_START.exec(key)?.[1];
    const code = candidate === undefined ? undefined : byCode.get(candidate);
    if (code !== undefined) {
      if (seen.has(code)) fileErrors.push(repeated(name, code));
      seen.add(code);
      return { kind: 'item', name, code };
    }
    if (candidate !== undefined && name !== '') {
      fileErrors.push(unknownItem(name, candidate, instrumentCode, parents, elsewhere));
      return { kind: 'ignored', name, reason: IGNORED.other };
    }
    if (DATE_NAMES.has(key)) return { kind: 'date', name };
    if (COMMENT_NAMES.has(key)) {
      if (!asksComment(edition, instrumentCode))
        return { kind: 'ignored', name, reason: IGNORED.noComment };
      if (seen.has('comment')) fileErrors.push(repeated(name, 'comment'));
      seen.add('comment');
      return { kind: 'comment', name };
    }
    if (TIMESTAMP.test(key)) return { kind: 'timestamp', name };
    if (key === '') return { kind: 'ignored', name, reason: IGNORED.unnamed };
    return { kind: 'ignored', name, reason: PERSONAL.test(key) ? IGNORED.personal : IGNORED.other };
  });
  return { columns: settleDayColumns(columns, fileErrors), fileErrors };
}

/** Whether the instrument asks the optional free-text question. */
export function asksComment(
  edition: Pick<Edition, 'instruments'>,
  instrumentCode: string,
): boolean {
  return Boolean(edition.instruments.find((i) => i.code === instrumentCode)?.comment);
}

/** Keeps one day source: the date column, else the first timestamp; the rest are ignored. */
function settleDayColumns(columns: ImportColumn[], fileErrors: Message[]): ImportColumn[] {
  const dates = columns.filter((c) => c.kind === 'date');
  if (dates.length > 1) fileErrors.push(repeated(dates[1]?.name ?? 'date', 'date'));
  let dayTaken = dates.length > 0;
  return columns.map((column) => {
    if (column.kind !== 'timestamp') return column;
    if (!dayTaken) {
      dayTaken = true;
      return column;
    }
    const reason = dates.length > 0 ? IGNORED.timestampUnused : IGNORED.other;
    return { kind: 'ignored', name: column.name, reason };
  });
}

/** The note shown for a timestamp column whose day is used. */
export const TIMESTAMP_NOTE: Message = IGNORED.timestampUsed;

function repeated(name: string, code: string): Message {
  return {
    th: `แถวหัวตารางมีคอลัมน์ ${code} ซ้ำ ("${name}")`,
    en: `The header repeats the column ${code} ("${name}")`,
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
    th: `คอลัมน์ "${name}": ไม่มีข้อ ${candidate} ในแบบวัด ${instrumentCode} (ดูรหัสข้อจากไฟล์แม่แบบ)`,
    en: `Column "${name}": there is no item ${candidate} in ${instrumentCode} (see the template for item codes)`,
  };
}
