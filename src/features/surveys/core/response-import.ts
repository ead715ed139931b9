import { formatCsv } from '../../../core/csv-format.js';
import {
  describeCsvSyntaxError,
  readCsvRecords,
  tooManyRowsMessage,
  type CsvRecord,
} from '../../../core/csv-records.js';
import type { Message } from '../../../core/errors.js';
import type { Edition, Text } from '../../../core/framework/edition.schema.js';
import { prepareComment } from './comment-text.js';
import {
  asksComment,
  listImportItems,
  normaliseCell,
  PERSONAL_NOTE,
  readImportHeader,
  TIMESTAMP_NOTE,
  westernDigits,
  wordingKey,
  type ColumnMapping,
  type IgnoredColumn,
  type ImportColumn,
  type ImportItem,
  type MatchSource,
} from './response-import-columns.js';

export type { ColumnMapping, IgnoredColumn, MatchSource } from './response-import-columns.js';
export { MAPPING_TARGETS } from './response-import-columns.js';

/** More rows than this in one file is a mistake (split the file), not an import. */
export const MAX_IMPORT_ROWS = 20_000;

/** A problem with one cell (or, with column 'row', the whole row) of one line. */
export interface ImportCellError {
  column: string;
  message: Message;
}

/** One respondent of the file: the answers by item code, the day, and what is wrong. */
export interface ImportedRow {
  line: number;
  answers: Record<string, string>;
  /** YYYY-MM-DD (Gregorian): the only time a response keeps. */
  day: string;
  errors: ImportCellError[];
  /** The free-text comment, already masked (core/voice); absent when the cell is blank. */
  comment?: string;
}

/** The whole file read against one instrument. */
export interface ResponseImportResult {
  rows: ImportedRow[];
  fileErrors: Message[];
  ignoredColumns: IgnoredColumn[];
  /** Item codes of the file's answer columns, in file order. */
  itemColumns: string[];
  /** What every column of the file was matched to, in file order. */
  columns: ColumnMatch[];
  /** The personal columns (e-mail, name, ID …): dropped, never read. */
  personalColumns: string[];
  /** The order of D/M/YYYY days: settled by the day column, or chosen; null when none is needed. */
  dayOrder: DayOrder | null;
  /** The day column reads two ways and nothing settles it: the person must choose (nothing is stored till then). */
  askDayOrder: boolean;
}

/** One column of the file and its meaning, as the dry run shows it. */
export interface ColumnMatch {
  /** The header as written ("#3" for a column without one). */
  column: string;
  /** 1-based position in the file. */
  position: number;
  /** An item code, or 'date', 'comment', 'personal' (dropped) or 'ignore'. */
  target: string;
  /** The item's wording (or the comment question's); null for other targets. */
  wording: Text | null;
  /** How the match was made; null for a column nothing matched. */
  source: MatchSource | null;
}

/** What the reader needs: the edition's instruments and scales, the instrument, and today. */
export interface ResponseImportSpec {
  edition: Pick<Edition, 'instruments' | 'scales'>;
  instrumentCode: string;
  /** Today's date (YYYY-MM-DD): the day of rows without a date, and the latest day allowed. */
  today: string;
  /** The person's corrections in this dry run: header (or "#position") → item code, 'date', 'comment' or 'ignore'. */
  mapping?: ColumnMapping;
  /** The agency's confirmed mapping of an earlier file of this instrument and edition. */
  savedMapping?: ColumnMapping;
  /** The person's answer when the day column cannot settle D/M against M/D. */
  dayOrder?: DayOrder;
}

const YEAR_FIRST = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:$|[T\s,])/;
const DAY_OR_MONTH_FIRST = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?:$|[T\s,])/;

/** The order of the first two parts of a date like 5/6/2026: day first or month first. */
export type DayOrder = 'dmy' | 'mdy';

