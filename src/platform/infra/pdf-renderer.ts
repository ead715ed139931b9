import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Raised when no PDF can be made here (Chromium missing or not starting, or too slow). */
export class PdfUnavailableError extends Error {
  constructor(
    message: string,
    readonly reason: 'missing' | 'failed' | 'timeout',
  ) {
    super(message);
    this.name = 'PdfUnavailableError';
  }
}

export interface PdfPageOptions {
  /** Page margins in CSS units; Thai official letters: 2.5 cm top, 3 cm left, 2 cm right/bottom. */
  margin?: { top: string; right: string; bottom: string; left: string };
  /**
   * A Chromium footer template (its own tiny document: inline styles, classes pageNumber…). By
   * default none: the page numbers are a CSS page-margin box of the document itself
   * (PAGE_NUMBER_CSS), in the document's Sarabun.
   */
  footerTemplate?: string;
  /** Longest wait for this document, in milliseconds. */
  timeoutMs?: number;
}

export interface PdfRenderer {
  /** Prints a complete HTML document to an A4 PDF. */
  render: (html: string, options?: PdfPageOptions) => Promise<Buffer>;
  /** Draws an SVG (a chart) as a PNG at twice its size, with the given fonts, for DOCX files. */
  svgToPng: (
    svg: string,
    size: { width: number; height: number },
    fonts?: { regular: string; bold: string },
  ) => Promise<Buffer>;
  /** Ends the browser, if one was started; a later render starts a new one. */
  close: () => Promise<void>;
  /** What it did so far (pages opened, documents printed, pages thrown away). */
  stats: () => PdfRendererStats;
}

const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--font-render-hinting=none',
];

const DEFAULT_MARGIN = { top: '2.5cm', right: '2cm', bottom: '2cm', left: '3cm' };

/**
 * Page numbers ("2 / 5") as a Chromium footer template, for a caller that wants one
 * (`footerTemplate`); the printer's own default is PAGE_NUMBER_CSS. Chromium draws the footer as a document of its own that sees none of the page's fonts (it fell back to DejaVu
 * Sans, a second font in every PDF), so the bundled Sarabun is embedded in it as a data: URL;
 * Chromium then writes the numbers with the page's own Sarabun subset.
 */
export function pageNumberFooter(): string {
  return (
    `<style>@font-face{font-family:'Sarabun';font-weight:400;` +
    `src:url("${sarabunDataUrls().regular}") format('truetype')}</style>` +
    `<div style="width:100%;font-family:'Sarabun';font-size:12pt;text-align:center;color:#444">` +
    '<span class="pageNumber"></span> / <span class="totalPages"></span></div>'
  );
}

/**
 * Page numbers ("2 / 5") at the foot of each page, as a CSS page-margin box of the document: in
 * the document's own Sarabun (one font in the PDF), and far cheaper than a Chromium footer
 * template, a document of its own parsed again for every page with its font embedded (a 20-page
 * report: about 270 ms of Chromium CPU with the template, 175 ms with this).
 */
export const PAGE_NUMBER_CSS =
  '@page { @bottom-center { content: counter(page) " / " counter(pages); ' +
  "font-family: 'Sarabun', sans-serif; font-size: 12pt; color: #444; } }";

/** A document with the page-number style added (in its head, else at its end). */
export function withPageNumbers(html: string): string {
  const style = `<style>${PAGE_NUMBER_CSS}</style>`;
  const head = html.search(/<\/head>/i);
  return head >= 0 ? html.slice(0, head) + style + html.slice(head) : html + style;
}

/** Whether a document's time is up, and how to stop it once it has a browser context. */
interface Expiry {
  passed: boolean;
  closeOnExpiry?: () => void;
}

/** A counting gate: at most `limit` holders at a time, the others wait in order. */
function gate(limit: number) {
  let active = 0;
  const waiting: Array<() => void> = [];
  return async <T>(work: () => Promise<T>): Promise<T> => {
    if (active >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    active++;
    try {
      return await work();
    } finally {
      active--;
      waiting.shift()?.();
    }
  };
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new PdfUnavailableError(`PDF not ready after ${ms} ms`, 'timeout')),
      ms,
    );
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

