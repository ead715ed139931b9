import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../db/test-databases.js';
import { SNAPSHOT_RECHECK_MS } from './page-cache.js';
import { createFixedClock } from '../infra/clock.js';
import { createDemoApp, signedIn, type TestApp } from '../../app/test-client.js';

const RESULTS = '/public/D01/2568/results';

// Issue 15, part 2: a published round's public results page is rendered once per snapshot and
// language, and served with ETag, Cache-Control and compression; static files are fingerprinted.
for (const dialect of DIALECTS) {
  describe(`published pages from the cache [${dialect}]`, () => {
    let t: TestApp;

    beforeAll(async () => {
      t = await createDemoApp(dialect, createFixedClock('2026-11-26T03:00:00.000Z'));
    }, 180_000);
    afterAll(async () => t?.close());

    const renders = () => t.app.publishedPages.stats().renders;

    /** The published D01 round of 2568, as its row stands. */
    const d01Round = async () =>
      t.ctx.db.kysely
        .selectFrom('assessment_round as r')
        .innerJoin('agency as a', 'a.id', 'r.agency_id')
        .innerJoin('edition as e', 'e.id', 'r.edition_id')
        .select(['r.id', 'r.state', 'r.updated_at'])
        .where('a.code', '=', 'D01')
        .where('e.year', '=', 2568)
        .executeTakeFirstOrThrow();

    it('tags the page, keeps it public a few minutes and renders it once', async () => {
      const visitor = t.client();
      const first = await visitor.get(RESULTS);
      expect(first.statusCode).toBe(200);
      const etag = String(first.headers.etag);
      expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
      expect(first.headers['cache-control']).toBe('public, max-age=300, stale-while-revalidate=60');
      expect(String(first.headers.vary)).toContain('cookie');
      const before = renders();
      const second = await t.client().get(RESULTS);
      expect(second.headers.etag).toBe(etag);
      expect(second.body).toBe(first.body);
      expect(renders()).toBe(before);
      expect(t.app.publishedPages.stats().hits).toBeGreaterThan(0);
    });

    it('answers 304 with no body to a matching If-None-Match, 200 to another tag', async () => {
      const { etag } = (await t.client().get(RESULTS)).headers;
      const kept = await t.client().get(RESULTS, { 'if-none-match': String(etag) });
      expect(kept.statusCode).toBe(304);
      expect(kept.body).toBe('');
      expect(kept.headers.etag).toBe(etag);
      const other = await t.client().get(RESULTS, { 'if-none-match': '"something-else"' });
      expect(other.statusCode).toBe(200);
      expect(other.body).toContain('<html');
    });

    it('shows a signed-in person the same page, with no form token or account in it', async () => {
      const anonymous = await t.client().get(RESULTS);
      const staff = await signedIn(t, 'agency@example.org');
      const page = await staff.get(RESULTS);
      expect(page.statusCode).toBe(200);
      expect(page.body).toBe(anonymous.body);
      expect(page.headers.etag).toBe(anonymous.headers.etag);
      expect(page.body).not.toContain('_csrf');
      expect(page.body).not.toContain('/logout');
      expect(page.body).not.toContain('agency@example.org');
    });

    it('keeps each language apart, with its own tag', async () => {
      const th = await t.client().get(RESULTS);
      const en = await t.client().get(RESULTS, { cookie: 'prongsai_lang=en' });
      expect(en.statusCode).toBe(200);
      expect(en.body).toContain('<html lang="en"');
      expect(th.body).toContain('<html lang="th"');
      expect(en.headers.etag).not.toBe(th.headers.etag);
      expect(en.headers['content-language']).toBe('en');
    });

    it('sends br or gzip as asked, each the same page once decompressed', async () => {
      const plain = await t.client().get(RESULTS);
      expect(plain.headers['content-encoding']).toBeUndefined();
      const br = await t.client().get(RESULTS, { 'accept-encoding': 'gzip, deflate, br' });
      expect(br.headers['content-encoding']).toBe('br');
      expect(brotliDecompressSync(br.rawPayload).toString()).toBe(plain.body);
      expect(br.rawPayload.length).toBeLessThan(plain.rawPayload.length / 3);
      const gz = await t.client().get(RESULTS, { 'accept-encoding': 'gzip' });
      expect(gz.headers['content-encoding']).toBe('gzip');
      expect(gunzipSync(gz.rawPayload).toString()).toBe(plain.body);
      expect(gz.headers.etag).toBe(plain.headers.etag);
    });

    it('gives a new tag, from a new rendering, when the round is withdrawn and republished', async () => {
      const before = await t.client().get(RESULTS);
      const round = await d01Round();
      expect(round.state).toBe('published');
      const move = (state: string, at: string) =>
        t.ctx.db.kysely
          .updateTable('assessment_round')
          .set({ state, updated_at: at })
          .where('id', '=', round.id)
          .execute();
      try {
        await move('withdrawn', '2026-11-27T03:00:00.000Z');
        // each process believes what it read of the snapshot for SNAPSHOT_RECHECK_MS
        await new Promise((resolve) => setTimeout(resolve, SNAPSHOT_RECHECK_MS + 50));
        const gone = await t.client().get(RESULTS);
        expect(gone.statusCode).toBe(404);
        expect(gone.headers.etag).toBeUndefined();
        const renderedBefore = renders();
        await move('published', '2026-11-28T03:00:00.000Z');
        await new Promise((resolve) => setTimeout(resolve, SNAPSHOT_RECHECK_MS + 50));
        const again = await t.client().get(RESULTS, {
          'if-none-match': String(before.headers.etag),
        });
        expect(again.statusCode).toBe(200);
        expect(again.headers.etag).not.toBe(before.headers.etag);
        expect(renders()).toBe(renderedBefore + 1);
      } finally {
        await move('published', round.updated_at);
      }
    });

    it('compresses other pages as they are made, and no generated document', async () => {
      const login = await t.client().get('/login', { 'accept-encoding': 'br' });
      expect(login.headers['content-encoding']).toBe('br');
      expect(brotliDecompressSync(login.rawPayload).toString()).toContain('<form');
      const docx = await t.client().get('/public/D01/2569/assets/report.docx', {
        'accept-encoding': 'gzip, br',
      });
      expect(docx.statusCode).toBe(200);
      expect(docx.headers['content-encoding']).toBeUndefined();
      expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    });

    it('keeps a published measures page too, with the report page’s own CSP', async () => {
      const url = '/public/D01/2569/measures';
      expect((await t.client().get(url)).statusCode).toBe(404);
      const round = await t.ctx.db.kysely
        .selectFrom('assessment_round as r')
        .innerJoin('agency as a', 'a.id', 'r.agency_id')
        .innerJoin('edition as e', 'e.id', 'r.edition_id')
        .select('r.id')
        .where('a.code', '=', 'D01')
        .where('e.year', '=', 2569)
        .executeTakeFirstOrThrow();
      const head = await signedIn(t, 'head@example.org');
      await head.get(`/rounds/${round.id}/measures`);
      const published = await head.post(`/rounds/${round.id}/measures/publish`, {
        kind: 'document',
      });
      expect(published.statusCode).toBe(302);
      const first = await t.client().get(url);
      expect(first.statusCode).toBe(200);
      expect(first.headers['content-security-policy']).toContain("default-src 'none'");
      expect(first.headers['cache-control']).toBe('public, max-age=300, stale-while-revalidate=60');
      const before = renders();
      const again = await t.client().get(url, { 'if-none-match': String(first.headers.etag) });
      expect(again.statusCode).toBe(304);
      const en = await t.client().get(url, { cookie: 'prongsai_lang=en' });
      expect(en.statusCode).toBe(200);
      expect(en.headers.etag).not.toBe(first.headers.etag);
      expect(renders()).toBe(before + 1);
      expect((await t.client().get('/public/D02/2569/measures')).statusCode).toBe(404);
    });

    it('links the stylesheet by its fingerprint and serves that address for a year', async () => {
      const page = await t.client().get(RESULTS);
      const href = /<link rel="stylesheet" href="(\/assets\/styles\.[0-9a-f]{8}\.css)"/.exec(
        page.body,
      )?.[1];
      expect(href).toBeDefined();
      const css = await t.client().get(String(href));
      expect(css.statusCode).toBe(200);
      expect(css.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(css.headers['content-type']).toContain('text/css');
      const file = readFileSync(join(import.meta.dirname, 'public', 'styles.css'), 'utf8');
      expect(css.body).toBe(file);
      const br = await t.client().get(String(href), { 'accept-encoding': 'br' });
      expect(br.headers['content-encoding']).toBe('br');
      expect(brotliDecompressSync(br.rawPayload).toString()).toBe(file);
      const kept = await t.client().get(String(href), {
        'if-none-match': String(css.headers.etag),
      });
      expect(kept.statusCode).toBe(304);
      // the plain name still answers, kept a short while
      const plain = await t.client().get('/assets/styles.css');
      expect(plain.statusCode).toBe(200);
      expect(plain.headers['cache-control']).toBe('public, max-age=300');
      expect(plain.body).toBe(file);
      expect((await t.client().get('/assets/styles.00000000.css')).statusCode).toBe(404);
    });
  });
}
