import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../../../core/errors.js';
import { declarationReport, giftYearReport } from '../reports/integrity-reports.js';
import type { ServiceContext } from '../../../platform/services/context.js';
import {
  decideGift,
  getGiftRegister,
  getGiftYearReport,
  publishGiftReport,
  reportGift,
} from '../services/gift-register.service.js';
import {
  CommunicationInputSchema,
  DeclarationEditSchema,
  DeclarationInputSchema,
  GiftInputSchema,
  HeadDecisionSchema,
} from '../services/integrity-support.js';
import {
  acknowledgeDeclaration,
  addCommunication,
  advanceDeclaration,
  createDeclaration,
  editDeclaration,
  getDeclarationForPrint,
  getNoGiftPage,
} from '../services/integrity.service.js';
import { pageOf, type AppOptions } from '../../../platform/http/request-context.js';
import { sendPage } from '../../../platform/http/render.js';
import { sendReport, type ReportFormat } from '../../../platform/http/report-response.js';
import { signedIn } from '../../../platform/http/route-support.js';
import { IdParams, typed } from '../../../platform/http/typed-routes.js';
import { GiftRegisterPage, type FailedGiftForm } from './views/integrity-gifts.js';
import { NoGiftPageView, type FailedForm } from './views/integrity-no-gift.js';
import { registerIntegrityApi } from './integrity-api.routes.js';
import { registerIntegrityPublicRoutes } from './integrity-public.routes.js';
import {
  CommunicationForm,
  DecisionForm,
  DeclarationEditForm,
  DeclarationForm,
  FileParams,
  GiftForm,
  GiftParams,
  YearParams,
  YearQuery,
} from './integrity-schemas.js';
import { bangkokDay } from '../../../core/thai-calendar.js';
import { changing, guarded, pathYear, submitForm } from '../../../platform/http/route-kit.js';

/** A Buddhist-era year from the path or query, or a 404 for anything else. */
export function yearOf(text: string | undefined): number {
  return pathYear(text, notFound);
}
const notFound = () => new DomainError('not_found', { th: 'ไม่พบหน้านี้', en: 'Page not found' });

/** "2569.pdf" → year and format; anything else is not found. */
export function printTarget(file: string | undefined): { year: number; format: ReportFormat } {
  const match = /^(\d{4})\.(pdf|docx|html)$/.exec(file ?? '');
  if (!match) throw notFound();
  return { year: Number(match[1]), format: match[2] as ReportFormat };
}

/** The year a No Gift page shows: the path's when it is four digits, else the query's. */
function shownYear(path: string | undefined, query: number | undefined): number | undefined {
  return path && /^\d{4}$/.test(path) ? Number(path) : query;
}

function registerNoGift(app: FastifyInstance, ctx: ServiceContext): void {
  const api = typed(app);
  async function render(
    request: FastifyRequest,
    reply: FastifyReply,
    shown: { id: string; year: number | undefined },
    failed: FailedForm | null,
  ) {
    const data = await getNoGiftPage(ctx, signedIn(request), shown.id, shown.year);
    return sendPage(
      reply,
      <NoGiftPageView page={pageOf(request)} data={data} failed={failed} />,
      failed ? 400 : 200,
    );
  }
  /** Runs a change, then goes back to the year's page; shows the form again on bad input. */
  function act(
    request: FastifyRequest,
    reply: FastifyReply,
    where: { id: string; year?: string; query: number | undefined },
    form: FailedForm['form'],
    values: FailedForm['values'],
    work: () => Promise<number>,
  ) {
    const { id } = where;
    return submitForm(
      request,
      reply,
      async () => `/agencies/${id}/no-gift?year=${await work()}`,
      (errors) =>
        render(
          request,
          reply,
          { id, year: shownYear(where.year, where.query) },
          {
            form,
            values,
            errors,
          },
        ),
    );
  }
  const whereOf = (request: {
    params: { id: string; year?: string };
    query: { year: number | undefined };
  }) => ({ ...request.params, query: request.query.year });
  const base = '/agencies/:id/no-gift';
  const read = { params: IdParams, querystring: YearQuery };
  const readYear = { params: YearParams, querystring: YearQuery };
  api.get(base, { ...guarded, schema: read }, (request, reply) =>
    render(request, reply, { id: request.params.id, year: request.query.year }, null),
  );
  api.post(base, { ...changing, schema: { ...read, body: DeclarationForm } }, (request, reply) =>
    act(request, reply, whereOf(request), 'create', request.body, async () => {
      const input = DeclarationInputSchema.parse(request.body);
      const made = await createDeclaration(ctx, signedIn(request), request.params.id, input);
      return made.fiscalYear;
    }),
  );
  api.post(
    `${base}/:year/edit`,
    { ...changing, schema: { ...readYear, body: DeclarationEditForm } },
    (request, reply) =>
      act(request, reply, whereOf(request), 'edit', request.body, async () => {
        const { id, year } = request.params;
        const actor = signedIn(request);
        const fiscalYear = yearOf(year);
        const input = DeclarationEditSchema.parse(request.body);
        return (await editDeclaration(ctx, actor, id, fiscalYear, input)).fiscalYear;
      }),
  );
  for (const [step, to] of [
    ['approve', 'approved'],
    ['publish', 'published'],
  ] as const) {
    api.post(`${base}/:year/${step}`, { ...changing, schema: readYear }, (request, reply) =>
      act(request, reply, whereOf(request), 'action', {}, async () => {
        const { id, year } = request.params;
        return (await advanceDeclaration(ctx, signedIn(request), id, yearOf(year), to)).fiscalYear;
      }),
    );
  }
  api.post(`${base}/:year/acknowledge`, { ...changing, schema: readYear }, (request, reply) =>
    act(request, reply, whereOf(request), 'action', {}, async () => {
      const { id, year } = request.params;
      await acknowledgeDeclaration(ctx, signedIn(request), id, yearOf(year));
      return yearOf(year);
    }),
  );
  api.post(
    `${base}/:year/communications`,
    { ...changing, schema: { ...readYear, body: CommunicationForm } },
    (request, reply) =>
      act(request, reply, whereOf(request), 'communication', request.body, async () => {
        const { id, year } = request.params;
        const actor = signedIn(request);
        const fiscalYear = yearOf(year);
        const input = CommunicationInputSchema.parse(request.body);
        await addCommunication(ctx, actor, id, fiscalYear, input);
        return fiscalYear;
      }),
  );
  api.get(
    `${base}/declaration/:file`,
    { ...guarded, schema: { params: FileParams } },
    async (request, reply) => {
      const { id, file } = request.params;
      const { year, format } = printTarget(file);
      const { agency, declaration } = await getDeclarationForPrint(
        ctx,
        signedIn(request),
        id,
        year,
      );
      const doc = declarationReport(request.lang, { ...declaration, agencyName: agency.nameTh });
      return sendReport(reply, doc, format, `no-gift-${agency.code}-${year}`);
    },
  );
}

