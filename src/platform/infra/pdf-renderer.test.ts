import { afterAll, describe, expect, it } from 'vitest';
import {
  createPdfRenderer,
  pageNumberFooter,
  PdfUnavailableError,
  withPageNumbers,
} from './pdf-renderer.js';
import { pdfText } from './pdf-text.js';

const page = (text: string) =>
  `<!doctype html><html><head><meta charset="utf-8"><title>${text}</title></head><body><p>${text}</p></body></html>`;

describe('PDF renderer', () => {
  const renderer = createPdfRenderer({ pages: 2 });
  afterAll(() => renderer.close());

  it('prints several documents at once through one browser, each with its own text', async () => {
    const names = ['one', 'two', 'three', 'four', 'five'];
    const pdfs = await Promise.all(names.map((n) => renderer.render(page(`doc-${n}`))));
    const texts = await Promise.all(pdfs.map((p) => pdfText(p)));
    texts.forEach((text, i) => expect(text).toContain(`doc-${names[i]}`));
  });

  it('keeps its pages warm: many documents, no more pages than may print at once', async () => {
    const before = renderer.stats();
    const names = ['a', 'b', 'c', 'd', 'e', 'f'];
    const pdfs = await Promise.all(names.map((n) => renderer.render(page(`warm-${n}`))));
    const again = await renderer.render(page('warm-last'));
    const after = renderer.stats();
    expect(after.printed - before.printed).toBe(7);
    expect(after.pagesOpened).toBeLessThanOrEqual(2);
    // each document alone on its page: nothing of the one before is left
    const texts = await Promise.all([...pdfs, again].map((p) => pdfText(p)));
    texts.forEach((text, i) => {
      expect(text).toContain(`warm-${[...names, 'last'][i]}`);
      expect(text.match(/warm-/g)).toHaveLength(1);
    });
  });

  it('throws away a page whose document ran out of time, and opens a new one', async () => {
    await renderer.render(page('warm'));
    const before = renderer.stats();
    // a warm page is taken at once, so the time runs out while it prints
    const late = renderer.render(page('late'), { timeoutMs: 1 });
    await expect(late).rejects.toMatchObject({ reason: 'timeout' });
    expect(renderer.stats().discarded).toBe(before.discarded + 1);
    const texts = await Promise.all(
      ['x', 'y'].map(async (n) => pdfText(await renderer.render(page(`after-${n}`)))),
    );
    expect(texts[0]).toContain('after-x');
    expect(texts[1]).toContain('after-y');
    expect(renderer.stats().pagesOpened).toBe(before.pagesOpened + 1);
  });

  it('starts a new browser after close()', async () => {
    await renderer.close();
    expect(await pdfText(await renderer.render(page('after-close')))).toContain('after-close');
  });

  it('gives up on a document past its time limit, and the next one still prints', async () => {
    const slow = renderer.render(page('slow'), { timeoutMs: 1 });
    await expect(slow).rejects.toMatchObject({ name: 'PdfUnavailableError', reason: 'timeout' });
    expect(await pdfText(await renderer.render(page('next')))).toContain('next');
  });

  it('numbers the pages by default with the document’s own CSS (a page-margin box)', async () => {
    const long = `<!doctype html><html><head><meta charset="utf-8"></head><body>${'<p style="break-after:page">page</p>'.repeat(3)}</body></html>`;
    expect(withPageNumbers(long)).toMatch(
      /@bottom-center\{? ?\{?[^]*counter\(pages\)[^]*<\/style><\/head>/,
    );
    expect(withPageNumbers('<p>no head</p>')).toMatch(/^<p>no head<\/p><style>@page/);
    const text = await pdfText(await renderer.render(long));
    const pages = text.split('\f').filter((p) => p.trim() !== '');
    expect(pages).toHaveLength(3);
    pages.forEach((p, i) => expect(p).toMatch(new RegExp(`\\b${i + 1}\\s*/\\s*3\\s*$`)));
    // a footer template asked for replaces them
    const plain = await pdfText(await renderer.render(long, { footerTemplate: '<span></span>' }));
    expect(plain).not.toMatch(/\d\s*\/\s*3/);
  });

  it('numbers pages in the bundled Sarabun, embedded in the footer (it sees no page font)', () => {
    const footer = pageNumberFooter();
    expect(footer).toMatch(
      /@font-face\{font-family:'Sarabun';[^}]*src:url\("data:font\/ttf;base64,/,
    );
    expect(footer).toContain("font-family:'Sarabun'");
    expect(footer).toContain('<span class="pageNumber"></span> / <span class="totalPages"></span>');
  });

  it('says clearly when Chromium is missing', async () => {
    const missing = createPdfRenderer({ chromiumPath: '/nonexistent/chromium' });
    const attempt = missing.render(page('x'));
    await expect(attempt).rejects.toBeInstanceOf(PdfUnavailableError);
    await expect(attempt).rejects.toMatchObject({ reason: 'missing' });
    await missing.close();
  });
});
