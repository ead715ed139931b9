import type { FastifyInstance } from 'fastify';
import { indicatorChartSvg } from '../../../platform/reports/charts.js';
import { getRoundResults } from '../services/results.service.js';
import { pageOf, type AppOptions } from '../../../platform/http/request-context.js';
import { sendPage } from '../../../platform/http/render.js';
import { signedIn } from '../../../platform/http/route-support.js';
import { ResultsPage } from './views/results-page.js';
import { guarded } from '../../../platform/http/route-kit.js';
import { IdParams, ProblemSchema, typed } from '../../../platform/http/typed-routes.js';
import { RoundResultsJson, WhatIfQuery } from './results-schemas.js';

/** Pages and API of a round's results: scores, explanation, weak points and what-if. */
export function registerResultsRoutes(app: FastifyInstance, options: AppOptions): void {
  const { ctx } = options;
  const api = typed(app);

  api.get(
    '/rounds/:id/results',
    { ...guarded, schema: { params: IdParams, querystring: WhatIfQuery } },
    async (request, reply) => {
      const query = request.query;
      const results = await getRoundResults(ctx, signedIn(request), request.params.id, {
        raw: query,
      });
      const page = pageOf(request);
      const chartSvg = indicatorChartSvg(results.result, page.lang);
      return sendPage(
        reply,
        <ResultsPage page={page} results={results} chartSvg={chartSvg} query={query} />,
      );
    },
  );

  api.get(
    '/api/v1/rounds/:id/results',
    {
      ...guarded,
      schema: {
        operationId: 'getRoundResults',
        summary:
          'A round’s results: total, level, instruments, the explanation tree, weak points and an optional what-if; figures resting on fewer respondents than the edition’s minimum group size are null with a withheld reason (ข้อมูลไม่พอ / not enough respondents)',
        description:
          'What-if, each key repeatable: change=O12=pass, change=7=90, pass=O12, and i.CODE=score (indicator CODE at that score).',
        tags: ['results'],
        params: IdParams,
        querystring: WhatIfQuery,
        response: { 200: RoundResultsJson, 404: ProblemSchema },
      },
    },
    async (request) => {
      const results = await getRoundResults(ctx, signedIn(request), request.params.id, {
        raw: request.query,
      });
      const { round, ...rest } = results;
      return {
        round: {
          id: round.id,
          agencyCode: round.agencyCode,
          agencyNameTh: round.agencyNameTh,
          editionCode: round.editionCode,
          editionYear: round.editionYear,
          state: round.state,
        },
        ...rest,
      };
    },
  );
}