/**
 * Reads a day from a date or timestamp cell: YYYY-MM-DD (or with / or .), or D/M/YYYY
 * (M/D/YYYY when `order` is 'mdy'); anything after the day (a time) is dropped. A year from
 * 2400 is a Buddhist-era year and becomes Gregorian (2569 → 2026). Null when it is not a real day.
 */
export function parseImportDay(text: string, order: DayOrder = 'dmy'): string | null {
  const value = westernDigits(text.trim());
  const first = YEAR_FIRST.exec(value);
  const other = first ? null : DAY_OR_MONTH_FIRST.exec(value);
  const parts = first
    ? [first[1], first[2], first[3]]
    : other
      ? order === 'dmy'
        ? [other[3], other[2], other[1]]
        : [other[3], other[1], other[2]]
      : null;
  if (!parts) return null;
  let year = Number(parts[0]);
  const month = Number(parts[1]);
  const day = Number(parts[2]);
  if (year >= 2400) year -= 543;
  if (year < 1900 || year > 2200) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

/**
 * What a whole day column says about its order: a first part above 12 anywhere settles D/M, a
 * second part above 12 settles M/D; `both` when it says both (the column mixes formats), and
 * `open` when some value reads two ways (5/6/2026) and nothing settles it.
 */
export function settleDayOrder(cells: readonly string[]): {
  order: DayOrder | null;
  open: boolean;
  both: boolean;
} {
  let dmy = false;
  let mdy = false;
  let open = false;
  for (const cell of cells) {
    const match = DAY_OR_MONTH_FIRST.exec(westernDigits(cell.trim()));
    if (!match) continue;
    const a = Number(match[1]);
    const b = Number(match[2]);
    if (a > 12) dmy = true;
    else if (b > 12) mdy = true;
    else if (a !== b) open = true;
  }
  if (dmy && mdy) return { order: null, open: false, both: true };
  if (dmy || mdy) return { order: dmy ? 'dmy' : 'mdy', open: false, both: false };
  return { order: null, open, both: false };
}

function cellError(line: number, column: string, th: string, en: string): ImportCellError {
  const at = column === 'row' ? '' : ` คอลัมน์ ${column}`;
  const atEn = column === 'row' ? '' : `, column ${column}`;
  return {
    column,
    message: { th: `บรรทัดที่ ${line}${at}: ${th}`, en: `Line ${line}${atEn}: ${en}` },
  };
}

function readDay(line: number, column: string, cell: string, today: string, order: DayOrder) {
  if (cell.trim() === '') return { day: today, error: null };
  const day = parseImportDay(cell, order);
  if (day === null) {
    const th = `อ่านวันที่ "${cell}" ไม่ได้ ใช้รูปแบบ ปปปป-ดด-วว เช่น 2026-05-14 หรือ 2569-05-14`;
    const en = `Cannot read the date "${cell}"; write YYYY-MM-DD, e.g. 2026-05-14 or 2569-05-14`;
    return { day: today, error: cellError(line, column, th, en) };
  }
  if (day > today) {
    const th = `วันที่ ${day} ยังมาไม่ถึง`;
    const en = `The date ${day} is in the future`;
    return { day: today, error: cellError(line, column, th, en) };
  }
  return { day, error: null };
}

/** "4 - มากที่สุด", "4. most", "Y) มี": the option's code, then its label. */
const NUMBERED_LABEL = /^([0-9\u0e50-\u0e59]+|[a-z]{1,2})\s*[-–—.:)]\s*(\S.*)$/i;

/**
 * The option code a cell stands for: the option's code, its Thai or English label (loosely
 * compared), or "code - label" when the label is not another option's. Undefined otherwise.
 */
