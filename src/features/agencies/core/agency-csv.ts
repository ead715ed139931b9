import type { Message } from '../../../core/errors.js';
import { AgencyInputSchema, splitMessage, type AgencyInput } from './agency-input.js';
import {
  describeCsvSyntaxError,
  readCsvRecords,
  tooManyRowsMessage,
  type CsvRecord,
} from '../../../core/csv-records.js';

/** Columns of an agency CSV file; the last three may be left out. */
export const AGENCY_CSV_COLUMNS = [
  'code',
  'parent_code',
  'type',
  'name_th',
  'name_en',
  'website',
  'eligible_staff',
] as const;
const REQUIRED_COLUMNS = ['code', 'parent_code', 'type', 'name_th'];
/** More rows than the whole country has agencies is a mistake, not an import. */
export const MAX_CSV_ROWS = 20_000;

const FIELD_OF: Record<string, string> = {
  code: 'code',
  type: 'type',
  nameTh: 'name_th',
  nameEn: 'name_en',
  website: 'website',
  eligibleStaff: 'eligible_staff',
};

/** A problem with one field of one row (`field` is the CSV column name, or 'row'). */
export interface CsvFieldError {
  field: string;
  message: Message;
}

/** One agency row of the file, validated. `input` is null when a field is invalid. */
export interface AgencyCsvRow {
  line: number;
  code: string;
  parentCode: string | null;
  input: AgencyInput | null;
  errors: CsvFieldError[];
}

/** The whole file: rows with parents before children, and problems with the file itself. */
export interface AgencyCsvResult {
  rows: AgencyCsvRow[];
  fileErrors: Message[];
}

function readHeader(record: CsvRecord | undefined): { columns: string[]; errors: Message[] } {
  if (!record) {
    return {
      columns: [],
      errors: [{ th: 'ไฟล์ว่าง ไม่มีแถวหัวตาราง', en: 'The file is empty: no header row' }],
    };
  }
  const columns = record.fields.map((name) => name.trim().toLowerCase());
  const errors: Message[] = [];
  const missing = REQUIRED_COLUMNS.filter((name) => !columns.includes(name));
  if (missing.length > 0) {
    errors.push({
      th: `บรรทัดที่ 1 ขาดคอลัมน์: ${missing.join(', ')}`,
      en: `Line 1 lacks the column(s): ${missing.join(', ')}`,
    });
  }
  const known: readonly string[] = AGENCY_CSV_COLUMNS;
  const unknown = columns.filter((name) => !known.includes(name));
  if (unknown.length > 0) {
    errors.push({
      th: `บรรทัดที่ 1 มีคอลัมน์ที่ไม่รู้จัก: ${unknown.join(', ')}`,
      en: `Line 1 has unknown column(s): ${unknown.join(', ')}`,
    });
  }
  const repeated = columns.filter((name, i) => columns.indexOf(name) !== i);
  if (repeated.length > 0) {
    errors.push({
      th: `บรรทัดที่ 1 มีคอลัมน์ซ้ำ: ${repeated.join(', ')}`,
      en: `Line 1 repeats the column(s): ${repeated.join(', ')}`,
    });
  }
  return { columns, errors };
}

function readRow(record: CsvRecord, columns: string[]): AgencyCsvRow {
  const cell = (name: string) => (record.fields[columns.indexOf(name)] ?? '').trim();
  const errors: CsvFieldError[] = [];
  if (record.fields.length > columns.length) {
    errors.push({
      field: 'row',
      message: {
        th: `มี ${record.fields.length} ช่อง แต่หัวตารางมี ${columns.length} คอลัมน์`,
        en: `${record.fields.length} fields, but the header has ${columns.length} columns`,
      },
    });
  }
  const parsed = AgencyInputSchema.safeParse({
    code: cell('code'),
    type: cell('type'),
    nameTh: cell('name_th'),
    nameEn: cell('name_en'),
    website: cell('website'),
    eligibleStaff: cell('eligible_staff'),
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = FIELD_OF[String(issue.path[0])] ?? 'row';
      if (!errors.some((e) => e.field === field))
        errors.push({ field, message: splitMessage(issue.message) });
    }
  }
  return {
    line: record.line,
    code: cell('code'),
    parentCode: cell('parent_code') || null,
    input: parsed.success ? parsed.data : null,
    errors,
  };
}

