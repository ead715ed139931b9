import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { FeatureOptions } from '../../kit.js';
import { getPublishedOverview, searchPublished } from '../services/published.service.js';
import { pageOf, requireActor } from '../../../platform/http/request-context.js';
import { sendPage } from '../../../platform/http/render.js';
import { signedIn } from '../../../platform/http/route-support.js';
import type { PageContext } from '../../../platform/http/views/layout.js';
import { PublicSearchPage, PublishedOverviewPage } from './views/published-pages.js';
import { sendDomainError } from '../../../platform/http/views/user-problem.js';

/** Search is open to anyone and reads several tables: a tighter limit than other public pages. */
const SEARCH_LIMIT = { config: { rateLimit: { max: 60, timeWindow: 60_000 } } };

function publicPage(request: FastifyRequest): PageContext {
  return { ...pageOf(request), actor: null, csrfToken: '' };
}

function register(app: FastifyInstance, { ctx, registry }: FeatureOptions): void {
  app.get('/agencies/:id/published', { preValidation: requireActor }, async (request, reply) => {
    try {
      const { id } = request.params as { id: string };
      const overview = await getPublishedOverview(
        ctx,
        registry.listPublishedDocuments,
        signedIn(request),
        id,
      );
      return sendPage(reply, <PublishedOverviewPage page={pageOf(request)} overview={overview} />);
    } catch (error) {
      return sendDomainError(request, reply, error);
    }
  });
  app.get('/public/:agencyCode/search', SEARCH_LIMIT, async (request, reply) => {
    const { agencyCode } = request.params as { agencyCode: string };
    const q = (request.query as { q?: unknown }).q;
    const answer = await searchPublished(
      ctx,
      registry.listPublishedDocuments,
      agencyCode,
      typeof q === 'string' ? q : '',
    );
    return sendPage(reply, <PublicSearchPage page={publicPage(request)} answer={answer} />);
  });
}

/** Website currency for staff and the public search over an agency's published documents. */
export function registerPublishedRoutes(app: FastifyInstance, options: FeatureOptions): void {
  register(app, options);
}
