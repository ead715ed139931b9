import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { DomainError } from '../../../core/errors.js';
import { ROUND_STATES } from '../../rounds/feature.js';
import type { ServiceContext } from '../../../platform/services/context.js';
import {
  issueAccessCodes,
  LinkSettingsSchema,
  MAX_CODES_PER_BATCH,
  updateLinkSettings,
  type Cockpit,
} from '../services/survey-admin.service.js';
import { type AppOptions } from '../../../platform/http/request-context.js';
import { signedIn } from '../../../platform/http/route-support.js';
import {
  IdParams,
  ProblemSchema,
  typed,
  type TypedApp,
} from '../../../platform/http/typed-routes.js';
import {
  findSurveyToPrint,
  loadCockpit,
  originOf,
  surveyUrl,
  type SurveyParams,
} from './survey-admin-links.js';
import { changing, guarded } from '../../../platform/http/route-kit.js';
import { SurveyPathParams } from './survey-schemas.js';

const CodesBodySchema = z.object({ count: z.number().int().min(1).max(MAX_CODES_PER_BATCH) });

const TextJson = z.object({ th: z.string(), en: z.string() });
const QuestionJson = z.object({
  code: z.string(),
  text: TextJson,
  score: z.number().nullable(),
  answered: z.number(),
});
const InstrumentJson = z.object({
  code: z.string(),
  name: TextJson,
  link: z
    .object({
      id: z.string(),
      code: z.string(),
      requiresCode: z.boolean(),
      closesOn: z.string().nullable(),
      url: z.string(),
      kioskUrl: z.string(),
    })
    .nullable(),
  codes: z.object({ issued: z.number(), used: z.number() }),
  responses: z.number(),
  eligible: z.number().nullable(),
  minimumSample: z.number().nullable(),
  reached: z.number().nullable(),
  projection: z.number().nullable(),
  live: z.object({
    respondents: z.number().describe('Respondents whose answers are scored'),
    uncounted: z.number(),
    through: z
      .string()
      .nullable()
      .describe('Answers of the days up to this one are scored (null: none yet, or all)'),
    waiting: z.number().describe('Answers counted but not scored yet'),
    suppressed: TextJson.nullable().describe(
      'Why the scores are withheld (ข้อมูลไม่พอ / not enough respondents); null when shown',
    ),
    scores: z
      .object({
        score: z.number().nullable(),
        indicators: z.array(
          z.object({
            code: z.string(),
            name: TextJson,
            score: z.number().nullable(),
            questions: z.array(QuestionJson),
          }),
        ),
      })
      .nullable(),
  }),
});
const CockpitJson = z.object({
  round: z.object({
    id: z.string(),
    agencyCode: z.string(),
    editionCode: z.string(),
    state: z.enum(ROUND_STATES),
  }),
  today: z.string(),
  canManage: z.boolean(),
  instruments: z.array(InstrumentJson),
});

function toJson(cockpit: Cockpit, origin: string): z.infer<typeof CockpitJson> {
  const { round } = cockpit;
  return {
    round: {
      id: round.id,
      agencyCode: round.agencyCode,
      editionCode: round.editionCode,
      state: round.state,
    },
    today: cockpit.today,
    canManage: cockpit.canManage,
    instruments: cockpit.instruments.map(({ respondents: _who, link, ...rest }) => ({
      ...rest,
      link: link && {
        ...link,
        url: surveyUrl(origin, link.code),
        kioskUrl: surveyUrl(origin, link.code, '?kiosk=1'),
      },
    })),
  };
}

async function managedLinkId(
  ctx: ServiceContext,
  request: FastifyRequest,
  params: SurveyParams,
): Promise<string> {
  const found = await findSurveyToPrint(ctx, signedIn(request), params, originOf(request), true);
  if (!found.link) throw new DomainError('not_found', { th: 'ไม่พบแบบวัดนี้', en: 'Survey not found' });
  return found.link.id;
}

const tags = ['surveys'];

function registerCockpitApi(api: TypedApp, ctx: ServiceContext): void {
  api.get(
    '/api/v1/rounds/:id/surveys',
    {
      ...guarded,
      schema: {
        operationId: 'getSurveyCockpit',
        summary:
          'Survey cockpit of a round: links, progress against the minimum sample, live scores',
        tags,
        params: IdParams,
        response: { 200: CockpitJson, 404: ProblemSchema },
      },
    },
    async (request) => {
      const cockpit = await loadCockpit(ctx, signedIn(request), request.params.id);
      return toJson(cockpit, originOf(request));
    },
  );
}

function registerSettingsApi(api: TypedApp, ctx: ServiceContext): void {
  api.post(
    '/api/v1/rounds/:id/surveys/:instrument/settings',
    {
      ...changing,
      schema: {
        operationId: 'updateSurveyLinkSettings',
        summary: "Change a survey link's settings: single-use codes required, closing date",
        tags,
        params: SurveyPathParams,
        body: LinkSettingsSchema,
        response: {
          200: z.object({
            link: z.object({
              code: z.string(),
              requiresCode: z.boolean(),
              closesOn: z.string().nullable(),
            }),
          }),
          404: ProblemSchema,
          409: ProblemSchema,
        },
      },
    },
    async (request) => {
      const linkId = await managedLinkId(ctx, request, request.params);
      const link = await updateLinkSettings(ctx, signedIn(request), linkId, request.body);
      const { code, requiresCode, closesOn } = link;
      return { link: { code, requiresCode, closesOn } };
    },
  );
}

function registerCodesApi(api: TypedApp, ctx: ServiceContext, secret?: string): void {
  api.post(
    '/api/v1/rounds/:id/surveys/:instrument/codes',
    {
      ...changing,
      schema: {
        operationId: 'issueSurveyAccessCodes',
        summary: 'Issue a batch of single-use codes; the plain codes are returned this once only',
        tags,
        params: SurveyPathParams,
        body: CodesBodySchema,
        response: {
          200: z.object({ batch: z.number().int(), url: z.string(), codes: z.array(z.string()) }),
          404: ProblemSchema,
          409: ProblemSchema,
        },
      },
    },
    async (request, reply) => {
      const linkId = await managedLinkId(ctx, request, request.params);
      const { count } = request.body;
      const issued = await issueAccessCodes(ctx, signedIn(request), linkId, count, secret);
      const url = surveyUrl(originOf(request), issued.link.code);
      // The plain codes exist only in this response: no cache may keep them.
      reply.header('cache-control', 'no-store');
      return { batch: issued.batch, url, codes: issued.codes };
    },
  );
}

/** JSON API of the survey cockpit: read it, change a link's settings, issue codes. */
export function registerSurveyAdminApi(app: FastifyInstance, options: AppOptions): void {
  const api = typed(app);
  registerCockpitApi(api, options.ctx);
  registerSettingsApi(api, options.ctx);
  registerCodesApi(api, options.ctx, options.config.PRONGSAI_SECRET);
}
