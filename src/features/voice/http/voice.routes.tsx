import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ROUND_STATES } from '../../rounds/feature.js';
import { wordCountChartSvg } from '../reports/voice-charts.js';
import { getRoundVoice } from '../services/voice.service.js';
import { pageOf, type AppOptions } from '../../../platform/http/request-context.js';
import { sendPage } from '../../../platform/http/render.js';
import { signedIn } from '../../../platform/http/route-support.js';
import { IdParams, ProblemSchema, typed } from '../../../platform/http/typed-routes.js';
import { VoicePage } from './views/voice-page.js';
import { guarded } from '../../../platform/http/route-kit.js';

const TextJson = z.object({ th: z.string(), en: z.string() });

/** What the comments of one instrument say, or that they are withheld (too few to show). */
const VoiceSummaryJson = z.discriminatedUnion('withheld', [
  z.object({
    withheld: z.literal(true),
    reason: z.enum(['respondents', 'comments']),
    minimum: z.number().int(),
  }),
  z.object({
    withheld: z.literal(false),
    respondents: z.number().int(),
    comments: z.number().int(),
    words: z.array(z.object({ word: z.string(), count: z.number().int() })),
    themes: z.array(
      z.object({
        code: z.string(),
        name: TextJson,
        indicator: z.object({ code: z.string(), name: TextJson }).nullable(),
        count: z.number().int(),
      }),
    ),
    quotes: z.array(z.string()),
  }),
]);

const RoundVoiceJson = z.object({
  round: z.object({
    id: z.string(),
    agencyCode: z.string(),
    editionCode: z.string(),
    state: z.enum(ROUND_STATES),
  }),
  countedBefore: z.string().nullable(),
  instruments: z.array(
    z.object({ code: z.string(), name: TextJson, question: TextJson, summary: VoiceSummaryJson }),
  ),
});

/** The stakeholder-voice page and API of a round (free-text survey comments, masked). */
export function registerVoiceRoutes(app: FastifyInstance, options: AppOptions): void {
  const { ctx } = options;
  const api = typed(app);

  api.get(
    '/rounds/:id/voice',
    { ...guarded, schema: { params: IdParams } },
    async (request, reply) => {
      const voice = await getRoundVoice(ctx, signedIn(request), request.params.id);
      const charts: Record<string, string> = {};
      for (const v of voice.instruments) {
        if (!v.summary.withheld && v.summary.words.length > 0)
          charts[v.code] = wordCountChartSvg(v.summary.words);
      }
      return sendPage(reply, <VoicePage page={pageOf(request)} voice={voice} charts={charts} />);
    },
  );

  api.get(
    '/api/v1/rounds/:id/voice',
    {
      ...guarded,
      schema: {
        operationId: 'getRoundVoice',
        summary:
          'A round’s stakeholder voice: per survey instrument the comment count, top words, themes with their indicators and masked quotes; withheld below 5 respondents or comments',
        tags: ['voice'],
        params: IdParams,
        response: { 200: RoundVoiceJson, 404: ProblemSchema },
      },
    },
    async (request) => {
      const { round, ...rest } = await getRoundVoice(ctx, signedIn(request), request.params.id);
      return {
        round: {
          id: round.id,
          agencyCode: round.agencyCode,
          editionCode: round.editionCode,
          state: round.state,
        },
        ...rest,
      };
    },
  );
}
