/**
 * One model for every printable report (result report, analysis report, measures document,
 * activity reports, registers' yearly reports): built by services or views from data, then
 * rendered to HTML (screen and PDF through Chromium) and to DOCX from the same blocks.
 */

export type ReportBlock =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | {
      kind: 'paragraph';
      text: string;
      align?: 'left' | 'center' | 'right' | 'justify';
      bold?: boolean;
    }
  | { kind: 'list'; ordered: boolean; items: string[] }
  | { kind: 'keyValue'; rows: Array<[label: string, value: string]> }
  | {
      kind: 'table';
      columns: Array<{ label: string; align?: 'left' | 'center' | 'right' }>;
      rows: string[][];
      caption?: string;
    }
  /** A chart drawn on the server (src/platform/reports/charts.ts); `rows` repeat its numbers for DOCX. */
  | { kind: 'chart'; svg: string; caption?: string; rows?: Array<[label: string, value: string]> }
  /** `name` is the signer's bare name: the renderers put it in brackets (signatureName). */
  | { kind: 'signature'; name: string; position: string; dateText?: string }
  | { kind: 'pageBreak' };

export interface ReportDocument {
  lang: 'th' | 'en';
  /** Shown as the document's title and used for the file's metadata. */
  title: string;
  subtitle?: string;
  /** The issuing agency, printed in the header. */
  agencyName: string;
  /** Already formatted issue date (Buddhist era in Thai), printed under the title. */
  dateText: string;
  blocks: ReportBlock[];
}

/** The words before a caption's number; Word's SEQ field of each kind counts them apart. */
export const CAPTION_KINDS = {
  table: { seq: 'Table', th: 'ตารางที่', en: 'Table' },
  chart: { seq: 'Figure', th: 'แผนภูมิที่', en: 'Figure' },
} as const;

/** A caption's label and number, e.g. "ตารางที่" and 2 for the second captioned table. */
export interface CaptionNumber {
  /** The SEQ field identifier Word counts with (Table, Figure). */
  seq: (typeof CAPTION_KINDS)[keyof typeof CAPTION_KINDS]['seq'];
  label: string;
  number: number;
}

/**
 * The number of each captioned table and chart of a report, in order (tables and charts
 * counted apart), one entry per block (null for blocks without a caption): HTML prints
 * "ตารางที่ 1 …" and DOCX the same label with a SEQ field, so both number alike.
 */
export function captionNumbers(
  lang: ReportDocument['lang'],
  blocks: readonly ReportBlock[],
): Array<CaptionNumber | null> {
  const counts = { table: 0, chart: 0 };
  return blocks.map((block) => {
    if ((block.kind !== 'table' && block.kind !== 'chart') || !block.caption) return null;
    const kind = CAPTION_KINDS[block.kind];
    return { seq: kind.seq, label: kind[lang], number: ++counts[block.kind] };
  });
}

/** The signer's name as printed under the signature: once in brackets. */
export function signatureName(name: string): string {
  return `(${name.trim()})`;
}
