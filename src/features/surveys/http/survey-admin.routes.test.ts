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
import { bangkokDay, beDay, longDate, shortDay } from '../../../core/thai-calendar.js';

const LINK = /http:\/\/localhost(:\d+)?\/s\/([A-Z0-9]{6})/;
const SLIP_CODE = /<p class="slip-code">([A-Z0-9]{5}-[A-Z0-9]{5})<\/p>/g;

/** The day `days` days from today in Bangkok (YYYY-MM-DD); the demo app runs on the real clock. */
const dayFromToday = (days: number) => bangkokDay(new Date(Date.now() + days * 86_400_000));

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
      const bad = await agency.post(`${base}/IIT/settings`, { closesOn: '31/02/2569' });
      expect(bad.statusCode).toBe(400);
      expect(bad.body).toContain('31/02/2569');
      expect(bad.body).toContain('ในปฏิทิน');
      const closes = dayFromToday(30);
      const saved = await agency.post(`${base}/IIT/settings`, {
        requiresCode: '1',
        closesOn: beDay(closes),
      });
      expect(saved.statusCode).toBe(302);
      const page = await agency.get(String(saved.headers.location));
      expect(page.body).toContain('บันทึกการตั้งค่าแล้ว');
      expect(page.body).toContain(shortDay('th', closes));
      expect(page.body).toContain('ยังไม่ได้ออกรหัส');
    });

    it('takes the closing date as day/month/Buddhist-era year, shown back the same way (issue 13)', async () => {
      await agency.get(base);
      const closes = dayFromToday(45);
      const typed = beDay(closes);
      expect(typed).toMatch(/^\d{2}\/\d{2}\/25\d{2}$/);
      const saved = await agency.post(`${base}/IIT/settings`, { closesOn: typed });
      expect(saved.statusCode).toBe(302);
      const page = await agency.get(base);
      expect(page.body).toContain(`name="closesOn"`);
      expect(page.body).toContain(`value="${typed}"`);
      expect(page.body).toContain('inputmode="numeric"');
      expect(page.body).toContain('วัน/เดือน/ปี พ.ศ. เช่น 30/06/2569');
      expect(page.body).not.toContain('type="date"');
      // D01 has 2,350 staff: no projection of hundreds of thousands of respondents
      expect(page.body).not.toMatch(/\d{3},\d{3} คน/);
      // the printed poster writes the closing day in full
      const poster = await agency.get(`${base}/IIT/poster`);
      expect(poster.body).toContain(`ตอบได้ถึงวันที่ ${longDate('th', closes)}`);
    });

    it('refuses a closing year far from today, or one in the Christian era, saying what was typed', async () => {
      await agency.get(base);
      // 2569 typed into a Christian-era date picker was saved as the year 3112 (Buddhist era)
      // and the cockpit projected 350,628 respondents for a staff of 2,350
      const far = await agency.post(`${base}/IIT/settings`, { closesOn: '30/06/3112' });
      expect(far.statusCode).toBe(400);
      expect(far.body).toContain('30/06/3112');
      expect(far.body).toContain('ตรวจปี พ.ศ. อีกครั้ง');
      expect(far.body).toContain('value="30/06/3112"');
      const nextDecade = beDay(dayFromToday(366 * 7));
      const tooLate = await agency.post(`${base}/IIT/settings`, { closesOn: nextDecade });
      expect(tooLate.statusCode).toBe(400);
      expect(tooLate.body).toContain('อยู่นอกช่วงที่รับได้');
      const ce = await agency.post(`${base}/IIT/settings`, { closesOn: '30/06/2026' });
      expect(ce.statusCode).toBe(400);
      expect(ce.body).toContain('ปี ค.ศ.');
      const csrf = await csrfOf(agency);
      const api = `/api/v1${base}/IIT/settings`;
      const sent = { requiresCode: false, closesOn: '2150-06-30' };
      const refused = await agency.api('POST', api, sent, csrf);
      expect(refused.statusCode).toBe(400);
      expect(refused.body).toContain('2150');
    });

    it('asks before a closing date in the past closes the survey now', async () => {
      await agency.get(base);
      const past = dayFromToday(-3);
      const asked = await agency.post(`${base}/IIT/settings`, { closesOn: beDay(past) });
      expect(asked.statusCode).toBe(200);
      expect(asked.body).toContain('ปิดรับคำตอบทันที');
      expect(asked.body).toContain('name="confirm" value="1"');
      expect(asked.body).toContain(`value="${beDay(past)}"`);
      expect(asked.body).not.toContain('บันทึกการตั้งค่าแล้ว');
      const before = (await agency.api('GET', `/api/v1${base}`)).json();
      expect(before.instruments[0].link.closesOn).not.toBe(past);
      const confirmed = await agency.post(`${base}/IIT/settings`, {
        closesOn: beDay(past),
        confirm: '1',
      });
      expect(confirmed.statusCode).toBe(302);
      const after = (await agency.api('GET', `/api/v1${base}`)).json();
      expect(after.instruments[0].link.closesOn).toBe(past);
      // open again for the tests that follow
      const reopened = await agency.post(`${base}/IIT/settings`, { closesOn: '' });
      expect(reopened.statusCode).toBe(302);
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
