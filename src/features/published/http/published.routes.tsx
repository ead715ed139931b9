import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { FeatureOptions } from '../../kit.js';
import { getPublishedOverview, searchPublished } from '../services/published.service.js';
import { listPublicAgencies, loadPublicHome } from '../services/public-home.service.js';
import { pageOf, requireActor } from '../../../platform/http/request-context.js';
import { sendPage } from '../../../platform/http/render.js';
import { signedIn } from '../../../platform/http/route-support.js';
import { PUBLIC_PAGE_LIMIT } from '../../../platform/http/route-kit.js';
import { PublicSearchPage, PublishedOverviewPage } from './views/published-pages.js';
import { PublicHomePage, PublicIndexPage } from './views/public-home.js';
import { IdParams, typed } from '../../../platform/http/typed-routes.js';

/** Search is open to anyone and reads several tables: a tighter limit than other public pages. */
const SEARCH_LIMIT = { config: { rateLimit: { max: 60, timeWindow: 60_000 } } };

/** `/public/:agencyCode` and `/public/:agencyCode/search`. */
const AgencyParams = z.object({ agencyCode: z.string().min(1).max(100) });
/** The words searched for (absent, or not one text, searches for nothing). */
const SearchQuery = z.object({ q: z.string().optional().catch(undefined) });

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
  api.get('/public', { ...PUBLIC_PAGE_LIMIT }, async (request, reply) => {
    const { lang, path } = pageOf(request);
    const agencies = await listPublicAgencies(ctx);
    return sendPage(reply, <PublicIndexPage lang={lang} path={path} agencies={agencies} />);
  });
  api.get(
    '/public/:agencyCode',
    { ...PUBLIC_PAGE_LIMIT, schema: { params: AgencyParams } },
    async (request, reply) => {
      const { lang, path } = pageOf(request);
      const home = await loadPublicHome(
        ctx,
        registry.listPublishedDocuments,
        request.params.agencyCode,
      );
      return sendPage(reply, <PublicHomePage lang={lang} path={path} home={home} />);
    },
  );
  api.get(
    '/public/:agencyCode/search',
    { ...SEARCH_LIMIT, schema: { params: AgencyParams, querystring: SearchQuery } },
    async (request, reply) => {
      const answer = await searchPublished(
        ctx,
        registry.listPublishedDocuments,
        request.params.agencyCode,
        request.query.q ?? '',
      );
      const { lang, path } = pageOf(request);
      return sendPage(reply, <PublicSearchPage lang={lang} path={path} answer={answer} />);
    },
  );
}

/**
 * Website currency for staff; for the public, the index of agencies, each agency's public home
 * and the search over its published documents.
 */
export function registerPublishedRoutes(app: FastifyInstance, options: FeatureOptions): void {
  register(app, options);
}
