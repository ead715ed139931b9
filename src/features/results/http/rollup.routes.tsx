import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { levelDistributionSvg } from '../reports/rollup-charts.js';
import { agencyHistory, rollUp } from '../services/rollup.service.js';
import { pageOf, type AppOptions } from '../../../platform/http/request-context.js';
import { pick } from '../../../platform/http/i18n.js';
import { sendPage } from '../../../platform/http/render.js';
import { signedIn } from '../../../platform/http/route-support.js';
import { HistoryPage } from './views/rollup-history.js';
import { RollupPage } from './views/rollup-page.js';
import { guarded } from '../../../platform/http/route-kit.js';
import { IdParams, ProblemSchema, typed } from '../../../platform/http/typed-routes.js';
import type { Agency } from '../../agencies/feature.js';
import { HistoryJson, RollupJson, RollupQuery } from './results-schemas.js';

/** The year and kind asked for (year null: the latest with rounds). */
function readRollupQuery(query: z.output<typeof RollupQuery>): {
  year: number | null;
  type: string | null;
} {
  const year = query.year !== undefined && /^\d{4}$/.test(query.year.trim());
  const type = query.type !== undefined && query.type.trim() !== '' ? query.type.trim() : null;
  return { year: year ? Number(String(query.year).trim()) : null, type };
}

async function rollUpFor(
  options: AppOptions,
  request: FastifyRequest,
  agencyId: string,
  query: z.output<typeof RollupQuery>,
) {
  const { year, type } = readRollupQuery(query);
  const actor = signedIn(request);
  if (year !== null) return rollUp(options.ctx, actor, agencyId, year, type);
  // no year asked: the newest one with rounds in the subtree (the current Buddhist year if none)
  const probe = await rollUp(options.ctx, actor, agencyId, 0);
  const latest = probe.years[0] ?? new Date().getFullYear() + 543;
  return rollUp(options.ctx, actor, agencyId, latest, type);
}

/** What the API shows of an agency. */
const agencyJson = (agency: Agency) => ({
  id: agency.id,
  code: agency.code,
  nameTh: agency.nameTh,
  type: agency.type,
});

/** Pages and API of a parent body's roll-up of its units and an agency's year-over-year results. */
export function registerRollupRoutes(app: FastifyInstance, options: AppOptions): void {
  const { ctx } = options;
  const api = typed(app);
  const tags = ['results'];

  api.get(
    '/agencies/:id/rollup',
    { ...guarded, schema: { params: IdParams, querystring: RollupQuery } },
    async (request, reply) => {
      const rollup = await rollUpFor(options, request, request.params.id, request.query);
      const page = pageOf(request);
      const chartSvg = levelDistributionSvg(
        rollup.levels.map((l) => ({
          code: l.code,
          label: pick(page.lang, l.name),
          count: l.count,
        })),
      );
      return sendPage(reply, <RollupPage page={page} rollup={rollup} chartSvg={chartSvg} />);
    },
  );

  api.get(
    '/agencies/:id/history',
    { ...guarded, schema: { params: IdParams } },
    async (request, reply) => {
      const history = await agencyHistory(ctx, signedIn(request), request.params.id);
      return sendPage(reply, <HistoryPage page={pageOf(request)} history={history} />);
    },
  );

  api.get(
    '/api/v1/agencies/:id/rollup',
    {
      ...guarded,
      schema: {
        operationId: 'getAgencyRollup',
        summary:
          'A parent body’s roll-up of its units (itself included) from stored results: units per level, ranking by total, mean and weakest indicators, units without a result',
        tags,
        params: IdParams,
        querystring: RollupQuery,
        response: { 200: RollupJson, 404: ProblemSchema },
      },
    },
    async (request) => {
      const { agency, ...rest } = await rollUpFor(
        options,
        request,
        request.params.id,
        request.query,
      );
      return { agency: agencyJson(agency), ...rest };
    },
  );

  api.get(
    '/api/v1/agencies/:id/history',
    {
      ...guarded,
      schema: {
        operationId: 'getAgencyHistory',
        summary:
          'An agency’s results year over year from stored results: total, level, instruments',
        tags,
        params: IdParams,
        response: { 200: HistoryJson, 404: ProblemSchema },
      },
    },
    async (request) => {
      const { agency, years } = await agencyHistory(ctx, signedIn(request), request.params.id);
      return { agency: agencyJson(agency), years };
    },
  );
}
