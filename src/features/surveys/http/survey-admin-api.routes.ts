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
import { describeApi } from '../../../platform/http/openapi.js';
import { signedIn } from '../../../platform/http/route-support.js';
import { sendDomainError } from '../../../platform/http/views/user-problem.js';
import {
  findSurveyToPrint,
  loadCockpit,
  originOf,
  surveyUrl,
  type SurveyParams,
} from './survey-admin-links.js';
import { changing, guarded } from '../../../platform/http/route-kit.js';

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
    respondents: z.number(),
    uncounted: z.number(),
    suppressed: TextJson.nullable(),
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

async function managedLinkId(ctx: ServiceContext, request: FastifyRequest): Promise<string> {
  const params = request.params as SurveyParams;
  const found = await findSurveyToPrint(ctx, signedIn(request), params, originOf(request), true);
  if (!found.link) throw new DomainError('not_found', { th: 'ไม่พบแบบวัดนี้', en: 'Survey not found' });
  return found.link.id;
}

function registerCockpitApi(app: FastifyInstance, ctx: ServiceContext): void {
  describeApi({
    method: 'get',
    path: '/api/v1/rounds/:id/surveys',
    summary: 'Survey cockpit of a round: links, progress against the minimum sample, live scores',
    tag: 'surveys',
    response: CockpitJson,
  });
  app.get('/api/v1/rounds/:id/surveys', guarded, async (request, reply) => {
    const { id } = request.params as SurveyParams;
    return loadCockpit(ctx, signedIn(request), id).then(
      (cockpit) => reply.send(toJson(cockpit, originOf(request))),
      (error: unknown) => sendDomainError(request, reply, error),
    );
  });
}

function registerSettingsApi(app: FastifyInstance, ctx: ServiceContext): void {
  describeApi({
    method: 'post',
    path: '/api/v1/rounds/:id/surveys/:instrument/settings',
    summary: "Change a survey link's settings: single-use codes required, closing date",
    tag: 'surveys',
    body: LinkSettingsSchema,
  });
  app.post('/api/v1/rounds/:id/surveys/:instrument/settings', changing, async (request, reply) => {
    const settings = LinkSettingsSchema.parse(request.body);
    try {
      const linkId = await managedLinkId(ctx, request);
      const link = await updateLinkSettings(ctx, signedIn(request), linkId, settings);
      const { code, requiresCode, closesOn } = link;
      return reply.send({ link: { code, requiresCode, closesOn } });
    } catch (error) {
      return sendDomainError(request, reply, error);
    }
  });
}

function registerCodesApi(app: FastifyInstance, ctx: ServiceContext, secret?: string): void {
  describeApi({
    method: 'post',
    path: '/api/v1/rounds/:id/surveys/:instrument/codes',
    summary: 'Issue a batch of single-use codes; the plain codes are returned this once only',
    tag: 'surveys',
    body: CodesBodySchema,
    response: z.object({ batch: z.number(), url: z.string(), codes: z.array(z.string()) }),
  });
  app.post('/api/v1/rounds/:id/surveys/:instrument/codes', changing, async (request, reply) => {
    const { count } = CodesBodySchema.parse(request.body);
    try {
      const linkId = await managedLinkId(ctx, request);
      const issued = await issueAccessCodes(ctx, signedIn(request), linkId, count, secret);
      const url = surveyUrl(originOf(request), issued.link.code);
      // The plain codes exist only in this response: no cache may keep them.
      reply.header('cache-control', 'no-store');
      return reply.send({ batch: issued.batch, url, codes: issued.codes });
    } catch (error) {
      return sendDomainError(request, reply, error);
    }
  });
}

/** JSON API of the survey cockpit: read it, change a link's settings, issue codes. */
export function registerSurveyAdminApi(app: FastifyInstance, options: AppOptions): void {
  registerCockpitApi(app, options.ctx);
  registerSettingsApi(app, options.ctx);
  registerCodesApi(app, options.ctx, options.config.PRONGSAI_SECRET);
}
