import { publicOrigin } from '../../../platform/http/route-support.js';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { formatCsv } from '../../../core/csv-format.js';
import type { ServiceContext } from '../../../platform/services/context.js';
import {
  loadPublicFile,
  loadPublicOit,
  type PublicOit,
} from '../services/oit-evidence-output.service.js';
import { evidenceNotFound } from '../services/oit-evidence-support.js';
import type { AppOptions } from '../../../platform/http/request-context.js';
import { sendPage } from '../../../platform/http/render.js';
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

/** The path of a request, for the language switch to come back to. */
const pathOf = (request: FastifyRequest) => request.url.split('?')[0] ?? '/';

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

function registerFeeds(app: FastifyInstance, ctx: ServiceContext) {
  const api = typed(app);
  const schema = { params: PublicParams, response: { 200: PublicFeedJson } };
  api.get(BASE, { ...PUBLIC_PAGE_LIMIT, schema }, async (request, reply) => {
    const target = readTarget(request.params);
    const oit = await loadPublicOit(ctx, target.code, target.year);
    const origin = publicOrigin(request);
    if (target.format === 'json')
      return reply.header('access-control-allow-origin', '*').send(feedJson(oit, origin));
    if (target.format === 'csv') return sendCsv(reply, feedCsv(oit, origin));
    return sendPage(reply, <PublicOitPage lang={request.lang} path={pathOf(request)} oit={oit} />);
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
    const { item } = request.params;
    const oit = await loadPublicOit(ctx, target.code, target.year);
    if (target.format !== 'html' || !oit.items.some((i) => i.item.code === item))
      throw evidenceNotFound();
    return sendPage(
      reply,
      <PublicOitPage lang={request.lang} path={pathOf(request)} oit={oit} only={item} />,
    );
  });
}
