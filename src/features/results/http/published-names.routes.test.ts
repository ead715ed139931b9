import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../platform/db/test-databases.js';
import { createFixedClock } from '../../../platform/infra/clock.js';
import { createDemoApp, csrfOf, signedIn, type TestApp } from '../../../app/test-client.js';

const OLD_NAME = 'กรมส่งเสริมการเรียนรู้';
const NEW_NAME = 'กรมที่เปลี่ยนชื่อภายหลัง';

// Issue 12, part 7: published pages read the agency from the published snapshot, so renaming an
// agency after publication changes nothing already published (the live pages follow the rename).
for (const dialect of DIALECTS) {
  describe(`published results keep the agency's published name [${dialect}]`, () => {
    let t: TestApp;

    beforeAll(async () => {
      t = await createDemoApp(dialect, createFixedClock('2026-11-26T03:00:00.000Z'));
      const admin = await signedIn(t, 'admin@example.org');
      const agencies = (await admin.api('GET', '/api/v1/agencies')).json().agencies as {
        id: string;
        code: string;
        nameTh: string;
      }[];
      const d01 = agencies.find((a) => a.code === 'D01');
      expect(d01?.nameTh).toBe(OLD_NAME);
      const renamed = await admin.api(
        'PATCH',
        `/api/v1/agencies/${d01?.id}`,
        {
          nameTh: NEW_NAME,
          nameEn: 'Renamed Department',
        },
        await csrfOf(admin),
      );
      expect(renamed.statusCode).toBe(200);
    }, 180_000);
    afterAll(async () => t.close());

    it('shows the old name on the public results page, its JSON and its reports', async () => {
      const anonymous = t.client();
      const page = await anonymous.get('/public/D01/2568/results');
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain(OLD_NAME);
      expect(page.body).not.toContain(NEW_NAME);
      const json = (await anonymous.get('/public/D01/2568/results.json')).json();
      expect(json.agency.name).toBe(OLD_NAME);
      for (const kind of ['result', 'analysis']) {
        const report = await anonymous.get(`/public/D01/2568/${kind}.html`);
        expect(report.statusCode).toBe(200);
        expect(report.body).toContain(OLD_NAME);
        expect(report.body).not.toContain(NEW_NAME);
      }
      // answers are counted in words, as on the staff's report ('มี 6 คน', never 'Y 6 คน')
      const result = (await anonymous.get('/public/D01/2568/result.html')).body;
      expect(result).toMatch(/ไม่มี \d+ คน/);
      expect(result).not.toMatch(/\b[YN] \d+ คน/);
    });

    it('keeps the old name in the national open data', async () => {
      const anonymous = t.client();
      const json = (await anonymous.get('/public/open-data/2568.json')).json() as {
        records: Record<string, unknown>[];
      };
      const d01 = json.records.find((r) => r.agency_code === 'D01');
      expect(d01?.agency_name).toBe(OLD_NAME);
      const csv = (await anonymous.get('/public/open-data/2568.csv')).body;
      expect(csv).toContain(OLD_NAME);
      expect(csv).not.toContain(NEW_NAME);
    });

    it('shows the new name where the work is live', async () => {
      const agency = await signedIn(t, 'agency@example.org');
      const rounds = (await agency.api('GET', '/api/v1/rounds')).json().rounds as {
        agencyCode: string;
        agencyNameTh: string;
      }[];
      expect(rounds.find((r) => r.agencyCode === 'D01')?.agencyNameTh).toBe(NEW_NAME);
    });
  });
}
