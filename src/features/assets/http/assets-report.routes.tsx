import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { assetGuidelineReport, assetUsageReport } from '../reports/asset-reports.js';
import {
  currentFiscalYear,
  getPublicGuideline,
  getPublicUsageReport,
  getUsageReport,
  type AgencyUsageReport,
} from '../services/asset-report.service.js';
import type { ServiceContext } from '../../../platform/services/context.js';
import { publicReportPath } from '../evidence.js';
import { type AppOptions } from '../../../platform/http/request-context.js';
import { m, pick, type Lang } from '../../../platform/http/i18n.js';
import {
  sendReport,
  sendReportHtml,
  type ReportFormat,
} from '../../../platform/http/report-response.js';
import { signedIn } from '../../../platform/http/route-support.js';
import { IdParams, typed } from '../../../platform/http/typed-routes.js';
import { PublicAgencyParams, PublicYearParams, ReportYearQuery } from './assets-schemas.js';
import { bangkokDay } from '../../../core/thai-calendar.js';
import {
  GENERATED_FILE_LIMIT,
  PUBLIC_PAGE_LIMIT,
  guarded,
  pathYear,
} from '../../../platform/http/route-kit.js';
import { publishedNotFound } from '../../agencies/feature.js';

function reportDoc(lang: Lang, data: AgencyUsageReport) {
  const agencyName = lang === 'th' ? data.agency.nameTh : data.agency.nameEn || data.agency.nameTh;
  return assetUsageReport(lang, { agencyName, report: data.report, madeOn: data.today });
}

/** The report's files, then the three latest other years that have loans (none before the first). */
function yearLinks(lang: Lang, base: (year: number) => string, shown: number, years: number[]) {
  const links = [
    { href: `${base(shown)}.pdf`, text: 'PDF' },
    { href: `${base(shown)}.docx`, text: 'DOCX' },
  ];
  for (const year of years.slice(0, 3))
    if (year !== shown)
      links.push({
        href: base(year),
        text: pick(lang, m(`ปีงบประมาณ ${year}`, `Fiscal year ${year}`)),
      });
  return links;
}

function registerReport(app: FastifyInstance, ctx: ServiceContext): void {
  const api = typed(app);
  const send = async (
    request: FastifyRequest,
    reply: FastifyReply,
    shown: { id: string; year: string | undefined },
    format: ReportFormat,
  ) => {
    const { id } = shown;
    const current = currentFiscalYear(ctx);
    const year = Number(shown.year ?? current);
    const data = await getUsageReport(ctx, signedIn(request), id, year);
    const doc = reportDoc(request.lang, data);
    if (format !== 'html')
      return sendReport(reply, doc, format, `asset-loans-${data.agency.code}-${year}`);
    const base = (y: number) => `/agencies/${id}/assets/report?year=${y}`;
    const links = yearLinks(request.lang, base, year, data.years).map((l) =>
      l.text === 'PDF' || l.text === 'DOCX'
        ? { ...l, href: `/agencies/${id}/assets/report.${l.text.toLowerCase()}?year=${year}` }
        : l,
    );
    links.unshift({
      href: `/agencies/${id}/loans`,
      text: pick(request.lang, m('กลับไปการยืม-คืน', 'Back to the loans')),
    });
    return sendReportHtml(reply, doc, { screenLinks: links });
  };
  const options = { ...guarded, schema: { params: IdParams, querystring: ReportYearQuery } };
  for (const [suffix, format] of [
    ['', 'html'],
    ['.pdf', 'pdf'],
    ['.docx', 'docx'],
  ] as const)
    api.get(`/agencies/:id/assets/report${suffix}`, options, (request, reply) =>
      send(request, reply, { id: request.params.id, year: request.query.year }, format),
    );
}

function registerPublic(app: FastifyInstance, ctx: ServiceContext): void {
  const api = typed(app);
  api.get(
    '/public/:agencyCode/assets/guideline',
    { ...PUBLIC_PAGE_LIMIT, schema: { params: PublicAgencyParams } },
    async (request, reply) => {
      const found = await getPublicGuideline(ctx, request.params.agencyCode);
      const agencyName =
        request.lang === 'th' ? found.agency.nameTh : found.agency.nameEn || found.agency.nameTh;
      const doc = assetGuidelineReport(request.lang, {
        agencyName,
        text: found.text,
        publishedOn: bangkokDay(new Date(found.publishedAt)),
      });
      return sendReportHtml(reply, doc).header('cache-control', 'public, max-age=300');
    },
  );
  const send = async (
    request: FastifyRequest,
    reply: FastifyReply,
    { agencyCode, year }: { agencyCode: string; year: string },
    format: ReportFormat,
  ) => {
    const data = await getPublicUsageReport(ctx, agencyCode, pathYear(year, publishedNotFound));
    const doc = reportDoc(request.lang, data);
    if (format !== 'html')
      return sendReport(reply, doc, format, `asset-loans-${data.agency.code}-${year}`);
    const path = publicReportPath(data.agency.code, Number(year));
    return sendReportHtml(reply, doc, {
      screenLinks: [
        { href: `${path}.pdf`, text: 'PDF' },
        { href: `${path}.docx`, text: 'DOCX' },
      ],
    });
  };
  const base = '/public/:agencyCode/:year/assets/report';
  const schema = { params: PublicYearParams };
  api.get(base, { ...PUBLIC_PAGE_LIMIT, schema }, (request, reply) =>
    send(request, reply, request.params, 'html'),
  );
  api.get(`${base}.pdf`, { ...GENERATED_FILE_LIMIT, schema }, (request, reply) =>
    send(request, reply, request.params, 'pdf'),
  );
  api.get(`${base}.docx`, { ...GENERATED_FILE_LIMIT, schema }, (request, reply) =>
    send(request, reply, request.params, 'docx'),
  );
}

/** The yearly asset loan report (signed in and public) and the public guideline. */
export function registerAssetReportRoutes(app: FastifyInstance, options: AppOptions): void {
  registerReport(app, options.ctx);
  registerPublic(app, options.ctx);
}
