import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFixedClock } from '../infra/clock.js';
import { createDemoApp, signedIn, type TestApp } from '../../app/test-client.js';

/** The icon a page's head links, or null. */
function iconOf(html: string): string | null {
  const head = /<head>([\s\S]*?)<\/head>/.exec(html)?.[1] ?? '';
  const link = /<link rel="icon" href="([^"]+)"/.exec(head);
  return link?.[1] ?? null;
}

/**
 * Every layout links an icon that exists: the staff, public, survey, poster and print pages
 * (a page without one makes the browser ask for /favicon.ico and log an error).
 */
for (const dialect of ['sqlite', 'postgres'] as const) {
  describe(`every page links an icon that answers 200 [${dialect}]`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createDemoApp(dialect, createFixedClock('2026-12-06T03:00:00.000Z'));
    }, 180_000);
    afterAll(async () => {
      await t?.close();
    });

    it('on staff, public, survey, poster, print and error pages', async () => {
      const db = t.ctx.db.kysely;
      const rounds = await db
        .selectFrom('assessment_round as r')
        .innerJoin('agency as a', 'a.id', 'r.agency_id')
        .innerJoin('edition as e', 'e.id', 'r.edition_id')
        .select(['r.id', 'r.state', 'e.year'])
        .where('a.code', '=', 'D01')
        .orderBy('e.year', 'desc')
        .execute();
      const current = rounds[0];
      const published = rounds.find((r) => r.state === 'published');
      const link = await db
        .selectFrom('survey_link')
        .select('code')
        .where('round_id', '=', current?.id ?? '')
        .where('instrument', '=', 'EIT')
        .executeTakeFirst();
      expect(current && published && link).toBeTruthy();
      const citizen = t.client();
      const staff = await signedIn(t, 'agency@example.org');
      const pages: [typeof citizen, string][] = [
        [citizen, '/login'],
        [citizen, '/public'],
        [citizen, '/public/D01'],
        [citizen, '/public/D01/search?q=คู่มือ'],
        [citizen, `/public/oit/D01/${current?.year}`],
        [citizen, `/public/D01/${published?.year}/results`],
        [citizen, `/public/D01/${published?.year}/analysis.html`],
        [citizen, '/public/D01/activities'],
        [citizen, '/public/D01/manuals'],
        [citizen, `/s/${link?.code}`],
        [citizen, '/public/no/such/page'],
        [citizen, '/no/such/page'],
        [staff, '/home'],
        [staff, `/rounds/${current?.id}/surveys/EIT/poster`],
      ];
      const icons = new Set<string>();
      for (const [client, url] of pages) {
        const page = await client.get(url);
        expect(page.headers['content-type'], url).toContain('text/html');
        const icon = iconOf(page.body);
        expect(icon, url).not.toBeNull();
        icons.add(icon ?? '');
      }
      for (const icon of icons) {
        const answer = await citizen.get(icon);
        expect(answer.statusCode, icon).toBe(200);
        expect(answer.headers['content-type'], icon).toContain('image/svg+xml');
      }
    });
  });
}
