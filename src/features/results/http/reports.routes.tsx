import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DomainError } from '../../../core/errors.js';
import {
  DATA_PACKAGE_PATH,
  OPEN_DATA_PATH,
  openDataCsv,
  openDataJson,
  openDataPackage,
} from '../reports/open-data.js';
import { openDataCatalog } from '../services/open-data.service.js';
import { OpenDataPage } from './views/open-data-page.js';
import { indicatorChartSvg } from '../../../platform/reports/charts.js';
import type { ReportDocument } from '../../../platform/reports/report-document.js';
import type { ServiceContext } from '../../../platform/services/context.js';
import {
  listOpenData,
  loadPublicResultFacts,
  publicResultsNotFound,
  publishedSnapshotKey,
  type OpenDataRow,
} from '../services/public-results.service.js';
import {
  buildAnalysisReport,
  buildResultReport,
  getAnalysisReport,
  getResultReport,
} from '../services/result-reports.service.js';
import {
  exportResultsWorkbook,
  exportRollupWorkbook,
  rollupSize,
} from '../services/result-exports.service.js';
import { exportRollupReports } from '../services/rollup-reports.service.js';
import { loadVisibleRound } from '../../oit-review/feature.js';
import { voiceReportBlocks } from '../../voice/feature.js';
import { pageOf, type AppOptions } from '../../../platform/http/request-context.js';
import { ExportJobs } from '../../../platform/http/export-jobs.js';
import { filesOf } from '../../../platform/services/context.js';
import { loadActor } from '../../users/feature.js';
import { renderPage, sendPage } from '../../../platform/http/render.js';
import { PageCache, sendCachedPage } from '../../../platform/http/page-cache.js';
import {
  renderReportPdf,
  sendAttachment,
  sendCachedReport,
  sendReport,
  sendReportHtml,
} from '../../../platform/http/report-response.js';
import { publicOrigin, signedIn } from '../../../platform/http/route-support.js';
import {
  ExportProgressPage,
  PublicResultsPage,
  publicResultsPath,
  ReportsListPage,
} from './views/reports-pages.js';
import {
  GENERATED_FILE_LIMIT,
  PUBLIC_PAGE_LIMIT,
  changing,
  guarded,
} from '../../../platform/http/route-kit.js';
import { IdParams, typed } from '../../../platform/http/typed-routes.js';
import {
  DataPackageJson,
  JobParams,
  OpenDataJson,
  OpenDataParams,
  PublicParams,
  PublicReportParams,
  PublicResultsJson,
  RollupExportQuery,
  RollupReportsForm,
  RoundReportParams,
} from './results-schemas.js';
import {
  fileBaseOf,
  formatOf,
  notFound,
  publicTarget,
  reportWording,
  screenLinks,
  sendCsv,
  treeCsv,
  XLSX,
} from './reports-support.js';

/** Roll-ups with more units than this are exported in the background with a progress page. */
export const BACKGROUND_EXPORT_UNITS = 40;
/** How long a process reuses the national open data of a year. */
const OPEN_DATA_KEEP_MS = 5 * 60_000;

