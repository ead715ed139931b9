import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ReportDocument } from '../../../platform/reports/report-document.js';
import { carryOverMeasure } from '../services/measure-carry.service.js';
import {
  getMeasuresReport,
  loadPublicMeasures,
  publishMeasures,
  type MeasuresReport,
  type PublicationKind,
} from '../services/measure-report.service.js';
import type { ServiceContext } from '../../../platform/services/context.js';
import { type AppOptions } from '../../../platform/http/request-context.js';
import { m, pick, type Lang } from '../../../platform/http/i18n.js';
import {
  REPORT_CSP,
  sendReport,
  sendReportHtml,
  type ReportFormat,
} from '../../../platform/http/report-response.js';
import { sendCachedPage } from '../../../platform/http/page-cache.js';
import { reportToHtml } from '../../../platform/reports/report-html.js';
import { signedIn } from '../../../platform/http/route-support.js';
import { measuresDocumentReport, measuresProgressReport } from './views/measures-reports.js';
import {
  GENERATED_FILE_LIMIT,
  PUBLIC_PAGE_LIMIT,
  changing,
  guarded,
  pathYear,
} from '../../../platform/http/route-kit.js';
import { IdParams, typed } from '../../../platform/http/typed-routes.js';
import { publishedNotFound } from '../../agencies/feature.js';
import { CarryForm, PublicMeasuresJson, PublicParams, PublishForm } from './measures-schemas.js';

const BUILDERS: Record<PublicationKind, (lang: Lang, report: MeasuresReport) => ReportDocument> = {
  document: measuresDocumentReport,
  progress: measuresProgressReport,
};

function fileBase(kind: PublicationKind, report: MeasuresReport): string {
  const name = kind === 'document' ? 'measures' : 'measures-progress';
  return `${name}-${report.agencyCode}-${report.fiscalYear}`;
}

/** A screen-only link from a printable page back to the round's register. */
function backTo(request: FastifyRequest, roundId: string) {
  return {
    href: `/rounds/${roundId}/measures`,
    text: pick(request.lang, m('กลับไปทะเบียนมาตรการ', 'Back to the measures')),
  };
}

/** The signed-in printable files of a round's measures document and progress report. */
function registerFiles(app: FastifyInstance, ctx: ServiceContext): void {
  const api = typed(app);
  const files: Array<[PublicationKind, string, ReportFormat]> = [
    ['document', 'document.pdf', 'pdf'],
    ['document', 'document.docx', 'docx'],
    ['progress', 'progress.pdf', 'pdf'],
    ['progress', 'progress.docx', 'docx'],
    ['progress', 'progress.html', 'html'],
  ];
  const schema = { params: IdParams };
  // the printable page on screen, with a way back to the register (never printed)
  api.get('/rounds/:id/measures/document', { ...guarded, schema }, async (request, reply) => {
    const { id } = request.params;
    const report = await getMeasuresReport(ctx, signedIn(request), id);
    const doc = measuresDocumentReport(request.lang, report);
    return sendReportHtml(reply, doc, { screenLinks: [backTo(request, id)] });
  });
  for (const [kind, file, format] of files)
    api.get(`/rounds/:id/measures/${file}`, { ...guarded, schema }, async (request, reply) => {
      const { id } = request.params;
      const report = await getMeasuresReport(ctx, signedIn(request), id);
      const doc = BUILDERS[kind](request.lang, report);
      if (format === 'html')
        return sendReportHtml(reply, doc, { screenLinks: [backTo(request, id)] });
      return sendReport(reply, doc, format, fileBase(kind, report));
    });
}

/** Publishing a document, and carrying a finished measure of last year over. */
function registerActions(app: FastifyInstance, ctx: ServiceContext): void {
  const api = typed(app);
  api.post(
    '/rounds/:id/measures/publish',
    { ...changing, schema: { params: IdParams, body: PublishForm } },
    async (request, reply) => {
      const { id } = request.params;
      await publishMeasures(ctx, signedIn(request), id, request.body.kind);
      return reply.redirect(`/rounds/${id}/measures`);
    },
  );
  api.post(
    '/rounds/:id/measures/carry',
    { ...changing, schema: { params: IdParams, body: CarryForm } },
    async (request, reply) => {
      const { id } = request.params;
      const from = request.body.fromMeasureId ?? '';
      const created = await carryOverMeasure(ctx, signedIn(request), id, from);
      return reply.redirect(`/rounds/${id}/measures/${created.id}`);
    },
  );
}

