import { withoutByteOrderMark } from './byte-order-mark.js';

/** One record of a CSV file with the 1-based line it starts on. */
export interface CsvRecord {
  line: number;
  fields: string[];
}

/** Why a CSV text could not be read at all. */
export interface CsvSyntaxError {
  line: number;
  kind: 'unterminated_quote' | 'stray_quote';
}

/** Reads a quoted field from just after its opening quote; null when it never closes. */
function readQuoted(
  source: string,
  from: number,
): { value: string; next: number; breaks: number } | null {
  let value = '';
  for (let at = from; ;) {
    const close = source.indexOf('"', at);
    if (close < 0) return null;
    value += source.slice(at, close);
    if (source[close + 1] !== '"') {
      const breaks = value.split('\n').length - 1;
      return { value, next: close + 1, breaks };
    }
    value += '"';
    at = close + 2;
  }
}

/**
 * Splits CSV text into records (RFC 4180: quoted fields with "" escapes and line breaks,
 * CRLF or LF, a leading byte-order mark). Blank lines are skipped.
 */
export function readCsvRecords(text: string): {
  records: CsvRecord[];
  error: CsvSyntaxError | null;
} {
  const source = withoutByteOrderMark(text);
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field: string | null = null; // null until the field gets a character or a quote
  let line = 1;
  let start = 1;
  for (let i = 0; i < source.length; i += 1) {
    const ch = source[i] as string;
    if (ch === '"') {
      const quoted: ReturnType<typeof readQuoted> =
        field === null ? readQuoted(source, i + 1) : null;
      if (field !== null) return { records, error: { line, kind: 'stray_quote' } };
      if (quoted === null) return { records, error: { line, kind: 'unterminated_quote' } };
      field = quoted.value;
      line += quoted.breaks;
      i = quoted.next - 1;
    } else if (ch === ',') {
      fields.push(field ?? '');
      field = null;
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && source[i + 1] === '\n') i += 1;
      if (fields.length > 0 || field !== null)
        records.push({ line: start, fields: [...fields, field ?? ''] });
      fields = [];
      field = null;
      line += 1;
      start = line;
    } else field = (field ?? '') + ch;
  }
  if (fields.length > 0 || field !== null)
    records.push({ line: start, fields: [...fields, field ?? ''] });
  return { records, error: null };
}

/** A CSV syntax error as a Thai/English message naming the line. */
export function describeCsvSyntaxError(error: CsvSyntaxError): { th: string; en: string } {
  return error.kind === 'unterminated_quote'
    ? {
        th: `บรรทัดที่ ${error.line}: เครื่องหมายคำพูด (") ไม่ได้ปิด`,
        en: `Line ${error.line}: a quote (") is never closed`,
      }
    : {
        th: `บรรทัดที่ ${error.line}: มีเครื่องหมายคำพูด (") กลางช่อง`,
        en: `Line ${error.line}: a quote (") stands inside a field`,
      };
}

/** The refusal of a file with more data rows than an import takes at once. */
export function tooManyRowsMessage(max: number): { th: string; en: string } {
  return {
    th: `ไฟล์มีมากกว่า ${max} แถว กรุณาแบ่งเป็นหลายไฟล์`,
    en: `The file has more than ${max} rows; split it into several files`,
  };
}
