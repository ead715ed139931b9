import type { FastifyInstance } from 'fastify';
import { DomainError } from '../../../core/errors.js';
import { declarationReport, giftYearReport } from '../reports/integrity-reports.js';
import type { ServiceContext } from '../../../platform/services/context.js';
import { loadPublicGiftReport, loadPublicNoGift } from '../services/integrity-public.service.js';
import { pageOf } from '../../../platform/http/request-context.js';
import { sendPage } from '../../../platform/http/render.js';
import { sendReport } from '../../../platform/http/report-response.js';
import { PublicGiftsPage, PublicNoGiftPage } from './views/integrity-public.js';
import { typed } from '../../../platform/http/typed-routes.js';
import { PublicYearParams } from './integrity-schemas.js';
import {
  GENERATED_FILE_LIMIT,
  PUBLIC_PAGE_LIMIT,
  pathYear,
} from '../../../platform/http/route-kit.js';

const notFound = () => new DomainError('not_found', { th: 'ไม่พบหน้านี้', en: 'Page not found' });

function targetOf(params: { agencyCode: string; year: string }): { code: string; year: number } {
  return { code: params.agencyCode, year: pathYear(params.year, notFound) };
}

/** Public No Gift page and yearly gift report (published only), each also as a PDF. */
export function registerIntegrityPublicRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  const api = typed(app);
  const base = '/public/:agencyCode/:year';
  const schema = { params: PublicYearParams };
  api.get(`${base}/no-gift`, { ...PUBLIC_PAGE_LIMIT, schema }, async (request, reply) => {
    const { code, year } = targetOf(request.params);
    const data = await loadPublicNoGift(ctx, code, year);
    return sendPage(reply, <PublicNoGiftPage page={pageOf(request)} data={data} />);
  });
  api.get(`${base}/no-gift.pdf`, { ...GENERATED_FILE_LIMIT, schema }, async (request, reply) => {
    const { code, year } = targetOf(request.params);
    const { agency, declaration } = await loadPublicNoGift(ctx, code, year);
    const doc = declarationReport(request.lang, { ...declaration, agencyName: agency.nameTh });
    return sendReport(reply, doc, 'pdf', `no-gift-${agency.code}-${year}`);
  });
  api.get(`${base}/gifts`, { ...PUBLIC_PAGE_LIMIT, schema }, async (request, reply) => {
    const { code, year } = targetOf(request.params);
    const data = await loadPublicGiftReport(ctx, code, year);
    return sendPage(reply, <PublicGiftsPage page={pageOf(request)} data={data} />);
  });
  api.get(`${base}/gifts.pdf`, { ...GENERATED_FILE_LIMIT, schema }, async (request, reply) => {
    const { code, year } = targetOf(request.params);
    const data = await loadPublicGiftReport(ctx, code, year);
    const doc = giftYearReport(request.lang, {
      agencyName: data.agency.nameTh,
      report: data.report,
      threshold: data.threshold,
      issuedOn: data.updatedAt.slice(0, 10),
    });
    return sendReport(reply, doc, 'pdf', `gift-report-${data.agency.code}-${year}`);
  });
}