export function readChoice(item: Pick<ImportItem, 'values'>, cell: string): string | undefined {
  const direct = item.values.get(wordingKey(cell));
  if (direct !== undefined) return direct;
  const numbered = NUMBERED_LABEL.exec(westernDigits(cell.trim()));
  if (!numbered) return undefined;
  const byCode = item.values.get(wordingKey(numbered[1] ?? ''));
  const byLabel = item.values.get(wordingKey(numbered[2] ?? ''));
  return byLabel === undefined || byLabel === byCode ? byCode : undefined;
}

interface RowContext {
  columns: readonly ImportColumn[];
  items: ReadonlyMap<string, ImportItem>;
  today: string;
  order: DayOrder;
}

function readRow(record: CsvRecord, { columns, items, today, order }: RowContext): ImportedRow {
  const row: ImportedRow = { line: record.line, answers: {}, day: today, errors: [] };
  let invalid = 0;
  const extra = record.fields.slice(columns.length).some((cell) => cell.trim() !== '');
  if (extra) {
    const th = `มี ${record.fields.length} ช่อง แต่หัวตารางมี ${columns.length} คอลัมน์`;
    const en = `${record.fields.length} fields, but the header has ${columns.length} columns`;
    row.errors.push(cellError(record.line, 'row', th, en));
  }
  columns.forEach((column, index) => {
    const cell = record.fields[index] ?? '';
    if (column.kind === 'date' || column.kind === 'timestamp') {
      const { day, error } = readDay(record.line, column.name, cell, today, order);
      row.day = day;
      if (error) row.errors.push(error);
      return;
    }
    if (column.kind === 'comment') {
      const comment = prepareComment(cell);
      if (comment !== null) row.comment = comment;
      return;
    }
    const item = column.kind === 'item' ? items.get(column.code) : undefined;
    if (!item || cell.trim() === '') return;
    const code = readChoice(item, cell);
    if (code !== undefined) row.answers[item.code] = code;
    else {
      const th = `คำตอบ "${cell.trim()}" ไม่อยู่ในตัวเลือกของข้อ ${item.code} (${item.optionList})`;
      const en = `The answer "${cell.trim()}" is not an option of ${item.code} (${item.optionList})`;
      row.errors.push(cellError(record.line, column.name, th, en));
      invalid += 1;
    }
  });
  if (Object.keys(row.answers).length === 0 && invalid === 0) {
    const th = 'แถวนี้ไม่มีคำตอบเลย ลบแถวออกหรือกรอกคำตอบ';
    const en = 'This row has no answer at all; remove it or fill in the answers';
    row.errors.push(cellError(record.line, 'row', th, en));
  }
  return row;
}

const EMPTY_RESULT = {
  rows: [],
  ignoredColumns: [],
  itemColumns: [],
  columns: [],
  personalColumns: [],
  dayOrder: null,
  askDayOrder: false,
} satisfies Omit<ResponseImportResult, 'fileErrors'>;

function fileError(th: string, en: string): ResponseImportResult {
  return { ...EMPTY_RESULT, fileErrors: [{ th, en }] };
}

/** A result that is only a file error (a workbook that cannot be read). */
export function importFileError(message: Message): ResponseImportResult {
  return { ...EMPTY_RESULT, fileErrors: [message] };
}

function listIgnored(columns: ImportColumn[], data: readonly CsvRecord[]): IgnoredColumn[] {
  const ignored: IgnoredColumn[] = [];
  columns.forEach((column, index) => {
    if (column.kind === 'timestamp') ignored.push({ column: column.name, reason: TIMESTAMP_NOTE });
    if (column.kind === 'personal') ignored.push({ column: column.name, reason: PERSONAL_NOTE });
    if (column.kind !== 'ignored') return;
    const holdsData = data.some((record) => (record.fields[index] ?? '').trim() !== '');
    if (column.name !== '' || holdsData)
      ignored.push({ column: column.name || `#${index + 1}`, reason: column.reason });
  });
  return ignored;
}

