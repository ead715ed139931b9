import ExcelJS from 'exceljs';
import { tooManyRowsMessage, type CsvRecord } from '../../core/csv-records.js';
import type { Message } from '../../core/errors.js';

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
  const records: CsvRecord[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const fields: string[] = [];
    for (let column = 1; column <= row.cellCount; column += 1)
      fields.push(cellText(row.getCell(column).value));
    records.push({ line: rowNumber, fields });
  });
  return { records, error: null };
}
