import type { FastifyInstance, FastifyRequest } from 'fastify';
import { formatCsv } from '../../../core/csv-format.js';
import { DomainError } from '../../../core/errors.js';
import { openDataCsv, openDataJson } from '../reports/open-data.js';
import { indicatorChartSvg } from '../../../platform/reports/charts.js';
import type { ReportDocument } from '../../../platform/reports/report-document.js';
import type { ServiceContext } from '../../../platform/services/context.js';
import {
  listOpenData,
  loadPublicResultFacts,
  type OpenDataRow,
} from '../services/public-results.service.js';
import {
  buildAnalysisReport,
  buildResultReport,
  getAnalysisReport,
  getResultReport,
  type ReportWording,
} from '../services/result-reports.service.js';
import {
  exportResultsWorkbook,
  exportRollupWorkbook,
  rollupSize,
} from '../services/result-exports.service.js';
import type { ResultNode } from '../services/results.service.js';
import { loadVisibleRound } from '../../oit-review/feature.js';
import { voiceReportBlocks } from '../../voice/feature.js';
import { pageOf, type AppOptions } from '../../../platform/http/request-context.js';
import { ExportJobs } from '../../../platform/http/export-jobs.js';
import { formatDate, type Lang } from '../../../platform/http/i18n.js';
import { sendPage } from '../../../platform/http/render.js';
import {
  sendAttachment,
  sendReport,
  sendReportHtml,
  type ReportFormat,
} from '../../../platform/http/report-response.js';
import { signedIn } from '../../../platform/http/route-support.js';
import {
  ExportProgressPage,
  PublicResultsPage,
  publicResultsPath,
  ReportsListPage,
} from './views/reports-pages.js';
import { describeBasis, formatScore } from './views/results-tree.js';
import {
  GENERATED_FILE_LIMIT,
  PUBLIC_PAGE_LIMIT,
  guarded,
  idOf,
  pathYear,
} from '../../../platform/http/route-kit.js';

/** Roll-ups with more units than this are exported in the background with a progress page. */
export const BACKGROUND_EXPORT_UNITS = 40;
/** How long a process reuses the national open data of a year. */
const OPEN_DATA_KEEP_MS = 5 * 60_000;

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const FORMATS: readonly string[] = ['pdf', 'docx', 'html'];

/** The web layer's wording of numbers, dates and score bases, handed to the report builders. */
export function reportWording(lang: Lang): ReportWording {
  return {
    lang,
    formatDate: (iso) => formatDate(lang, iso),
    formatScore: (score) => formatScore(lang, score),
    describeBasis: (node) => describeBasis(lang, node),
  };
}

function notFound(): DomainError {
  return new DomainError('not_found', { th: 'ไม่พบหน้าที่ต้องการ', en: 'Page not found' });
}

function formatOf(request: FastifyRequest): ReportFormat {
  const { format } = request.params as { format: string };
  if (!FORMATS.includes(format)) throw notFound();
  return format as ReportFormat;
}

/** The on-screen links of a printable page: back, and the same report as PDF and DOCX. */
function screenLinks(lang: Lang, back: string, kind: 'result' | 'analysis') {
  return [
    { href: back, text: lang === 'th' ? 'กลับ' : 'Back' },
    { href: `${kind}.pdf`, text: lang === 'th' ? 'ดาวน์โหลด PDF' : 'Download PDF' },
    { href: `${kind}.docx`, text: lang === 'th' ? 'ดาวน์โหลด DOCX' : 'Download DOCX' },
  ];
}

const fileBaseOf = (kind: 'result' | 'analysis', code: string, year: number) =>
  `ita-${kind}-${code}-${year}`;

/** A public target: agency code and a four-digit year, else not found. */
function publicTarget(request: FastifyRequest): { code: string; year: number } {
  const { agencyCode, year } = request.params as { agencyCode: string; year: string };
  return { code: agencyCode, year: pathYear(year, notFound) };
}

function treeCsv(tree: ResultNode): string {
  const rows: string[][] = [];
  const visit = (node: ResultNode, depth: number) => {
    rows.push([
      node.code,
      node.type,
      String(depth),
      node.name.th,
      node.withheld || node.shown === null ? '' : node.shown.toFixed(2),
      node.withheld ? '' : node.lost.toFixed(2),
      node.withheld ? 'withheld' : '',
    ]);
    for (const child of node.children) visit(child, depth + 1);
  };
  for (const child of tree.children) visit(child, 0);
  return formatCsv(['code', 'type', 'depth', 'name_th', 'score', 'points_lost', 'note'], rows);
}

