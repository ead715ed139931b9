import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../platform/db/test-databases.js';
import { csrfOf } from '../../../app/test-client.js';
import { createFixedClock } from '../../../platform/infra/clock.js';
import { moveRound } from '../../rounds/feature.js';
import { createOitTestApp, type OitTestApp } from './oit-evidence.test-support.js';

/** The agency's name in the shared public header of a page. */
const headerName = (html: string) =>
  /data-public-agency="D01">([^<]*)</.exec(html)?.[1] ?? '(no header)';

// Issue 15, part 4: a published round's public OIT page (and its feeds) come from the page cache;
// a round not yet published is rendered as it stands on every request.
for (const dialect of DIALECTS) {
  describe(`public OIT pages from the page cache [${dialect}]`, () => {
    let t: OitTestApp;
    /** The published round of the demo (the year before the one collecting). */
    const published = '/public/oit/D01/2568';
    const collecting = '/public/oit/D01/2569';
    let publishedId = '';
    let publishedName = '';

    beforeAll(async () => {
      t = await createOitTestApp(dialect);
      const round = await t.ctx.db.kysely
        .selectFrom('assessment_round as r')
        .innerJoin('agency as a', 'a.id', 'r.agency_id')
        .innerJoin('edition as e', 'e.id', 'r.edition_id')
        .select(['r.id', 'r.state', 'a.name_th'])
        .where('a.code', '=', 'D01')
        .where('e.year', '=', 2568)
        .executeTakeFirstOrThrow();
      expect(round.state).toBe('published');
      publishedId = round.id;
      publishedName = round.name_th;
    }, 60_000);
    afterAll(async () => t?.close());

    const stats = () => t.app.publishedPages.stats();

    it('renders a published page once, then serves it tagged from the cache', async () => {
      const first = await t.client().get(published);
      expect(first.statusCode).toBe(200);
      expect(first.body).toContain('data-oit-item="O1"');
      const etag = String(first.headers.etag);
      expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
      expect(first.headers['cache-control']).toBe('public, max-age=300, stale-while-revalidate=60');
      const before = stats();
      const second = await t.client().get(published);
      expect(second.body).toBe(first.body);
      expect(second.headers.etag).toBe(etag);
      expect(stats().renders).toBe(before.renders);
      expect(stats().hits).toBe(before.hits + 1);
      const kept = await t.client().get(published, { 'if-none-match': etag });
      expect(kept.statusCode).toBe(304);
      expect(kept.body).toBe('');
      // a signed-in person gets the very same page: no form token, no account
      const staff = await t.signIn('agency@example.org');
      const theirs = await staff.get(published);
      expect(theirs.body).toBe(first.body);
      expect(theirs.body).not.toContain('_csrf');
      expect(theirs.body).not.toContain('agency@example.org');
      // one item's page is kept apart, with the language switch coming back to it
      const item = await t.client().get(`${published}/O1`);
      expect(item.statusCode).toBe(200);
      expect(item.headers.etag).not.toBe(etag);
      expect(item.body).toContain('/lang/en?next=%2Fpublic%2Foit%2FD01%2F2568%2FO1');
      expect(item.body).not.toContain('data-oit-item="O2"');
      expect((await t.client().get(`${published}/O99`)).statusCode).toBe(404);
    });

    it('serves the feeds of a published round from the cache too', async () => {
      const json = await t.client().get(`${published}.json`, { 'accept-encoding': 'gzip' });
      expect(json.statusCode).toBe(200);
      expect(json.headers['content-type']).toContain('application/json');
      expect(json.headers['access-control-allow-origin']).toBe('*');
      expect(json.headers['content-encoding']).toBe('gzip');
      const feed = JSON.parse(gunzipSync(json.rawPayload).toString()) as {
        agency: { code: string };
        year: number;
        items: { code: string }[];
      };
      expect(feed.agency.code).toBe('D01');
      expect(feed.year).toBe(2568);
      expect(feed.items.map((i) => i.code)).toContain('O1');
      const before = stats().renders;
      const again = await t.client().get(`${published}.json`, {
        'if-none-match': String(json.headers.etag),
      });
      expect(again.statusCode).toBe(304);
      const csv = await t.client().get(`${published}.csv`);
      expect(csv.headers['content-type']).toContain('text/csv');
      expect(csv.body).toContain('O1,');
      expect(csv.headers.etag).not.toBe(json.headers.etag);
      expect(stats().renders).toBe(before + 1);
    });

    it('renders a round not yet published on every request: an edit shows at once', async () => {
      const before = await t.client().get(collecting);
      expect(before.statusCode).toBe(200);
      expect(before.headers.etag).toBeUndefined();
      expect(before.headers['cache-control']).toBeUndefined();
      expect(before.body).toContain('data-oit-item="O1" data-oit-status="pending"');
      const api = `/api/v1/rounds/${t.roundId}/oit`;
      const agency = await t.signIn('agency@example.org');
      const head = await t.signIn('head@example.org');
      const [a, h] = [await csrfOf(agency), await csrfOf(head)];
      const body = { urls: [`${t.site}/page`], explanation: 'โครงสร้างปัจจุบัน' };
      expect((await agency.api('PUT', `${api}/O1`, body, a)).statusCode).toBe(200);
      expect((await agency.api('POST', `${api}/O1/ready`, undefined, a)).statusCode).toBe(200);
      expect((await head.api('POST', `${api}/O1/approve`, undefined, h)).statusCode).toBe(200);
      expect((await agency.api('POST', `${api}/submit`, undefined, a)).statusCode).toBe(200);
      const renders = stats().renders;
      const after = await t.client().get(collecting);
      expect(after.body).toContain('data-oit-item="O1" data-oit-status="submitted"');
      expect(after.body).toContain('โครงสร้างปัจจุบัน');
      const json = (await t.client().get(`${collecting}.json`)).json() as {
        items: { code: string; submitted: boolean }[];
      };
      expect(json.items.find((i) => i.code === 'O1')?.submitted).toBe(true);
      expect(stats().renders).toBe(renders);
    });

    it('keeps the published name through a rename, and changes the page on withdrawal', async () => {
      const admin = await t.actorOf('admin@example.org');
      const kept = await t.client().get(published);
      expect(headerName(kept.body)).toBe(publishedName);
      const renamed = `${publishedName} (ชื่อใหม่)`;
      await t.ctx.db.kysely
        .updateTable('agency')
        .set({ name_th: renamed })
        .where('code', '=', 'D01')
        .execute();
      // a page rendered after the rename (English: not kept yet) shows the name published
      const english = await t.client().get(published, { cookie: 'prongsai_lang=en' });
      expect(english.statusCode).toBe(200);
      expect(english.headers.etag).toBeDefined();
      expect(english.body).toContain(publishedName);
      expect(english.body).not.toContain('ชื่อใหม่');

      await moveRound(t.ctx, admin, publishedId, 'withdrawn', { reason: 'ตรวจพบข้อผิดพลาด' });
      // the route that moves a round does this in its own process (others recheck within 2 s)
      t.app.publishedPages.forgetSnapshots();
      const withdrawn = await t.client().get(published);
      expect(withdrawn.statusCode).toBe(200);
      expect(withdrawn.headers.etag).toBeUndefined();
      expect(headerName(withdrawn.body)).toBe(renamed);

      // a republication is later than the first publication (the test's clock stands still)
      (t.ctx.clock as ReturnType<typeof createFixedClock>).advance(86_400_000);
      for (const to of ['clarification', 'confirmed', 'published'] as const)
        await moveRound(t.ctx, admin, publishedId, to, { reason: 'แก้ไขแล้ว' });
      t.app.publishedPages.forgetSnapshots();
      const renders = stats().renders;
      const republished = await t.client().get(published, {
        'if-none-match': String(kept.headers.etag),
      });
      expect(republished.statusCode).toBe(200);
      expect(republished.headers.etag).not.toBe(kept.headers.etag);
      expect(headerName(republished.body)).toBe(renamed);
      expect(stats().renders).toBe(renders + 1);
    });
  });
}