/** A page kept open between documents: its own browser context, so nothing is shared. */
interface WarmPage {
  context: BrowserContext;
  page: Page;
  /** Documents printed on it so far. */
  uses: number;
}

/** A warm page prints this many documents, then is closed and a fresh one made (bounds leaks). */
export const WARM_PAGE_USES = 200;

/** What a renderer did, for tests and anyone watching: pages made and documents printed. */
export interface PdfRendererStats {
  /** Browser contexts (with their page) opened for printing. */
  pagesOpened: number;
  /** Documents printed to PDF. */
  printed: number;
  /** Warm pages thrown away after a failure or a time-out. */
  discarded: number;
}

/**
 * A PDF printer over one Chromium, launched on first use and reused; at most `pages` documents
 * print at once and each has a time limit. `close()` ends the browser (server shutdown, tests).
 *
 * A new browser context and page per document cost about 0.8 s of CPU (a renderer process
 * starts), more than printing the document itself; so each printing slot keeps its page warm
 * and the next document replaces the last one's (`setContent`, no script runs in it, the
 * context keeps no cookies or storage of its own). A page that failed or ran out of time is
 * closed, never reused; the pages are at most `pages`, as are the documents printing at once.
 *
 * `pages`: 2 by default, what 2 cores sustain: 4 clients on a 20-page report printed 6.4/s with 2
 * pages and 5.9/s with 4 (1 page: 3.7/s), each page a renderer process of its own.
 */
