/**
 * Test support: a bounded crawl of the app's pages as one person (issue 13), shared by the
 * broken-link crawl (`crawl.routes.test.ts`) and the HTML validity check
 * (`test/e2e/html-validity.test.ts`). Addresses are grouped by their shape (ids and numbers
 * blanked) and each shape is opened once, so the crawl stays bounded however much data the demo
 * holds.
 */

/** Each address shape is opened once (ids differ, the page is the same). */
const PER_SHAPE = 1;
/** Generated documents (PDF through Chromium, DOCX, XLSX): slow to make. */
const DOCUMENT = /\.(pdf|docx|xlsx)(\?|$)/;
/** Safety bound on pages fetched per person. */
const MAX_PAGES = 400;
/** Links not followed: they change the session (language, sign-out) or are not pages. */
const SKIP = [/^\/lang\//, /^\/logout/, /^\/static\//, /^\/favicon/];

export function shapeOf(path: string): string {
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
export function linksOf(html: string): string[] {
  const found = new Set<string>();
  for (const match of html.matchAll(/<a\b[^>]*\bhref="([^"]+)"/g)) {
    const href = (match[1] ?? '').replaceAll('&amp;', '&').split('#')[0] ?? '';
    if (!href.startsWith('/') || href.startsWith('//')) continue;
    if (SKIP.some((re) => re.test(href))) continue;
    found.add(href);
  }
  return [...found];
}

export interface Broken {
  link: string;
  status: number;
  from: string;
}

export interface Page {
  statusCode: number;
  body: string;
  type: string;
  /** Where a redirect leads (followed like a link). */
  location?: string;
}

export function pageOf(response: {
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

export interface CrawlOptions {
  /**
   * Shapes of generated documents already opened (by anyone): each is opened once in a whole
   * run, by the first person who reaches it. Without it, generated documents are not opened.
   */
  documentShapes?: Set<string>;
  /** Hears each page opened, with its address. */
  onPage?: (path: string, page: Page) => void;
}

/** Crawls from the start pages; returns the broken links and how many pages were opened. */
export async function crawl(
  fetchPage: (path: string) => Promise<Page>,
  starts: string[],
  options: CrawlOptions = {},
): Promise<{ broken: Broken[]; opened: number }> {
  const { documentShapes, onPage } = options;
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
      if (!documentShapes || documentShapes.has(shape)) continue;
      documentShapes.add(shape);
    }
    const page = await fetchPage(path);
    opened += 1;
    onPage?.(path, page);
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

/** Opens a page; after a 429 the person waits (`wait`: a minute on the app's clock) and asks once more. */
export async function patiently(open: () => Promise<Page>, wait: () => void): Promise<Page> {
  const first = await open();
  if (first.statusCode !== 429) return first;
  wait();
  return open();
}

/** The hidden fields of a form page (to post it as a browser would). */
export function hiddenFieldsOf(body: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const match of body.matchAll(/type="hidden" name="([^"]+)" value="([^"]*)"/g))
    if (match[1] !== undefined) fields[match[1]] = match[2] ?? '';
  return fields;
}
