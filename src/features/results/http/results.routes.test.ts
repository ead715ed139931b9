import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findScoreSnapshot, listRounds, type Round } from '../../rounds/feature.js';
import { DIALECTS } from '../../../platform/db/test-databases.js';
import {
  createDemoApp,
  signedIn,
  type TestApp,
  type TestClient,
} from '../../../app/test-client.js';

const totalOf = (html: string) => /data-total[^>]*>([^<]+)</.exec(html)?.[1];
const simulatedOf = (html: string) => /data-simulated-total[^>]*><strong>([^<]+)</.exec(html)?.[1];

for (const dialect of DIALECTS) {
  describe(`round results pages [${dialect}]`, () => {
    let t: TestApp;
    let ministry: TestClient;
    let rounds: Round[];
    const round = (year: number, agency: string) => {
      const found = rounds.find((r) => r.editionYear === year && r.agencyCode === agency);
      if (!found) throw new Error(`no ${year} round of ${agency}`);
      return found;
    };

    beforeAll(async () => {
      t = await createDemoApp(dialect);
      rounds = await listRounds(t.ctx.db.kysely, null);
      ministry = await signedIn(t, 'ministry@example.org');
    });
    afterAll(async () => {
      await t.close();
    });

    it('shows a published round with its stored total and level, a chart and the explanation', async () => {
      const r = round(2568, 'D01');
      const snapshot = await findScoreSnapshot(t.ctx.db.kysely, r.id);
      const page = await ministry.get(`/rounds/${r.id}/results`);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('<svg');
      expect(page.body).toContain('การปฏิบัติหน้าที่');
      expect(page.body).toContain('<details>');
      expect(page.body).toContain(`รุ่น ${snapshot?.engineVersion}`);
      expect(totalOf(page.body)).toBe(snapshot?.total?.toFixed(2));
      const api = await ministry.api('GET', `/api/v1/rounds/${r.id}/results`);
      expect(api.statusCode).toBe(200);
      const body = api.json();
      expect(body.source).toBe('snapshot');
      expect(body.result.total).toBe(snapshot?.total);
      expect(body.result.level.code).toBe(snapshot?.levelCode);
      expect(/data-level[^>]*>([^<]+)</.exec(page.body)?.[1]).toBe(body.result.level.name.th);
    });

    it('simulates a what-if from the form without JavaScript', async () => {
      const r = round(2568, 'D01');
      const api = (await ministry.api('GET', `/api/v1/rounds/${r.id}/results`)).json();
      const weakest = api.weaknesses.indicators[0];
      const page = await ministry.get(
        `/rounds/${r.id}/results?i.${encodeURIComponent(weakest.code)}=100`,
      );
      expect(page.statusCode).toBe(200);
      const before = Number(totalOf(page.body));
      const after = Number(simulatedOf(page.body));
      expect(after).toBeGreaterThan(before);
      expect(after).toBeCloseTo(weakest.totalIfFixed, 2);
      expect(page.body).toContain(`name="i.${weakest.code}"`);
      const passing = await ministry.api(
        'GET',
        `/api/v1/rounds/${r.id}/results?change=${encodeURIComponent(`${weakest.code}=100`)}`,
      );
      expect(passing.json().whatIf.total).toBe(weakest.totalIfFixed);
    });

    it('explains the level: the rules from the edition and the gap to the next level', async () => {
      const r = round(2568, 'D01');
      const page = await ministry.get(`/rounds/${r.id}/results`);
      const body = (await ministry.api('GET', `/api/v1/rounds/${r.id}/results`)).json();
      // the rules are the edition's (ita-2568: five_level), worded from its numbers
      expect(body.levelExplanation.rules[0]).toMatchObject({
        code: 'excellent',
        minTotal: 95,
        minEachInstrument: 95,
      });
      expect(page.body).toContain('เกณฑ์การจัดระดับของปีการประเมินนี้');
      expect(page.body).toContain('ผ่านดีเยี่ยม: คะแนนรวมอย่างน้อย 95.00 และ ทุกเครื่องมืออย่างน้อย 95.00');
      const next = body.levelExplanation.next;
      if (next) expect(page.body).toContain(`จะได้ระดับ${next.name.th} เมื่อ`);
      else expect(page.body).toContain('เป็นระดับสูงสุดของเกณฑ์แล้ว');
    });

    it('says in the what-if why a simulated total above 95 stays ผ่านดี', async () => {
      const r = round(2568, 'D01');
      // every indicator at 100 but OIT's indicator 10 at 80: OIT stays below 95
      const indicators = ['1', '2', '3', '4', '5', '6', '7', '8', '9'];
      const query = [...indicators.map((c) => `i.${c}=100`), 'i.10=80'].join('&');
      const api = (await ministry.api('GET', `/api/v1/rounds/${r.id}/results?${query}`)).json();
      expect(api.whatIf.total).toBeGreaterThanOrEqual(95);
      expect(api.whatIf.level.code).toBe('good');
      expect(
        api.whatIf.levelExplanation.heldBack.instruments.map((i: { code: string }) => i.code),
      ).toEqual(['OIT']);
      const page = await ministry.get(`/rounds/${r.id}/results?${query}`);
      const output = page.body.slice(page.body.indexOf('id="what-if-output"'));
      expect(output).toContain(
        `ผลสมมติ: คะแนนรวม ${api.whatIf.total.toFixed(2)} ถึงเกณฑ์คะแนนรวมของระดับผ่านดีเยี่ยมแล้ว แต่ได้ระดับผ่านดี เพราะ OIT`,
      );
      expect(output).toContain('จะได้ระดับผ่านดีเยี่ยม เมื่อ OIT เพิ่มอีก');
      expect(page.body).not.toContain('What-if');
    });

    it('writes answer tallies in words, on the page and in the result report (issue 13)', async () => {
      const r = round(2568, 'D01');
      const page = await ministry.get(`/rounds/${r.id}/results`);
      const report = await ministry.get(`/rounds/${r.id}/reports/result.html`);
      for (const body of [page.body, report.body]) {
        expect(body).not.toMatch(/[A-Z0-9]×\d/);
        expect(body).toMatch(/ไม่มี \d+ คน/);
        expect(body).toMatch(/มากที่สุด \d+ คน/);
      }
      // the edition by its year in the printed report, never its code
      expect(report.body).toContain('เกณฑ์ปี 2568');
      expect(report.body).not.toMatch(/ita-25\d\d/);
    });

    it('answers 404 to a user of another agency', async () => {
      const agency = await signedIn(t, 'agency@example.org');
      const other = round(2568, 'D02');
      expect((await agency.get(`/rounds/${other.id}/results`)).statusCode).toBe(404);
      expect((await agency.api('GET', `/api/v1/rounds/${other.id}/results`)).statusCode).toBe(404);
      const own = await agency.get(`/rounds/${round(2568, 'D01').id}/results`);
      expect(own.statusCode).toBe(200);
    });
  });
}
