import { publicOrigin } from '../../../platform/http/route-support.js';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { formatCsv } from '../../../core/csv-format.js';
import type { ServiceContext } from '../../../platform/services/context.js';
import {
  loadPublicFile,
  loadPublicOit,
  publishedRoundKey,
  type PublicOit,
} from '../services/oit-evidence-output.service.js';
import { evidenceNotFound } from '../services/oit-evidence-support.js';
import type { AppOptions } from '../../../platform/http/request-context.js';
import { renderPage, sendPage } from '../../../platform/http/render.js';
import {
  PUBLISHED_CACHE_CONTROL,
  preparePage,
  sendCachedPage,
} from '../../../platform/http/page-cache.js';
import { matchesEtag, sendEncoded } from '../../../platform/http/static-assets.js';
import { PublicOitPage, publicOitPath } from './views/oit-evidence-public.js';
import { sendDownload } from './evidence-upload.js';
import { PUBLIC_PAGE_LIMIT } from '../../../platform/http/route-kit.js';
import { typed } from '../../../platform/http/typed-routes.js';
import {
  PublicFeedJson,
  PublicFileParams,
  PublicItemParams,
  PublicParams,
} from './oit-evidence-schemas.js';

const BASE = '/public/oit/:agencyCode/:year';

/** The agency code, year and feed format (`2569`, `2569.json`, `2569.csv`) of a request. */
function readTarget({ agencyCode, year }: z.infer<typeof PublicParams>): {
  code: string;
  year: number;
  format: string;
} {
  const match = /^(\d{4})(?:\.(json|csv))?$/.exec(year);
  if (!match) throw evidenceNotFound();
  return { code: agencyCode, year: Number(match[1]), format: match[2] ?? 'html' };
}

/** The feed of submitted evidence (JSON): one entry per item, empty where nothing is published. */
function feedJson(oit: PublicOit, origin: string): z.infer<typeof PublicFeedJson> {
  return {
    agency: { code: oit.round.agencyCode, name: oit.round.agencyNameTh },
    year: oit.round.editionYear,
    edition: oit.round.editionCode,
    items: oit.items.map((entry) => ({
      code: entry.item.code,
      name: entry.item.name,
      submitted: entry.status === 'submitted',
      url: `${origin}${publicOitPath(oit, `/${encodeURIComponent(entry.item.code)}`)}`,
      explanation: entry.evidence?.explanation ?? '',
      links: entry.links.map((l) => l.url),
      files: entry.files.map((f) => ({
        name: f.originalName,
        url: `${origin}${publicOitPath(oit, `/files/${f.id}`)}`,
        sha256: f.sha256,
      })),
    })),
  };
}

function feedCsv(oit: PublicOit, origin: string): string {
  const rows = feedJson(oit, origin).items.map((i) => [
    i.code,
    i.name.th,
    i.submitted ? 'submitted' : '',
    [...i.links, ...i.files.map((f) => f.url)].join('\n'),
    i.explanation,
  ]);
  return formatCsv(['code', 'name', 'status', 'urls', 'explanation'], rows);
}

/** Sends a feed as CSV that any site may read. */
function sendCsv(reply: FastifyReply, csv: string) {
  return reply.type('text/csv; charset=utf-8').header('access-control-allow-origin', '*').send(csv);
}

/**
 * Which published round an address shows (a page-cache key), or null while the round is not
 * published; each process believes its answer for SNAPSHOT_RECHECK_MS.
 */
function publishedKeyOf(request: FastifyRequest, ctx: ServiceContext, code: string, year: number) {
  return request.server.publishedPages.snapshotOf(`oit|${code}|${year}`, () =>
    publishedRoundKey(ctx, code, year),
  );
}

/**
 * The public OIT page of an agency and year (all items, or `only` one). A published round's page
 * is rendered once per round, page and language and kept (its evidence is locked and its agency
 * name is the snapshot's); a round not yet published is rendered per request, as it stands. The
 * language switch comes back to the page's own address, so the page is the same for everybody.
 */
