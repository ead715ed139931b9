import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { matchesEtag, sendEncoded } from './static-assets.js';

/**
 * Pages of published rounds, rendered once and kept. What a round published never changes: a
 * withdrawal and a republication is a new snapshot, and so a new key. Every process keeps its own
 * copies (nothing to share or invalidate between processes); browsers and a proxy in front keep
 * them too, by `ETag` and `Cache-Control`.
 *
 * A cached page must be the same for everybody: it is rendered from the snapshot, the language
 * and the path only — no CSRF token, no signed-in header, no nonce (the CSP has none), no "now".
 */

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

declare module 'fastify' {
  interface FastifyInstance {
    /** The pages of published rounds this process has rendered (one cache for every feature). */
    publishedPages: PageCache;
  }
}

/**
 * How long a process believes what it last read of which snapshot a page shows, in ms. Reading it
 * costs two queries, most of a kept page's cost; a withdrawal reaches every process this much
 * later (browsers and proxies may keep a page PUBLISHED_MAX_AGE anyway).
 */
export const SNAPSHOT_RECHECK_MS = 2000;
/** The most snapshot answers a process keeps (addresses are anyone's to make up). */
const MAX_SNAPSHOT_ANSWERS = 10_000;

/** The memory the published pages of one process may take (each kept with its gzip and br forms). */
export const PAGE_CACHE_BYTES = 64 * 1024 * 1024;

/** How long browsers and proxies keep a published page before asking again, in seconds. */
export const PUBLISHED_MAX_AGE = 300;
/** `Cache-Control` of a published page: short, so a withdrawal shows within minutes. */
export const PUBLISHED_CACHE_CONTROL = `public, max-age=${PUBLISHED_MAX_AGE}, stale-while-revalidate=60`;

/** A rendered page in the forms a browser may ask for. */
export interface CachedPage {
  etag: string;
  type: string;
  identity: Buffer;
  gzip: Buffer;
  br: Buffer;
}

/** What a cache holds and did: for tests and anyone watching memory. */
export interface PageCacheStats {
  entries: number;
  bytes: number;
  renders: number;
  hits: number;
  evictions: number;
}

const sizeOf = (page: CachedPage) =>
  page.identity.length + page.gzip.length + page.br.length + page.etag.length * 2;

/**
 * The strong entity tag of a page: its cache key (snapshot, page, language) and its bytes. The
 * bytes count because a strong tag promises them, and two processes may render one snapshot with
 * different bytes (ECharts numbers the class names of its SVG charts per process).
 */
export function pageEtag(key: string, body: Buffer): string {
  const hash = createHash('sha256').update(key).update('\n').update(body).digest('base64url');
  return `"${hash.slice(0, 27)}"`;
}

/** Renders a page's HTML into its cached forms (gzip and Brotli made once, here). */
export async function preparePage(key: string, html: string, type: string): Promise<CachedPage> {
  const identity = Buffer.from(html);
  const [gz, br] = await Promise.all([
    gzipAsync(identity, { level: 9 }),
    brotliAsync(identity, { params: { [constants.BROTLI_PARAM_QUALITY]: 9 } }),
  ]);
  return { etag: pageEtag(key, identity), type, identity, gzip: gz, br };
}

/**
 * A least-recently-used cache of rendered pages bounded by bytes. Two requests for a page that is
 * not there yet wait for one rendering (the first visitors of publication day do not each render it).
 */
export class PageCache {
  private readonly pages = new Map<string, CachedPage>();
  private readonly rendering = new Map<string, Promise<CachedPage>>();
  private readonly snapshots = new Map<string, { until: number; key: Promise<string | null> }>();
  private bytes = 0;
  private renders = 0;
  private hits = 0;
  private evictions = 0;

  /** `now`: a monotonic clock in ms (the snapshot answers' lifetime is measured on it). */
  constructor(
    private readonly maxBytes: number,
    private readonly recheckMs = SNAPSHOT_RECHECK_MS,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /**
   * Which snapshot an address shows (`lookup`: a key, or null when nothing is published), asked
   * again at most every `recheckMs`; requests that arrive together share one lookup.
   */
  snapshotOf(address: string, lookup: () => Promise<string | null>): Promise<string | null> {
    const at = this.now();
    const kept = this.snapshots.get(address);
    if (kept && kept.until > at) return kept.key;
    if (this.snapshots.size >= MAX_SNAPSHOT_ANSWERS) this.snapshots.clear();
    const key = lookup();
    this.snapshots.set(address, { until: at + this.recheckMs, key });
    // a failed lookup is not believed: the next request asks again
    key.catch(() => {
      if (this.snapshots.get(address)?.key === key) this.snapshots.delete(address);
    });
    return key;
  }

  /**
   * Forgets every snapshot answer: after a round moves (published, withdrawn) in this process, its
   * pages show the change at once here (other processes within `recheckMs`).
   */
  forgetSnapshots(): void {
    this.snapshots.clear();
  }

  /** The page of a key: kept, being rendered, or rendered now by `render`. */
  async get(key: string, render: () => Promise<CachedPage>): Promise<CachedPage> {
    const kept = this.pages.get(key);
    if (kept) {
      this.hits += 1;
      // most recently used last: Map keeps insertion order
      this.pages.delete(key);
      this.pages.set(key, kept);
      return kept;
    }
    const pending = this.rendering.get(key);
    if (pending) return pending;
    this.renders += 1;
    // a failed rendering (not found, a bug) is not kept: the next request tries again
    const made = render()
      .then((page) => {
        this.keep(key, page);
        return page;
      })
      .finally(() => this.rendering.delete(key));
    this.rendering.set(key, made);
    return made;
  }

  private keep(key: string, page: CachedPage): void {
    const size = sizeOf(page);
    if (size > this.maxBytes || this.pages.has(key)) return;
    this.pages.set(key, page);
    this.bytes += size;
    for (const [oldKey, old] of this.pages) {
      if (this.bytes <= this.maxBytes) break;
      this.pages.delete(oldKey);
      this.bytes -= sizeOf(old);
      this.evictions += 1;
    }
  }

  stats(): PageCacheStats {
    return {
      entries: this.pages.size,
      bytes: this.bytes,
      renders: this.renders,
      hits: this.hits,
      evictions: this.evictions,
    };
  }
}

/**
 * Answers a request with a published page from the cache: `304` with no body when the browser
 * holds it already (`If-None-Match`), else the page in the encoding the browser accepts, with
 * its `ETag` and a public `Cache-Control`. `render` makes the HTML when the cache lacks it; it
 * may see the request's language and path only. `headers`: the page's own (e.g. its CSP).
 */
export async function sendCachedPage(
  request: FastifyRequest,
  reply: FastifyReply,
  cache: PageCache,
  key: string,
  render: () => Promise<string>,
  headers: Record<string, string> = {},
) {
  const page = await cache.get(key, async () =>
    preparePage(key, await render(), 'text/html; charset=utf-8'),
  );
  reply
    .headers(headers)
    .header('etag', page.etag)
    .header('cache-control', PUBLISHED_CACHE_CONTROL)
    // the language is a cookie: a browser must not show a page kept in the other language
    .header('vary', 'accept-encoding, cookie')
    .header('content-language', request.lang)
    .type(page.type);
  if (matchesEtag(request, page.etag)) return reply.code(304).send();
  return sendEncoded(request, reply, page, 'accept-encoding, cookie');
}
