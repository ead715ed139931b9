import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { DIALECTS } from '../../../platform/db/test-databases.js';
import { createFixedClock } from '../../../platform/infra/clock.js';
import { pdfText } from '../../../platform/infra/pdf-text.js';
import {
  createDemoApp,
  addD02User,
  d01RoundId,
  type TestApp,
  type TestClient,
  signedIn,
  csrfOf,
} from '../../../app/test-client.js';
import { step } from '../../../app/test-steps.js';

for (const dialect of DIALECTS) {
  describe(`No Gift Policy and gift register pages [${dialect}]`, () => {
    let t: TestApp;
    let admin: TestClient;
    let owner: TestClient;
    let head: TestClient;
    let d01 = '';
    let noGift = '';
    let gifts = '';

    beforeAll(async () => {
      t = await createDemoApp(dialect, createFixedClock('2026-11-26T03:00:00.000Z'));
      admin = await signedIn(t, 'agency@example.org');
      owner = await signedIn(t, 'owner@example.org');
      head = await signedIn(t, 'head@example.org');
      const agencies = (await admin.api('GET', '/api/v1/agencies')).json().agencies as {
        id: string;
        code: string;
      }[];
      d01 = agencies.find((a) => a.code === 'D01')?.id ?? '';
      noGift = `/agencies/${d01}/no-gift`;
      gifts = `/agencies/${d01}/gifts`;
    }, 180_000);
    afterAll(async () => t.close());

    /** The demo's 2569 declaration seen, and acknowledged by the item owner (app/test-steps.ts). */
    const ownerAcknowledged = step(async () => {
      const agencyPage = await admin.get(`/agencies/${d01}`);
      expect(agencyPage.body).toContain(`href="${noGift}"`);
      const seen = await head.get(noGift);
      expect(seen.statusCode).toBe(200);
      expect(seen.body).toContain('(No Gift Policy) ประจำปีงบประมาณ พ.ศ. 2569');
      expect(seen.body).toContain('คุณรับทราบประกาศนี้แล้วเมื่อ');
      const reminder = `href="${noGift}?year=2569"`;
      expect((await owner.get('/home')).body).toContain(reminder);
      expect((await head.get('/home')).body).toContain(`href="${gifts}#gift-`);
      const before = await owner.get(noGift);
      const count = /บุคลากรรับทราบแล้ว (\d+) จาก (\d+) คน/.exec(before.body);
      expect(count?.[1]).toBe('2');
      expect(before.body).toContain('<progress');
      expect(before.body).toContain('ข้าพเจ้ารับทราบประกาศนี้');
      const done = await owner.post(`${noGift}/2569/acknowledge`, {});
      expect(done.statusCode).toBe(302);
      await owner.post(`${noGift}/2569/acknowledge`, { _csrf: owner.lastCsrf });
      expect((await owner.get('/home')).body).not.toContain(reminder);
      const after = await owner.get(noGift);
      expect(/บุคลากรรับทราบแล้ว (\d+) จาก/.exec(after.body)?.[1]).toBe('3');
      expect(after.body).toContain('คุณรับทราบประกาศนี้แล้วเมื่อ 26 พ.ย. 2569');
      expect((await admin.get(noGift)).body).toContain('ข้าพเจ้ารับทราบประกาศนี้');
      const noToken = await admin.post(`${noGift}/2569/acknowledge`, { _csrf: 'wrong' });
      expect(noToken.statusCode).toBe(403);
    });

    it('shows the demo declaration, the share and lets a member acknowledge once', () =>
      ownerAcknowledged());

    it('drafts, edits, approves and publishes a declaration with the right roles', async () => {
      await admin.get(noGift);
      const bad = await admin.post(noGift, {
        fiscalYear: '2570',
        headName: '',
        headPosition: 'x',
        declaredOn: '2026-11-01',
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.body).toContain('กรุณาระบุชื่อหัวหน้าหน่วยงาน');
      const created = await admin.post(noGift, {
        fiscalYear: '2570',
        headName: 'นายสมศักดิ์ ตั้งมั่น',
        headPosition: 'อธิบดีกรมส่งเสริมการเรียนรู้',
        declaredOn: '2026-11-01',
        thresholdBaht: '',
      });
      expect(created.statusCode).toBe(302);
      expect(created.headers.location).toBe(`${noGift}?year=2570`);
      const draft = await admin.get(`${noGift}?year=2570`);
      expect(draft.body).toContain('ประกาศ ณ วันที่ 1 พฤศจิกายน พ.ศ. 2569');
      expect(draft.body).toContain('แก้ไขร่างประกาศ');
      const edited = await admin.post(`${noGift}/2570/edit`, {
        headName: 'นายสมศักดิ์ ตั้งมั่น',
        headPosition: 'อธิบดี',
        declaredOn: '2026-11-01',
        thresholdBaht: '500',
        body: 'ไม่รับของขวัญทุกชนิด',
        redraft: 'on',
      });
      expect(edited.statusCode).toBe(302);
      expect((await admin.get(`${noGift}?year=2570`)).body).toContain('ไม่เกิน 500 บาท');
      await admin.get(noGift);
      expect((await admin.post(`${noGift}/2570/approve`, {})).statusCode).toBe(403);
      await head.get(noGift);
      expect((await head.post(`${noGift}/2570/publish`, {})).statusCode).toBe(400);
      expect((await head.post(`${noGift}/2570/approve`, {})).statusCode).toBe(302);
      expect((await t.client().get('/public/D01/2570/no-gift')).statusCode).toBe(404);
      expect((await head.post(`${noGift}/2570/publish`, {})).statusCode).toBe(302);
      const pub = await t.client().get('/public/D01/2570/no-gift');
      expect(pub.statusCode).toBe(200);
      expect(pub.body).toContain('ไม่เกิน 500 บาท');
    });

    it('logs communication and refuses bad input without writing', async () => {
      await admin.get(`${noGift}?year=2569`);
      const bad = await admin.post(`${noGift}/2569/communications`, {
        communicatedOn: '2026-11-02',
        channel: '',
        audience: 'ทุกคน',
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.body).toContain('กรุณาเลือกช่องทาง');
      // typed as day/month/Buddhist-era year: the Christian era and a year too far are refused
      const ce = await admin.post(`${noGift}/2569/communications`, {
        communicatedOn: '01/09/2026',
        channel: 'email',
        audience: 'บุคลากรใหม่',
      });
      expect(ce.statusCode).toBe(400);
      expect(ce.body).toContain('ปี ค.ศ.');
      expect(ce.body).toContain('value="01/09/2026"');
      const far = await admin.post(`${noGift}/2569/communications`, {
        communicatedOn: '01/09/2559',
        channel: 'email',
        audience: 'บุคลากรใหม่',
      });
      expect(far.statusCode).toBe(400);
      expect(far.body).toContain('อยู่นอกช่วงที่รับได้');
      const ok = await admin.post(`${noGift}/2569/communications`, {
        communicatedOn: '01/09/2569',
        channel: 'email',
        audience: 'บุคลากรใหม่',
        reachedCount: '12',
      });
      expect(ok.statusCode).toBe(302);
      const page = await admin.get(`${noGift}?year=2569`);
      expect(page.body.match(/<td>บุคลากรใหม่<\/td>/g)).toHaveLength(1);
      await owner.get(noGift);
      expect(
        (
          await owner.post(`${noGift}/2569/communications`, {
            communicatedOn: '2026-09-01',
            channel: 'email',
            audience: 'x',
          })
        ).statusCode,
      ).toBe(403);
    });

    it('takes a gift report above the threshold and shows it flagged to the head only', async () => {
      await owner.get(gifts);
      const bad = await owner.post(gifts, {
        giftOn: '2026-11-20',
        giverType: 'business',
        description: 'x',
        valueBaht: 'มาก',
        disposition: 'received',
        handling: 'kept',
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.body).toContain('มูลค่าโดยประมาณเป็นตัวเลข');
      const made = await owner.post(gifts, {
        giftOn: '2026-11-20',
        giverType: 'business',
        giverName: 'บริษัททดสอบ',
        description: 'กระเป๋าหนังแบรนด์เนม',
        valueBaht: '12,500',
        disposition: 'received',
        handling: 'handed_over',
      });
      expect(made.statusCode).toBe(302);
      const mine = await owner.get(String(made.headers.location));
      expect(mine.body).toContain('กระเป๋าหนังแบรนด์เนม');
      expect(mine.body).toContain('เกินเกณฑ์ · รอวินิจฉัย');
      expect(mine.body).not.toContain('นาฬิกาข้อมือ');
      const viewer = await signedIn(t, 'viewer@example.org');
      expect((await viewer.get(`${gifts}?year=2570`)).body).not.toContain('กระเป๋าหนังแบรนด์เนม');
      const headPage = await head.get(gifts);
      const flagged = /<li id="gift-([^"]+)" data-flagged="true"><strong>กระเป๋าหนังแบรนด์เนม/.exec(
        headPage.body,
      );
      expect(flagged).not.toBeNull();
      expect(headPage.body).toContain('นาฬิกาข้อมือ');
      expect(headPage.body).toContain('ผลการวินิจฉัยของหัวหน้าหน่วยงาน');
      expect((await admin.get(gifts)).body).not.toContain('ผลการวินิจฉัยของหัวหน้าหน่วยงาน');
      const giftId = flagged?.[1] ?? '';
      await head.get(gifts);
      expect((await head.post(`${gifts}/${giftId}/decision`, { note: 'x' })).statusCode).toBe(400);
      const decided = await head.post(`${gifts}/${giftId}/decision`, {
        decision: 'return_to_giver',
        note: 'ส่งคืนแล้ว',
      });
      expect(decided.statusCode).toBe(302);
      const afterwards = await head.get(`${gifts}?year=2570`);
      expect(afterwards.body).toContain('ให้ส่งคืนผู้ให้โดยทันที · ส่งคืนแล้ว');
      expect(afterwards.body).not.toContain(`id="gift-${giftId}"`);
    });

    it('shows the yearly report, prints it, and publishes only published years', async () => {
      const page = await admin.get(`${gifts}?year=2569`);
      expect(page.body).toContain(
        'รายงานผลการรับทรัพย์สินหรือประโยชน์อื่นใดโดยธรรมจรรยา ประจำปีงบประมาณ พ.ศ. 2569',
      );
      // the years link back to the first with a gift (2569), not to one before it
      expect(page.body).toContain('gifts?year=2570');
      expect(page.body).not.toContain('gifts?year=2568');
      const html = await admin.get(`${gifts}/report/2569.html`);
      expect(html.statusCode).toBe(200);
      expect(html.body).toContain('มูลค่ารวมโดยประมาณ (บาท)');
      expect(html.body).toContain('11,700');
      expect((await owner.get(`${gifts}/report/2569.html`)).statusCode).toBe(403);
      const docx = await admin.get(`${gifts}/report/2569.docx`);
      expect(docx.statusCode).toBe(200);
      const zip = await JSZip.loadAsync(docx.rawPayload);
      const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
      expect(xml).toContain('จำแนกตามประเภทผู้ให้');
      const pub = await t.client().get('/public/D01/2569/gifts');
      expect(pub.statusCode).toBe(200);
      expect(pub.body).toContain('11,700');
      expect(pub.body).not.toContain('owner@example.org');
      expect(pub.body).not.toContain('ผู้รับผิดชอบข้อ OIT');
      expect((await t.client().get('/public/D01/2570/gifts')).statusCode).toBe(404);
      expect((await t.client().get('/public/D01/25x9/gifts')).statusCode).toBe(404);
    });

    it('prints the declaration as PDF and DOCX, signed in and in public', async () => {
      const docx = await owner.get(`${noGift}/declaration/2569.docx`);
      expect(docx.statusCode).toBe(200);
      const zip = await JSZip.loadAsync(docx.rawPayload);
      const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
      expect(xml).toContain('นายสมศักดิ์ ตั้งมั่น');
      const pdf = await t.client().get('/public/D01/2569/no-gift.pdf');
      expect(pdf.statusCode).toBe(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      const text = (await pdfText(pdf.rawPayload)).replace(/\s+/g, '');
      expect(text).toContain('ประกาศณวันที่1ตุลาคมพ.ศ.2568');
      expect((await t.client().get('/public/D01/2571/no-gift.pdf')).statusCode).toBe(404);
      const report = await t.client().get('/public/D01/2569/gifts.pdf');
      expect(report.statusCode).toBe(200);
      const reportText = (await pdfText(report.rawPayload)).replace(/\s+/g, '');
      expect(reportText).toContain('จำแนกรายเดือน');
      expect(reportText).toContain('11,700');
    }, 60_000);

    it('serves the JSON API with CSRF for changes', async () => {
      await ownerAcknowledged();
      const api = `/api/v1${gifts}`;
      const body = {
        giftOn: '2026-11-25',
        giverType: 'government',
        description: 'ของที่ระลึกจากหน่วยงานอื่น',
        valueBaht: 300,
        disposition: 'received',
        handling: 'kept',
      };
      expect((await owner.api('POST', api, body)).statusCode).toBe(403);
      const made = await owner.api('POST', api, body, await csrfOf(owner));
      expect(made.statusCode).toBe(201);
      expect(made.json().gift.flagged).toBe(false);
      expect(made.json().gift.fiscalYear).toBe(2570);
      const bad = await owner.api('POST', api, { ...body, valueBaht: -1 }, await csrfOf(owner));
      expect(bad.statusCode).toBe(400);
      const mine = (await owner.api('GET', `${api}?year=2570`)).json();
      expect(mine.seesAll).toBe(false);
      expect(mine.report).toBeNull();
      expect(mine.gifts.map((g: { description: string }) => g.description)).toContain(
        'ของที่ระลึกจากหน่วยงานอื่น',
      );
      const all = (await head.api('GET', `${api}?year=2569`)).json();
      expect(all.report.total).toEqual({ count: 3, valueBaht: 11_700 });
      const noGiftApi = (await owner.api('GET', `/api/v1${noGift}?year=2569`)).json();
      expect(noGiftApi.declaration.status).toBe('published');
      expect(noGiftApi.share.acknowledged).toBeGreaterThanOrEqual(3);
    });

    it('speaks English on request', async () => {
      const en = await signedIn(t, 'viewer@example.org');
      await en.get('/lang/en?next=/home');
      const page = await en.get(`${noGift}?year=2569`);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('<html lang="en"');
      expect(page.body).toContain('You acknowledged this declaration on');
      expect(page.body).toMatch(/\d+ of \d+ staff have acknowledged/);
      const register = await en.get(`${gifts}?year=2569`);
      expect(register.body).toContain('Report a gift offered, received or refused');
      expect(register.body).toContain('Gifts worth more than 3,000 baht');
      const pub = await en.get('/public/D01/2569/gifts');
      expect(pub.body).toContain('Gift register report, fiscal year 2569');
    });

    it('hides the registers from another agency and puts the documents on OIT O20', async () => {
      const user = { email: 'd02-integrity@example.org', displayName: 'ผู้ดูแล D02' };
      await addD02User(t, { ...user, role: 'agency_admin' });
      const outsider = await signedIn(t, 'd02-integrity@example.org');
      expect((await outsider.get(noGift)).statusCode).toBe(404);
      expect((await outsider.get(gifts)).statusCode).toBe(404);
      expect((await outsider.get(`${noGift}/declaration/2569.html`)).statusCode).toBe(404);
      await outsider.get('/');
      expect((await outsider.post(`${noGift}/2569/acknowledge`, {})).statusCode).toBe(404);

      const roundId = await d01RoundId(admin, 'ita-2569', 'collecting');
      const item = await admin.get(`/rounds/${roundId}/oit/O20`);
      expect(item.statusCode).toBe(200);
      for (const source of ['no_gift_declaration', 'no_gift_communication', 'gift_report'])
        expect(item.body).toContain(`data-document-source="${source}"`);
      expect(item.body).toContain('href="/public/D01/2569/no-gift"');
      expect(item.body).toContain('href="/public/D01/2569/gifts"');
    });
  });
}
