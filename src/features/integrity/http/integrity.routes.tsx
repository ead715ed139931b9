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
import type {
  CommunicationInput,
  DeclarationEdit,
  DeclarationInput,
  GiftInput,
  HeadDecisionInput,
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
import { formValues, signedIn } from '../../../platform/http/route-support.js';
import { GiftRegisterPage, type FailedGiftForm } from './views/integrity-gifts.js';
import { NoGiftPageView, type FailedForm } from './views/integrity-no-gift.js';
import { sendDomainError } from '../../../platform/http/views/user-problem.js';
import { registerIntegrityApi } from './integrity-api.routes.js';
import { registerIntegrityPublicRoutes } from './integrity-public.routes.js';
import { bangkokDay } from '../../../core/thai-calendar.js';
import {
  answerFormRefusal,
  changing,
  formErrorsOf,
  guarded,
  pathYear,
} from '../../../platform/http/route-kit.js';

type Params = { id: string; year?: string; giftId?: string; file?: string };
const paramsOf = (request: FastifyRequest) => request.params as Params;

/** A Buddhist-era year from the path or query, or a 404 for anything else. */
export function yearOf(text: string | undefined): number {
  return pathYear(text, notFound);
}
const notFound = () => new DomainError('not_found', { th: 'ไม่พบหน้านี้', en: 'Page not found' });
const queryYear = (request: FastifyRequest) => {
  const { year } = request.query as { year?: string };
  return year && /^\d{4}$/.test(year) ? Number(year) : undefined;
};

/** "2569.pdf" → year and format; anything else is not found. */
export function printTarget(file: string | undefined): { year: number; format: ReportFormat } {
  const match = /^(\d{4})\.(pdf|docx|html)$/.exec(file ?? '');
  if (!match) throw notFound();
  return { year: Number(match[1]), format: match[2] as ReportFormat };
}

function registerNoGift(app: FastifyInstance, ctx: ServiceContext): void {
  async function render(
    request: FastifyRequest,
    reply: FastifyReply,
    failed: FailedForm | null,
    year?: number,
  ) {
    try {
      const data = await getNoGiftPage(
        ctx,
        signedIn(request),
        paramsOf(request).id,
        year ?? queryYear(request),
      );
      return sendPage(
        reply,
        <NoGiftPageView page={pageOf(request)} data={data} failed={failed} />,
        failed ? 400 : 200,
      );
    } catch (error) {
      return sendDomainError(request, reply, error);
    }
  }
  /** Runs a change, then goes back to the year's page; shows the form again on bad input. */
  const act =
    (
      form: FailedForm['form'],
      work: (request: FastifyRequest, values: Record<string, string>) => Promise<number>,
    ) =>
    async (request: FastifyRequest, reply: FastifyReply) => {
      const values = formValues(request);
      const { id, year } = paramsOf(request);
      try {
        const done = await work(request, values);
        return reply.redirect(`/agencies/${id}/no-gift?year=${done}`);
      } catch (error) {
        const errors = formErrorsOf(error);
        if (!errors) return sendDomainError(request, reply, error);
        const shown = year && /^\d{4}$/.test(year) ? Number(year) : undefined;
        return render(request, reply, { form, values, errors }, shown);
      }
    };
  const base = '/agencies/:id/no-gift';
  app.get(base, guarded, (request, reply) => render(request, reply, null));
  app.post(
    base,
    changing,
    act('create', async (request, values) => {
      const made = await createDeclaration(
        ctx,
        signedIn(request),
        paramsOf(request).id,
        values as unknown as DeclarationInput,
      );
      return made.fiscalYear;
    }),
  );
  app.post(
    `${base}/:year/edit`,
    changing,
    act('edit', async (request, values) => {
      const { id, year } = paramsOf(request);
      return (
        await editDeclaration(
          ctx,
          signedIn(request),
          id,
          yearOf(year),
          values as unknown as DeclarationEdit,
        )
      ).fiscalYear;
    }),
  );
  for (const [step, to] of [
    ['approve', 'approved'],
    ['publish', 'published'],
  ] as const) {
    app.post(
      `${base}/:year/${step}`,
      changing,
      act('action', async (request) => {
        const { id, year } = paramsOf(request);
        return (await advanceDeclaration(ctx, signedIn(request), id, yearOf(year), to)).fiscalYear;
      }),
    );
  }
  app.post(
    `${base}/:year/acknowledge`,
    changing,
    act('action', async (request) => {
      const { id, year } = paramsOf(request);
      await acknowledgeDeclaration(ctx, signedIn(request), id, yearOf(year));
      return yearOf(year);
    }),
  );
  app.post(
    `${base}/:year/communications`,
    changing,
    act('communication', async (request, values) => {
      const { id, year } = paramsOf(request);
      await addCommunication(
        ctx,
        signedIn(request),
        id,
        yearOf(year),
        values as unknown as CommunicationInput,
      );
      return yearOf(year);
    }),
  );
  app.get(`${base}/declaration/:file`, guarded, async (request, reply) => {
    try {
      const { year, format } = printTarget(paramsOf(request).file);
      const { agency, declaration } = await getDeclarationForPrint(
        ctx,
        signedIn(request),
        paramsOf(request).id,
        year,
      );
      const doc = declarationReport(request.lang, { ...declaration, agencyName: agency.nameTh });
      return sendReport(reply, doc, format, `no-gift-${agency.code}-${year}`);
    } catch (error) {
      return sendDomainError(request, reply, error);
    }
  });
}

function registerGifts(app: FastifyInstance, ctx: ServiceContext): void {
  async function render(
    request: FastifyRequest,
    reply: FastifyReply,
    failed: FailedGiftForm | null,
  ) {
    try {
      const data = await getGiftRegister(
        ctx,
        signedIn(request),
        paramsOf(request).id,
        queryYear(request),
      );
      return sendPage(
        reply,
        <GiftRegisterPage page={pageOf(request)} data={data} failed={failed} />,
        failed ? 400 : 200,
      );
    } catch (error) {
      return sendDomainError(request, reply, error);
    }
  }
  const base = '/agencies/:id/gifts';
  app.get(base, guarded, (request, reply) => render(request, reply, null));
  app.post(base, changing, async (request, reply) => {
    const values = formValues(request);
    const { id } = paramsOf(request);
    try {
      const gift = await reportGift(ctx, signedIn(request), id, values as unknown as GiftInput);
      return reply.redirect(`/agencies/${id}/gifts?year=${gift.fiscalYear}`);
    } catch (error) {
      return answerFormRefusal(request, reply, error, (errors) =>
        render(request, reply, { form: 'report', values, errors }),
      );
    }
  });
  app.post(`${base}/:giftId/decision`, changing, async (request, reply) => {
    const values = formValues(request);
    const { id, giftId = '' } = paramsOf(request);
    try {
      const gift = await decideGift(
        ctx,
        signedIn(request),
        id,
        giftId,
        values as unknown as HeadDecisionInput,
      );
      return reply.redirect(`/agencies/${id}/gifts?year=${gift.fiscalYear}`);
    } catch (error) {
      return answerFormRefusal(request, reply, error, (errors) =>
        render(request, reply, { form: 'decision', giftId, values, errors }),
      );
    }
  });
  app.post(`${base}/report/:year/publish`, changing, async (request, reply) => {
    const { id, year } = paramsOf(request);
    try {
      await publishGiftReport(ctx, signedIn(request), id, yearOf(year));
      return reply.redirect(`/agencies/${id}/gifts?year=${yearOf(year)}`);
    } catch (error) {
      return sendDomainError(request, reply, error);
    }
  });
  app.get(`${base}/report/:file`, guarded, async (request, reply) => {
    try {
      const { year, format } = printTarget(paramsOf(request).file);
      const { agency, report, threshold } = await getGiftYearReport(
        ctx,
        signedIn(request),
        paramsOf(request).id,
        year,
      );
      const doc = giftYearReport(request.lang, {
        agencyName: agency.nameTh,
        report,
        threshold,
        issuedOn: bangkokDay(ctx.clock.now()),
      });
      return sendReport(reply, doc, format, `gift-report-${agency.code}-${year}`);
    } catch (error) {
      return sendDomainError(request, reply, error);
    }
  });
}

/** Integrity registers: the No Gift Policy and the gift register, signed-in and public pages. */
export function registerIntegrityRoutes(app: FastifyInstance, options: AppOptions): void {
  registerNoGift(app, options.ctx);
  registerGifts(app, options.ctx);
  registerIntegrityPublicRoutes(app, options.ctx);
  registerIntegrityApi(app, options.ctx);
}
