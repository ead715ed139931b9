import { formatCsv } from '../../../core/csv-format.js';
import {
  describeCsvSyntaxError,
  readCsvRecords,
  tooManyRowsMessage,
  type CsvRecord,
} from '../../../core/csv-records.js';
import type { Message } from '../../../core/errors.js';
import type { Edition } from '../../../core/framework/edition.schema.js';
import { prepareComment } from './comment-text.js';
import {
  asksComment,
  listImportItems,
  normaliseCell,
  readImportHeader,
  TIMESTAMP_NOTE,
  type IgnoredColumn,
  type ImportColumn,
  type ImportItem,
} from './response-import-columns.js';

export type { IgnoredColumn } from './response-import-columns.js';

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
}

/** What the reader needs: the edition's instruments and scales, the instrument, and today. */
export interface ResponseImportSpec {
  edition: Pick<Edition, 'instruments' | 'scales'>;
  instrumentCode: string;
  /** Today's date (YYYY-MM-DD): the day of rows without a date, and the latest day allowed. */
  today: string;
}

const YEAR_FIRST = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:$|[T\s,])/;
const DAY_FIRST = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?:$|[T\s,])/;

/**
 * Reads a day from a date or timestamp cell: YYYY-MM-DD (or with / or .), or D/M/YYYY as
 * Thai spreadsheets write it; anything after the day (a time) is dropped. A year from 2400 is
 * a Buddhist-era year and becomes Gregorian (2569 → 2026). Null when it is not a real day.
 */
export function parseImportDay(text: string): string | null {
  const value = text.trim();
  const first = YEAR_FIRST.exec(value);
  const parts = first
    ? [first[1], first[2], first[3]]
    : ((m) => (m ? [m[3], m[2], m[1]] : null))(DAY_FIRST.exec(value));
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

function cellError(line: number, column: string, th: string, en: string): ImportCellError {
  const at = column === 'row' ? '' : ` คอลัมน์ ${column}`;
  const atEn = column === 'row' ? '' : `, column ${column}`;
  return {
    column,
    message: { th: `บรรทัดที่ ${line}${at}: ${th}`, en: `Line ${line}${atEn}: ${en}` },
  };
}

function readDay(line: number, column: ImportColumn, cell: string, today: string) {
  if (cell.trim() === '') return { day: today, error: null };
  const day = parseImportDay(cell);
  if (day === null) {
    const th = `อ่านวันที่ "${cell}" ไม่ได้ ใช้รูปแบบ ปปปป-ดด-วว เช่น 2026-05-14 หรือ 2569-05-14`;
    const en = `Cannot read the date "${cell}"; write YYYY-MM-DD, e.g. 2026-05-14 or 2569-05-14`;
    return { day: today, error: cellError(line, column.name, th, en) };
  }
  if (day > today) {
    const th = `วันที่ ${day} ยังมาไม่ถึง`;
    const en = `The date ${day} is in the future`;
    return { day: today, error: cellError(line, column.name, th, en) };
  }
  return { day, error: null };
}

function readRow(
  record: CsvRecord,
  columns: readonly ImportColumn[],
  items: ReadonlyMap<string, ImportItem>,
  today: string,
): ImportedRow {
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
      const { day, error } = readDay(record.line, column, cell, today);
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
    const code = item.values.get(normaliseCell(cell));
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

function fileError(th: string, en: string): ResponseImportResult & { rows: [] } {
  return { rows: [], fileErrors: [{ th, en }], ignoredColumns: [], itemColumns: [] };
}

function listIgnored(columns: ImportColumn[], data: readonly CsvRecord[]): IgnoredColumn[] {
  const ignored: IgnoredColumn[] = [];
  columns.forEach((column, index) => {
    if (column.kind === 'timestamp') ignored.push({ column: column.name, reason: TIMESTAMP_NOTE });
    if (column.kind !== 'ignored') return;
    const holdsData = data.some((record) => (record.fields[index] ?? '').trim() !== '');
    if (column.name !== '' || holdsData)
      ignored.push({ column: column.name || `#${index + 1}`, reason: column.reason });
  });
  return ignored;
}

/**
 * Reads records (header first: item codes, an optional date column) against a survey
 * instrument: answers as option codes or labels, blank cells unanswered. Columns that are not
 * items (names, e-mails, timestamps) are never read as answers; they are listed as ignored.
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
  const { columns, fileErrors } = readImportHeader(
    header.fields,
    spec.edition,
    spec.instrumentCode,
    items,
  );
  const itemColumns = columns.flatMap((c) => (c.kind === 'item' ? [c.code] : []));
  const ignoredColumns = listIgnored(columns, data);
  if (itemColumns.length === 0) {
    fileErrors.push({
      th: `แถวแรกไม่มีรหัสข้อของแบบวัด ${spec.instrumentCode} (เช่น ${items[0]?.code ?? ''}) ดาวน์โหลดไฟล์แม่แบบเพื่อดูหัวตาราง`,
      en: `The first row has no item code of ${spec.instrumentCode} (e.g. ${items[0]?.code ?? ''}); download the template for the header`,
    });
  }
  if (data.length === 0)
    fileErrors.push({ th: 'ไฟล์ไม่มีแถวคำตอบ', en: 'The file has no answer rows' });
  if (data.length > MAX_IMPORT_ROWS) fileErrors.push(tooManyRowsMessage(MAX_IMPORT_ROWS));
  if (fileErrors.length > 0) return { rows: [], fileErrors, ignoredColumns, itemColumns };
  const byCode = new Map(items.map((item) => [item.code, item]));
  const rows = data.map((record) => readRow(record, columns, byCode, spec.today));
  return { rows, fileErrors, ignoredColumns, itemColumns };
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

/** The template of an instrument: a date column, one column per item in form order, and "comment" when the instrument asks for one. */
export function buildTemplateHeader(
  edition: Pick<Edition, 'instruments' | 'scales'>,
  instrumentCode: string,
): string[] {
  const items = listImportItems(edition, instrumentCode).map((item) => item.code);
  return ['date', ...items, ...(asksComment(edition, instrumentCode) ? ['comment'] : [])];
}

/** The rows of a clean result as CSV with only what is imported (date and item columns). */
export function formatImportedRows(result: ResponseImportResult): string {
  const comments = result.rows.some((row) => row.comment !== undefined);
  const rows = result.rows.map((row) => [
    row.day,
    ...result.itemColumns.map((code) => row.answers[code] ?? ''),
    ...(comments ? [row.comment ?? ''] : []),
  ]);
  return formatCsv(['date', ...result.itemColumns, ...(comments ? ['comment'] : [])], rows);
}
