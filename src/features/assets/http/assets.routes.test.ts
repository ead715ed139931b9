import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../platform/db/test-databases.js';
import { createFixedClock } from '../../../platform/infra/clock.js';
import { pdfText } from '../../../platform/infra/pdf-text.js';
import { DEMO_PASSWORD } from '../../../app/demo.js';
import {
  createDemoApp,
  d01RoundId,
  type TestApp,
  type TestClient,
  signedIn,
  csrfOf,
} from '../../../app/test-client.js';

/** The id of an asset row's link on the register page. */
function assetLink(body: string, number: string): string {
  const escaped = number.replace(/[/.]/g, (c) => `\\${c}`);
  const found = new RegExp(`href="(/agencies/[^"]+/assets/[^"]+)">${escaped}<`).exec(body);
  if (!found?.[1]) throw new Error(`no link for ${number}`);
  return found[1];
}

for (const dialect of DIALECTS) {
  describe(`asset loan pages [${dialect}]`, () => {
    let t: TestApp;
    let admin: TestClient;
    let staff: TestClient;
    let base: string;
    let d01: string;
    let roundId: string;

    beforeAll(async () => {
      t = await createDemoApp(dialect, createFixedClock('2026-11-26T03:00:00.000Z'));
      admin = await signedIn(t, 'agency@example.org');
      staff = await signedIn(t, 'owner@example.org');
      const agencies = (await admin.api('GET', '/api/v1/agencies')).json().agencies as {
        id: string;
        code: string;
      }[];
      d01 = agencies.find((a) => a.code === 'D01')?.id ?? '';
      base = `/agencies/${d01}`;
      roundId = await d01RoundId(admin, 'ita-2569', 'collecting');
    }, 180_000);
    afterAll(async () => t.close());

    it('lists the demo register, searches it and links it from the agency page', async () => {
      expect((await admin.get(base)).body).toContain(`${base}/assets`);
      const page = await admin.get(`${base}/assets`);
      expect(page.statusCode).toBe(200);
      expect(page.body.match(/\/assets\/[0-9a-f-]{36}"/g)).toHaveLength(8);
      const cars = await admin.get(`${base}/assets?kind=${encodeURIComponent('ครุภัณฑ์ยานพาหนะ')}`);
      expect(cars.body.match(/\/assets\/[0-9a-f-]{36}"/g)).toHaveLength(2);
      const found = await admin.get(`${base}/assets?q=${encodeURIComponent('โน้ตบุ๊ก')}`);
      expect(found.body.match(/\/assets\/[0-9a-f-]{36}"/g)).toHaveLength(2);
      expect(found.body).toContain('ถูกยืมอยู่');
    });

    it('adds an asset and refuses a missing name or a number already used', async () => {
      await admin.get(`${base}/assets`);
      const bad = await admin.post(`${base}/assets`, {
        assetNumber: '7440-001-0001/67',
        name: '',
        category: 'x',
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.body).toContain('กรุณาระบุชื่อทรัพย์สิน');
      const taken = await admin.post(`${base}/assets`, {
        assetNumber: '7440-001-0001/67',
        name: 'ซ้ำ',
        category: 'ครุภัณฑ์สำนักงาน',
      });
      expect(taken.statusCode).toBe(400);
      expect(taken.body).toContain('มีในทะเบียนแล้ว');
      const screen = {
        assetNumber: '7730-001-0001/69',
        name: 'จอแสดงผลขนาดใหญ่',
        category: 'ครุภัณฑ์สำนักงาน',
      };
      // a day typed as day/month/Buddhist-era year; a later year than this one is refused
      const future = await admin.post(`${base}/assets`, { ...screen, acquiredOn: '15/01/2571' });
      expect(future.statusCode).toBe(400);
      expect(future.body).toContain('อยู่นอกช่วงที่รับได้');
      expect(future.body).toContain('value="15/01/2571"');
      const added = await admin.post(`${base}/assets`, { ...screen, acquiredOn: '15/01/2569' });
      expect(added.statusCode).toBe(302);
      const detail = await admin.get(String(added.headers.location));
      expect(detail.body).toContain('เพิ่มทรัพย์สินในทะเบียนแล้ว');
      expect(detail.body).toContain('15 ม.ค. 2569');
      const asset = String(added.headers.location).split('?')[0] ?? '';
      await staff.get(asset); // a fresh form token: the refusal below is about the role
      expect((await staff.post(`${asset}/retire`, {})).statusCode).toBe(403);
      const retired = await admin.post(`${asset}/retire`, {});
      expect(retired.statusCode).toBe(302);
      const after = await admin.get(String(retired.headers.location));
      expect(after.body).toContain('จำหน่ายแล้ว/เลิกใช้');
      expect(after.body).not.toContain('ขอยืมทรัพย์สินนี้');
    });

    it('imports a register: row errors first, nothing stored, then all rows on confirm', async () => {
      const page = await admin.get(`${base}/assets/import`);
      expect(page.statusCode).toBe(200);
      const bad = 'asset_number,name,category\nA-1,เก้าอี้,สำนักงาน\nA-1,โต๊ะ,สำนักงาน\n';
      const checked = await admin.post(`${base}/assets/import`, { csv: bad, mode: 'import' });
      expect(checked.statusCode).toBe(400);
      expect(checked.body).toContain('ซ้ำกับบรรทัดที่ 2');
      expect((await admin.get(`${base}/assets?q=A-1`)).body).toContain('ไม่พบทรัพย์สิน');
      const good = 'asset_number,name,category\nA-1,เก้าอี้,สำนักงาน\nA-2,โต๊ะ,สำนักงาน\n';
      const dry = await admin.post(`${base}/assets/import`, { csv: good, mode: 'preview' });
      expect(dry.statusCode).toBe(200);
      expect(dry.body).toContain('ยืนยันเพิ่มทรัพย์สิน 2 รายการ');
      const done = await admin.post(`${base}/assets/import`, { csv: good, mode: 'import' });
      expect(done.statusCode).toBe(302);
      expect(String(done.headers.location)).toContain('created=2');
      expect((await staff.get(`${base}/assets/import`)).statusCode).toBe(403);
    });

    it('checks an uploaded XLSX workbook and turns it into the CSV that is confirmed', async () => {
      const page = await admin.get(`${base}/assets/import`);
      const book = new ExcelJS.Workbook();
      const sheet = book.addWorksheet('ทะเบียน');
      sheet.addRow(['asset_number', 'name', 'category', 'acquired_on']);
      sheet.addRow(['X-1', 'เครื่องพิมพ์', 'ครุภัณฑ์คอมพิวเตอร์', new Date(Date.UTC(2024, 4, 5))]);
      const file = Buffer.from(await book.xlsx.writeBuffer());
      const boundary = '----prongsai-test';
      const part = (name: string, value: string) =>
        `--${boundary}\r\ncontent-disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
      const payload = Buffer.concat([
        Buffer.from(part('_csrf', admin.lastCsrf) + part('mode', 'preview')),
        Buffer.from(
          `--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="assets.xlsx"\r\n` +
            'content-type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n',
        ),
        file,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      expect(page.statusCode).toBe(200);
      const checked = await t.app.inject({
        method: 'POST',
        url: `${base}/assets/import`,
        payload,
        headers: {
          // the test client keeps its cookies to itself; its session is what a browser would send
          cookie: (admin as unknown as { cookieHeader: () => string }).cookieHeader(),
          'content-type': `multipart/form-data; boundary=${boundary}`,
        },
      });
      expect(checked.statusCode).toBe(200);
      expect(checked.body).toContain('ยืนยันเพิ่มทรัพย์สิน 1 รายการ');
      expect(checked.body).toContain('X-1,เครื่องพิมพ์,ครุภัณฑ์คอมพิวเตอร์,,,2024-05-05');
    });

    it('takes a loan request, refuses an overlap and refuses personal use with the reason', async () => {
      const register = await staff.get(`${base}/assets`);
      const projector = assetLink(register.body, '7440-001-0001/67');
      const detail = await staff.get(projector);
      expect(detail.body).toContain('ขอยืมทรัพย์สินนี้');
      const form = {
        purposeCategory: 'meeting_training',
        purpose: 'ประชุมคณะทำงาน ITA',
        fromOn: '27/11/2569',
        toOn: '28/11/2569',
      };
      expect(detail.body).toMatch(/<input[^>]*id="fromOn"[^>]*inputmode="numeric"/);
      // the first day offered is today (26 Nov 2569), shown as it is typed
      expect(detail.body).toContain('value="26/11/2569"');
      const christian = await staff.post(`${projector}/loans`, { ...form, toOn: '28/11/2026' });
      expect(christian.statusCode).toBe(400);
      expect(christian.body).toContain('ปี ค.ศ.');
      const sent = await staff.post(`${projector}/loans`, form);
      expect(sent.statusCode).toBe(302);
      expect((await staff.get(String(sent.headers.location))).body).toContain('รอผู้มีอำนาจอนุมัติ');
      const clash = await staff.post(`${projector}/loans`, {
        ...form,
        fromOn: '2026-11-28',
        toOn: '2026-11-29',
      });
      expect(clash.statusCode).toBe(400);
      expect(clash.body).toContain('มีผู้ขอยืมช่วงวันที่');
      expect(clash.body).toMatch(/มีผู้ขอยืมช่วงวันที่ \d{1,2} \S+ พ\.ศ\. 25\d\d/);
      const past = await staff.post(`${projector}/loans`, { ...form, fromOn: '2026-11-01' });
      expect(past.statusCode).toBe(400);
      expect(past.body).toContain('วันเริ่มยืมต้องไม่ก่อนวันนี้');
      const personal = await staff.post(`${projector}/loans`, {
        ...form,
        purposeCategory: 'personal',
        fromOn: '2026-12-10',
        toOn: '2026-12-10',
      });
      expect(personal.statusCode).toBe(302);
      const after = await staff.get(String(personal.headers.location));
      expect(after.body).toContain('ไม่ได้รับอนุมัติ');
      expect(after.body).toContain('ข้อ 207');
    });

    it('shows the overdue demo loan to its borrower and lets the admin approve, hand over and take back', async () => {
      const mine = await staff.get(`${base}/loans`);
      expect(mine.body).toContain('เลยกำหนดคืนทรัพย์สิน: 7440-002-0001/68');
      const board = await admin.get(`${base}/loans`);
      expect(board.body).toContain('ทรัพย์สินเลยกำหนดคืน ต้องติดตาม');
      const waiting = /action="([^"]+\/loans\/[0-9a-f-]+)\/approve"/.exec(board.body)?.[1] ?? '';
      expect(waiting).not.toBe('');
      expect((await staff.post(`${waiting}/approve`, {})).statusCode).toBe(403);
      expect((await admin.post(`${waiting}/hand-over`, {})).statusCode).toBe(400);
      await admin.get(`${base}/loans`);
      expect((await admin.post(`${waiting}/approve`, {})).statusCode).toBe(302);
      expect((await admin.post(`${waiting}/hand-over`, {})).statusCode).toBe(302);
      const noCondition = await admin.post(`${waiting}/return`, { condition: '' });
      expect(noCondition.statusCode).toBe(400);
      expect(noCondition.body).toContain('กรุณาบันทึกสภาพทรัพย์สิน');
      const back = await admin.post(`${waiting}/return`, { condition: 'สภาพปกติ' });
      expect(back.statusCode).toBe(302);
      const closed = await admin.get(String(back.headers.location));
      expect(closed.body).toContain('บันทึกการรับคืนแล้ว');
      expect(closed.body).toContain('สภาพปกติ');
    });

    it('drafts and publishes the guideline; the public page needs no sign-in', async () => {
      const page = await admin.get(`${base}/assets/guideline`);
      expect(page.body).toContain('เผยแพร่แล้วเมื่อ');
      const viewer = await signedIn(t, 'viewer@example.org');
      await viewer.get(`${base}/assets/guideline`);
      const refused = await viewer.post(`${base}/assets/guideline`, {
        text: 'x'.repeat(40),
        publish: '1',
      });
      expect(refused.statusCode).toBe(403);
      await admin.get(`${base}/assets/guideline`);
      const tooShort = await admin.post(`${base}/assets/guideline`, { text: 'สั้น', publish: '1' });
      expect(tooShort.statusCode).toBe(400);
      const text = 'แนวปฏิบัติการยืมทรัพย์สินของราชการ กรมทดสอบ\n1. ยืมเพื่อราชการเท่านั้น ห้ามใช้ส่วนตัว';
      expect(
        (await admin.post(`${base}/assets/guideline`, { text, publish: '0' })).statusCode,
      ).toBe(302);
      const anonymous = t.client();
      expect((await anonymous.get('/public/D01/assets/guideline')).body).not.toContain('กรมทดสอบ');
      expect(
        (await admin.post(`${base}/assets/guideline`, { text, publish: '1' })).statusCode,
      ).toBe(302);
      const published = await anonymous.get('/public/D01/assets/guideline');
      expect(published.statusCode).toBe(200);
      expect(published.body).toContain('ยืมเพื่อราชการเท่านั้น');
      expect((await anonymous.get('/public/D02/assets/guideline')).statusCode).toBe(404);
    });

    it('prints the yearly report, and the public one without borrower names', async () => {
      const html = await admin.get(`${base}/assets/report?year=2570`);
      expect(html.statusCode).toBe(200);
      expect(html.body).toContain('รายงานการยืมทรัพย์สินของราชการ ประจำปีงบประมาณ พ.ศ. 2570');
      expect(html.body).toContain('ครุภัณฑ์คอมพิวเตอร์');
      // no link to a year before the first loan (the demo's loans begin in fiscal 2570)
      expect(html.body).not.toContain('assets/report?year=2569');
      const pub = await t.client().get('/public/D01/2570/assets/report');
      expect(pub.statusCode).toBe(200);
      expect(pub.body).toContain('ขอใช้ส่วนตัว');
      expect(pub.body).not.toContain('ผู้รับผิดชอบข้อ OIT');
      expect((await t.client().get('/public/D01/2580/assets/report')).statusCode).toBe(404);
      const docx = await t.client().get('/public/D01/2570/assets/report.docx');
      expect(docx.statusCode).toBe(200);
      const xml =
        (await (
          await JSZip.loadAsync(docx.rawPayload)
        )
          .file('word/document.xml')
          ?.async('string')) ?? '';
      expect(xml).toContain('รายงานการยืมทรัพย์สินของราชการ');
      if (dialect === 'sqlite') {
        const pdf = await admin.get(`${base}/assets/report.pdf?year=2570`);
        expect(pdf.statusCode).toBe(200);
        expect(pdf.headers['content-type']).toBe('application/pdf');
        expect((await pdfText(pdf.rawPayload)).replace(/\s+/g, ' ')).toContain('2570');
      }
    }, 60_000);

    it('lists the guideline and the report on OIT item O15 of the round', async () => {
      const item = await admin.get(`/rounds/${roundId}/oit/O15`);
      expect(item.statusCode).toBe(200);
      expect(item.body).toContain('href="/public/D01/assets/guideline"');
      expect(item.body).toContain('href="/public/D01/2569/assets/report"');
    });

    it('hides every asset page of D01 from another agency', async () => {
      const admin0 = await signedIn(t, 'admin@example.org');
      const agencies = (await admin0.api('GET', '/api/v1/agencies')).json().agencies as {
        id: string;
        code: string;
      }[];
      const body = {
        email: `d02-assets-${dialect}@example.org`,
        displayName: 'ผู้ดูแล D02',
        password: DEMO_PASSWORD,
        agencyId: agencies.find((a) => a.code === 'D02')?.id,
        role: 'agency_admin',
      };
      expect(
        (await admin0.api('POST', '/api/v1/users', body, await csrfOf(admin0))).statusCode,
      ).toBe(201);
      const outsider = await signedIn(t, body.email);
      const projector = assetLink((await admin.get(`${base}/assets`)).body, '7440-001-0001/67');
      for (const path of [
        `${base}/assets`,
        `${base}/loans`,
        projector,
        `${base}/assets/guideline`,
        `${base}/assets/report`,
      ])
        expect((await outsider.get(path)).statusCode).toBe(404);
      await outsider.get('/');
      const posted = await outsider.post(`${projector}/loans`, {
        purposeCategory: 'official_duty',
        purpose: 'x',
        fromOn: '2026-12-20',
        toOn: '2026-12-21',
      });
      expect(posted.statusCode).toBe(404);
    });
  });
}