export function createPdfRenderer(
  settings: { chromiumPath?: string; pages?: number; timeoutMs?: number } = {},
): PdfRenderer {
  const executablePath = settings.chromiumPath ?? '/usr/bin/chromium';
  const limit = gate(settings.pages ?? 2);
  let browser: Promise<Browser> | null = null;
  /** Warm pages not printing now, of the current browser. */
  let idle: WarmPage[] = [];
  const stats: PdfRendererStats = { pagesOpened: 0, printed: 0, discarded: 0 };

  const launch = (): Promise<Browser> => {
    if (!existsSync(executablePath))
      return Promise.reject(
        new PdfUnavailableError(`Chromium not found at ${executablePath}`, 'missing'),
      );
    browser ??= chromium.launch({ executablePath, args: ARGS }).then(
      (b) => {
        b.on('disconnected', () => {
          browser = null;
          idle = [];
        });
        return b;
      },
      (error: unknown) => {
        browser = null;
        throw new PdfUnavailableError(`Chromium did not start: ${String(error)}`, 'failed');
      },
    );
    return browser;
  };

  /** A warm page of the running browser, or a new one. */
  const takePage = async (): Promise<WarmPage> => {
    const current = await launch();
    const kept = idle.pop();
    if (kept && kept.context.browser() === current && !kept.page.isClosed()) return kept;
    const context = await current.newContext({ javaScriptEnabled: false });
    stats.pagesOpened += 1;
    try {
      const page = await context.newPage();
      // laid out for print from the start: page.pdf() then has less to do again
      await page.emulateMedia({ media: 'print' });
      return { context, page, uses: 0 };
    } catch (error) {
      await context.close().catch(() => undefined);
      throw error;
    }
  };

  const discard = (warm: WarmPage) => {
    stats.discarded += 1;
    void warm.context.close().catch(() => undefined);
  };

  const print = async (html: string, options: PdfPageOptions, expired: Expiry): Promise<Buffer> => {
    const warm = await takePage();
    if (expired.passed) {
      // not used: it may go back for the next document
      idle.push(warm);
      throw new PdfUnavailableError('PDF time limit passed before printing', 'timeout');
    }
    // a document still printing when its time is up is stopped, and its page thrown away
    expired.closeOnExpiry = () => discard(warm);
    let ok = false;
    try {
      // 'load' waits for the fonts (data: URLs, no network): as quick as 'domcontentloaded' here
      const footer = options.footerTemplate;
      await warm.page.setContent(footer === undefined ? withPageNumbers(html) : html, {
        waitUntil: 'load',
      });
      const pdf = await warm.page.pdf({
        format: 'A4',
        printBackground: true,
        preferCSSPageSize: false,
        margin: options.margin ?? DEFAULT_MARGIN,
        ...(footer === undefined
          ? { displayHeaderFooter: false }
          : { displayHeaderFooter: true, headerTemplate: '<span></span>', footerTemplate: footer }),
        tagged: true,
      });
      ok = true;
      stats.printed += 1;
      return Buffer.from(pdf);
    } finally {
      warm.uses += 1;
      if (expired.passed) {
        // closed by the time-out already
      } else if (ok && warm.uses < WARM_PAGE_USES && browser) {
        idle.push(warm);
      } else if (ok) {
        void warm.context.close().catch(() => undefined);
      } else {
        discard(warm);
      }
    }
  };

  const snapshot = async (
    svg: string,
    size: { width: number; height: number },
    fonts: { regular: string; bold: string } | undefined,
  ): Promise<Buffer> => {
    const context = await (
      await launch()
    ).newContext({ javaScriptEnabled: false, viewport: size, deviceScaleFactor: 2 });
    try {
      const page = await context.newPage();
      const faces = fonts
        ? `@font-face{font-family:'Sarabun';font-weight:400;src:url("${fonts.regular}")}` +
          `@font-face{font-family:'Sarabun';font-weight:700;src:url("${fonts.bold}")}`
        : '';
      await page.setContent(
        `<!doctype html><html><head><meta charset="utf-8"><style>${faces}` +
          `html,body{margin:0;background:#fff}svg{display:block}</style></head><body>${svg}</body></html>`,
        { waitUntil: 'load' },
      );
      return await page.screenshot({ clip: { x: 0, y: 0, ...size }, type: 'png' });
    } finally {
      await context.close().catch(() => undefined);
    }
  };

  return {
    svgToPng: (svg, size, fonts) =>
      limit(() => withTimeout(snapshot(svg, size, fonts), settings.timeoutMs ?? 30_000)),
    render: (html, options = {}) =>
      limit(async () => {
        const expired: Expiry = { passed: false };
        const ms = options.timeoutMs ?? settings.timeoutMs ?? 30_000;
        try {
          return await withTimeout(print(html, options, expired), ms);
        } catch (error) {
          if (error instanceof PdfUnavailableError && error.reason === 'timeout') {
            expired.passed = true;
            expired.closeOnExpiry?.();
          }
          throw error;
        }
      }),
    stats: () => ({ ...stats }),
    close: async () => {
      const current = browser;
      browser = null;
      idle = [];
      if (current) await (await current.catch(() => null))?.close();
    },
  };
}

let shared: PdfRenderer | null = null;
let sharedPath = '/usr/bin/chromium';

/** Sets where the shared printer finds Chromium (from the settings, before the first print). */
export function configureSharedPdfRenderer(chromiumPath: string): void {
  if (chromiumPath === sharedPath) return;
  sharedPath = chromiumPath;
  const old = shared;
  shared = null;
  void old?.close();
}

/** The process's one PDF printer (one Chromium for every request). */
export function sharedPdfRenderer(): PdfRenderer {
  shared ??= createPdfRenderer({ chromiumPath: sharedPath });
  return shared;
}

/** Ends the shared printer's browser; safe to call when none was started. */
export async function closeSharedPdfRenderer(): Promise<void> {
  await shared?.close();
}

const fontDir = dirname(
  createRequire(import.meta.url).resolve('@expo-google-fonts/sarabun/package.json'),
);
let fontCache: { regular: string; bold: string } | null = null;

/** The bundled Sarabun regular and bold as data: URLs, for documents printed without a server. */
export function sarabunDataUrls(): { regular: string; bold: string } {
  const read = (file: string) =>
    `data:font/ttf;base64,${readFileSync(join(fontDir, file)).toString('base64')}`;
  fontCache ??= {
    regular: read('400Regular/Sarabun_400Regular.ttf'),
    bold: read('700Bold/Sarabun_700Bold.ttf'),
  };
  return fontCache;
}
