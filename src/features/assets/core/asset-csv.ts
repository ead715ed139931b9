import { dayField } from '../../../core/thai-calendar.js';
import { z } from 'zod';
import {
  describeCsvSyntaxError,
  readCsvRecords,
  tooManyRowsMessage,
  type CsvRecord,
} from '../../../core/csv-records.js';
import { splitMessage } from '../../agencies/core/agency-input.js';
import type { Message } from '../../../core/errors.js';

/** Columns of an asset register file; the last three may be left out. */
export const ASSET_CSV_COLUMNS = [
  'asset_number',
  'name',
  'category',
  'location',
  'custodian_unit',
  'acquired_on',
] as const;
const REQUIRED = ['asset_number', 'name', 'category'];
/** A register larger than this is split into several files. */
export const MAX_ASSET_ROWS = 5_000;

const emptyToNull = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : v);

/** One asset as typed in a form or read from a file. */
export const AssetInputSchema = z.object({
  assetNumber: z
    .string()
    .trim()
    .min(1, { message: 'กรุณาระบุเลขครุภัณฑ์ / enter the asset number' })
    .max(60, { message: 'เลขครุภัณฑ์ยาวเกินไป / the asset number is too long' }),
  name: z
    .string()
    .trim()
    .min(1, { message: 'กรุณาระบุชื่อทรัพย์สิน / enter the asset name' })
    .max(200, { message: 'ชื่อทรัพย์สินยาวเกินไป / the name is too long' }),
  category: z
    .string()
    .trim()
    .min(1, { message: 'กรุณาระบุประเภท / enter the category' })
    .max(100, { message: 'ประเภทยาวเกินไป / the category is too long' }),
  location: z.string().trim().max(200).default(''),
  custodianUnit: z.string().trim().max(200).default(''),
  acquiredOn: z.preprocess(emptyToNull, dayField().nullable()).default(null),
});
export type AssetInput = z.output<typeof AssetInputSchema>;

const FIELD_OF: Record<string, string> = {
  assetNumber: 'asset_number',
  name: 'name',
  category: 'category',
  location: 'location',
  custodianUnit: 'custodian_unit',
  acquiredOn: 'acquired_on',
};

/** A problem with one field of one row (`field` is the column name, or 'row'). */
export interface AssetRowError {
  field: string;
  message: Message;
}

/** One row of the file: its input when valid, and its problems. */
export interface AssetCsvRow {
  line: number;
  assetNumber: string;
  name: string;
  input: AssetInput | null;
  errors: AssetRowError[];
}

export interface AssetCsvResult {
  rows: AssetCsvRow[];
  fileErrors: Message[];
}

function readHeader(record: CsvRecord | undefined): { columns: string[]; errors: Message[] } {
  if (!record)
    return {
      columns: [],
      errors: [{ th: 'ไฟล์ว่าง ไม่มีแถวหัวตาราง', en: 'The file is empty: no header row' }],
    };
  const columns = record.fields.map((f) => f.trim().toLowerCase());
  const errors: Message[] = [];
  const missing = REQUIRED.filter((c) => !columns.includes(c));
  if (missing.length > 0)
    errors.push({
      th: `หัวตารางขาดคอลัมน์: ${missing.join(', ')}`,
      en: `The header lacks the column(s): ${missing.join(', ')}`,
    });
  const known: readonly string[] = ASSET_CSV_COLUMNS;
  const unknown = columns.filter((c) => c !== '' && !known.includes(c));
  if (unknown.length > 0)
    errors.push({
      th: `หัวตารางมีคอลัมน์ที่ไม่รู้จัก: ${unknown.join(', ')}`,
      en: `The header has unknown column(s): ${unknown.join(', ')}`,
    });
  return { columns, errors };
}

function readRow(record: CsvRecord, columns: string[]): AssetCsvRow {
  const cell = (name: string) => {
    const at = columns.indexOf(name);
    return at < 0 ? '' : (record.fields[at] ?? '').trim();
  };
  const parsed = AssetInputSchema.safeParse({
    assetNumber: cell('asset_number'),
    name: cell('name'),
    category: cell('category'),
    location: cell('location'),
    custodianUnit: cell('custodian_unit'),
    acquiredOn: cell('acquired_on'),
  });
  const errors: AssetRowError[] = [];
  if (!parsed.success)
    for (const issue of parsed.error.issues) {
      const field = FIELD_OF[String(issue.path[0])] ?? 'row';
      if (!errors.some((e) => e.field === field))
        errors.push({ field, message: splitMessage(issue.message) });
    }
  return {
    line: record.line,
    assetNumber: cell('asset_number'),
    name: cell('name'),
    input: parsed.success ? parsed.data : null,
    errors,
  };
}

function checkNumbers(rows: AssetCsvRow[], existing: ReadonlySet<string>): void {
  const first = new Map<string, number>();
  for (const row of rows) {
    if (row.assetNumber === '') continue;
    const seen = first.get(row.assetNumber);
    if (seen !== undefined)
      row.errors.push({
        field: 'asset_number',
        message: {
          th: `เลขครุภัณฑ์ "${row.assetNumber}" ซ้ำกับบรรทัดที่ ${seen}`,
          en: `The asset number "${row.assetNumber}" repeats line ${seen}`,
        },
      });
    else first.set(row.assetNumber, row.line);
    if (existing.has(row.assetNumber))
      row.errors.push({
        field: 'asset_number',
        message: {
          th: `เลขครุภัณฑ์ "${row.assetNumber}" มีในทะเบียนแล้ว`,
          en: `The asset number "${row.assetNumber}" is already in the register`,
        },
      });
  }
}

/**
 * Checks the records of an asset register file (header row first; from CSV or a worksheet):
 * each row's fields, numbers repeated in the file and numbers already in the register.
 */
export function parseAssetRecords(
  records: readonly CsvRecord[],
  existingNumbers: ReadonlySet<string>,
): AssetCsvResult {
  const header = readHeader(records[0]);
  if (header.errors.length > 0) return { rows: [], fileErrors: header.errors };
  const data = records.slice(1).filter((r) => r.fields.some((f) => f.trim() !== ''));
  if (data.length === 0)
    return {
      rows: [],
      fileErrors: [{ th: 'ไฟล์ไม่มีรายการทรัพย์สิน', en: 'The file has no asset rows' }],
    };
  if (data.length > MAX_ASSET_ROWS)
    return { rows: [], fileErrors: [tooManyRowsMessage(MAX_ASSET_ROWS)] };
  const rows = data.map((r) => readRow(r, header.columns));
  checkNumbers(rows, existingNumbers);
  return { rows, fileErrors: [] };
}

/** Reads asset register CSV text (RFC 4180, UTF-8, header row first). */
export function parseAssetCsv(text: string, existingNumbers: ReadonlySet<string>): AssetCsvResult {
  const { records, error } = readCsvRecords(text);
  if (error) return { rows: [], fileErrors: [describeCsvSyntaxError(error)] };
  return parseAssetRecords(records, existingNumbers);
}
