import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findAgencyByCode } from '../../agencies/feature.js';
import { DIALECTS } from '../../../platform/db/test-databases.js';
import {
  createDemoApp,
  signedIn,
  type TestApp,
  type TestClient,
} from '../../../app/test-client.js';

const ranked = (html: string) => [...html.matchAll(/data-ranked="([^"]+)"/g)].map((x) => x[1]);
const levelCounts = (html: string) =>
  [...html.matchAll(/data-level-count="[^"]+">(\d+)</g)].map((x) => Number(x[1]));

for (const dialect of DIALECTS) {
  describe(`roll-up and history pages [${dialect}]`, () => {
    let t: TestApp;
    let ministry: TestClient;
    const idOf = async (code: string) => {
      const found = await findAgencyByCode(t.ctx.db.kysely, code);
      if (!found) throw new Error(`no agency ${code}`);
      return found.id;
    };

    beforeAll(async () => {
      t = await createDemoApp(dialect);
      ministry = await signedIn(t, 'ministry@example.org');
    });
    afterAll(async () => {
      await t.close();
    });

    it('shows the ministry admin 13 ranked agencies with a level distribution and a chart', async () => {
      const m00 = await idOf('M00');
      const page = await ministry.get(`/agencies/${m00}/rollup?year=2568`);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('<svg');
      expect(ranked(page.body)).toHaveLength(13);
      expect(levelCounts(page.body).reduce((s, n) => s + n, 0)).toBe(13);
      expect(page.body).toContain('data-weakest');
      const api = await ministry.api('GET', `/api/v1/agencies/${m00}/rollup?year=2568`);
      expect(api.statusCode).toBe(200);
      const body = api.json();
      expect(body.ranking).toHaveLength(13);
      expect(body.weakest).toHaveLength(3);
      expect(body.ranking.map((u: { code: string }) => u.code)).toEqual(ranked(page.body));
    });

    it('narrows the list by kind of agency', async () => {
      const m00 = await idOf('M00');
      const page = await ministry.get(`/agencies/${m00}/rollup?year=2568&type=department`);
      expect(page.statusCode).toBe(200);
      expect(ranked(page.body).sort()).toEqual(['D01', 'D02', 'D03']);
      expect(page.body).toContain(`/agencies/${m00}/rollup.xlsx?year=2568&amp;type=department`);
      expect(levelCounts(page.body).reduce((s, n) => s + n, 0)).toBe(3);
      const api = await ministry.api(
        'GET',
        `/api/v1/agencies/${m00}/rollup?year=2568&type=province`,
      );
      expect(
        api
          .json()
          .ranking.map((u: { code: string }) => u.code)
          .sort(),
      ).toEqual(['P01', 'P02']);
    });

    it('answers 404 to an agency admin for the ministry and shows their own history', async () => {
      const agency = await signedIn(t, 'agency@example.org');
      const m00 = await idOf('M00');
      expect((await agency.get(`/agencies/${m00}/rollup?year=2568`)).statusCode).toBe(404);
      expect((await agency.api('GET', `/api/v1/agencies/${m00}/rollup`)).statusCode).toBe(404);
      const d01 = await idOf('D01');
      const history = await agency.get(`/agencies/${d01}/history`);
      expect(history.statusCode).toBe(200);
      expect(history.body).toContain('data-year="2568"');
      const api = await agency.api('GET', `/api/v1/agencies/${d01}/history`);
      const y2568 = api.json().years.find((y: { editionYear: number }) => y.editionYear === 2568);
      expect(y2568.hasResult).toBe(true);
      expect((await agency.get(`/agencies/${await idOf('D02')}/history`)).statusCode).toBe(404);
    });
  });
}
