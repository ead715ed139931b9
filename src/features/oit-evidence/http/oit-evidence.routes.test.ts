import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../platform/db/test-databases.js';
import { csrfOf, type TestClient } from '../../../app/test-client.js';
import { createOitTestApp, postUpload, type OitTestApp } from './oit-evidence.test-support.js';
import { step } from '../../../app/test-steps.js';
import { countStored } from '../../../platform/services/file-store.test-support.js';

const PDF = Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n');

for (const dialect of DIALECTS) {
  describe(`OIT evidence pages [${dialect}]`, () => {
    let t: OitTestApp;
    let agency: TestClient;
    let owner: TestClient;
    let head: TestClient;
    let other: TestClient;
    let base: string;
    const evidence = (code: string) =>
      t.ctx.db.kysely
        .selectFrom('oit_evidence')
        .selectAll()
        .where('round_id', '=', t.roundId)
        .where('item_code', '=', code)
        .executeTakeFirst();
    const storedFiles = () => t.ctx.db.kysely.selectFrom('oit_file').selectAll().execute();

    beforeAll(async () => {
      t = await createOitTestApp(dialect);
      base = `/rounds/${t.roundId}/oit`;
      agency = await t.signIn('agency@example.org');
      owner = await t.signIn('owner@example.org');
      head = await t.signIn('head@example.org');
      other = await t.signIn('other@example.org');
    }, 60_000);
    afterAll(async () => t.close());

    /** The round's story (app/test-steps.ts): owners assigned, O1 (with a file) and O2 filled. */
    const twoItemsFilled = step(async () => {
      const ownerId = await t.userId('owner@example.org');
      for (const code of ['O1', 'O2']) {
        await agency.get(`${base}/${code}`);
        const saved = await agency.post(`${base}/${code}`, { owner: ownerId, action: 'save' });
        expect(saved.statusCode).toBe(302);
      }
      const form = await owner.get(`${base}/O1`);
      expect(form.body).toContain('O1.1 แผนผังโครงสร้าง');
      expect(form.body).toContain('name="where:O1.1"');
      expect(form.body).toContain('enctype="multipart/form-data"');
      const filled = await postUpload(
        owner,
        `${base}/O1`,
        {
          urls: `${t.site}/moved\n`,
          explanation: 'แผนผังโครงสร้างอยู่หน้าแรก',
          'done:O1.1': 'on',
          'where:O1.1': 'หน้าเกี่ยวกับเรา',
          'where:O1.2': '',
          action: 'ready',
        },
        { name: 'chart.pdf', bytes: PDF },
      );
      expect(filled.statusCode).toBe(302);
      await owner.get(`${base}/O2`);
      await owner.post(`${base}/O2`, {
        urls: `${t.site}/page`,
        explanation: 'ผู้บริหาร',
        action: 'ready',
      });
      expect((await evidence('O1'))?.status).toBe('ready');
      expect((await evidence('O2'))?.status).toBe('ready');
      expect(JSON.parse((await evidence('O1'))?.elements_json ?? '{}')['O1.1']).toEqual({
        done: true,
        where: 'หน้าเกี่ยวกับเรา',
      });
      const refused = await owner.post(`${base}/O3`, { urls: `${t.site}/page`, action: 'save' });
      expect(refused.statusCode).toBe(403);
    });

    /** O1 and O2 approved by the head. */
    const approved = step(async () => {
      await twoItemsFilled();
      await agency.get(`${base}/O1`);
      expect((await agency.post(`${base}/O1`, { action: 'approve' })).statusCode).toBe(403);
      for (const code of ['O1', 'O2']) {
        await head.get(`${base}/${code}`);
        expect((await head.post(`${base}/${code}`, { action: 'approve' })).statusCode).toBe(302);
      }
      expect((await evidence('O1'))?.status).toBe('approved');
      const memo = await agency.get(`${base}/memo`);
      expect(memo.body).toContain('บันทึกข้อความ');
      expect(memo.body).toContain('20 พฤษภาคม พ.ศ. 2569');
      expect(memo.body).toContain('อธิบดีกรมส่งเสริมการเรียนรู้');
      expect(memo.body).toContain('data-oit-item="O2"');
    });

    /** The approved items submitted (their links fetched), then locked. */
    const submitted = step(async () => {
      await approved();
      await agency.get(base);
      const submit = await agency.post(`${base}/submit`, {});
      expect(submit.statusCode).toBe(302);
      expect((await evidence('O1'))?.status).toBe('submitted');
      const snapshots = await t.ctx.db.kysely.selectFrom('oit_snapshot').selectAll().execute();
      expect(snapshots).toHaveLength(2);
      for (const s of snapshots) {
        expect(Number(s.status)).toBe(200);
        expect(s.final_url).toBe(`${t.site}/page`);
        expect(s.sha256).toMatch(/^[0-9a-f]{64}$/);
        expect(s.stored_name).toMatch(/^snapshots\//);
      }
      expect(await countStored(t.ctx, 'snapshots')).toBe(2);
      await owner.get(`${base}/O1`);
      const locked = await owner.post(`${base}/O1`, { urls: `${t.site}/x`, action: 'save' });
      expect(locked.statusCode).toBe(409);
      expect(locked.body).toContain('หลักฐานที่ส่งแล้วแก้ไขไม่ได้');
    });

    it('lists the items by sub-indicator with status and owner', async () => {
      const page = await agency.get(base);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('9.1 ข้อมูลพื้นฐาน');
      expect(page.body).toContain('data-oit-item="O1"');
      expect(page.body).toContain('ยังไม่กำหนด');
    });

    it('lets the agency admin assign owners, and the owner fill two items', () => twoItemsFilled());

    it('refuses oversized and wrong-type uploads in Thai and stores nothing', async () => {
      await twoItemsFilled();
      const before = [await storedFiles(), await countStored(t.ctx, 'uploads')] as const;
      await owner.get(`${base}/O2`);
      const big = Buffer.concat([PDF, Buffer.alloc(20 * 1024 * 1024)]);
      const oversized = await postUpload(
        owner,
        `${base}/O2`,
        { action: 'save' },
        { name: 'big.pdf', bytes: big },
      );
      expect(oversized.statusCode).toBe(413);
      expect(oversized.body).toContain('ไฟล์ใหญ่เกินไป');
      const wrong = await postUpload(
        owner,
        `${base}/O2`,
        { action: 'save' },
        { name: 'tool.exe', bytes: Buffer.from('MZ\x90') },
      );
      expect(wrong.statusCode).toBe(415);
      expect(wrong.body).toContain('รับเฉพาะไฟล์');
      const disguised = await postUpload(
        owner,
        `${base}/O2`,
        { action: 'save' },
        { name: 'a.pdf', bytes: Buffer.from('<html>') },
      );
      expect(disguised.body).toContain('รับเฉพาะไฟล์');
      expect(await storedFiles()).toEqual(before[0]);
      expect(await countStored(t.ctx, 'uploads')).toBe(before[1]);
      expect((await evidence('O2'))?.status).toBe('ready');
    });

    it('hides the evidence from a user of another agency and refuses their changes (404)', async () => {
      await twoItemsFilled();
      const [file] = await storedFiles();
      expect((await other.get(base)).statusCode).toBe(404);
      expect((await other.get(`${base}/O1`)).statusCode).toBe(404);
      expect((await other.get(`${base}/O1/files/${file?.id ?? ''}`)).statusCode).toBe(404);
      expect((await other.get(`${base}/memo`)).statusCode).toBe(404);
      expect((await other.get(`${base}/export.csv`)).statusCode).toBe(404);
      await other.get('/rounds');
      const change = await other.post(`${base}/O1`, {
        urls: 'https://evil.example',
        action: 'save',
      });
      expect(change.statusCode).toBe(404);
      const api = await other.api('GET', `/api/v1${base}`);
      expect(api.statusCode).toBe(404);
      const csrf = await csrfOf(other);
      const put = await other.api('PUT', `/api/v1${base}/O1`, { urls: [], explanation: 'x' }, csrf);
      expect(put.statusCode).toBe(404);
      expect((await evidence('O1'))?.explanation).toBe('แผนผังโครงสร้างอยู่หน้าแรก');
    });

    it('serves an uploaded file as a download with safe headers', async () => {
      await twoItemsFilled();
      const [file] = await storedFiles();
      const download = await owner.get(`${base}/O1/files/${file?.id ?? ''}`);
      expect(download.statusCode).toBe(200);
      expect(download.headers['content-disposition']).toContain('attachment');
      expect(download.headers['x-content-type-options']).toBe('nosniff');
      expect(download.headers['content-security-policy']).toBe('sandbox');
      expect(download.rawPayload.equals(PDF)).toBe(true);
      expect(file?.stored_name).not.toContain('chart');
    });

    it('lets only the head approve, and prints the memo with date and name', () => approved());

    it('submits: each link is fetched and kept with status, sha256 and final URL; then locked', () =>
      submitted());

    it('exports the copy-assist CSV with a BOM and one row per item', async () => {
      await submitted();
      const csv = await agency.get(`${base}/export.csv`);
      expect(csv.headers['content-type']).toContain('text/csv');
      expect(csv.body.startsWith('\uFEFF')).toBe(true);
      const lines = csv.body.split('\r\n');
      expect(lines[0]).toContain('URL');
      expect(csv.body).toContain(`O2,ข้อมูลผู้บริหาร,${t.site}/page,ผู้บริหาร`);
      expect(csv.body).toContain('/public/oit/D01/2569/O1');
    });

    it('describes a published file in words on the public page, never in raw KB', async () => {
      await submitted();
      const page = await t.client().get('/public/oit/D01/2569');
      expect(page.statusCode).toBe(200);
      expect(page.body).toMatch(/\(ไฟล์ PDF \d+ KB\)/);
    });

    it('streams a file of several chunks into the store and back out whole, with its length', async () => {
      await submitted();
      const before = await countStored(t.ctx, 'uploads');
      // 700 KB: three chunks of the database store, read back in pieces
      const big = Buffer.concat([PDF, Buffer.alloc(700 * 1024, 0x20)]);
      await agency.get(`${base}/O3`);
      const saved = await postUpload(
        agency,
        `${base}/O3`,
        { urls: '', explanation: 'ไฟล์ใหญ่', action: 'save' },
        { name: 'แผนผัง.pdf', bytes: big },
      );
      expect(saved.statusCode).toBe(302);
      expect(await countStored(t.ctx, 'uploads')).toBe(before + 1);
      const row = await t.ctx.db.kysely
        .selectFrom('oit_file')
        .selectAll()
        .where('original_name', '=', 'แผนผัง.pdf')
        .executeTakeFirstOrThrow();
      expect(row.size).toBe(big.length);
      const download = await agency.get(`${base}/O3/files/${row.id}`);
      expect(download.statusCode).toBe(200);
      expect(Number(download.headers['content-length'])).toBe(big.length);
      expect(download.headers['content-type']).toBe('application/pdf');
      expect(download.headers['content-disposition']).toContain(
        `filename*=UTF-8''${encodeURIComponent('แผนผัง.pdf')}`,
      );
      expect(download.rawPayload.equals(big)).toBe(true);
      // a form refused before its route ran (a stale form token) keeps nothing of its file
      const stale = await postUpload(
        agency,
        `${base}/O3`,
        { _csrf: 'x'.repeat(agency.lastCsrf.length), action: 'save' },
        { name: 'again.pdf', bytes: big },
      );
      expect(stale.statusCode).toBe(403);
      expect(await countStored(t.ctx, 'uploads')).toBe(before + 1);
    });
  });
}