function describeColumns(columns: ImportColumn[], spec: ResponseImportSpec, items: ImportItem[]) {
  const texts = new Map(items.map((item) => [item.code, item.text]));
  const comment =
    spec.edition.instruments.find((i) => i.code === spec.instrumentCode)?.comment?.text ?? null;
  return columns.map((column, index): ColumnMatch => {
    const base = { column: column.name || `#${index + 1}`, position: index + 1 };
    switch (column.kind) {
      case 'item':
        return {
          ...base,
          target: column.code,
          wording: texts.get(column.code) ?? null,
          source: column.source,
        };
      case 'date':
      case 'timestamp':
        return { ...base, target: 'date', wording: null, source: column.source };
      case 'comment':
        return { ...base, target: 'comment', wording: comment, source: column.source };
      case 'personal':
        return { ...base, target: 'personal', wording: null, source: column.source };
      case 'ignored':
        return { ...base, target: 'ignore', wording: null, source: column.source };
    }
  });
}

/** The day order of the file's day column: settled by its values, chosen, or to be asked. */
function decideDayOrder(
  columns: readonly ImportColumn[],
  data: readonly CsvRecord[],
  chosen: DayOrder | undefined,
): { dayOrder: DayOrder | null; askDayOrder: boolean; error: Message | null } {
  const index = columns.findIndex((c) => c.kind === 'date' || c.kind === 'timestamp');
  if (index < 0) return { dayOrder: null, askDayOrder: false, error: null };
  const name = columns[index]?.name ?? '';
  const settled = settleDayOrder(data.map((record) => record.fields[index] ?? ''));
  if (settled.order) return { dayOrder: settled.order, askDayOrder: false, error: null };
  if (!settled.open && !settled.both) return { dayOrder: null, askDayOrder: false, error: null };
  if (chosen) return { dayOrder: chosen, askDayOrder: false, error: null };
  const error = settled.both
    ? {
        th: `คอลัมน์ "${name}" มีทั้งวันที่แบบ วัน/เดือน และ เดือน/วัน เลือกลำดับที่ใช้ แล้วแก้แถวที่ไม่ตรง`,
        en: `The column "${name}" holds both day/month and month/day dates: choose the order, then correct the rows that differ`,
      }
    : {
        th: `วันที่ในคอลัมน์ "${name}" อ่านได้สองแบบ (เช่น 5/6 คือ 5 มิถุนายน หรือ 6 พฤษภาคม) เลือกว่าเป็น วัน/เดือน/ปี หรือ เดือน/วัน/ปี ยังไม่มีการบันทึกคำตอบใด`,
        en: `The dates in the column "${name}" read two ways (5/6 is 5 June or May 6): choose day/month/year or month/day/year. Nothing is stored until then`,
      };
  return { dayOrder: null, askDayOrder: true, error };
}

/**
 * Reads records (header first) against a survey instrument. Columns are matched to items by
 * code, by the question's and row's wording, or by a mapping (the person's, else the agency's
 * saved one); answers are option codes or labels, blank cells unanswered; the day comes from a
 * date or form timestamp column, its D/M order decided from the whole column. Columns that
 * are not items (names, e-mails, times) are never read as answers; they are listed.
 */