/** The public page of a published kind, as HTML with its links to the PDF and the other kind. */
function publicPageHtml(
  lang: Lang,
  { agencyCode, year }: { agencyCode: string; year: string },
  kind: PublicationKind,
  shown: Awaited<ReturnType<typeof loadPublicMeasures>>,
): string {
  const doc = BUILDERS[kind](lang, { ...shown.report, preparedAt: shown.publishedAt });
  const path = `/public/${encodeURIComponent(agencyCode)}/${year}/measures`;
  const self = kind === 'document' ? path : `${path}/progress`;
  const other = kind === 'document' ? `${path}/progress` : path;
  const screenLinks = [
    { href: `${self}.pdf`, text: pick(lang, m('ดาวน์โหลด PDF', 'Download PDF')) },
  ];
  if (shown.otherPublished)
    screenLinks.push({
      href: other,
      text:
        kind === 'document'
          ? pick(lang, m('รายงานผลการดำเนินการ', 'Progress report'))
          : pick(lang, m('มาตรการ', 'Measures')),
    });
  return reportToHtml(doc, { screenLinks });
}

async function sendPublic(
  ctx: ServiceContext,
  request: FastifyRequest,
  reply: FastifyReply,
  params: { agencyCode: string; year: string },
  kind: PublicationKind,
  format: 'html' | 'pdf' | 'json',
) {
  const fiscalYear = pathYear(params.year, publishedNotFound);
  const load = () => loadPublicMeasures(ctx, params.agencyCode, fiscalYear, kind);
  if (format === 'html') {
    // what was published is kept as it was: the page is rendered once per publication and
    // language (a new publication of the kind, or of the other kind it links, is a new key)
    const pages = request.server.publishedPages;
    const address = `measures|${kind}|${params.agencyCode}|${fiscalYear}`;
    const snapshot = await pages.snapshotOf(address, async () => {
      const shown = await load();
      return `${shown.publishedAt}|${shown.otherPublished ? 'both' : 'one'}`;
    });
    const { lang } = request;
    const key = `${address}|${snapshot}|${lang}`;
    return sendCachedPage(
      request,
      reply,
      pages,
      key,
      async () => publicPageHtml(lang, params, kind, await load()),
      { 'content-security-policy': REPORT_CSP },
    );
  }
  const shown = await load();
  if (format === 'json')
    return reply
      .header('access-control-allow-origin', '*')
      .send({ kind, publishedAt: shown.publishedAt, ...shown.report });
  const doc = BUILDERS[kind](request.lang, { ...shown.report, preparedAt: shown.publishedAt });
  return sendReport(reply, doc, 'pdf', fileBase(kind, shown.report));
}

/** Public, sign-in-free copies of what the agency published (the snapshot, not live data). */
function registerPublic(app: FastifyInstance, ctx: ServiceContext): void {
  const api = typed(app);
  const base = '/public/:agencyCode/:year/measures';
  const page = { ...PUBLIC_PAGE_LIMIT, schema: { params: PublicParams } };
  const file = { ...GENERATED_FILE_LIMIT, schema: { params: PublicParams } };
  const feed = {
    ...PUBLIC_PAGE_LIMIT,
    schema: { params: PublicParams, response: { 200: PublicMeasuresJson } },
  };
  api.get(base, page, (request, reply) =>
    sendPublic(ctx, request, reply, request.params, 'document', 'html'),
  );
  api.get(`${base}.pdf`, file, (request, reply) =>
    sendPublic(ctx, request, reply, request.params, 'document', 'pdf'),
  );
  api.get(`${base}.json`, feed, (request, reply) =>
    sendPublic(ctx, request, reply, request.params, 'document', 'json'),
  );
  api.get(`${base}/progress.json`, feed, (request, reply) =>
    sendPublic(ctx, request, reply, request.params, 'progress', 'json'),
  );
  api.get(`${base}/progress`, page, (request, reply) =>
    sendPublic(ctx, request, reply, request.params, 'progress', 'html'),
  );
  api.get(`${base}/progress.pdf`, file, (request, reply) =>
    sendPublic(ctx, request, reply, request.params, 'progress', 'pdf'),
  );
}

/** The measures document and progress report as files, their publication, and the hand-off. */
export function registerMeasureReportsRoutes(app: FastifyInstance, options: AppOptions): void {
  registerFiles(app, options.ctx);
  registerActions(app, options.ctx);
  registerPublic(app, options.ctx);
}
