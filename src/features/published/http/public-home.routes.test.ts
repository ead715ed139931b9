import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFixedClock } from '../../../platform/infra/clock.js';
import { createDemoApp, signedIn, type TestApp } from '../../../app/test-client.js';
import { isUnlogged } from '../../../platform/http/app.js';

/** The addresses inside Prongsai a page links to (no fragments). */
function linksOf(html: string): string[] {
  const found = [...html.matchAll(/href="(\/[^"]*)"/g)].map(
    (m) => (m[1] ?? '').replace(/&amp;/g, '&').split('#')[0],
  );
  return [...new Set(found.filter((u): u is string => !!u))];
}

/** The agency's rounds by year with their state, read from the database. */
async function roundsOf(t: TestApp, code: string) {
  return t.ctx.db.kysely
    .selectFrom('assessment_round as r')
    .innerJoin('agency as a', 'a.id', 'r.agency_id')
    .innerJoin('edition as e', 'e.id', 'r.edition_id')
    .select(['r.id', 'r.state', 'e.year'])
    .where('a.code', '=', code)
    .orderBy('e.year', 'desc')
    .execute();
}

for (const dialect of ['sqlite', 'postgres'] as const) {
  describe(`an agency's public home and the citizen's way back [${dialect}]`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createDemoApp(dialect, createFixedClock('2026-12-06T03:00:00.000Z'));
    }, 180_000);
    afterAll(async () => {
      await t?.close();
    });

    it('lists every agency on the public index, each to its public home', async () => {
      const index = await t.client().get('/public');
      expect(index.statusCode).toBe(200);
      expect(index.body).toContain('href="/public/D01"');
      expect(index.body).toContain('href="/public/D02"');
      expect(index.body).not.toContain('action="/logout"');
      // a citizen who lands on the sign-in page finds the way to the index
      expect((await t.client().get('/login')).body).toContain('href="/public"');
      // like every public page, the index and a home leave no log line
      expect(isUnlogged('/public')).toBe(true);
      expect(isUnlogged('/public/D01')).toBe(true);
    });

    it('shows the agency, its current OIT page, published results only, and links that all open', async () => {
      const rounds = await roundsOf(t, 'D01');
      const current = rounds[0];
      const published = rounds.filter((r) => r.state === 'published');
      expect(current).toBeDefined();
      expect(current?.state).not.toBe('published');
      expect(published.length).toBeGreaterThan(0);
      const visitor = t.client();
      const home = await visitor.get('/public/D01');
      expect(home.statusCode).toBe(200);
      // the shared header: the agency's name, its home and search, the language switch
      expect(home.body).toMatch(/data-public-agency="D01"/);
      expect(home.body).toContain('href="/public/D01/search"');
      expect(home.body).toContain('href="/lang/en?next=%2Fpublic%2FD01"');
      expect(home.body).toContain(`href="/public/oit/D01/${current?.year}"`);
      for (const r of published)
        expect(home.body).toContain(`href="/public/D01/${r.year}/results"`);
      expect(home.body).not.toContain(`/public/D01/${current?.year}/results`);
      expect(home.body).toContain('href="/public/D01/manuals"');
      expect(home.body).toContain('href="/public/D01/activities"');
      expect(home.body).toContain('นโยบายไม่รับของขวัญ');
      // every link of the home opens for a citizen (generated PDFs left to their own tests)
      for (const url of linksOf(home.body).filter((u) => !/\.(pdf|docx)$/.test(u))) {
        const answer = await t.client().get(url);
        expect(answer.statusCode, url).toBeLessThan(400);
      }
      await visitor.get('/lang/en?next=/public/D01');
      const english = await visitor.get('/public/D01');
      expect(english.body).toContain('ITA results by year');
    });

    it('drops a withdrawn year from the home at once', async () => {
      const [last] = (await roundsOf(t, 'D02')).filter((r) => r.state === 'published');
      expect(last).toBeDefined();
      const before = await t.client().get('/public/D02');
      expect(before.body).toContain(`href="/public/D02/${last?.year}/results"`);
      await t.ctx.db.kysely
        .updateTable('assessment_round')
        .set({ state: 'withdrawn' })
        .where('id', '=', last?.id ?? '')
        .execute();
      const after = await t.client().get('/public/D02');
      expect(after.body).not.toContain(`/public/D02/${last?.year}/results`);
      expect(after.body).toContain('ยังไม่มีผลการประเมินที่ประกาศแล้ว');
    });

    it('answers an unknown public address with the public pages, not the sign-in page', async () => {
      for (const url of ['/public/ZZZ', '/public/D01/nothing-here', '/public/oit/ZZZ/2569']) {
        const answer = await t.client().get(url);
        expect(answer.statusCode, url).toBe(404);
        expect(answer.body, url).toContain('href="/public"');
        expect(answer.body, url).not.toContain('href="/login"');
        expect(answer.body, url).toContain('rel="icon"');
      }
      // an unknown agency's home does not link to itself
      const unknown = await t.client().get('/public/ZZZ');
      expect(unknown.body).not.toContain('href="/public/ZZZ"');
      const missing = await t.client().get('/public/D01/nothing-here');
      expect(missing.body).toContain('href="/public/D01"');
      // a signed-out visitor's unknown address leads to the public index (and staff sign-in)
      const lost = await t.client().get('/no/such/page');
      expect(lost.statusCode).toBe(404);
      expect(lost.body).toContain('href="/public"');
      expect(lost.body).not.toContain('href="/"');
      // signed-in staff keep their own menu
      const staff = await signedIn(t, 'agency@example.org');
      const staffLost = await staff.get('/no/such/page');
      expect(staffLost.statusCode).toBe(404);
      expect(staffLost.body).toContain('action="/logout"');
    });
  });
}

describe('the public home is rate-limited like the other public pages [sqlite]', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createDemoApp('sqlite', createFixedClock('2026-12-06T03:00:00.000Z'));
  }, 180_000);
  afterAll(async () => {
    await t?.close();
  });

  it('lets a visitor read it 120 times a minute, then answers 429', async () => {
    const visitor = t.client('192.0.2.77');
    const seen: number[] = [];
    for (let i = 0; i < 121; i++) seen.push((await visitor.get('/public/D01')).statusCode);
    expect(seen.slice(0, 120).every((s) => s === 200)).toBe(true);
    expect(seen[120]).toBe(429);
  });
});
