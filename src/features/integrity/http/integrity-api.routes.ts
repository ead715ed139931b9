import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ServiceContext } from '../../../platform/services/context.js';
import { getGiftRegister, reportGift } from '../services/gift-register.service.js';
import { GiftInputSchema } from '../services/integrity-support.js';
import { acknowledgeDeclaration, getNoGiftPage } from '../services/integrity.service.js';
import { describeApi } from '../../../platform/http/openapi.js';
import { signedIn } from '../../../platform/http/route-support.js';
import { sendDomainError } from '../../../platform/http/views/user-problem.js';
import { changing, guarded, idOf } from '../../../platform/http/route-kit.js';

const yearOf = (request: FastifyRequest) => {
  const { year } = (request.query ?? {}) as { year?: string };
  return year && /^\d{4}$/.test(year) ? Number(year) : undefined;
};

/** JSON API of the integrity registers (changes need the x-csrf-token header). */
export function registerIntegrityApi(app: FastifyInstance, ctx: ServiceContext): void {
  const noGift = '/api/v1/agencies/:id/no-gift';
  describeApi({
    method: 'get',
    path: noGift,
    summary:
      "An agency's No Gift declaration of a year (?year=), the acknowledgement share and the communication log",
    tag: 'integrity',
  });
  app.get(noGift, guarded, async (request, reply) => {
    try {
      const page = await getNoGiftPage(ctx, signedIn(request), idOf(request), yearOf(request));
      const { agency, fiscalYear, declaration, share, myAcknowledgement, communications, may } =
        page;
      return reply.send({
        agency: { id: agency.id, code: agency.code, name: agency.nameTh },
        fiscalYear,
        declaration,
        share,
        myAcknowledgement,
        communications,
        may,
      });
    } catch (error) {
      return sendDomainError(request, reply, error);
    }
  });
  describeApi({
    method: 'post',
    path: `${noGift}/:year/acknowledge`,
    summary: 'Acknowledge the published declaration of a year (members; once per person)',
    tag: 'integrity',
  });
  app.post(`${noGift}/:year/acknowledge`, changing, async (request, reply) => {
    try {
      const { year } = request.params as { year: string };
      const done = await acknowledgeDeclaration(
        ctx,
        signedIn(request),
        idOf(request),
        Number(year),
      );
      return reply.send(done);
    } catch (error) {
      return sendDomainError(request, reply, error);
    }
  });

  const gifts = '/api/v1/agencies/:id/gifts';
  describeApi({
    method: 'get',
    path: gifts,
    summary:
      'Gift reports of a fiscal year (?year=): own reports, or all with the yearly figures for the head and agency administrators',
    tag: 'integrity',
  });
  app.get(gifts, guarded, async (request, reply) => {
    try {
      const data = await getGiftRegister(ctx, signedIn(request), idOf(request), yearOf(request));
      const { fiscalYear, threshold, seesAll, gifts: list, awaiting, report, publishedAt } = data;
      return reply.send({
        fiscalYear,
        threshold,
        seesAll,
        gifts: list,
        awaiting,
        report,
        publishedAt,
      });
    } catch (error) {
      return sendDomainError(request, reply, error);
    }
  });
  describeApi({
    method: 'post',
    path: gifts,
    summary: 'Report a gift offered, received or refused (members); flagged above the threshold',
    tag: 'integrity',
    body: GiftInputSchema,
  });
  app.post(gifts, changing, async (request, reply) => {
    try {
      const gift = await reportGift(
        ctx,
        signedIn(request),
        idOf(request),
        GiftInputSchema.parse(request.body ?? {}),
      );
      return reply.status(201).send({ gift });
    } catch (error) {
      return sendDomainError(request, reply, error);
    }
  });
}
