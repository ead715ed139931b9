import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../platform/db/test-databases.js';
import { csrfOf, type TestClient } from '../../../app/test-client.js';
import { createOitTestApp, postUpload, type OitTestApp } from './oit-evidence.test-support.js';
import { step } from '../../../app/test-steps.js';

const PDF = Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n');

/** Issue 13, parts 2 and 3: the head sends back with a reason, links open, failed forms keep their work. */
for (const dialect of DIALECTS) {
  describe(`OIT hand-offs on the item page [${dialect}]`, () => {
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

    beforeAll(async () => {
      t = await createOitTestApp(dialect);
      base = `/rounds/${t.roundId}/oit`;
      agency = await t.signIn('agency@example.org');
      owner = await t.signIn('owner@example.org');
      head = await t.signIn('head@example.org');
      other = await t.signIn('other@example.org');
    }, 60_000);
    afterAll(async () => t.close());

    /** O1 and O2 owned by owner@, O1 offered to the head with a link. */
    const offered = step(async () => {
      const ownerId = await t.userId('owner@example.org');
      for (const code of ['O1', 'O2']) {
        await agency.get(`${base}/${code}`);
        expect((await agency.post(`${base}/${code}`, { owner: ownerId })).statusCode).toBe(302);
      }
      await owner.get(`${base}/O1`);
      const ready = await owner.post(`${base}/O1`, {
        urls: `${t.site}/page`,
        explanation: 'โครงสร้างอยู่หน้าแรก',
        action: 'ready',
      });
      expect(ready.statusCode).toBe(302);
      expect((await evidence('O1'))?.status).toBe('ready');
    });

    it('shows the links of an item the reader cannot edit as links that open', async () => {
      await offered();
      const page = await head.get(`${base}/O1`);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain(
        `<a href="${t.site}/page" rel="noopener noreferrer" target="_blank">`,
      );
      expect(page.body).not.toMatch(/<textarea[^>]*name="urls"[^>]*disabled/);
    });

    it('lets the head send an item back only with a reason, which the owner then reads', async () => {
      await offered();
      const page = await head.get(`${base}/O1`);
      expect(page.body).toContain('data-return-form');
      const empty = await head.post(`${base}/O1`, { action: 'return', reason: '  ' });
      expect(empty.statusCode).toBe(400);
      expect(empty.body).toContain('id="reason-error"');
      expect(empty.body).toContain('กรุณาระบุเหตุผลที่ส่งกลับ');
      expect((await evidence('O1'))?.status).toBe('ready');

      await agency.get(`${base}/O1`);
      const notHead = await agency.post(`${base}/O1`, { action: 'return', reason: 'ไม่' });
      expect(notHead.statusCode).toBe(403);

      const reason = 'แผนผังยังไม่มีชื่อหัวหน้าส่วนงาน กรุณาเพิ่ม';
      const sent = await head.post(`${base}/O1`, { action: 'return', reason });
      expect(sent.statusCode).toBe(302);
      const stored = await evidence('O1');
      expect(stored?.status).toBe('draft');
      expect(stored?.return_reason).toBe(reason);
      expect(stored?.returned_by).toBe(await t.userId('head@example.org'));
      const audit = await t.ctx.db.kysely
        .selectFrom('audit_log')
        .selectAll()
        .where('action', '=', 'oit.evidence_returned')
        .execute();
      expect(audit).toHaveLength(1);

      const seen = await owner.get(`${base}/O1`);
      expect(seen.body).toContain('data-returned');
      expect(seen.body).toContain(reason);
      expect((await owner.get(base)).body).toContain('หัวหน้าหน่วยงานส่งกลับให้แก้ไข');

      // offered again: the reason has been answered and leaves the item
      const again = await owner.post(`${base}/O1`, {
        urls: `${t.site}/page`,
        explanation: 'เพิ่มชื่อหัวหน้าส่วนงานแล้ว',
        action: 'ready',
      });
      expect(again.statusCode).toBe(302);
      expect((await evidence('O1'))?.return_reason).toBeNull();
      expect((await evidence('O1'))?.status).toBe('ready');
    });

    it('sends an item back through the JSON API too, with the reason in its JSON', async () => {
      await offered();
      await owner.get(`${base}/O3`);
      const ownerId = await t.userId('owner@example.org');
      await agency.get(`${base}/O3`);
      await agency.post(`${base}/O3`, { owner: ownerId });
      await owner.post(`${base}/O3`, { urls: `${t.site}/page`, action: 'ready' });
      const api = `/api/v1${base}/O3/return`;
      const csrf = await csrfOf(head);
      const empty = await head.api('POST', api, { reason: '' }, csrf);
      expect(empty.statusCode).toBe(400);
      const notHead = await agency.api('POST', api, { reason: 'x' }, await csrfOf(agency));
      expect(notHead.statusCode).toBe(403);
      const sent = await head.api('POST', api, { reason: 'ขาดวันที่เผยแพร่' }, csrf);
      expect(sent.statusCode).toBe(200);
      expect(sent.json()).toMatchObject({ status: 'draft', returnReason: 'ขาดวันที่เผยแพร่' });
    });

    it('brings a refused form back with the error by its field, the typed text and the file kept', async () => {
      await offered();
      await owner.get(`${base}/O2`);
      const refused = await postUpload(
        owner,
        `${base}/O2`,
        {
          urls: `${t.site}/page\nไม่ใช่ลิงก์`,
          explanation: 'รายชื่อผู้บริหารพร้อมภาพ',
          'done:O2.1': 'on',
          'where:O2.1': 'หน้าผู้บริหาร',
          action: 'save',
        },
        { name: 'executives.pdf', bytes: PDF },
      );
      expect(refused.statusCode).toBe(400);
      expect(refused.body).toContain('id="urls-error"');
      expect(refused.body).toContain('ไม่ใช่ลิงก์');
      expect(refused.body).toContain('รายชื่อผู้บริหารพร้อมภาพ');
      expect(refused.body).toContain('value="หน้าผู้บริหาร"');
      expect(refused.body).toContain('data-kept-file');
      expect(refused.body).toContain('executives.pdf');
      expect(await evidence('O2').then((e) => e?.explanation)).toBe('');
      const kept = /name="keptFile" value="([^"]+)"/.exec(refused.body)?.[1] ?? '';
      expect(kept).not.toBe('');

      // someone else cannot attach the kept file to anything
      await agency.get(`${base}/O2`);
      await agency.post(`${base}/O2`, { urls: '', keptFile: kept, action: 'save' });
      const files = () =>
        t.ctx.db.kysely.selectFrom('oit_file').select(['original_name', 'evidence_id']).execute();
      expect((await files()).map((f) => f.original_name)).not.toContain('executives.pdf');

      const saved = await owner.post(`${base}/O2`, {
        urls: `${t.site}/page`,
        explanation: 'รายชื่อผู้บริหารพร้อมภาพ',
        keptFile: kept,
        action: 'save',
      });
      expect(saved.statusCode).toBe(302);
      const o2 = await evidence('O2');
      expect(o2?.explanation).toBe('รายชื่อผู้บริหารพร้อมภาพ');
      expect((await files()).find((f) => f.original_name === 'executives.pdf')?.evidence_id).toBe(
        o2?.id,
      );
      const page = await owner.get(`${base}/O2`);
      expect(page.body).toContain('executives.pdf');
      expect(page.body).toContain('ไฟล์ PDF 1 KB');
    });

    it('opens the stored copy of a submitted link for the agency, and for no one outside it', async () => {
      await offered();
      await head.get(`${base}/O1`);
      expect((await head.post(`${base}/O1`, { action: 'approve' })).statusCode).toBe(302);
      await agency.get(base);
      expect((await agency.post(`${base}/submit`, {})).statusCode).toBe(302);
      const page = await agency.get(`${base}/O1`);
      const href = new RegExp(`href="(${base}/O1/link-copies/[^"]+)"`).exec(page.body)?.[1] ?? '';
      expect(href).not.toBe('');
      const copy = await owner.get(href);
      expect(copy.statusCode).toBe(200);
      expect(copy.headers['content-disposition']).toContain('attachment');
      expect(copy.headers['content-type']).toContain('text/plain');
      expect(copy.body).toContain('โครงสร้าง');
      expect((await other.get(href)).statusCode).toBe(404);
      expect((await owner.get(`${base}/O1/link-copies/nope`)).statusCode).toBe(404);
    });
  });
}
