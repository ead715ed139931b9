import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { z } from 'zod';
import { typed } from './typed-routes.js';

/**
 * The site's own stylesheets, scripts and icon (`public/`), read once and kept in memory with
 * their gzip and Brotli forms. Each has a fingerprinted address (`/assets/styles.3f2a9c1e.css`,
 * the first 8 hex digits of its sha256) that never changes meaning, so browsers and proxies keep
 * it a year; the plain name (`/assets/styles.css`) still answers, kept five minutes.
 */

const here = dirname(fileURLToPath(import.meta.url));
const PUBLIC_DIR = join(here, 'public');

/** A year, and never revalidated: the address changes with the content. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** The plain name of a file, which may change meaning at the next release. */
export const SHORT_LIVED = 'public, max-age=300';

const TYPES: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/** A file of `public/`, in the forms a browser may ask for. */
export interface StaticAsset {
  name: string;
  /** The fingerprinted name (`styles.3f2a9c1e.css`). */
  fingerprinted: string;
  type: string;
  etag: string;
  identity: Buffer;
  gzip: Buffer;
  br: Buffer;
}

/** The fingerprinted name of a file: its content hash before the extension. */
export function fingerprintName(name: string, content: Buffer): string {
  const hash = createHash('sha256').update(content).digest('hex').slice(0, 8);
  const ext = extname(name);
  return `${name.slice(0, name.length - ext.length)}.${hash}${ext}`;
}

function loadAsset(name: string): StaticAsset {
  const identity = readFileSync(join(PUBLIC_DIR, name));
  const fingerprinted = fingerprintName(name, identity);
  return {
    name,
    fingerprinted,
    type: TYPES[extname(name)] ?? 'application/octet-stream',
    etag: `"${fingerprinted}"`,
    identity,
    // once per process and small files: the best compression is worth it
    gzip: gzipSync(identity, { level: 9 }),
    br: brotliCompressSync(identity, {
      params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY },
    }),
  };
}

let assets: Map<string, StaticAsset> | null = null;

/** Every file of `public/`, by plain and by fingerprinted name (read on first use). */
function allAssets(): Map<string, StaticAsset> {
  if (assets) return assets;
  const found = new Map<string, StaticAsset>();
  for (const name of readdirSync(PUBLIC_DIR).sort()) {
    if (!TYPES[extname(name)]) continue;
    const asset = loadAsset(name);
    found.set(asset.name, asset);
    found.set(asset.fingerprinted, asset);
  }
  assets = found;
  return found;
}

/**
 * The address a page links for a file of `public/` (`styles.css` → `/assets/styles.3f2a9c1e.css`);
 * the plain address for a name that is not there.
 */
export function assetHref(name: string): string {
  const asset = allAssets().get(name);
  return `/assets/${asset ? asset.fingerprinted : name}`;
}

/** The encodings a request accepts, by the response forms there are: br, then gzip, else none. */
export function pickEncoding(acceptEncoding: string | undefined): 'br' | 'gzip' | 'identity' {
  if (!acceptEncoding) return 'identity';
  const accepted = new Map<string, number>();
  for (const part of acceptEncoding.toLowerCase().split(',')) {
    const [coding = '', ...params] = part.trim().split(';');
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)).find(Boolean);
    accepted.set(coding.trim(), q ? Number(q[1]) : 1);
  }
  const weight = (coding: string) => accepted.get(coding) ?? accepted.get('*') ?? 0;
  if (weight('br') > 0) return 'br';
  if (weight('gzip') > 0) return 'gzip';
  return 'identity';
}

/** A body in the form the request accepts, with `Content-Encoding` and `Vary` set on the reply. */
export function sendEncoded(
  request: FastifyRequest,
  reply: FastifyReply,
  forms: { identity: Buffer; gzip: Buffer; br: Buffer },
  vary = 'accept-encoding',
) {
  const encoding = pickEncoding(request.headers['accept-encoding']);
  reply.header('vary', vary);
  if (encoding !== 'identity') reply.header('content-encoding', encoding);
  return reply.send(forms[encoding]);
}

/** Whether a request's `If-None-Match` names the entity tag. */
export function matchesEtag(request: FastifyRequest, etag: string): boolean {
  const given = request.headers['if-none-match'];
  if (!given) return false;
  if (given.trim() === '*') return true;
  return given.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

/** `/assets/:file`: the files of `public/` from memory, fingerprinted or by their plain name. */
export function registerStaticAssets(app: FastifyInstance): void {
  allAssets();
  typed(app).get(
    '/assets/:file',
    {
      // served from memory: counting each request would cost more than the answer (a database
      // write per request on PostgreSQL, one row for every visitor behind one address)
      config: { rateLimit: false },
      schema: { params: z.object({ file: z.string() }) },
    },
    async (request, reply) => {
      const asset = allAssets().get(request.params.file);
      if (!asset) return reply.callNotFound();
      const forever = request.params.file === asset.fingerprinted;
      reply
        .header('cache-control', forever ? IMMUTABLE : SHORT_LIVED)
        .header('etag', asset.etag)
        .type(asset.type);
      if (matchesEtag(request, asset.etag))
        return reply.header('vary', 'accept-encoding').code(304).send();
      return sendEncoded(request, reply, asset);
    },
  );
}
