import type { FastifyReply } from 'fastify';
import { formatCsv } from '../../../core/csv-format.js';
import { WITHHELD_LABEL } from '../../../core/disclosure/disclosure.js';
import { DomainError } from '../../../core/errors.js';
import type { ReportWording } from '../services/result-reports.service.js';
import type { ResultNode } from '../services/results.service.js';
import { type Lang } from '../../../platform/http/i18n.js';
import { longDate } from '../../../core/thai-calendar.js';
import type { ReportFormat } from '../../../platform/http/report-response.js';
import { pathYear } from '../../../platform/http/route-kit.js';
import { describeBasis, formatScore } from './views/results-tree.js';

/** What the report, export and public result routes share: formats, names, links and CSV. */

/** The media type of a workbook. */
export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const FORMATS: readonly string[] = ['pdf', 'docx', 'html'];
const isFormat = (format: string): format is ReportFormat => FORMATS.includes(format);

/** The web layer's wording of numbers, dates and score bases, handed to the report builders. */
export function reportWording(lang: Lang): ReportWording {
  return {
    lang,
    // printed documents write the month in full (26 พฤศจิกายน พ.ศ. 2569)
    formatDate: (iso) => longDate(lang, iso),
    formatScore: (score) => formatScore(lang, score),
    describeBasis: (node, labels) => describeBasis(lang, node, labels),
  };
}

/** Not found, for an address that names no report, year or job. */
export function notFound(): DomainError {
  return new DomainError('not_found', { th: 'ไม่พบหน้าที่ต้องการ', en: 'Page not found' });
}

/** The format of a report's address (pdf, docx or html), else not found. */
export function formatOf(format: string): ReportFormat {
  if (!isFormat(format)) throw notFound();
  return format;
}

/** The on-screen links of a printable page: back, and the same report as PDF and DOCX. */
export function screenLinks(lang: Lang, back: string, kind: 'result' | 'analysis') {
  return [
    { href: back, text: lang === 'th' ? 'กลับ' : 'Back' },
    { href: `${kind}.pdf`, text: lang === 'th' ? 'ดาวน์โหลด PDF' : 'Download PDF' },
    { href: `${kind}.docx`, text: lang === 'th' ? 'ดาวน์โหลด DOCX' : 'Download DOCX' },
  ];
}

export const fileBaseOf = (kind: 'result' | 'analysis', code: string, year: number) =>
  `ita-${kind}-${code}-${year}`;

/** A public target: agency code and a four-digit year, else not found. */
export function publicTarget(params: { agencyCode: string; year: string }): {
  code: string;
  year: number;
} {
  return { code: params.agencyCode, year: pathYear(params.year, notFound) };
}

/**
 * The explanation tree as CSV, one line per node: withheld ones with empty numbers and
 * "ข้อมูลไม่พอ / not enough respondents" in the note column (never 0).
 */
export function treeCsv(tree: ResultNode): string {
  const rows: string[][] = [];
  const visit = (node: ResultNode, depth: number) => {
    rows.push([
      node.code,
      node.type,
      String(depth),
      node.name.th,
      node.withheld || node.shown === null ? '' : node.shown.toFixed(2),
      node.withheld || node.lost === null ? '' : node.lost.toFixed(2),
      node.withheld ? WITHHELD_LABEL : '',
    ]);
    for (const child of node.children) visit(child, depth + 1);
  };
  for (const child of tree.children) visit(child, 0);
  return formatCsv(['code', 'type', 'depth', 'name_th', 'score', 'points_lost', 'note'], rows);
}

/** Sends a CSV file that any site may read (the public feeds and open data). */
export function sendCsv(reply: FastifyReply, csv: string) {
  return reply.type('text/csv; charset=utf-8').header('access-control-allow-origin', '*').send(csv);
}
