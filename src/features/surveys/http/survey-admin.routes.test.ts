import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../platform/db/test-databases.js';
import {
  csrfOf,
  createDemoApp,
  d01RoundId,
  addD02User,
  type TestApp,
  type TestClient,
  signedIn,
} from '../../../app/test-client.js';
import { step } from '../../../app/test-steps.js';

const LINK = /http:\/\/localhost(:\d+)?\/s\/([A-Z0-9]{6})/;
const SLIP_CODE = /<p class="slip-code">([A-Z0-9]{5}-[A-Z0-9]{5})<\/p>/g;

for (const dialect of DIALECTS) {
  describe(`survey cockpit pages and API [${dialect}]`, () => {
    let t: TestApp;
    let agency: TestClient;
    let base: string;

    beforeAll(async () => {
      t = await createDemoApp(dialect);
      await addD02User(t, {
        email: 'd02-viewer@example.org',
        displayName: 'ผู้ดูข้อมูล D02',
        role: 'viewer',
      });
      agency = await signedIn(t, 'agency@example.org');
      base = `/rounds/${await d01RoundId(agency, 'ita-2569', 'collecting')}/surveys`;
    });
    afterAll(async () => t.close());

    /** The first batch of IIT codes (5 slips), issued once per app (app/test-steps.ts). */
    const fiveCodesIssued = step(async () => {
      const form = await agency.get(`${base}/IIT/codes`);
      expect(form.body).toContain('รหัสจะแสดงเพียงครั้งเดียว');
      expect((await agency.post(`${base}/IIT/codes`, { count: '0' })).statusCode).toBe(400);
      const slips = await agency.post(`${base}/IIT/codes`, { count: '5' });
      expect(slips.statusCode).toBe(200);
      expect(slips.headers['cache-control']).toBe('no-store');
      const codes = [...slips.body.matchAll(SLIP_CODE)].map((match) => match[1]);
      expect(new Set(codes).size).toBe(5);
      expect(slips.body.match(/class="slip"/g)?.length).toBe(5);
      expect(slips.body.match(/<svg /g)?.length).toBe(5);
      expect(slips.body).toContain('แสดงเพียงครั้งนี้ครั้งเดียว');
      expect((await agency.get(base)).body).toContain('ออกแล้ว 5 ใช้แล้ว 0');
    });

    it('shows each public link with its QR code, kiosk link and minimum sample', async () => {
      const page = await agency.get(base);
      expect(page.statusCode).toBe(200);
      expect(page.body).toMatch(LINK);
      expect(page.body.match(/<svg /g)?.length).toBe(2);
      expect(page.body).toContain('?kiosk=1');
      expect(page.body).toContain('แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน');
      // D01 has 2,350 eligible staff: 10 % → 235 (A7)
      expect(page.body).toMatch(/\/ 235 คน/);
      expect(page.body).toContain(`${base}/IIT/poster`);
      expect(page.body).toMatch(/(คะแนนขณะนี้|ยังไม่แสดงคะแนน|ยังไม่มีผู้ตอบ)/);
    });

    it('saves the settings of a link and shows the closing date in the Buddhist era', async () => {
      await agency.get(base);
      const bad = await agency.post(`${base}/IIT/settings`, { closesOn: '2026-02-30' });
      expect(bad.statusCode).toBe(400);
      expect(bad.body).toContain('ไม่มีวันที่นี้ในปฏิทิน');
      const saved = await agency.post(`${base}/IIT/settings`, {
        requiresCode: '1',
        closesOn: '2026-06-30',
      });
      expect(saved.statusCode).toBe(302);
      const page = await agency.get(String(saved.headers.location));
      expect(page.body).toContain('บันทึกการตั้งค่าแล้ว');
      expect(page.body).toContain('30 มิ.ย. 2569');
      expect(page.body).toContain('ยังไม่ได้ออกรหัส');
    });

    it('issues 5 single-use codes as printable slips with QR codes, once', () => fiveCodesIssued());

    it('renders a printable poster with the QR code and the confidentiality promise', async () => {
      const poster = await agency.get(`${base}/EIT/poster`);
      expect(poster.statusCode).toBe(200);
      expect(poster.body).toContain('<svg ');
      expect(poster.body).toContain('กรมส่งเสริมการเรียนรู้');
      expect(poster.body).toContain('แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายนอก');
      expect(poster.body).toContain('คำตอบของท่านเป็นความลับ');
      expect(poster.body).toMatch(LINK);
      expect((await agency.get(`${base}/OIT/poster`)).statusCode).toBe(404);
    });

    it('serves the cockpit and issues codes through the JSON API (CSRF header required)', async () => {
      await fiveCodesIssued();
      const api = `/api/v1${base}`;
      const cockpit = (await agency.api('GET', api)).json();
      expect(cockpit.instruments.map((i: { code: string }) => i.code)).toEqual(['IIT', 'EIT']);
      const iit = cockpit.instruments[0];
      expect(iit).toMatchObject({ eligible: 2350, minimumSample: 235, codes: { issued: 5 } });
      expect(iit.link.url).toMatch(LINK);
      for (const i of cockpit.instruments)
        expect((i.live.scores === null) !== (i.live.suppressed === null) || i.responses === 0).toBe(
          true,
        );
      expect((await agency.api('POST', `${api}/IIT/codes`, { count: 3 })).statusCode).toBe(403);
      const csrf = await csrfOf(agency);
      const issued = await agency.api('POST', `${api}/IIT/codes`, { count: 3 }, csrf);
      expect(issued.statusCode).toBe(200);
      expect(issued.json().codes).toHaveLength(3);
      expect(issued.json().batch).toBe(2);
      const settings = { requiresCode: false, closesOn: '2026-07-15' };
      const changed = await agency.api('POST', `${api}/EIT/settings`, settings, csrf);
      expect(changed.json().link).toMatchObject(settings);
      const wrong = { requiresCode: false, closesOn: '15/07/2569' };
      expect((await agency.api('POST', `${api}/EIT/settings`, wrong, csrf)).statusCode).toBe(400);
    });

    it('lets a viewer of the agency see the cockpit but not manage it', async () => {
      const viewer = await signedIn(t, 'viewer@example.org');
      const page = await viewer.get(base);
      expect(page.statusCode).toBe(200);
      expect(page.body).not.toContain('name="requiresCode"');
      expect((await viewer.get(`${base}/IIT/codes`)).statusCode).toBe(403);
      expect((await viewer.get(`${base}/IIT/poster`)).statusCode).toBe(200);
    });

    it('answers 404 to a viewer of another agency', async () => {
      const outsider = await signedIn(t, 'd02-viewer@example.org');
      for (const url of [base, `${base}/IIT/poster`, `${base}/IIT/codes`, `/api/v1${base}`])
        expect([url, (await outsider.get(url)).statusCode]).toEqual([url, 404]);
    });
  });
}