function registerRoundReports(app: FastifyInstance, ctx: ServiceContext): void {
  app.get('/rounds/:id/reports', guarded, async (request, reply) => {
    const { round } = await loadVisibleRound(ctx.db.kysely, signedIn(request), idOf(request));
    return sendPage(reply, <ReportsListPage page={pageOf(request)} round={round} />);
  });

  const reportRoute = (kind: 'result' | 'analysis') =>
    app.get(
      `/rounds/:id/reports/${kind}.:format`,
      { ...guarded, ...GENERATED_FILE_LIMIT },
      async (request, reply) => {
        const format = formatOf(request);
        const wording = reportWording(request.lang);
        const actor = signedIn(request);
        const doc =
          kind === 'result'
            ? await getResultReport(ctx, actor, idOf(request), wording)
            : await getAnalysisReport(ctx, actor, idOf(request), wording);
        const { round } = await loadVisibleRound(ctx.db.kysely, actor, idOf(request));
        if (format === 'html')
          return sendReportHtml(reply, doc, {
            screenLinks: screenLinks(request.lang, `/rounds/${round.id}/reports`, kind),
          });
        return sendReport(
          reply,
          doc,
          format,
          fileBaseOf(kind, round.agencyCode, round.editionYear),
        );
      },
    );
  reportRoute('result');
  reportRoute('analysis');

  app.get(
    '/rounds/:id/results.xlsx',
    { ...guarded, ...GENERATED_FILE_LIMIT },
    async (request, reply) => {
      const file = await exportResultsWorkbook(ctx, signedIn(request), idOf(request), request.lang);
      return sendAttachment(reply, file.bytes, XLSX, `${file.fileBase}.xlsx`);
    },
  );
}

function yearOf(request: FastifyRequest): number {
  const { year } = (request.query ?? {}) as { year?: string };
  if (typeof year === 'string' && /^\d{4}$/.test(year.trim())) return Number(year.trim());
  throw new DomainError('bad_year', {
    th: 'กรุณาระบุปีการประเมิน (พ.ศ. 4 หลัก) เช่น ?year=2568',
    en: 'Give the assessment year (4-digit Buddhist era), e.g. ?year=2568',
  });
}

function registerRollupExport(app: FastifyInstance, ctx: ServiceContext, jobs: ExportJobs): void {
  app.get(
    '/agencies/:id/rollup.xlsx',
    { ...guarded, ...GENERATED_FILE_LIMIT },
    async (request, reply) => {
      const actor = signedIn(request);
      const year = yearOf(request);
      const { type, background } = (request.query ?? {}) as { type?: string; background?: string };
      const options = { type: type?.trim() || null, lang: request.lang };
      const size = await rollupSize(ctx, actor, idOf(request));
      if (size <= BACKGROUND_EXPORT_UNITS && background !== '1') {
        const file = await exportRollupWorkbook(ctx, actor, idOf(request), year, options);
        return sendAttachment(reply, file.bytes, XLSX, `${file.fileBase}.xlsx`);
      }
      const label =
        request.lang === 'th'
          ? `ไฟล์ผลรวมหน่วยงานในสังกัด ปี ${year} (${size} หน่วยงาน)`
          : `Roll-up workbook, ${year} (${size} units)`;
      const job = jobs.start(actor.user.id, label, async (progress) => {
        const file = await exportRollupWorkbook(ctx, actor, idOf(request), year, {
          ...options,
          onProgress: progress,
        });
        return { bytes: file.bytes, fileName: `${file.fileBase}.xlsx`, contentType: XLSX };
      });
      return reply.redirect(`/exports/${job.id}`, 303);
    },
  );

  app.get('/exports/:job', guarded, async (request, reply) => {
    const job = jobs.find((request.params as { job: string }).job, signedIn(request).user.id);
    if (!job) throw notFound();
    return sendPage(reply, <ExportProgressPage page={pageOf(request)} job={job} />);
  });

  app.get('/exports/:job/download', guarded, async (request, reply) => {
    const job = jobs.find((request.params as { job: string }).job, signedIn(request).user.id);
    if (!job?.file) throw notFound();
    return sendAttachment(reply, job.file.bytes, job.file.contentType, job.file.fileName);
  });
}

