import type { FastifyInstance } from 'fastify';
import type { ServiceContext } from '../../../platform/services/context.js';
import { getGiftRegister, reportGift } from '../services/gift-register.service.js';
import { GiftInputSchema } from '../services/integrity-support.js';
import { acknowledgeDeclaration, getNoGiftPage } from '../services/integrity.service.js';
import { signedIn } from '../../../platform/http/route-support.js';
import { changing, guarded } from '../../../platform/http/route-kit.js';
import { IdParams, ProblemSchema, typed } from '../../../platform/http/typed-routes.js';
import {
  AcknowledgementJson,
  GiftCreatedJson,
  GiftRegisterJson,
  NoGiftJson,
  YearParams,
  YearQuery,
} from './integrity-schemas.js';

const tags = ['integrity'];

/** JSON API of the integrity registers (changes need the x-csrf-token header). */
export function registerIntegrityApi(app: FastifyInstance, ctx: ServiceContext): void {
  const api = typed(app);
  const noGift = '/api/v1/agencies/:id/no-gift';
  api.get(
    noGift,
    {
      ...guarded,
      schema: {
        operationId: 'getNoGiftDeclaration',
        summary:
          "An agency's No Gift declaration of a year (?year=), the acknowledgement share and the communication log",
        tags,
        params: IdParams,
        querystring: YearQuery,
        response: { 200: NoGiftJson, 404: ProblemSchema },
      },
    },
    async (request) => {
      const { id } = request.params;
      const page = await getNoGiftPage(ctx, signedIn(request), id, request.query.year);
      const { agency, fiscalYear, declaration, share, myAcknowledgement, communications, may } =
        page;
      return {
        agency: { id: agency.id, code: agency.code, name: agency.nameTh },
        fiscalYear,
        declaration,
        share,
        myAcknowledgement,
        communications,
        may,
      };
    },
  );
  api.post(
    `${noGift}/:year/acknowledge`,
    {
      ...changing,
      schema: {
        operationId: 'acknowledgeNoGiftDeclaration',
        summary: 'Acknowledge the published declaration of a year (members; once per person)',
        tags,
        params: YearParams,
        response: {
          200: AcknowledgementJson,
          403: ProblemSchema,
          404: ProblemSchema,
          409: ProblemSchema,
        },
      },
    },
    async (request) => {
      const { id, year } = request.params;
      return acknowledgeDeclaration(ctx, signedIn(request), id, Number(year));
    },
  );

  const gifts = '/api/v1/agencies/:id/gifts';
  api.get(
    gifts,
    {
      ...guarded,
      schema: {
        operationId: 'getGiftRegister',
        summary:
          'Gift reports of a fiscal year (?year=): own reports, or all with the yearly figures for the head and agency administrators',
        tags,
        params: IdParams,
        querystring: YearQuery,
        response: { 200: GiftRegisterJson, 404: ProblemSchema },
      },
    },
    async (request) => {
      const { id } = request.params;
      const data = await getGiftRegister(ctx, signedIn(request), id, request.query.year);
      const { fiscalYear, threshold, seesAll, gifts: list, awaiting, report, publishedAt } = data;
      return { fiscalYear, threshold, seesAll, gifts: list, awaiting, report, publishedAt };
    },
  );
  api.post(
    gifts,
    {
      ...changing,
      schema: {
        operationId: 'reportGift',
        summary:
          'Report a gift offered, received or refused (members); flagged above the threshold',
        tags,
        params: IdParams,
        body: GiftInputSchema,
        response: { 201: GiftCreatedJson, 403: ProblemSchema, 404: ProblemSchema },
      },
    },
    async (request, reply) => {
      const gift = await reportGift(ctx, signedIn(request), request.params.id, request.body);
      return reply.status(201).send({ gift });
    },
  );
}
