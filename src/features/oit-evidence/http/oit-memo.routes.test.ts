import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../platform/db/test-databases.js';
import { createOitTestApp, type OitTestApp } from './oit-evidence.test-support.js';

for (const dialect of DIALECTS) {
  describe(`the head's approval memo [${dialect}]`, () => {
    let t: OitTestApp;
    let roundId: string;

    beforeAll(async () => {
      t = await createOitTestApp(dialect);
      roundId = t.roundId;
      const base = `/rounds/${roundId}/oit`;
      const agency = await t.signIn('agency@example.org');
      const owner = await t.signIn('owner@example.org');
      const head = await t.signIn('head@example.org');
      await agency.get(`${base}/O2`);
      const ownerId = await t.userId('owner@example.org');
      await agency.post(`${base}/O2`, { owner: ownerId, action: 'save' });
      await owner.get(`${base}/O2`);
      await owner.post(`${base}/O2`, {
        urls: `${t.site}/page`,
        explanation: 'ผู้บริหาร',
        action: 'ready',
      });
      await head.get(`${base}/O2`);
      expect((await head.post(`${base}/O2`, { action: 'approve' })).statusCode).toBe(302);
    }, 60_000);
    afterAll(async () => t.close());

    it('is a บันทึกข้อความ with its parts and a signature, printed without the menu (issue 13)', async () => {
      const head = await t.signIn('head@example.org');
      const page = await head.get(`/rounds/${roundId}/oit/memo`);
      expect(page.statusCode).toBe(200);
      const body = page.body;
      expect(body).toContain('<h1 class="memo-title">บันทึกข้อความ</h1>');
      // the parts in their order: ส่วนราชการ, ที่, วันที่, เรื่อง, เรียน, body, signature
      const order = ['<dt>ส่วนราชการ</dt>', '<dt>ที่</dt>', '<dt>วันที่</dt>', '<dt>เรื่อง</dt>'];
      const at = [...order, '<strong>เรียน</strong>', 'จึงเรียนมาเพื่อโปรดพิจารณา', 'ลงชื่อ', 'ตำแหน่ง'];
      const positions = at.map((part) => body.indexOf(part));
      expect(positions.every((p) => p > 0)).toBe(true);
      expect([...positions].sort((a, b) => a - b)).toEqual(positions);
      // the head's name and position, and a full Thai date (month written out, Buddhist era)
      expect(body).toContain('(อธิบดีกรมส่งเสริมการเรียนรู้)');
      expect(body).toMatch(/ตำแหน่ง หัวหน้าหน่วยงาน\S/);
      expect(/data-memo-date[^>]*>([^<]+)</.exec(body)?.[1]).toMatch(
        /^\d{1,2} (มกราคม|กุมภาพันธ์|มีนาคม|เมษายน|พฤษภาคม|มิถุนายน|กรกฎาคม|สิงหาคม|กันยายน|ตุลาคม|พฤศจิกายน|ธันวาคม) พ\.ศ\. 25\d\d$/,
      );
      expect(body.match(/data-oit-item=/g)?.length).toBeGreaterThan(0);
      // printed without the application's menu or header
      expect(body).not.toContain('เมนูหลัก');
      expect(body).not.toContain('<nav');
    });
  });
}
