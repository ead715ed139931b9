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
