import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFixedClock } from '../../../platform/infra/clock.js';
import { sharedPdfRenderer } from '../../../platform/infra/pdf-renderer.js';
import { pdfText } from '../../../platform/infra/pdf-text.js';
import { SNAPSHOT_RECHECK_MS } from '../../../platform/http/page-cache.js';
import { createDemoApp, signedIn, type TestApp } from '../../../app/test-client.js';

const PDF = '/public/D01/2568/result.pdf';

// Issue 15, part 4: the public reports of a published round are made once per snapshot, kind,
// format and language (a PDF printed once), not on every request.
describe('public reports of a published round from the cache [sqlite]', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createDemoApp('sqlite', createFixedClock('2026-11-26T03:00:00.000Z'));
  }, 180_000);
  afterAll(async () => t?.close());

  const printed = () => sharedPdfRenderer().stats().printed;

  const move = async (state: string, at: string) => {
    const round = await t.ctx.db.kysely
      .selectFrom('assessment_round as r')
      .innerJoin('agency as a', 'a.id', 'r.agency_id')
      .innerJoin('edition as e', 'e.id', 'r.edition_id')
      .select(['r.id', 'r.updated_at'])
      .where('a.code', '=', 'D01')
      .where('e.year', '=', 2568)
      .executeTakeFirstOrThrow();
    await t.ctx.db.kysely
      .updateTable('assessment_round')
      .set({ state, updated_at: at })
      .where('id', '=', round.id)
      .execute();
    // each process believes what it read of the snapshot for SNAPSHOT_RECHECK_MS
    await new Promise((resolve) => setTimeout(resolve, SNAPSHOT_RECHECK_MS + 50));
    return round.updated_at;
  };

  it('prints a public PDF once: the second request, anyone’s, is the same file from memory', async () => {
    const before = printed();
    const first = await t.client().get(PDF);
    expect(first.statusCode).toBe(200);
    expect(first.headers['content-type']).toBe('application/pdf');
    expect(first.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(String(first.headers['content-disposition'])).toContain('attachment');
    expect(first.headers['cache-control']).toBe('public, max-age=300, stale-while-revalidate=60');
    expect(first.headers['content-encoding']).toBeUndefined();
    expect(printed()).toBe(before + 1);
    const hits = t.app.publishedPages.stats().hits;
    const signedInPerson = await signedIn(t, 'agency@example.org');
    const second = await signedInPerson.get(PDF);
    expect(second.statusCode).toBe(200);
    expect(second.rawPayload.equals(first.rawPayload)).toBe(true);
    expect(second.headers.etag).toBe(first.headers.etag);
    expect(printed()).toBe(before + 1);
    expect(t.app.publishedPages.stats().hits).toBe(hits + 1);
    const kept = await t.client().get(PDF, { 'if-none-match': String(first.headers.etag) });
    expect(kept.statusCode).toBe(304);
    expect(kept.rawPayload).toHaveLength(0);
    expect(await pdfText(first.rawPayload)).toContain('ผลการประเมิน');
  });

  it('keeps each kind, format and language apart', async () => {
    const renders = t.app.publishedPages.stats().renders;
    const html = await t.client().get('/public/D01/2568/result.html');
    expect(html.statusCode).toBe(200);
    expect(html.headers['content-type']).toContain('text/html');
    expect(String(html.headers['content-security-policy'])).toContain("default-src 'none'");
    const analysis = await t.client().get('/public/D01/2568/analysis.html');
    expect(analysis.body).toContain('จุดที่ควรพัฒนา');
    const docx = await t.client().get('/public/D01/2568/result.docx');
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const english = await t
      .client()
      .get('/public/D01/2568/result.html', { cookie: 'prongsai_lang=en' });
    expect(english.headers['content-language']).toBe('en');
    expect(english.body).not.toBe(html.body);
    expect(t.app.publishedPages.stats().renders).toBe(renders + 4);
    await t.client().get('/public/D01/2568/result.docx');
    expect(t.app.publishedPages.stats().renders).toBe(renders + 4);
    expect((await t.client().get('/public/D01/2569/result.pdf')).statusCode).toBe(404);
  });

  it('gives the new document after a withdrawal and a republication', async () => {
    const before = await t.client().get(PDF);
    const printedBefore = printed();
    const was = await move('withdrawn', '2026-11-27T03:00:00.000Z');
    try {
      expect((await t.client().get(PDF)).statusCode).toBe(404);
      expect((await t.client().get('/public/D01/2568/result.html')).statusCode).toBe(404);
      await move('published', '2026-11-28T03:00:00.000Z');
      const again = await t.client().get(PDF, { 'if-none-match': String(before.headers.etag) });
      expect(again.statusCode).toBe(200);
      expect(again.headers.etag).not.toBe(before.headers.etag);
      expect(again.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
      expect(printed()).toBe(printedBefore + 1);
    } finally {
      await move('published', was);
    }
  });
});
