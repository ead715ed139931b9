import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { levelDistributionSvg } from '../reports/rollup-charts.js';
import { agencyHistory, rollUp } from '../services/rollup.service.js';
import { pageOf, type AppOptions } from '../../../platform/http/request-context.js';
import { pick } from '../../../platform/http/i18n.js';
import { describeApi } from '../../../platform/http/openapi.js';
import { sendPage } from '../../../platform/http/render.js';
import { signedIn } from '../../../platform/http/route-support.js';
import { HistoryPage } from './views/rollup-history.js';
import { RollupPage } from './views/rollup-page.js';
import { sendDomainError } from '../../../platform/http/views/user-problem.js';
import { guarded, idOf } from '../../../platform/http/route-kit.js';

const RollupQuery = z.object({
  year: z.string().optional().describe('Edition year (Buddhist era), e.g. 2568; default: latest'),
  type: z.string().optional().describe('Only units of this kind, e.g. department or province'),
});

/** The year and kind asked for (year null: the latest with rounds). */
function queryOf(request: FastifyRequest): { year: number | null; type: string | null } {
  const query = (request.query ?? {}) as Record<string, unknown>;
  const year = typeof query.year === 'string' && /^\d{4}$/.test(query.year.trim());
  const type =
    typeof query.type === 'string' && query.type.trim() !== '' ? query.type.trim() : null;
  return { year: year ? Number(String(query.year).trim()) : null, type };
}

async function rollUpFor(options: AppOptions, request: FastifyRequest) {
  const { year, type } = queryOf(request);
  const actor = signedIn(request);
  if (year !== null) return rollUp(options.ctx, actor, idOf(request), year, type);
  // no year asked: the newest one with rounds in the subtree (the current Buddhist year if none)
  const probe = await rollUp(options.ctx, actor, idOf(request), 0);
  const latest = probe.years[0] ?? new Date().getFullYear() + 543;
  return rollUp(options.ctx, actor, idOf(request), latest, type);
}

/** Pages and API of a parent body's roll-up of its units and an agency's year-over-year results. */
export function registerRollupRoutes(app: FastifyInstance, options: AppOptions): void {
  const { ctx } = options;

  app.get('/agencies/:id/rollup', guarded, async (request, reply) => {
    try {
      const rollup = await rollUpFor(options, request);
      const page = pageOf(request);
      const chartSvg = levelDistributionSvg(
        rollup.levels.map((l) => ({
          code: l.code,
          label: pick(page.lang, l.name),
          count: l.count,
        })),
      );
      return sendPage(reply, <RollupPage page={page} rollup={rollup} chartSvg={chartSvg} />);
    } catch (error) {
      return sendDomainError(request, reply, error);
    }
  });

  app.get('/agencies/:id/history', guarded, async (request, reply) => {
    try {
      const history = await agencyHistory(ctx, signedIn(request), idOf(request));
      return sendPage(reply, <HistoryPage page={pageOf(request)} history={history} />);
    } catch (error) {
      return sendDomainError(request, reply, error);
    }
  });

  describeApi({
    method: 'get',
    path: '/api/v1/agencies/:id/rollup',
    summary:
      'A parent body’s roll-up of its units (itself included) from stored results: units per level, ranking by total, mean and weakest indicators, units without a result',
    tag: 'results',
    query: RollupQuery,
  });
  app.get('/api/v1/agencies/:id/rollup', guarded, async (request, reply) => {
    try {
      const { agency, ...rest } = await rollUpFor(options, request);
      return reply.send({
        agency: { id: agency.id, code: agency.code, nameTh: agency.nameTh, type: agency.type },
        ...rest,
      });
    } catch (error) {
      return sendDomainError(request, reply, error);
    }
  });

  describeApi({
    method: 'get',
    path: '/api/v1/agencies/:id/history',
    summary: 'An agency’s results year over year from stored results: total, level, instruments',
    tag: 'results',
  });
  app.get('/api/v1/agencies/:id/history', guarded, async (request, reply) => {
    try {
      const { agency, years } = await agencyHistory(ctx, signedIn(request), idOf(request));
      return reply.send({
        agency: { id: agency.id, code: agency.code, nameTh: agency.nameTh, type: agency.type },
        years,
      });
    } catch (error) {
      return sendDomainError(request, reply, error);
    }
  });
}
