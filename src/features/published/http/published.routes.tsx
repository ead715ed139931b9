import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { FeatureOptions } from '../../kit.js';
import { getPublishedOverview, searchPublished } from '../services/published.service.js';
import { pageOf, requireActor } from '../../../platform/http/request-context.js';
import { sendPage } from '../../../platform/http/render.js';
import { signedIn } from '../../../platform/http/route-support.js';
import type { PageContext } from '../../../platform/http/views/layout.js';
import { PublicSearchPage, PublishedOverviewPage } from './views/published-pages.js';
import { IdParams, typed } from '../../../platform/http/typed-routes.js';

/** Search is open to anyone and reads several tables: a tighter limit than other public pages. */
const SEARCH_LIMIT = { config: { rateLimit: { max: 60, timeWindow: 60_000 } } };

const SearchParams = z.object({ agencyCode: z.string() });
/** The words searched for (absent, or not one text, searches for nothing). */
const SearchQuery = z.object({ q: z.string().optional().catch(undefined) });

function publicPage(request: FastifyRequest): PageContext {
  return { ...pageOf(request), actor: null, csrfToken: '' };
}

function register(app: FastifyInstance, { ctx, registry }: FeatureOptions): void {
  const api = typed(app);
  api.get(
    '/agencies/:id/published',
    { preValidation: requireActor, schema: { params: IdParams } },
    async (request, reply) => {
      const overview = await getPublishedOverview(
        ctx,
        registry.listPublishedDocuments,
        signedIn(request),
        request.params.id,
      );
      return sendPage(reply, <PublishedOverviewPage page={pageOf(request)} overview={overview} />);
    },
  );
  api.get(
    '/public/:agencyCode/search',
    { ...SEARCH_LIMIT, schema: { params: SearchParams, querystring: SearchQuery } },
    async (request, reply) => {
      const answer = await searchPublished(
        ctx,
        registry.listPublishedDocuments,
        request.params.agencyCode,
        request.query.q ?? '',
      );
      return sendPage(reply, <PublicSearchPage page={publicPage(request)} answer={answer} />);
    },
  );
}

/** Website currency for staff and the public search over an agency's published documents. */
export function registerPublishedRoutes(app: FastifyInstance, options: FeatureOptions): void {
  register(app, options);
}
