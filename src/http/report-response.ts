import type { FastifyReply } from 'fastify';
import type { ReportDocument } from '../reports/report-document.js';

export type ReportFormat = 'pdf' | 'docx' | 'html';

/**
 * Sends a report as PDF (Chromium, bundled Sarabun font), DOCX or printable HTML, as a download
 * named `fileBase.<format>`. Placeholder until the reports feature lands.
 */
export async function sendReport(
  _reply: FastifyReply,
  _doc: ReportDocument,
  _format: ReportFormat,
  _fileBase: string,
): Promise<FastifyReply> {
  throw new Error('sendReport: not built yet');
}
