import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo.js';
import { createDemoApp, type TestApp, type TestClient } from './test-client.js';

/**
 * Issue 13: no page links anywhere its reader cannot open. For each demo role, a bounded crawl
 * from the home page follows every same-site link of every HTML page it reaches and asks for it
 * as that person; every link must answer below 400. The same for a signed-out citizen from the
 * public pages. Addresses are grouped by their shape (ids and numbers blanked) and each shape is
 * opened once, so the crawl stays bounded however much data the demo holds.
 */

/** Each address shape is opened once (ids differ, the page is the same). */
const PER_SHAPE = 1;
/**
 * Generated documents (PDF through Chromium, DOCX, XLSX) are slow to make: each shape of them is
 * opened once in the whole crawl, by the first person who reaches it, not once per person.
 */
const DOCUMENT = /\.(pdf|docx|xlsx)(\?|$)/;
const documentShapes = new Set<string>();
/** Safety bound on pages fetched per person. */
const MAX_PAGES = 400;
/** Links not followed: they change the session (language, sign-out) or are not pages. */
const SKIP = [/^\/lang\//, /^\/logout/, /^\/static\//, /^\/favicon/];

function shapeOf(path: string): string {
  const [base = '', query = ''] = path.split('?');
  const shape = base
    .split('/')
    .map((s) =>
      /^[0-9a-f]{8}-[0-9a-f-]{27}$/i.test(s) ? ':id' : /^\d+(\.\w+)?$/.test(s) ? ':n' : s,
    )
    .join('/');
  const keys = [...new URLSearchParams(query).keys()].sort().join('&');
  return keys ? `${shape}?${keys}` : shape;
}

/** Same-site links of a page (href="/…"), as paths; fragments dropped. */
function linksOf(html: string): string[] {
  const found = new Set<string>();
  for (const match of html.matchAll(/<a\b[^>]*\bhref="([^"]+)"/g)) {
    const href = (match[1] ?? '').replaceAll('&amp;', '&').split('#')[0] ?? '';
    if (!href.startsWith('/') || href.startsWith('//')) continue;
    if (SKIP.some((re) => re.test(href))) continue;
    found.add(href);
  }
  return [...found];
}

interface Broken {
  link: string;
  status: number;
  from: string;
}

/** Crawls from the start pages; returns the broken links and how many pages were opened. */
async function crawl(
  fetchPage: (path: string) => Promise<Page>,
  starts: string[],
): Promise<{ broken: Broken[]; opened: number }> {
  const seen = new Set<string>();
  const shapes = new Map<string, number>();
  const queue: { path: string; from: string }[] = starts.map((path) => ({ path, from: '(start)' }));
  const broken: Broken[] = [];
  let opened = 0;
  while (queue.length > 0 && opened < MAX_PAGES) {
    const { path, from } = queue.shift() as { path: string; from: string };
    if (seen.has(path)) continue;
    seen.add(path);
    const shape = shapeOf(path);
    const times = shapes.get(shape) ?? 0;
    if (times >= PER_SHAPE) continue;
    shapes.set(shape, times + 1);
    if (DOCUMENT.test(path)) {
      if (documentShapes.has(shape)) continue;
      documentShapes.add(shape);
    }
    const page = await fetchPage(path);
    opened += 1;
    if (page.statusCode >= 400) {
      broken.push({ link: path, status: page.statusCode, from });
      continue;
    }
    if (page.location?.startsWith('/')) queue.unshift({ path: page.location, from: path });
    if (!page.type.includes('text/html')) continue;
    for (const link of linksOf(page.body))
      if (!seen.has(link)) queue.push({ path: link, from: path });
  }
  return { broken, opened };
}

interface Page {
  statusCode: number;
  body: string;
  type: string;
  /** Where a redirect leads (followed like a link). */
  location?: string;
}

function pageOf(response: {
  statusCode: number;
  body: string;
  headers: Record<string, unknown>;
}): Page {
  const location = response.headers.location;
  return {
    statusCode: response.statusCode,
    body: response.body,
    type: String(response.headers['content-type'] ?? ''),
    ...(typeof location === 'string' ? { location } : {}),
  };
}

/** The app's clock: a person who meets a rate limit (429) waits a minute, as one would. */
let now = Date.parse('2026-11-26T03:00:00.000Z');
const clock = { now: () => new Date(now) };

/** Opens a page; after a 429 the person waits a minute and asks once more. */
async function patiently(open: () => Promise<Page>): Promise<Page> {
  const first = await open();
  if (first.statusCode !== 429) return first;
  now += 61_000;
  return open();
}

describe('every link a person is shown opens for that person', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createDemoApp('sqlite', clock);
  }, 180_000);
  afterAll(async () => t.close());

  it('crawls the same-site links of a page and blanks ids in shapes (so the crawl is bounded)', () => {
    expect(
      linksOf('<a href="/rounds/1">a</a><a class="x" href="/public/D01?y=1&amp;z=2#top">b</a>'),
    ).toEqual(['/rounds/1', '/public/D01?y=1&z=2']);
    expect(linksOf('<a href="https://example.org/">x</a><a href="//evil">y</a>')).toEqual([]);
    expect(shapeOf('/rounds/0b7c4d1e-1234-4abc-8def-0123456789ab/results?tab=1')).toBe(
      '/rounds/:id/results?tab',
    );
    expect(shapeOf('/public/D01/2568/result.pdf')).toBe('/public/D01/:n/result.pdf');
  });

  for (const [index, account] of DEMO_ACCOUNTS.entries()) {
    it(`${account.email} (${account.role}): every link on the pages they reach answers below 400`, async () => {
      // each person from their own address, as in an office
      const person: TestClient = t.client(`10.8.${index}.1`);
      await person.signIn(account.email, DEMO_PASSWORD);
      const { broken, opened } = await crawl(
        (path) => patiently(async () => pageOf(await person.get(path))),
        ['/'],
      );
      expect(opened).toBeGreaterThan(3);
      expect(broken).toEqual([]);
    }, 300_000);
  }

  it('a signed-out citizen: every link of the public pages answers below 400', async () => {
    let n = 0;
    // a new address now and then, as many citizens would be: the public rate limit is per address
    const { broken, opened } = await crawl(
      (path) =>
        patiently(async () => pageOf(await t.client(`10.9.${Math.floor(n++ / 20)}.1`).get(path))),
      ['/public', '/public/D01/2568/results', '/public/D01/search'],
    );
    expect(opened).toBeGreaterThan(2);
    expect(broken).toEqual([]);
  }, 300_000);
});
