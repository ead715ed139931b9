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
  sendReport,
  sendReportHtml,
  type ReportFormat,
} from '../../../platform/http/report-response.js';
import { formValues, signedIn } from '../../../platform/http/route-support.js';
import { measuresDocumentReport, measuresProgressReport } from './views/measures-reports.js';
import { sendDomainError } from '../../../platform/http/views/user-problem.js';
import {
  GENERATED_FILE_LIMIT,
  PUBLIC_PAGE_LIMIT,
  changing,
  guarded,
  pathYear,
} from '../../../platform/http/route-kit.js';
import { publishedNotFound } from '../../agencies/feature.js';

type Params = { id: string; agencyCode: string; year: string };
const paramsOf = (request: FastifyRequest) => request.params as Params;

const BUILDERS: Record<PublicationKind, (lang: Lang, report: MeasuresReport) => ReportDocument> = {
  document: measuresDocumentReport,
  progress: measuresProgressReport,
};

function fileBase(kind: PublicationKind, report: MeasuresReport): string {
  const name = kind === 'document' ? 'measures' : 'measures-progress';
  return `${name}-${report.agencyCode}-${report.fiscalYear}`;
}

/** A screen-only link from a printable page back to the round's register. */
function backTo(request: FastifyRequest) {
  return {
    href: `/rounds/${paramsOf(request).id}/measures`,
    text: pick(request.lang, m('กลับไปทะเบียนมาตรการ', 'Back to the measures')),
  };
}

/** The signed-in printable files of a round's measures document and progress report. */
function registerFiles(app: FastifyInstance, ctx: ServiceContext): void {
  const files: Array<[PublicationKind, string, ReportFormat]> = [
    ['document', 'document.pdf', 'pdf'],
    ['document', 'document.docx', 'docx'],
    ['progress', 'progress.pdf', 'pdf'],
    ['progress', 'progress.docx', 'docx'],
    ['progress', 'progress.html', 'html'],
  ];
  // the printable page on screen, with a way back to the register (never printed)
  app.get('/rounds/:id/measures/document', guarded, async (request, reply) => {
    try {
      const report = await getMeasuresReport(ctx, signedIn(request), paramsOf(request).id);
      const doc = measuresDocumentReport(request.lang, report);
      return sendReportHtml(reply, doc, { screenLinks: [backTo(request)] });
    } catch (error) {
      return sendDomainError(request, reply, error);
    }
  });
  for (const [kind, file, format] of files)
    app.get(`/rounds/:id/measures/${file}`, guarded, async (request, reply) => {
      try {
        const report = await getMeasuresReport(ctx, signedIn(request), paramsOf(request).id);
        const doc = BUILDERS[kind](request.lang, report);
        if (format === 'html')
          return sendReportHtml(reply, doc, { screenLinks: [backTo(request)] });
        return await sendReport(reply, doc, format, fileBase(kind, report));
      } catch (error) {
        return sendDomainError(request, reply, error);
      }
    });
}

/** Publishing a document, and carrying a finished measure of last year over. */
function registerActions(app: FastifyInstance, ctx: ServiceContext): void {
  app.post('/rounds/:id/measures/publish', changing, async (request, reply) => {
    const { id } = paramsOf(request);
    const kind = formValues(request).kind as PublicationKind;
    try {
      await publishMeasures(ctx, signedIn(request), id, kind);
      return reply.redirect(`/rounds/${id}/measures`);
    } catch (error) {
      return sendDomainError(request, reply, error);
    }
  });
  app.post('/rounds/:id/measures/carry', changing, async (request, reply) => {
    const { id } = paramsOf(request);
    try {
      const from = formValues(request).fromMeasureId ?? '';
      const created = await carryOverMeasure(ctx, signedIn(request), id, from);
      return reply.redirect(`/rounds/${id}/measures/${created.id}`);
    } catch (error) {
      return sendDomainError(request, reply, error);
    }
  });
}

async function sendPublic(
  ctx: ServiceContext,
  request: FastifyRequest,
  reply: FastifyReply,
  kind: PublicationKind,
  format: 'html' | 'pdf' | 'json',
) {
  const { agencyCode, year } = paramsOf(request);
  try {
    const shown = await loadPublicMeasures(
      ctx,
      agencyCode,
      pathYear(year, publishedNotFound),
      kind,
    );
    if (format === 'json')
      return reply
        .header('access-control-allow-origin', '*')
        .send({ kind, publishedAt: shown.publishedAt, ...shown.report });
    const doc = BUILDERS[kind](request.lang, { ...shown.report, preparedAt: shown.publishedAt });
    if (format === 'pdf') return await sendReport(reply, doc, 'pdf', fileBase(kind, shown.report));
    const path = `/public/${encodeURIComponent(agencyCode)}/${year}/measures`;
    const self = kind === 'document' ? path : `${path}/progress`;
    const other = kind === 'document' ? `${path}/progress` : path;
    const screenLinks = [
      { href: `${self}.pdf`, text: pick(request.lang, m('ดาวน์โหลด PDF', 'Download PDF')) },
    ];
    if (shown.otherPublished)
      screenLinks.push({
        href: other,
        text:
          kind === 'document'
            ? pick(request.lang, m('รายงานผลการดำเนินการ', 'Progress report'))
            : pick(request.lang, m('มาตรการ', 'Measures')),
      });
    return sendReportHtml(reply, doc, { screenLinks });
  } catch (error) {
    return sendDomainError(request, reply, error);
  }
}

/** Public, sign-in-free copies of what the agency published (the snapshot, not live data). */
function registerPublic(app: FastifyInstance, ctx: ServiceContext): void {
  const base = '/public/:agencyCode/:year/measures';
  app.get(base, PUBLIC_PAGE_LIMIT, (request, reply) =>
    sendPublic(ctx, request, reply, 'document', 'html'),
  );
  app.get(`${base}.pdf`, GENERATED_FILE_LIMIT, (request, reply) =>
    sendPublic(ctx, request, reply, 'document', 'pdf'),
  );
  app.get(`${base}.json`, PUBLIC_PAGE_LIMIT, (request, reply) =>
    sendPublic(ctx, request, reply, 'document', 'json'),
  );
  app.get(`${base}/progress.json`, PUBLIC_PAGE_LIMIT, (request, reply) =>
    sendPublic(ctx, request, reply, 'progress', 'json'),
  );
  app.get(`${base}/progress`, PUBLIC_PAGE_LIMIT, (request, reply) =>
    sendPublic(ctx, request, reply, 'progress', 'html'),
  );
  app.get(`${base}/progress.pdf`, GENERATED_FILE_LIMIT, (request, reply) =>
    sendPublic(ctx, request, reply, 'progress', 'pdf'),
  );
}

/** The measures document and progress report as files, their publication, and the hand-off. */
export function registerMeasureReportsRoutes(app: FastifyInstance, options: AppOptions): void {
  registerFiles(app, options.ctx);
  registerActions(app, options.ctx);
  registerPublic(app, options.ctx);
}
