import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { indicatorChartSvg } from '../../../platform/reports/charts.js';
import { getRoundResults } from '../services/results.service.js';
import { pageOf, type AppOptions } from '../../../platform/http/request-context.js';
import { describeApi } from '../../../platform/http/openapi.js';
import { sendPage } from '../../../platform/http/render.js';
import { signedIn } from '../../../platform/http/route-support.js';
import { ResultsPage } from './views/results-page.js';
import { sendDomainError } from '../../../platform/http/views/user-problem.js';
import { guarded, idOf } from '../../../platform/http/route-kit.js';

const queryOf = (request: FastifyRequest) => (request.query ?? {}) as Record<string, unknown>;

const ResultsQuery = z.object({
  change: z
    .array(z.string())
    .optional()
    .describe('What-if changes, repeatable: O12=pass, O20=fail or 7=90 (indicator 7 at 90)'),
  pass: z.array(z.string()).optional().describe('OIT item codes assumed passed, repeatable'),
});

/** Pages and API of a round's results: scores, explanation, weak points and what-if. */
export function registerResultsRoutes(app: FastifyInstance, options: AppOptions): void {
  const { ctx } = options;

  app.get('/rounds/:id/results', guarded, async (request, reply) => {
    try {
      const query = queryOf(request);
      const results = await getRoundResults(ctx, signedIn(request), idOf(request), { raw: query });
      const page = pageOf(request);
      const chartSvg = indicatorChartSvg(results.result, page.lang);
      return sendPage(
        reply,
        <ResultsPage page={page} results={results} chartSvg={chartSvg} query={query} />,
      );
    } catch (error) {
      return sendDomainError(request, reply, error);
    }
  });

  describeApi({
    method: 'get',
    path: '/api/v1/rounds/:id/results',
    summary:
      'A round’s results: total, level, instruments, the explanation tree (questions with fewer than 5 answers withheld), weak points and an optional what-if',
    tag: 'results',
    query: ResultsQuery,
  });
  app.get('/api/v1/rounds/:id/results', guarded, async (request, reply) => {
    try {
      const results = await getRoundResults(ctx, signedIn(request), idOf(request), {
        raw: queryOf(request),
      });
      const { round, ...rest } = results;
      return reply.send({
        round: {
          id: round.id,
          agencyCode: round.agencyCode,
          agencyNameTh: round.agencyNameTh,
          editionCode: round.editionCode,
          editionYear: round.editionYear,
          state: round.state,
        },
        ...rest,
      });
    } catch (error) {
      return sendDomainError(request, reply, error);
    }
  });
}