function registerGifts(app: FastifyInstance, ctx: ServiceContext): void {
  const api = typed(app);
  async function render(
    request: FastifyRequest,
    reply: FastifyReply,
    shown: { id: string; year: number | undefined },
    failed: FailedGiftForm | null,
  ) {
    const data = await getGiftRegister(ctx, signedIn(request), shown.id, shown.year);
    return sendPage(
      reply,
      <GiftRegisterPage page={pageOf(request)} data={data} failed={failed} />,
      failed ? 400 : 200,
    );
  }
  const shownOf = (request: { params: { id: string }; query: { year: number | undefined } }) => ({
    id: request.params.id,
    year: request.query.year,
  });
  const base = '/agencies/:id/gifts';
  const read = { params: IdParams, querystring: YearQuery };
  api.get(base, { ...guarded, schema: read }, (request, reply) =>
    render(request, reply, shownOf(request), null),
  );
  api.post(base, { ...changing, schema: { ...read, body: GiftForm } }, (request, reply) => {
    const { id } = request.params;
    return submitForm(
      request,
      reply,
      async () => {
        const input = GiftInputSchema.parse(request.body);
        const gift = await reportGift(ctx, signedIn(request), id, input);
        return `/agencies/${id}/gifts?year=${gift.fiscalYear}`;
      },
      (errors) =>
        render(request, reply, shownOf(request), { form: 'report', values: request.body, errors }),
    );
  });
  api.post(
    `${base}/:giftId/decision`,
    {
      ...changing,
      schema: { params: GiftParams, querystring: YearQuery, body: DecisionForm },
    },
    (request, reply) => {
      const { id, giftId } = request.params;
      return submitForm(
        request,
        reply,
        async () => {
          const input = HeadDecisionSchema.parse(request.body);
          const gift = await decideGift(ctx, signedIn(request), id, giftId, input);
          return `/agencies/${id}/gifts?year=${gift.fiscalYear}`;
        },
        (errors) =>
          render(request, reply, shownOf(request), {
            form: 'decision',
            giftId,
            values: request.body,
            errors,
          }),
      );
    },
  );
  api.post(
    `${base}/report/:year/publish`,
    { ...changing, schema: { params: YearParams } },
    async (request, reply) => {
      const { id, year } = request.params;
      await publishGiftReport(ctx, signedIn(request), id, yearOf(year));
      return reply.redirect(`/agencies/${id}/gifts?year=${yearOf(year)}`);
    },
  );
  api.get(
    `${base}/report/:file`,
    { ...guarded, schema: { params: FileParams } },
    async (request, reply) => {
      const { id, file } = request.params;
      const { year, format } = printTarget(file);
      const { agency, report, threshold } = await getGiftYearReport(
        ctx,
        signedIn(request),
        id,
        year,
      );
      const doc = giftYearReport(request.lang, {
        agencyName: agency.nameTh,
        report,
        threshold,
        issuedOn: bangkokDay(ctx.clock.now()),
      });
      return sendReport(reply, doc, format, `gift-report-${agency.code}-${year}`);
    },
  );
}

/** Integrity registers: the No Gift Policy and the gift register, signed-in and public pages. */
export function registerIntegrityRoutes(app: FastifyInstance, options: AppOptions): void {
  registerNoGift(app, options.ctx);
  registerGifts(app, options.ctx);
  registerIntegrityPublicRoutes(app, options.ctx);
  registerIntegrityApi(app, options.ctx);
}
