import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../platform/db/test-databases.js';
import { createFixedClock } from '../../../platform/infra/clock.js';
import { pdfText } from '../../../platform/infra/pdf-text.js';
import {
  createDemoApp,
  addD02User,
  d01RoundId,
  signedIn,
  type TestApp,
  type TestClient,
} from '../../../app/test-client.js';
import { postUpload } from '../../oit-evidence/http/oit-evidence.test-support.js';
import { step } from '../../../app/test-steps.js';

const PDF = Buffer.from('%PDF-1.4\n% คำสั่งแต่งตั้งคณะทำงาน\n');
const LAST_YEAR_DONE = 'ปรับปรุงเว็บไซต์หลักให้ข้อมูลเป็นปัจจุบันและสืบค้นง่าย';

async function documentXml(bytes: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  return (await zip.file('word/document.xml')?.async('string')) ?? '';
}

for (const dialect of DIALECTS) {
  describe(`measures evidence, reports, publication and hand-off [${dialect}]`, () => {
    let t: TestApp;
    let filesDir: string;
    let agency: TestClient;
    let base: string;
    let measureUrl: string;

    const signIn = (email: string) => signedIn(t, email);

    beforeAll(async () => {
      filesDir = await mkdtemp(join(tmpdir(), 'prongsai-measure-routes-'));
      t = await createDemoApp(dialect, createFixedClock('2026-11-26T03:00:00.000Z'), {
        FILES_DIR: filesDir,
        OIT_MAX_UPLOAD_MB: 1,
      });
      agency = await signIn('agency@example.org');
      const roundId = await d01RoundId(agency, 'ita-2569', 'collecting');
      base = `/rounds/${roundId}/measures`;
      await agency.get(base);
      const created = await agency.post(base, {
        targetType: 'indicator',
        targetCode: '9',
        title: 'จัดทำคู่มือการเปิดเผยข้อมูลสาธารณะ',
        dueOn: '2027-03-31',
      });
      measureUrl = String(created.headers.location);
      await agency.get(measureUrl);
      await agency.post(`${measureUrl}/progress`, { note: 'ร่างคู่มือเสร็จแล้ว', percent: '60' });
    }, 180_000);
    afterAll(async () => {
      await t.close();
      await rm(filesDir, { recursive: true, force: true });
    });

    /** The measure's evidence file uploaded through the form, once per app (app/test-steps.ts). */
    const evidenceUploaded = step(async () => {
      const page = await agency.get(measureUrl);
      expect(page.body).toContain('enctype="multipart/form-data"');
      const wrong = await postUpload(
        agency,
        `${measureUrl}/files`,
        {},
        {
          name: 'virus.pdf',
          bytes: Buffer.from('MZ this is not a pdf'),
        },
      );
      expect(wrong.statusCode).toBe(415);
      expect(wrong.body).toContain('ไฟล์นี้ยังไม่ได้บันทึก');
      const big = await postUpload(
        agency,
        `${measureUrl}/files`,
        {},
        {
          name: 'big.pdf',
          bytes: Buffer.concat([PDF, Buffer.alloc(1024 * 1024 + 10, 32)]),
        },
      );
      expect(big.statusCode).toBe(413);
      const ok = await postUpload(
        agency,
        `${measureUrl}/files`,
        {},
        {
          name: 'คำสั่งแต่งตั้ง.pdf',
          bytes: PDF,
        },
      );
      expect(ok.statusCode).toBe(302);
      const shown = await agency.get(measureUrl);
      const href = /href="([^"]+\/files\/[^"]+)">คำสั่งแต่งตั้ง\.pdf/.exec(shown.body)?.[1] ?? '';
      expect(href).not.toBe('');
      const file = await agency.get(href);
      expect(file.statusCode).toBe(200);
      expect(file.headers['x-content-type-options']).toBe('nosniff');
      expect(String(file.headers['content-disposition'])).toContain('attachment');
      expect(file.rawPayload.equals(PDF)).toBe(true);
      const viewer = await signIn('viewer@example.org');
      expect((await viewer.get(href)).statusCode).toBe(200);
      await viewer.get(measureUrl);
      const refused = await postUpload(
        viewer,
        `${measureUrl}/files`,
        {},
        {
          name: 'x.pdf',
          bytes: PDF,
        },
      );
      expect(refused.statusCode).toBe(403);
    });

    it("lists last year's finished measure and carries it over once", async () => {
      const page = await agency.get(base);
      expect(page.body).toContain('มาตรการที่ดำเนินการแล้วเสร็จจากปี พ.ศ. 2568');
      expect(page.body).toContain(LAST_YEAR_DONE);
      expect(page.body).not.toContain('สื่อสารนโยบาย No Gift Policy แก่บุคลากรทุกระดับ');
      const from = /name="fromMeasureId" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
      expect(from).not.toBe('');
      const carried = await agency.post(`${base}/carry`, { fromMeasureId: from });
      expect(carried.statusCode).toBe(302);
      const detail = await agency.get(String(carried.headers.location));
      expect(detail.body).toContain('ต่อยอดจากมาตรการปี พ.ศ. 2568');
      expect(detail.body).toContain('ต่อยอดจากมาตรการปีที่ผ่านมา');
      expect(detail.body).toContain(`/measures/${from}">${LAST_YEAR_DONE}</a>`);
      const after = await agency.get(base);
      expect(after.body).toContain('ยกมาเป็นมาตรการปีนี้แล้ว');
      expect(after.body).not.toContain('name="fromMeasureId"');
      const again = await agency.post(`${base}/carry`, { fromMeasureId: from });
      expect(again.statusCode).toBe(400);
      expect(again.body).toContain('มาตรการนี้ยกมาแล้ว');
    });

    it('uploads evidence, downloads it as an attachment and refuses bad files', () =>
      evidenceUploaded());

    it('hides the measures and their files from another agency', async () => {
      await evidenceUploaded();
      const user = { email: 'd02-measures@example.org', displayName: 'ผู้ดูแล D02' };
      await addD02User(t, { ...user, role: 'agency_admin' });
      const outsider = await signIn('d02-measures@example.org');
      const page = await agency.get(measureUrl);
      // a file is described in words, never by its byte count or MIME type (issue 13, part 8)
      expect(page.body).toMatch(/ไฟล์ PDF \d+ KB/);
      expect(page.body).not.toContain('application/pdf');
      const register = await agency.get(base);
      expect(register.body).toContain('เกณฑ์ปี 2569');
      expect(register.body).not.toMatch(/ita-25\d\d/);
      const href = /href="([^"]+\/files\/[^"]+)"/.exec(page.body)?.[1] ?? '';
      expect((await outsider.get(href)).statusCode).toBe(404);
      expect((await outsider.get(`${base}/progress.html`)).statusCode).toBe(404);
      await outsider.get('/');
      expect((await outsider.post(`${base}/publish`, { kind: 'progress' })).statusCode).toBe(404);
    });

    it('prints the progress report as HTML, DOCX and PDF with measures, evidence and last year', async () => {
      await evidenceUploaded();
      const html = await agency.get(`${base}/progress.html`);
      expect(html.statusCode).toBe(200);
      expect(html.body).toContain('รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใส');
      expect(html.body).toContain('ประจำปีงบประมาณ พ.ศ. 2569');
      expect(html.body).toContain('จัดทำคู่มือการเปิดเผยข้อมูลสาธารณะ');
      expect(html.body).toContain('ร่างคู่มือเสร็จแล้ว');
      expect(html.body).toContain('60%');
      expect(html.body).toContain('คำสั่งแต่งตั้ง.pdf');
      expect(html.body).toContain('ผลการดำเนินการตามมาตรการจากผลการประเมินปี พ.ศ. 2568');
      expect(html.body).toContain(LAST_YEAR_DONE);
      const docx = await agency.get(`${base}/progress.docx`);
      expect(docx.statusCode).toBe(200);
      const xml = await documentXml(docx.rawPayload);
      expect(xml).toContain('จัดทำคู่มือการเปิดเผยข้อมูลสาธารณะ');
      expect(xml).toContain('รายงานผลการดำเนินการตามมาตรการ');
      const doc = await agency.get(`${base}/document.docx`);
      expect(await documentXml(doc.rawPayload)).toContain('ระยะเวลาดำเนินการ');
      const pdf = await agency.get(`${base}/progress.pdf`);
      expect(pdf.statusCode).toBe(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      const text = (await pdfText(pdf.rawPayload)).replace(/\s+/g, '');
      expect(text).toContain('จัดทำคู่มือการเปิดเผยข้อมูลสาธารณะ');
      expect(text).toContain('ร่างคู่มือเสร็จแล้ว');
    }, 60_000);

    it('publishes (head of agency) to sign-in-free public pages of the snapshot', async () => {
      const anonymous = t.client();
      const publicBase = '/public/D01/2569/measures';
      expect((await anonymous.get(`${publicBase}/progress`)).statusCode).toBe(404);
      const viewer = await signIn('viewer@example.org');
      await viewer.get(base);
      expect((await viewer.post(`${base}/publish`, { kind: 'progress' })).statusCode).toBe(403);
      const head = await signIn('head@example.org');
      const register = await head.get(base);
      expect(register.body).toContain('ยังไม่เผยแพร่');
      expect((await head.post(`${base}/publish`, { kind: 'progress' })).statusCode).toBe(302);
      expect((await head.post(`${base}/publish`, { kind: 'document' })).statusCode).toBe(302);
      expect((await head.get(base)).body).toContain('เผยแพร่แล้วเมื่อ');
      await agency.get(base);
      await agency.post(base, {
        targetType: 'indicator',
        targetCode: '10',
        title: 'มาตรการใหม่หลังเผยแพร่',
      });
      const progress = await anonymous.get(`${publicBase}/progress`);
      expect(progress.statusCode).toBe(200);
      expect(progress.body).toContain('จัดทำคู่มือการเปิดเผยข้อมูลสาธารณะ');
      expect(progress.body).not.toContain('มาตรการใหม่หลังเผยแพร่');
      const document = await anonymous.get(publicBase);
      expect(document.statusCode).toBe(200);
      expect(document.body).toContain('มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน');
      const pdf = await anonymous.get(`${publicBase}/progress.pdf`);
      expect(pdf.statusCode).toBe(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      // the OIT items the edition names offer the published documents as evidence
      const o26 = await agency.get(`${base.replace('/measures', '/oit')}/O26`);
      expect(o26.statusCode).toBe(200);
      expect(o26.body).toContain('/public/D01/2569/measures/progress');
      expect(o26.body).toContain('รายงานผลการดำเนินการตามมาตรการ');
      const feed = await anonymous.get(`${publicBase}/progress.json`);
      expect(feed.statusCode).toBe(200);
      expect(feed.headers['access-control-allow-origin']).toBe('*');
      const data = feed.json() as { fiscalYear: number; measures: { title: string }[] };
      expect(data.fiscalYear).toBe(2569);
      expect(data.measures.map((x) => x.title)).toContain('จัดทำคู่มือการเปิดเผยข้อมูลสาธารณะ');
      expect((await anonymous.get('/public/D02/2569/measures')).statusCode).toBe(404);
      expect((await anonymous.get('/public/D01/25x9/measures')).statusCode).toBe(404);
    }, 60_000);
  });
}