function checkCodes(rows: AgencyCsvRow[], existingCodes: ReadonlySet<string>): void {
  const firstLine = new Map<string, number>();
  for (const row of rows) {
    if (row.code === '') continue;
    const seen = firstLine.get(row.code);
    if (seen !== undefined) {
      row.errors.push({
        field: 'code',
        message: {
          th: `รหัส "${row.code}" ซ้ำกับบรรทัดที่ ${seen}`,
          en: `The code "${row.code}" repeats line ${seen}`,
        },
      });
    } else firstLine.set(row.code, row.line);
    if (existingCodes.has(row.code)) {
      row.errors.push({
        field: 'code',
        message: {
          th: `รหัส "${row.code}" มีในระบบแล้ว`,
          en: `The code "${row.code}" is already in use`,
        },
      });
    }
  }
}

function checkParents(rows: AgencyCsvRow[], existingCodes: ReadonlySet<string>): void {
  const inFile = new Set(rows.map((row) => row.code));
  for (const row of rows) {
    if (row.parentCode === null) continue;
    if (row.parentCode === row.code) {
      row.errors.push({
        field: 'parent_code',
        message: {
          th: 'หน่วยงานเป็นหน่วยงานแม่ของตัวเองไม่ได้',
          en: 'An agency cannot be its own parent',
        },
      });
    } else if (!inFile.has(row.parentCode) && !existingCodes.has(row.parentCode)) {
      row.errors.push({
        field: 'parent_code',
        message: {
          th: `ไม่พบหน่วยงานแม่รหัส "${row.parentCode}" ทั้งในไฟล์และในระบบ`,
          en: `No parent with the code "${row.parentCode}", in the file or in the system`,
        },
      });
    }
  }
}

/**
 * Orders rows so that a parent in the file comes before its children (file order otherwise)
 * and marks the rows of a parent cycle. Iterative: a long chain cannot overflow the stack.
 */
function orderParentsFirst(rows: AgencyCsvRow[]): AgencyCsvRow[] {
  const byCode = new Map<string, AgencyCsvRow>();
  for (const row of rows) if (!byCode.has(row.code)) byCode.set(row.code, row);
  const done = new Set<AgencyCsvRow>();
  const ordered: AgencyCsvRow[] = [];
  for (const row of rows) {
    const path: AgencyCsvRow[] = [];
    const onPath = new Set<AgencyCsvRow>();
    let current: AgencyCsvRow | undefined = row;
    while (current && !done.has(current) && !onPath.has(current)) {
      path.push(current);
      onPath.add(current);
      const parent: AgencyCsvRow | undefined =
        current.parentCode === null ? undefined : byCode.get(current.parentCode);
      current = parent === current ? undefined : parent;
    }
    if (current && onPath.has(current)) markCycle(path.slice(path.indexOf(current)));
    for (const step of path.reverse()) {
      done.add(step);
      ordered.push(step);
    }
  }
  return ordered;
}

function markCycle(cycle: AgencyCsvRow[]): void {
  const lines = cycle
    .map((row) => row.line)
    .sort((a, b) => a - b)
    .join(', ');
  for (const row of cycle) {
    row.errors.push({
      field: 'parent_code',
      message: {
        th: `หน่วยงานแม่วนกันเป็นวง (บรรทัด ${lines})`,
        en: `The parents form a cycle (lines ${lines})`,
      },
    });
  }
}

/**
 * Reads an agency CSV file (header row required) and checks every row: its fields, codes
 * repeated in the file or already in use, parents that exist neither in the file nor among
 * `existingCodes`, and parent cycles. Line numbers are 1-based, the header being line 1.
 */
export function parseAgencyCsv(
  text: string,
  existingCodes: ReadonlySet<string> = new Set(),
): AgencyCsvResult {
  const { records, error } = readCsvRecords(text);
  if (error) return { rows: [], fileErrors: [describeCsvSyntaxError(error)] };
  const header = readHeader(records[0]);
  if (header.errors.length > 0) return { rows: [], fileErrors: header.errors };
  const data = records.slice(1);
  if (data.length === 0)
    return {
      rows: [],
      fileErrors: [{ th: 'ไฟล์ไม่มีข้อมูลหน่วยงาน', en: 'The file has no agency rows' }],
    };
  if (data.length > MAX_CSV_ROWS)
    return { rows: [], fileErrors: [tooManyRowsMessage(MAX_CSV_ROWS)] };
  const rows = data.map((record) => readRow(record, header.columns));
  checkCodes(rows, existingCodes);
  checkParents(rows, existingCodes);
  return { rows: orderParentsFirst(rows), fileErrors: [] };
}