export function parseResponseRecords(
  records: readonly CsvRecord[],
  spec: ResponseImportSpec,
): ResponseImportResult {
  const [header, ...rest] = records;
  // a line of empty cells (",,,", as spreadsheets export) is blank, like an empty line
  const data = rest.filter((record) => record.fields.some((cell) => cell.trim() !== ''));
  if (!header) return fileError('ไฟล์ว่าง ไม่มีแถวหัวตาราง', 'The file is empty: no header row');
  const items = listImportItems(spec.edition, spec.instrumentCode);
  const { columns, fileErrors } = readImportHeader(header.fields, { ...spec, items });
  const itemColumns = columns.flatMap((c) => (c.kind === 'item' ? [c.code] : []));
  const described = {
    ignoredColumns: listIgnored(columns, data),
    itemColumns,
    columns: describeColumns(columns, spec, items),
    personalColumns: columns.flatMap((c) => (c.kind === 'personal' ? [c.name] : [])),
  };
  if (itemColumns.length === 0) {
    fileErrors.push({
      th: `แถวแรกไม่มีรหัสข้อหรือข้อความคำถามของแบบวัด ${spec.instrumentCode} (เช่น ${items[0]?.code ?? ''}) เลือกข้อที่ตรงกับแต่ละคอลัมน์ในตารางคอลัมน์ หรือดาวน์โหลดไฟล์แม่แบบเพื่อดูหัวตาราง`,
      en: `The first row has no item code of ${spec.instrumentCode} (e.g. ${items[0]?.code ?? ''}) nor a question's wording; choose the item of each column in the column table, or download the template for the header`,
    });
  }
  if (data.length === 0)
    fileErrors.push({ th: 'ไฟล์ไม่มีแถวคำตอบ', en: 'The file has no answer rows' });
  if (data.length > MAX_IMPORT_ROWS) fileErrors.push(tooManyRowsMessage(MAX_IMPORT_ROWS));
  const { dayOrder, askDayOrder, error } = decideDayOrder(columns, data, spec.dayOrder);
  if (error) fileErrors.push(error);
  const result = { ...described, fileErrors, dayOrder, askDayOrder };
  if (fileErrors.length > 0) return { ...result, rows: [] };
  const byCode = new Map(items.map((item) => [item.code, item]));
  const context = { columns, items: byCode, today: spec.today, order: dayOrder ?? 'dmy' };
  return { ...result, rows: data.map((record) => readRow(record, context)) };
}

/** Reads CSV text (RFC 4180, UTF-8, header row first) against a survey instrument. */
export function parseResponseCsv(text: string, spec: ResponseImportSpec): ResponseImportResult {
  const { records, error } = readCsvRecords(text);
  if (error) {
    const { th, en } = describeCsvSyntaxError(error);
    return fileError(th, en);
  }
  return parseResponseRecords(records, spec);
}

/**
 * The mapping to keep after an import: every column matched by wording, chosen by the person
 * or taken from the saved mapping, keyed by its header (loosely compared), over `saved`.
 * Columns matched by code or known names need no keeping.
 */
export function mappingToKeep(
  result: Pick<ResponseImportResult, 'columns'>,
  saved: ColumnMapping = {},
): ColumnMapping {
  const kept: ColumnMapping = { ...saved };
  for (const column of result.columns) {
    const keep =
      column.source === 'wording' || column.source === 'chosen' || column.source === 'saved';
    if (!keep || column.column.startsWith('#') || column.target === 'personal') continue;
    kept[normaliseCell(column.column)] = column.target;
  }
  return kept;
}

/** The template of an instrument: a date column, one column per item in form order, and "comment" when the instrument asks for one. */
export function buildTemplateHeader(
  edition: Pick<Edition, 'instruments' | 'scales'>,
  instrumentCode: string,
): string[] {
  const items = listImportItems(edition, instrumentCode).map((item) => item.code);
  return ['date', ...items, ...(asksComment(edition, instrumentCode) ? ['comment'] : [])];
}

/**
 * A workbook's sheet as CSV for the page's text box, so that corrections of the column
 * matches apply to the same columns: every column kept in place, the personal ones emptied
 * (their header stays, so they are listed again, never their values).
 */
export function formatReviewCsv(
  records: readonly CsvRecord[],
  result: Pick<ResponseImportResult, 'columns'>,
): string {
  const personal = new Set(
    result.columns.filter((c) => c.target === 'personal').map((c) => c.position - 1),
  );
  const [header, ...rest] = records;
  if (!header) return '';
  const rows = rest.map((record) =>
    record.fields.map((cell, index) => (personal.has(index) ? '' : cell)),
  );
  return formatCsv(header.fields, rows).replace(/^\uFEFF/, '');
}
