import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../platform/db/test-databases.js';
import { createFixedClock } from '../../../platform/infra/clock.js';
import { pdfText } from '../../../platform/infra/pdf-text.js';
import {
  createDemoApp,
  d01RoundId,
  agencyIdOf,
  createOutsider,
  type TestApp,
  type TestClient,
  signedIn,
} from '../../../app/test-client.js';

/** The links of the manuals listed on a page, by title. */
function manualLinks(body: string, base: string): Map<string, string> {
  const links = new Map<string, string>();
  const pattern = new RegExp(`<a href="(${base}/[0-9a-f-]{36})">([^<]+)</a>`, 'g');
  for (const match of body.matchAll(pattern)) links.set(match[2] ?? '', match[1] ?? '');
  return links;
}

for (const dialect of DIALECTS) {
  describe(`manual pages [${dialect}]`, () => {
    let t: TestApp;
    let owner: TestClient;
    let head: TestClient;
    let d01: string;

    beforeAll(async () => {
      t = await createDemoApp(dialect, createFixedClock('2026-11-26T03:00:00.000Z'));
      owner = await signedIn(t, 'owner@example.org');
      head = await signedIn(t, 'head@example.org');
      d01 = (await agencyIdOf(await signedIn(t, 'admin@example.org'), 'D01')) ?? '';
    }, 180_000);
    afterAll(async () => t.close());

    it('shows the demo manuals publicly, in Thai, with steps, time limits and "ไม่มี"', async () => {
      const anonymous = t.client();
      const list = await anonymous.get('/public/D01/manuals');
      expect(list.statusCode).toBe(200);
      expect(list.body).toContain('<html lang="th">');
      expect(list.body).toContain('คู่มือการให้บริการ');
      expect(list.body).toContain('2569');
      const links = manualLinks(list.body, '/public/D01/manuals');
      const library = links.get('การขอใช้ห้องสมุดและยืมสื่อการเรียนรู้');
      expect(links.size).toBe(3);
      const page = await anonymous.get(String(library));
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('<table class="manual-steps">');
      expect(page.body).toContain('ยื่นคำขอที่เคาน์เตอร์หรือผ่านระบบออนไลน์');
      expect(page.body).toContain('10 นาที');
      expect(page.body).toContain('<dd data-fee="true">ไม่มี</dd>');
      expect(page.body).toContain('<dd data-documents="true">ไม่มี</dd>');
      expect(page.body).toMatch(/25 นาที/);
    });

    it('prints a published manual as DOCX and PDF with its steps', async () => {
      const anonymous = t.client();
      const list = await anonymous.get('/public/D01/manuals');
      const url = manualLinks(list.body, '/public/D01/manuals').get('การขอหนังสือรับรองการผ่านการอบรม');
      const docx = await anonymous.get(`${url}.docx`);
      expect(docx.statusCode).toBe(200);
      const zip = await JSZip.loadAsync(docx.rawPayload);
      const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
      expect(xml).toContain('การขอหนังสือรับรองการผ่านการอบรม');
      expect(xml).toContain('50 บาทต่อฉบับ');
      expect(xml).toContain('2 วันทำการ');
      const pdf = await anonymous.get(`${url}.pdf`);
      expect(pdf.statusCode).toBe(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      const text = await pdfText(pdf.rawPayload);
      expect(text).toContain('ลงนามและส่งมอบหนังสือรับรอง');
      expect(text).toContain('ระยะเวลาดำเนินการรวม: 3 วันทำการ 1 ชั่วโมง');
    }, 60_000);

    it('finds a Thai word inside a title on the public search page', async () => {
      const anonymous = t.client();
      const found = await anonymous.get(`/public/D01/search?q=${encodeURIComponent('สมุด')}`);
      expect(found.statusCode).toBe(200);
      expect(found.body).toContain('การขอใช้ห้องสมุดและยืมสื่อการเรียนรู้');
      expect(found.body).not.toContain('คู่มือการจัดซื้อสื่อการเรียนรู้</a>');
      const inText = await anonymous.get(`/public/D01/search?q=${encodeURIComponent('พัสดุ')}`);
      expect(inText.body).toContain('คู่มือการจัดซื้อสื่อการเรียนรู้');
      const none = await anonymous.get(`/public/D02/search?q=${encodeURIComponent('สมุด')}`);
      expect(none.body).toContain('ไม่พบเอกสารที่ตรงกับคำค้น');
    });

    it('lets the owner write a manual without JavaScript and the head publish it', async () => {
      const base = `/agencies/${d01}/manuals`;
      expect((await owner.get(base)).body).toContain('เริ่มคู่มือใหม่');
      const created = await owner.post(base, {
        kind: 'service',
        title: 'การขอใบอนุญาตใช้สถานที่',
        fiscalYear: '2569',
      });
      expect(created.statusCode).toBe(302);
      const url = String(created.headers.location);
      const blank = await owner.get(url);
      expect(blank.body).toContain('name="step_description_0"');
      const step = (i: number, d: string, amount: string, unit: string) => ({
        [`step_description_${i}`]: d,
        [`step_responsible_${i}`]: 'งานอาคาร',
        [`step_amount_${i}`]: amount,
        [`step_unit_${i}`]: unit,
      });
      const fields = {
        title: 'การขอใบอนุญาตใช้สถานที่',
        fiscalYear: '2569',
        channels: '',
        feeText: '',
        documents: '',
      };
      const bad = await owner.post(url, {
        ...fields,
        ...step(0, 'ยื่นคำขอ', '', ''),
        action: 'save',
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.body).toContain('ขั้นตอนที่ 1: กรุณาระบุระยะเวลา');
      const saved = await owner.post(url, {
        ...fields,
        ...step(0, 'ยื่นคำขอ', '30', 'minutes'),
        ...step(1, 'พิจารณาอนุญาต', '3', 'working_days'),
        ...step(2, 'ขั้นตอนที่จะลบ', '1', 'days'),
        action: 'remove:2',
      });
      expect(saved.statusCode).toBe(302);
      const page = await owner.get(url);
      expect(page.body).toContain('พิจารณาอนุญาต');
      expect(page.body).not.toContain('ขั้นตอนที่จะลบ');
      expect(page.body).toMatch(/data-element="O9.4" data-met="false"/);
      expect(page.body).toMatch(/data-element="O9.2" data-met="true"/);
      // the owner may not publish; the head may once fee, documents and channel are stated
      const refused = await owner.post(`${url}/publish`, { publish: '1' });
      expect(refused.statusCode).toBe(403);
      await head.get(url);
      const early = await head.post(`${url}/publish`, { publish: '1' });
      expect(early.statusCode).toBe(400);
      expect(early.body).toContain('สถานที่หรือช่องทางให้บริการ');
      await owner.get(url);
      await owner.post(url, {
        ...fields,
        channels: 'อาคารสำนักงาน ชั้น 2',
        feeText: 'ไม่มี',
        documents: 'ไม่มี',
        ...step(0, 'ยื่นคำขอ', '30', 'minutes'),
        ...step(1, 'พิจารณาอนุญาต', '3', 'working_days'),
        action: 'save',
      });
      await head.get(url);
      expect((await head.post(`${url}/publish`, { publish: '1' })).statusCode).toBe(302);
      const publicList = await t.client().get('/public/D01/manuals');
      expect(publicList.body).toContain('การขอใบอนุญาตใช้สถานที่');
      const html = await owner.get(`${url}/document.html`);
      expect(html.statusCode).toBe(200);
      expect(html.body).toContain('พิจารณาอนุญาต');
      // a formal document: printed today (26 Nov 2569), the month written in full
      expect(html.body).toContain('26 พฤศจิกายน พ.ศ. 2569');
      expect(html.body).not.toContain('26 พ.ย. 2569');
    });

    it('records service cases and shows the time taken against the standard', async () => {
      const list = await owner.get(`/agencies/${d01}/manuals`);
      const url = manualLinks(list.body, `/agencies/${d01}/manuals`).get(
        'การขอหนังสือรับรองการผ่านการอบรม',
      );
      const page = await owner.get(String(url));
      expect(page.body).toContain('data-share-within="true">2 (67%)');
      const bad = await owner.post(`${url}/cases`, {
        receivedOn: '2026-11-10',
        completedOn: '2026-11-01',
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.body).toContain('วันที่เสร็จต้องไม่ก่อนวันที่รับเรื่อง');
      // 30 February does not exist (it was stored before), nor a year typed in the Christian era
      const noDay = await owner.post(`${url}/cases`, { receivedOn: '30/02/2569' });
      expect(noDay.statusCode).toBe(400);
      expect(noDay.body).toContain('ไม่มีวันที่');
      const ce = await owner.post(`${url}/cases`, { receivedOn: '16/11/2026' });
      expect(ce.statusCode).toBe(400);
      expect(ce.body).toContain('ปี ค.ศ.');
      expect(page.body).toMatch(/<input[^>]*id="receivedOn"[^>]*inputmode="numeric"/);
      const added = await owner.post(`${url}/cases`, {
        receivedOn: '16/11/2569',
        completedOn: '17/11/2569',
      });
      expect(added.statusCode).toBe(302);
      expect((await owner.get(String(url))).body).toContain('data-share-within="true">3 (75%)');
    });

    it('keeps drafts and other agencies out of reach', async () => {
      const outsider = await createOutsider(t);
      const list = await owner.get(`/agencies/${d01}/manuals`);
      const [, url] = [...manualLinks(list.body, `/agencies/${d01}/manuals`)][0] ?? [];
      expect((await outsider.get(String(url))).statusCode).toBe(404);
      expect((await outsider.get(`/agencies/${d01}/manuals`)).statusCode).toBe(404);
      expect((await outsider.get(`/agencies/${d01}/published`)).statusCode).toBe(404);
      const draft = await owner.post(`/agencies/${d01}/manuals`, {
        kind: 'work',
        title: 'ร่างคู่มือที่ยังไม่เผยแพร่',
        fiscalYear: '2569',
      });
      const id = String(draft.headers.location).split('/').pop();
      expect((await t.client().get(`/public/D01/manuals/${id}`)).statusCode).toBe(404);
      expect((await t.client().get('/public/D01/manuals')).body).not.toContain('ร่างคู่มือที่ยังไม่เผยแพร่');
    });

    it('offers the published manuals on the OIT items O8 and O9 of the round', async () => {
      const roundId = await d01RoundId(owner, 'ita-2569');
      const o9 = await owner.get(`/rounds/${roundId}/oit/O9`);
      expect(o9.statusCode).toBe(200);
      expect(o9.body).toContain('data-document-source="service_manuals"');
      expect(o9.body).toContain('href="/public/D01/manuals/service"');
      expect(o9.body).not.toContain('data-document-source="work_manuals"');
      const o8 = await owner.get(`/rounds/${roundId}/oit/O8`);
      expect(o8.body).toContain('href="/public/D01/manuals/work"');
      const kindPage = await t.client().get('/public/D01/manuals/work');
      expect(kindPage.statusCode).toBe(200);
      expect(kindPage.body).toContain('คู่มือการจัดซื้อสื่อการเรียนรู้');
      expect(kindPage.body).not.toContain('การขอใช้ห้องสมุดและยืมสื่อการเรียนรู้');
    });

    it('lists every published page with its Buddhist-era update date and currency', async () => {
      const page = await owner.get(`/agencies/${d01}/published`);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('href="/public/D01/manuals/service"');
      expect(page.body).toContain('href="/public/oit/D01/2569"');
      expect(page.body).toContain('พ.ย. 2569');
      expect(page.body).toContain('data-stale="false"');
    });
  });
}