function registerRoundReports(app: FastifyInstance, ctx: ServiceContext): void {
  const api = typed(app);
  const schema = { params: IdParams };
  api.get('/rounds/:id/reports', { ...guarded, schema }, async (request, reply) => {
    const { round } = await loadVisibleRound(ctx.db.kysely, signedIn(request), request.params.id);
    return sendPage(reply, <ReportsListPage page={pageOf(request)} round={round} />);
  });

  const reportRoute = (kind: 'result' | 'analysis') =>
    api.get(
      `/rounds/:id/reports/${kind}.:format`,
      { ...guarded, ...GENERATED_FILE_LIMIT, schema: { params: RoundReportParams } },
      async (request, reply) => {
        const { id } = request.params;
        const format = formatOf(request.params.format);
        const wording = reportWording(request.lang);
        const actor = signedIn(request);
        const doc =
          kind === 'result'
            ? await getResultReport(ctx, actor, id, wording)
            : await getAnalysisReport(ctx, actor, id, wording);
        const { round } = await loadVisibleRound(ctx.db.kysely, actor, id);
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

  api.get(
    '/rounds/:id/results.xlsx',
    { ...guarded, ...GENERATED_FILE_LIMIT, schema },
    async (request, reply) => {
      const actor = signedIn(request);
      const file = await exportResultsWorkbook(ctx, actor, request.params.id, request.lang);
      return sendAttachment(reply, file.bytes, XLSX, `${file.fileBase}.xlsx`);
    },
  );
}

function yearOf(year: string | undefined): number {
  if (typeof year === 'string' && /^\d{4}$/.test(year.trim())) return Number(year.trim());
  throw new DomainError('bad_year', {
    th: 'กรุณาระบุปีการประเมิน (พ.ศ. 4 หลัก) เช่น ?year=2568',
    en: 'Give the assessment year (4-digit Buddhist era), e.g. ?year=2568',
  });
}

/** What a roll-up export job carries: who asked and what, never the workbook's content. */
type RollupPayload = {
  userId: string;
  agencyId: string;
  year: number;
  type: string | null;
  lang: 'th' | 'en';
};

/** What a roll-up reports job carries (who asked and what). */
type RollupReportsPayload = RollupPayload;

const ZIP = 'application/zip';

function registerRollupExport(app: FastifyInstance, ctx: ServiceContext): void {
  const jobs = new ExportJobs<RollupPayload>(app.jobs, 'rollup-export');
  const reportJobs = new ExportJobs<RollupReportsPayload>(app.jobs, 'rollup-reports');
  // every unit's result report as a PDF in one ZIP, as the person who asked (with the roles they
  // hold when it runs), progress after each unit
  reportJobs.define(async ({ userId, agencyId, year, type, lang }, progress) => {
    const actor = await loadActor(ctx.db.kysely, userId);
    if (!actor) throw notFound();
    const file = await exportRollupReports(ctx, actor, agencyId, year, {
      wording: reportWording(lang),
      print: renderReportPdf,
      type,
      onProgress: progress,
    });
    return { bytes: file.bytes, fileName: `${file.fileBase}.zip`, contentType: ZIP };
  });
  /** An export of this person's of either kind (the progress page shows both). */
  const findExport = async (id: string, userId: string) =>
    (await jobs.find(id, userId)) ?? (await reportJobs.find(id, userId));
  // run by whichever process's worker takes the job: as the person who asked, with the roles
  // they hold when it runs
  jobs.define(async ({ userId, agencyId, year, type, lang }, progress) => {
    const actor = await loadActor(ctx.db.kysely, userId);
    if (!actor) throw notFound();
    const file = await exportRollupWorkbook(ctx, actor, agencyId, year, {
      type,
      lang,
      onProgress: progress,
    });
    return { bytes: file.bytes, fileName: `${file.fileBase}.xlsx`, contentType: XLSX };
  });
  const api = typed(app);
  api.get(
    '/agencies/:id/rollup.xlsx',
    {
      ...guarded,
      ...GENERATED_FILE_LIMIT,
      schema: { params: IdParams, querystring: RollupExportQuery },
    },
    async (request, reply) => {
      const actor = signedIn(request);
      const { id } = request.params;
      const year = yearOf(request.query.year);
      const { type, background } = request.query;
      const options = { type: type?.trim() || null, lang: request.lang };
      const size = await rollupSize(ctx, actor, id);
      if (size <= BACKGROUND_EXPORT_UNITS && background !== '1') {
        const file = await exportRollupWorkbook(ctx, actor, id, year, options);
        return sendAttachment(reply, file.bytes, XLSX, `${file.fileBase}.xlsx`);
      }
      const label =
        request.lang === 'th'
          ? `ไฟล์ผลรวมหน่วยงานในสังกัด ปี ${year} (${size} หน่วยงาน)`
          : `Roll-up workbook, ${year} (${size} units)`;
      const userId = actor.user.id;
      const payload = { userId, agencyId: id, year, ...options };
      const job = await jobs.start(userId, label, payload);
      return reply.redirect(`/exports/${job}`, 303);
    },
  );

  // a form's post (CSRF-checked), not a link: a batch of PDFs is work a prefetch or a crawler
  // must not start
  api.post(
    '/agencies/:id/rollup-reports.zip',
    { ...changing, ...GENERATED_FILE_LIMIT, schema: { params: IdParams, body: RollupReportsForm } },
    async (request, reply) => {
      const actor = signedIn(request);
      const { id } = request.params;
      const year = yearOf(request.body.year);
      // refused as the roll-up workbook is (not found), before anything is queued
      const size = await rollupSize(ctx, actor, id);
      const label =
        request.lang === 'th'
          ? `รายงานผลการประเมินของหน่วยงานในสังกัด ปี ${year} เป็น PDF ในไฟล์ ZIP (${size} หน่วยงาน)`
          : `Result reports of the units, ${year}, as PDFs in a ZIP (${size} units)`;
      const type = request.body.type?.trim() || null;
      const userId = actor.user.id;
      const payload = { userId, agencyId: id, year, type, lang: request.lang };
      const job = await reportJobs.start(userId, label, payload);
      return reply.redirect(`/exports/${job}`, 303);
    },
  );

  const schema = { params: JobParams };
  api.get('/exports/:job', { ...guarded, schema }, async (request, reply) => {
    const job = await findExport(request.params.job, signedIn(request).user.id);
    if (!job) throw notFound();
    return sendPage(reply, <ExportProgressPage page={pageOf(request)} job={job} />);
  });

  api.get('/exports/:job/download', { ...guarded, schema }, async (request, reply) => {
    const { job } = request.params;
    const userId = signedIn(request).user.id;
    const file =
      (await jobs.open(filesOf(ctx), job, userId)) ??
      (await reportJobs.open(filesOf(ctx), job, userId));
    if (!file) throw notFound();
    return sendAttachment(reply, file.bytes, file.contentType, file.fileName);
  });
}

async function publicReport(
  ctx: ServiceContext,
  request: FastifyRequest,
  { code, year }: { code: string; year: number },
  kind: 'result' | 'analysis',
): Promise<ReportDocument> {
  const facts = await loadPublicResultFacts(ctx, code, year);
  const wording = reportWording(request.lang);
  if (kind === 'result') return buildResultReport(facts, wording, facts.publishedAt);
  const voice = await voiceReportBlocks(ctx, facts.round, wording.lang);
  return buildAnalysisReport(facts, wording, facts.publishedAt, voice);
}

function registerPublic(app: FastifyInstance, ctx: ServiceContext, pages: PageCache): void {
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
  const api = typed(app);
  const page = { ...PUBLIC_PAGE_LIMIT, schema: { params: PublicParams } };
  api.get('/public/:agencyCode/:year/results', page, async (request, reply) => {
    const { code, year } = publicTarget(request.params);
    const snapshot = await pages.snapshotOf(`results|${code}|${year}`, () =>
      publishedSnapshotKey(ctx, code, year),
    );
    if (!snapshot) throw publicResultsNotFound();
    // rendered once per snapshot and language: the page is the same for everybody, signed in or not
    const { lang } = request;
    return sendCachedPage(request, reply, pages, `results|${snapshot}|${lang}`, async () => {
      const facts = await loadPublicResultFacts(ctx, code, year);
      const path = publicResultsPath(facts.round.agencyCode, facts.round.editionYear);
      const context = { lang, actor: null, csrfToken: '', path };
      const chartSvg = indicatorChartSvg(facts.result, lang);
      return renderPage(<PublicResultsPage page={context} facts={facts} chartSvg={chartSvg} />);
    });
  });

  const feed = {
    ...PUBLIC_PAGE_LIMIT,
    schema: { params: PublicParams, response: { 200: PublicResultsJson } },
  };
  api.get('/public/:agencyCode/:year/results.json', feed, async (request, reply) => {
    const { code, year } = publicTarget(request.params);
    const { round, result, publishedAt } = await loadPublicResultFacts(ctx, code, year);
    return reply.header('access-control-allow-origin', '*').send({
      agency: { code: round.agencyCode, name: round.agencyNameTh },
      year: round.editionYear,
      edition: round.editionCode,
      publishedAt,
      total: result.total,
      level: result.level ? { code: result.level.code, name: result.level.name } : null,
      withheld: result.withheld,
      instruments: result.instruments.map((i) => ({
        code: i.code,
        name: i.name,
        score: i.shown,
        points: i.points,
        component: i.component,
        withheld: i.withheld,
      })),
      tree: result.tree,
    });
  });

  api.get('/public/:agencyCode/:year/results.csv', page, async (request, reply) => {
    const { code, year } = publicTarget(request.params);
    const { result } = await loadPublicResultFacts(ctx, code, year);
    return sendCsv(reply, treeCsv(result.tree));
  });

  for (const kind of ['result', 'analysis'] as const)
    api.get(
      `/public/:agencyCode/:year/${kind}.:format`,
      { ...GENERATED_FILE_LIMIT, schema: { params: PublicReportParams } },
      async (request, reply) => {
        const format = formatOf(request.params.format);
        const target = publicTarget(request.params);
        const { code, year } = target;
        const snapshot = await pages.snapshotOf(`results|${code}|${year}`, () =>
          publishedSnapshotKey(ctx, code, year),
        );
        if (!snapshot) throw publicResultsNotFound();
        // made once per snapshot, kind, format and language (a PDF printed once, not per request):
        // the same for everybody, signed in or not
        const { lang } = request;
        return sendCachedReport(
          reply,
          pages,
          `report|${snapshot}|${kind}|${format}|${lang}`,
          () => publicReport(ctx, request, target, kind),
          format,
          fileBaseOf(kind, code, year),
          { screenLinks: screenLinks(lang, publicResultsPath(code, year), kind) },
        );
      },
    );

  const openDataFile = {
    ...PUBLIC_PAGE_LIMIT,
    schema: { params: OpenDataParams, response: { 200: OpenDataJson } },
  };
  api.get('/public/open-data/:file', openDataFile, async (request, reply) => {
    const match = /^(\d{4})\.(csv|json)$/.exec(request.params.file);
    if (!match) throw notFound();
    const year = Number(match[1]);
    const rows = await openData(year);
    if (match[2] === 'json')
      return reply.header('access-control-allow-origin', '*').send(openDataJson(year, rows));
    return sendCsv(reply, openDataCsv(rows));
  });
}

/**
 * The open data's page (`/public/open-data`: files by year, licence, columns) and its Frictionless
 * Data Package (`datapackage.json`, for data portals), both from the published rounds.
 */
function registerOpenDataDescription(app: FastifyInstance, ctx: ServiceContext): void {
  const api = typed(app);
  api.get(OPEN_DATA_PATH, PUBLIC_PAGE_LIMIT, async (request, reply) => {
    const { years } = await openDataCatalog(ctx);
    return sendPage(reply, <OpenDataPage page={pageOf(request)} years={years} />);
  });
  const described = { ...PUBLIC_PAGE_LIMIT, schema: { response: { 200: DataPackageJson } } };
  api.get(DATA_PACKAGE_PATH, described, async (request, reply) => {
    const catalog = await openDataCatalog(ctx);
    // a data package lists at least one resource: none before a first result is published
    if (catalog.years.length === 0) throw notFound();
    return reply
      .header('access-control-allow-origin', '*')
      .send(openDataPackage({ ...catalog, origin: publicOrigin(request) }));
  });
}

/** Reports of a round (PDF, DOCX, HTML, XLSX), roll-up export, public results and open data. */
export function registerReportsRoutes(app: FastifyInstance, options: AppOptions): void {
  registerRoundReports(app, options.ctx);
  registerRollupExport(app, options.ctx);
  registerPublic(app, options.ctx, app.publishedPages);
  registerOpenDataDescription(app, options.ctx);
}
