import type { FastifyReply } from 'fastify';
import { PdfUnavailableError, sarabunDataUrls, sharedPdfRenderer } from '../infra/pdf-renderer.js';
import type { ReportDocument } from '../reports/report-document.js';
import { reportToDocx, svgSize } from '../reports/report-docx.js';
import { reportToHtml, type ReportHtmlOptions } from '../reports/report-html.js';
import {
  pageEtag,
  PUBLISHED_CACHE_CONTROL,
  sendCachedPage,
  type CachedPage,
  type PageCache,
} from './page-cache.js';
import { matchesEtag } from './static-assets.js';
import { sendErrorPage } from './views/error-page.js';

export type ReportFormat = 'pdf' | 'docx' | 'html';

const TYPES: Record<ReportFormat, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  html: 'text/html; charset=utf-8',
};

/**
 * The printable page carries its own styles (inline <style>, fonts as files or data: URLs) and
 * no script, so its policy allows inline styles and nothing else that the app's default forbids.
 */
export const REPORT_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; font-src 'self' data:; img-src 'self' data:; " +
  "base-uri 'none'; form-action 'none'; frame-ancestors 'self'";

/**
 * A Content-Disposition value: an ASCII fallback name (letters, digits, dot, dash, underscore)
 * for old clients and the exact UTF-8 name as RFC 5987 `filename*`.
 */
export function contentDisposition(kind: 'attachment' | 'inline', fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  const stem = dot > 0 ? fileName.slice(0, dot) : fileName;
  const ext = dot > 0 ? fileName.slice(dot) : '';
  const asciiStem =
    stem
      .normalize('NFKD')
      .replace(/[^A-Za-z0-9._-]+/g, '-')
      .replace(/^[-.]+|-+$/g, '') || 'report';
  const ascii = `${asciiStem}${ext.replace(/[^A-Za-z0-9.]/g, '')}`;
  const utf8 = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${utf8}`;
}

/** Sends a file made in memory as a download. */
export function sendAttachment(
  reply: FastifyReply,
  bytes: Buffer,
  contentType: string,
  fileName: string,
): FastifyReply {
  return reply
    .header('content-type', contentType)
    .header('content-disposition', contentDisposition('attachment', fileName))
    .header('cache-control', 'private, no-store')
    .header('x-content-type-options', 'nosniff')
    .send(bytes);
}

/** Renders a report to HTML for the browser: same page the PDF is printed from. */
export function sendReportHtml(
  reply: FastifyReply,
  doc: ReportDocument,
  options: ReportHtmlOptions = {},
): FastifyReply {
  return reply
    .type(TYPES.html)
    .header('content-security-policy', REPORT_CSP)
    .header('cache-control', 'private, no-store')
    .send(reportToHtml(doc, options));
}

/** Prints a report to PDF bytes with the shared Chromium and the bundled Sarabun embedded. */
export function renderReportPdf(doc: ReportDocument): Promise<Buffer> {
  return sharedPdfRenderer().render(reportToHtml(doc, { fonts: sarabunDataUrls() }));
}

/**
 * PNG copies of a report's charts for Word (drawn by the shared Chromium); null for a chart when
 * Chromium is not available, so the DOCX then carries the chart's numbers only.
 */
export async function chartPngs(doc: ReportDocument): Promise<Array<Buffer | null>> {
  const charts = doc.blocks.filter((b) => b.kind === 'chart');
  const fonts = charts.length > 0 ? sarabunDataUrls() : undefined;
  return Promise.all(
    charts.map((chart) =>
      sharedPdfRenderer()
        .svgToPng(chart.svg, svgSize(chart.svg), fonts)
        .catch((error: unknown) => {
          if (error instanceof PdfUnavailableError) return null;
          throw error;
        }),
    ),
  );
}

/**
 * Sends a report as PDF (Chromium, bundled Sarabun font), DOCX or printable HTML. PDF and DOCX
 * come as a download named `fileBase.<format>`; HTML is shown inline. When Chromium is missing
 * or stuck, the person gets a 503 page saying so (and that DOCX and HTML still work).
 */
export async function sendReport(
  reply: FastifyReply,
  doc: ReportDocument,
  format: ReportFormat,
  fileBase: string,
): Promise<FastifyReply> {
  if (format === 'html') return sendReportHtml(reply, doc);
  if (format === 'docx') {
    const docx = await reportToDocx(doc, { chartPngs: await chartPngs(doc) });
    return sendAttachment(reply, docx, TYPES.docx, `${fileBase}.docx`);
  }
  try {
    const pdf = await renderReportPdf(doc);
    return sendAttachment(reply, pdf, TYPES.pdf, `${fileBase}.pdf`);
  } catch (error) {
    return sendPdfUnavailable(reply, error);
  }
}

/** The 503 page of a PDF that cannot be made now (any other error is thrown on). */
async function sendPdfUnavailable(reply: FastifyReply, error: unknown): Promise<FastifyReply> {
  if (!(error instanceof PdfUnavailableError)) throw error;
  reply.request.log.warn({ reason: error.reason }, error.message);
  return sendErrorPage(reply.request, reply, 503, {
    th: 'ขณะนี้สร้างไฟล์ PDF ไม่ได้ (ไม่พบหรือเปิดโปรแกรม Chromium ไม่ได้) กรุณาดาวน์โหลดเป็น DOCX หรือพิมพ์จากหน้า HTML แทน',
    en: 'A PDF cannot be made right now (Chromium is missing or did not start); download the DOCX or print the HTML page instead',
  });
}

/** Generated documents go uncompressed (as every PDF and DOCX the app sends): no other forms. */
const NONE = Buffer.alloc(0);

/**
 * Sends a report of a published round from the published pages' cache (`key`: its snapshot,
 * kind, format and language): made once per snapshot — a PDF printed once, not on every request
 * — then served with its `ETag` and a public `Cache-Control` (`304` to a browser that holds it).
 * HTML is shown inline; PDF and DOCX come as a download named `fileBase.<format>`. `doc` builds
 * the report when the cache lacks it; it may depend on the snapshot and the language only.
 */
export async function sendCachedReport(
  reply: FastifyReply,
  cache: PageCache,
  key: string,
  doc: () => Promise<ReportDocument>,
  format: ReportFormat,
  fileBase: string,
  options: ReportHtmlOptions = {},
): Promise<FastifyReply> {
  const { request } = reply;
  if (format === 'html')
    return sendCachedPage(
      request,
      reply,
      cache,
      key,
      async () => reportToHtml(await doc(), options),
      {
        'content-security-policy': REPORT_CSP,
      },
    );
  let page: CachedPage;
  try {
    page = await cache.get(key, async () => {
      const report = await doc();
      const bytes =
        format === 'pdf'
          ? await renderReportPdf(report)
          : await reportToDocx(report, { chartPngs: await chartPngs(report) });
      return {
        etag: pageEtag(key, bytes),
        type: TYPES[format],
        identity: bytes,
        gzip: NONE,
        br: NONE,
      };
    });
  } catch (error) {
    return sendPdfUnavailable(reply, error);
  }
  reply
    .header('etag', page.etag)
    .header('cache-control', PUBLISHED_CACHE_CONTROL)
    // the language is a cookie: a browser must not keep a report in the other language
    .header('vary', 'cookie')
    .header('content-language', request.lang)
    .header('content-disposition', contentDisposition('attachment', `${fileBase}.${format}`))
    .header('x-content-type-options', 'nosniff')
    .type(page.type);
  if (matchesEtag(request, page.etag)) return reply.code(304).send();
  return reply.send(page.identity);
}
