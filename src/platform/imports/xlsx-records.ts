import ExcelJS from 'exceljs';
import { tooManyRowsMessage, type CsvRecord } from '../../core/csv-records.js';
import type { Message } from '../../core/errors.js';
import { readZipWithin, ZipRefused } from './zip-bounds.js';

/** An .xlsx file is a ZIP archive: it starts with "PK\x03\x04". */
function looksLikeXlsx(buffer: Buffer): boolean {
  return buffer.length > 4 && buffer.readUInt32LE(0) === 0x04034b50;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** A date cell as the sheet shows it (exceljs gives wall-clock time as UTC). */
function dateText(date: Date): string {
  const day = date.toISOString().slice(0, 10);
  const time = `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`;
  return time === '00:00:00' ? day : `${day} ${time}`;
}

/** The text of one cell value: numbers, dates, rich text, links and formula results included. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return dateText(value);
  if (typeof value !== 'object') return String(value);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('hyperlink' in value) return String(value.text);
  if ('formula' in value || 'sharedFormula' in value)
    return value.result === undefined ? '' : cellText(value.result as ExcelJS.CellValue);
  if ('error' in value) return String(value.error);
  return '';
}

const UNREADABLE: Message = {
  th: 'อ่านไฟล์ XLSX ไม่ได้ กรุณาบันทึกเป็น Excel Workbook (.xlsx) หรือ CSV UTF-8 แล้วลองใหม่',
  en: 'Cannot read the XLSX file; save it as an Excel Workbook (.xlsx) or CSV UTF-8 and try again',
};

/** The most a workbook may inflate to, and hold, before a reader is let near it. */
const XLSX_BOUNDS = { maxUncompressedBytes: 64 * 1024 * 1024, maxEntries: 2_000 };

/** The widest sheet an import reads (a form export has one column per question). */
const MAX_COLUMNS = 500;

const TOO_BIG: Message = {
  th: 'ไฟล์ XLSX ใหญ่เกินกว่าจะนำเข้าได้เมื่อขยายออก (เกิน 64 MB) กรุณาแบ่งไฟล์หรือบันทึกเป็น CSV',
  en: 'The XLSX file is too large once unpacked (over 64 MB); split it or save it as CSV',
};

const TOO_WIDE: Message = {
  th: `แผ่นงานมีมากกว่า ${MAX_COLUMNS} คอลัมน์ กรุณาลบคอลัมน์ที่ไม่ใช้แล้วลองใหม่`,
  en: `The sheet has more than ${MAX_COLUMNS} columns; delete the unused ones and try again`,
};

/** Tags of every worksheet part, counted in the inflated XML before the reader builds objects. */
function countTags(xml: Buffer, tag: string): number {
  const needle = Buffer.from(`<${tag} `);
  let count = 0;
  for (let at = xml.indexOf(needle); at !== -1; at = xml.indexOf(needle, at + needle.length))
    count += 1;
  return count;
}

/**
 * The workbook checked before it is read: the ZIP inflated within its bounds (a small file can
 * unpack to gigabytes), and no more rows and cells in its sheets than an import takes.
 */
function checkWorkbook(buffer: Buffer, maxRows: number): Message | null {
  let entries;
  try {
    entries = readZipWithin(buffer, XLSX_BOUNDS);
  } catch (error) {
    if (!(error instanceof ZipRefused)) throw error;
    return error.reason === 'too_large' || error.reason === 'too_many_entries'
      ? TOO_BIG
      : UNREADABLE;
  }
  const sheets = entries.filter((e) => /^xl\/worksheets\/[^/]+\.xml$/.test(e.name));
  if (sheets.length === 0) return UNREADABLE;
  const rows = sheets.reduce((sum, sheet) => sum + countTags(sheet.data, 'row'), 0);
  if (rows > 2 * (maxRows + 1)) return tooManyRowsMessage(maxRows);
  const cells = sheets.reduce((sum, sheet) => sum + countTags(sheet.data, 'c'), 0);
  if (cells > 2 * (maxRows + 1) * MAX_COLUMNS) return TOO_WIDE;
  return null;
}

/**
 * Reads the first worksheet of an .xlsx file into records like the CSV reader's (the line is
 * the sheet's row number), or a message when the bytes are not a readable workbook or it has
 * more than `maxRows` data rows.
 */
export async function readXlsxRecords(
  buffer: Buffer,
  maxRows: number,
): Promise<{ records: CsvRecord[]; error: Message | null }> {
  if (!looksLikeXlsx(buffer)) return { records: [], error: UNREADABLE };
  const refusal = checkWorkbook(buffer, maxRows);
  if (refusal) return { records: [], error: refusal };
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs types ask for an ArrayBuffer; it reads a Node Buffer as well (JSZip underneath)
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    return { records: [], error: UNREADABLE };
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return { records: [], error: UNREADABLE };
  if (sheet.actualRowCount > maxRows + 1)
    return { records: [], error: tooManyRowsMessage(maxRows) };
  if (sheet.columnCount > MAX_COLUMNS) return { records: [], error: TOO_WIDE };
  const records: CsvRecord[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const fields: string[] = [];
    for (let column = 1; column <= row.cellCount; column += 1)
      fields.push(cellText(row.getCell(column).value));
    records.push({ line: rowNumber, fields });
  });
  return { records, error: null };
}