async function publicReport(
  ctx: ServiceContext,
  request: FastifyRequest,
  kind: 'result' | 'analysis',
): Promise<ReportDocument> {
  const { code, year } = publicTarget(request);
  const facts = await loadPublicResultFacts(ctx, code, year);
  const wording = reportWording(request.lang);
  if (kind === 'result') return buildResultReport(facts, wording, facts.publishedAt);
  const voice = await voiceReportBlocks(ctx, facts.round, wording.lang);
  return buildAnalysisReport(facts, wording, facts.publishedAt, voice);
}

function registerPublic(app: FastifyInstance, ctx: ServiceContext): void {
  // national open data reads every published snapshot of a year and changes only when a round
  // is published: each process keeps it a few minutes
  const cache = new Map<number, { at: number; rows: OpenDataRow[] }>();
  const openData = async (year: number): Promise<OpenDataRow[]> => {
    const now = ctx.clock.now().getTime();
    const kept = cache.get(year);
    if (kept && now - kept.at < OPEN_DATA_KEEP_MS) return kept.rows;
    const rows = await listOpenData(ctx, year);
    cache.set(year, { at: now, rows });
    return rows;
  };
  app.get('/public/:agencyCode/:year/results', PUBLIC_PAGE_LIMIT, async (request, reply) => {
    const { code, year } = publicTarget(request);
    const facts = await loadPublicResultFacts(ctx, code, year);
    const page = pageOf(request);
    const chartSvg = indicatorChartSvg(facts.result, page.lang);
    return sendPage(reply, <PublicResultsPage page={page} facts={facts} chartSvg={chartSvg} />);
  });

  app.get('/public/:agencyCode/:year/results.json', PUBLIC_PAGE_LIMIT, async (request, reply) => {
    const { code, year } = publicTarget(request);
    const { round, result, publishedAt } = await loadPublicResultFacts(ctx, code, year);
    return reply.header('access-control-allow-origin', '*').send({
      agency: { code: round.agencyCode, name: round.agencyNameTh },
      year: round.editionYear,
      edition: round.editionCode,
      publishedAt,
      total: result.total,
      level: result.level ? { code: result.level.code, name: result.level.name } : null,
      instruments: result.instruments.map((i) => ({
        code: i.code,
        name: i.name,
        score: i.shown,
        points: i.points,
        component: i.component,
      })),
      tree: result.tree,
    });
  });

  app.get('/public/:agencyCode/:year/results.csv', PUBLIC_PAGE_LIMIT, async (request, reply) => {
    const { code, year } = publicTarget(request);
    const { result } = await loadPublicResultFacts(ctx, code, year);
    return reply
      .type('text/csv; charset=utf-8')
      .header('access-control-allow-origin', '*')
      .send(treeCsv(result.tree));
  });

  for (const kind of ['result', 'analysis'] as const)
    app.get(
      `/public/:agencyCode/:year/${kind}.:format`,
      GENERATED_FILE_LIMIT,
      async (request, reply) => {
        const format = formatOf(request);
        const { code, year } = publicTarget(request);
        const doc = await publicReport(ctx, request, kind);
        if (format === 'html')
          return sendReportHtml(reply, doc, {
            screenLinks: screenLinks(request.lang, publicResultsPath(code, year), kind),
          });
        return sendReport(reply, doc, format, fileBaseOf(kind, code, year));
      },
    );

  app.get('/public/open-data/:file', PUBLIC_PAGE_LIMIT, async (request, reply) => {
    const match = /^(\d{4})\.(csv|json)$/.exec((request.params as { file: string }).file);
    if (!match) throw notFound();
    const year = Number(match[1]);
    const rows = await openData(year);
    reply.header('access-control-allow-origin', '*');
    if (match[2] === 'json') return reply.send(openDataJson(year, rows));
    return reply.type('text/csv; charset=utf-8').send(openDataCsv(rows));
  });
}

/** Reports of a round (PDF, DOCX, HTML, XLSX), roll-up export, public results and open data. */
export function registerReportsRoutes(app: FastifyInstance, options: AppOptions): void {
  const jobs = new ExportJobs(Date.now, (error) => app.log.error(error, 'export failed'));
  registerRoundReports(app, options.ctx);
  registerRollupExport(app, options.ctx, jobs);
  registerPublic(app, options.ctx);
}
