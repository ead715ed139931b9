import type { FastifyInstance } from 'fastify';
import { wordCountChartSvg } from '../reports/voice-charts.js';
import { getRoundVoice } from '../services/voice.service.js';
import { pageOf, type AppOptions } from '../../../platform/http/request-context.js';
import { describeApi } from '../../../platform/http/openapi.js';
import { sendPage } from '../../../platform/http/render.js';
import { signedIn } from '../../../platform/http/route-support.js';
import { sendDomainError } from '../../../platform/http/views/user-problem.js';
import { VoicePage } from './views/voice-page.js';
import { guarded, idOf } from '../../../platform/http/route-kit.js';

/** The stakeholder-voice page and API of a round (free-text survey comments, masked). */
export function registerVoiceRoutes(app: FastifyInstance, options: AppOptions): void {
  const { ctx } = options;

  app.get('/rounds/:id/voice', guarded, async (request, reply) => {
    try {
      const voice = await getRoundVoice(ctx, signedIn(request), idOf(request));
      const charts: Record<string, string> = {};
      for (const v of voice.instruments) {
        if (!v.summary.withheld && v.summary.words.length > 0)
          charts[v.code] = wordCountChartSvg(v.summary.words);
      }
      return sendPage(reply, <VoicePage page={pageOf(request)} voice={voice} charts={charts} />);
    } catch (error) {
      return sendDomainError(request, reply, error);
    }
  });

  describeApi({
    method: 'get',
    path: '/api/v1/rounds/:id/voice',
    summary:
      'A round’s stakeholder voice: per survey instrument the comment count, top words, themes with their indicators and masked quotes; withheld below 5 respondents or comments',
    tag: 'results',
  });
  app.get('/api/v1/rounds/:id/voice', guarded, async (request, reply) => {
    try {
      const { round, ...rest } = await getRoundVoice(ctx, signedIn(request), idOf(request));
      return reply.send({
        round: {
          id: round.id,
          agencyCode: round.agencyCode,
          editionCode: round.editionCode,
          state: round.state,
        },
        ...rest,
      });
    } catch (error) {
      return sendDomainError(request, reply, error);
    }
  });
}