async function sendOitPage(
  request: FastifyRequest,
  reply: FastifyReply,
  ctx: ServiceContext,
  target: { code: string; year: number },
  only?: string,
) {
  const { lang } = request;
  const render = async () => {
    const oit = await loadPublicOit(ctx, target.code, target.year);
    if (only !== undefined && !oit.items.some((i) => i.item.code === only))
      throw evidenceNotFound();
    const path = publicOitPath(oit, only === undefined ? '' : `/${encodeURIComponent(only)}`);
    return <PublicOitPage lang={lang} path={path} oit={oit} only={only} />;
  };
  const published = await publishedKeyOf(request, ctx, target.code, target.year);
  if (!published) return sendPage(reply, await render());
  const key = `oit|${published}|${target.code}|${only ?? ''}|${lang}`;
  return sendCachedPage(request, reply, request.server.publishedPages, key, async () =>
    renderPage(await render()),
  );
}

/**
 * Sends a feed (JSON or CSV) that any site may read: a published round's from the page cache
 * (made once, tagged, compressed), a round not yet published's as it stands.
 */
async function sendFeed(
  request: FastifyRequest,
  reply: FastifyReply,
  ctx: ServiceContext,
  target: { code: string; year: number; format: string },
) {
  const origin = publicOrigin(request);
  const json = target.format === 'json';
  const published = await publishedKeyOf(request, ctx, target.code, target.year);
  if (!published) {
    const oit = await loadPublicOit(ctx, target.code, target.year);
    if (json) return reply.header('access-control-allow-origin', '*').send(feedJson(oit, origin));
    return sendCsv(reply, feedCsv(oit, origin));
  }
  // the origin is the site's (APP_URL): the same for every request, but part of the key anyway
  const key = `oit.${target.format}|${published}|${target.code}|${origin}`;
  const feed = await request.server.publishedPages.get(key, async () => {
    const oit = await loadPublicOit(ctx, target.code, target.year);
    const body = json ? JSON.stringify(feedJson(oit, origin)) : feedCsv(oit, origin);
    return preparePage(key, body, `${json ? 'application/json' : 'text/csv'}; charset=utf-8`);
  });
  reply
    .header('access-control-allow-origin', '*')
    .header('etag', feed.etag)
    .header('cache-control', PUBLISHED_CACHE_CONTROL)
    .type(feed.type);
  if (matchesEtag(request, feed.etag))
    return reply.header('vary', 'accept-encoding').code(304).send();
  return sendEncoded(request, reply, feed);
}

function registerFeeds(app: FastifyInstance, ctx: ServiceContext) {
  const api = typed(app);
  const schema = { params: PublicParams, response: { 200: PublicFeedJson } };
  api.get(BASE, { ...PUBLIC_PAGE_LIMIT, schema }, async (request, reply) => {
    const target = readTarget(request.params);
    if (target.format === 'html') return sendOitPage(request, reply, ctx, target);
    return sendFeed(request, reply, ctx, target);
  });
  const fileSchema = { params: PublicFileParams };
  api.get(
    `${BASE}/files/:fileId`,
    { ...PUBLIC_PAGE_LIMIT, schema: fileSchema },
    async (request, reply) => {
      const target = readTarget(request.params);
      const { fileId } = request.params;
      const found = await loadPublicFile(ctx, {
        agencyCode: target.code,
        year: target.year,
        fileId,
      });
      return sendDownload(reply, found.file, found.opened);
    },
  );
}

/** Public, sign-in-free OIT pages of each agency and year, with per-item URLs and feeds. */
export function registerOitPublicRoutes(app: FastifyInstance, options: AppOptions): void {
  const { ctx } = options;
  registerFeeds(app, ctx);
  const schema = { params: PublicItemParams };
  typed(app).get(`${BASE}/:item`, { ...PUBLIC_PAGE_LIMIT, schema }, async (request, reply) => {
    const target = readTarget(request.params);
    if (target.format !== 'html') throw evidenceNotFound();
    return sendOitPage(request, reply, ctx, target, request.params.item);
  });
}
