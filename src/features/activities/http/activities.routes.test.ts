import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../platform/db/test-databases.js';
import { createFixedClock } from '../../../platform/infra/clock.js';
import { pdfText } from '../../../platform/infra/pdf-text.js';
import { DEMO_PASSWORD } from '../../../app/demo.js';
import {
  csrfOf,
  createDemoApp,
  type TestApp,
  type TestClient,
  signedIn,
} from '../../../app/test-client.js';

const NEW_ACTIVITY = {
  title: 'ถอดบทเรียนการจัดทำคู่มือการปฏิบัติงาน',
  // typed as people type it: day/month/Buddhist-era year
  heldOn: '12/03/2569',
  place: 'ห้องประชุม 2',
  objectives: 'เพื่อแลกเปลี่ยนวิธีเขียนคู่มือ',
  method: 'การประชุมกลุ่มย่อย',
  keyKnowledge: 'ขั้นตอนต้องมีระยะเวลากำกับ',
  bestPractices: 'ทบทวนคู่มือทุกปี',
  attended: '30',
  invited: '40',
  q0_text: 'ภาพรวม',
  q0_1: '',
  q0_2: '',
  q0_3: '1',
  q0_4: '2',
  q0_5: '1',
};

for (const dialect of DIALECTS) {
  describe(`activity (KM) pages and reports [${dialect}]`, () => {
    let t: TestApp;
    let agency: TestClient;
    let d01: string;
    let d02: string;
    let demoUrl: string;

    beforeAll(async () => {
      t = await createDemoApp(dialect, createFixedClock('2026-11-26T03:00:00.000Z'));
      agency = await signedIn(t, 'agency@example.org');
      const admin = await signedIn(t, 'admin@example.org');
      const agencies = (await admin.api('GET', '/api/v1/agencies')).json().agencies as {
        id: string;
        code: string;
      }[];
      d01 = agencies.find((a) => a.code === 'D01')?.id ?? '';
      d02 = agencies.find((a) => a.code === 'D02')?.id ?? '';
      const list = await agency.get(`/agencies/${d01}/activities`);
      demoUrl = /href="(\/agencies\/[^"]+\/activities\/[^"]+)"/.exec(list.body)?.[1] ?? '';
    }, 180_000);
    afterAll(async () => t.close());

    it('links from the agency page and lists the demo activity with its satisfaction', async () => {
      const page = await agency.get(`/agencies/${d01}`);
      expect(page.body).toContain(`/agencies/${d01}/activities`);
      const list = await agency.get(`/agencies/${d01}/activities`);
      expect(list.statusCode).toBe(200);
      expect(list.body).toContain('88.60%');
      expect(list.body).toContain('29 มกราคม พ.ศ. 2569');
      expect(demoUrl).not.toBe('');
    });

    it('records a new activity, refusing bad input with a Thai message first', async () => {
      const base = `/agencies/${d01}/activities`;
      await agency.get(base);
      const bad = await agency.post(base, { ...NEW_ACTIVITY, title: '', q0_2: '-3' });
      expect(bad.statusCode).toBe(400);
      expect(bad.body).toContain('กรุณาระบุชื่อกิจกรรม');
      const tooMany = await agency.post(base, { ...NEW_ACTIVITY, attended: '50' });
      expect(tooMany.statusCode).toBe(400);
      expect(tooMany.body).toContain('ผู้เข้าร่วมต้องไม่มากกว่าผู้ได้รับเชิญ');
      // the Christian-era year, and a year too far from today (26 Nov 2569), kept on the form
      const ce = await agency.post(base, { ...NEW_ACTIVITY, heldOn: '12/03/2026' });
      expect(ce.statusCode).toBe(400);
      expect(ce.body).toContain('ปี ค.ศ.');
      expect(ce.body).toContain('value="12/03/2026"');
      const far = await agency.post(base, { ...NEW_ACTIVITY, heldOn: '12/03/2550' });
      expect(far.statusCode).toBe(400);
      expect(far.body).toContain('อยู่นอกช่วงที่รับได้');
      const created = await agency.post(base, NEW_ACTIVITY);
      expect(created.statusCode).toBe(302);
      const url = String(created.headers.location);
      const page = await agency.get(url);
      expect(page.body).toContain('12 มีนาคม พ.ศ. 2569');
      // the edit form shows the stored day back as it is typed
      expect(page.body).toContain('value="12/03/2569"');
      // (3 + 8 + 5) / 4 = 4 → 80.00
      expect(page.body).toContain('ร้อยละ 80.00');
      const report = await agency.get(`${url}/report.html`);
      expect(report.body).toContain('จำนวน 30 คน จากผู้ได้รับเชิญ 40 คน (ร้อยละ 75.00)');
      await agency.get(url);
      const edited = await agency.post(url, { ...NEW_ACTIVITY, q0_5: '5' });
      expect(edited.statusCode).toBe(302);
      // (3 + 8 + 25) / 8 = 4.5 → 90.00
      expect((await agency.get(url)).body).toContain('ร้อยละ 90.00');
      const removed = await agency.post(`${url}/delete`, {});
      expect(removed.statusCode).toBe(302);
      expect((await agency.get(`/agencies/${d01}/activities`)).body).not.toContain(url);
      expect((await agency.get(url)).statusCode).toBe(404);
    });

    it('prints the report like the seed as HTML (with chart), DOCX and PDF', async () => {
      const html = await agency.get(`${demoUrl}/report.html`);
      expect(html.statusCode).toBe(200);
      expect(html.body).toContain('สรุปผลการดำเนินงานกิจกรรม');
      expect(html.body).toContain('วัตถุประสงค์');
      expect(html.body).toContain('แนวปฏิบัติที่ดีในการปฏิบัติงาน');
      expect(html.body).toContain('จำนวน 69 คน');
      expect(html.body).toContain('ความพึงพอใจคิดเป็นร้อยละ 88.60');
      expect(html.body).toContain('<svg');
      const docx = await agency.get(`${demoUrl}/report.docx`);
      expect(docx.statusCode).toBe(200);
      const zip = await JSZip.loadAsync(docx.rawPayload);
      const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
      expect(xml).toContain('ความพึงพอใจคิดเป็นร้อยละ 88.60');
      expect(xml).toContain('สาระสำคัญของความรู้');
      const pdf = await agency.get(`${demoUrl}/report.pdf`);
      expect(pdf.statusCode).toBe(200);
      const text = (await pdfText(pdf.rawPayload)).replace(/\s+/g, '');
      expect(text).toContain('88.60');
      expect(text).toContain('สรุปผลการดำเนินงานกิจกรรม');
    }, 60_000);

    it('shows a published activity to anyone and hides it once unpublished', async () => {
      const anonymous = t.client();
      const id = demoUrl.split('/').at(-1) ?? '';
      const url = `/public/D01/activities/${id}`;
      const shown = await anonymous.get(url);
      expect(shown.statusCode).toBe(200);
      expect(shown.body).toContain('ความพึงพอใจคิดเป็นร้อยละ 88.60');
      expect((await anonymous.get(`/public/D02/activities/${id}`)).statusCode).toBe(404);
      const index = await anonymous.get('/public/D01/activities');
      expect(index.statusCode).toBe(200);
      expect(index.body).toContain(url);
      expect(index.body).toContain('ความพึงพอใจร้อยละ 88.60');
      expect((await anonymous.get('/public/NOPE/activities')).statusCode).toBe(404);
      await agency.get(demoUrl);
      expect((await agency.post(`${demoUrl}/publish`, { published: '0' })).statusCode).toBe(302);
      expect((await anonymous.get(url)).statusCode).toBe(404);
      expect((await anonymous.get('/public/D01/activities')).body).not.toContain(url);
      await agency.get(demoUrl);
      await agency.post(`${demoUrl}/publish`, { published: '1' });
      expect((await anonymous.get(url)).statusCode).toBe(200);
    });

    it('lets a viewer read but not change, and hides it from another agency', async () => {
      const viewer = await signedIn(t, 'viewer@example.org');
      const page = await viewer.get(demoUrl);
      expect(page.statusCode).toBe(200);
      expect(page.body).not.toContain('แก้ไขกิจกรรม');
      await viewer.get(`/agencies/${d01}/activities`);
      expect((await viewer.post(demoUrl, NEW_ACTIVITY)).statusCode).toBe(403);
      const admin = await signedIn(t, 'admin@example.org');
      const csrf = await csrfOf(admin);
      const body = {
        email: 'd02-km@example.org',
        displayName: 'ผู้ดูแล D02',
        password: DEMO_PASSWORD,
        agencyId: d02,
        role: 'agency_admin',
      };
      expect((await admin.api('POST', '/api/v1/users', body, csrf)).statusCode).toBe(201);
      const outsider = await signedIn(t, 'd02-km@example.org');
      expect((await outsider.get(demoUrl)).statusCode).toBe(404);
      expect((await outsider.get(`${demoUrl}/report.pdf`)).statusCode).toBe(404);
      expect((await outsider.get(`/agencies/${d01}/activities`)).statusCode).toBe(404);
      const wrongAgency = demoUrl.replace(d01, d02);
      expect((await outsider.get(wrongAgency)).statusCode).toBe(404);
    });
  });
}
