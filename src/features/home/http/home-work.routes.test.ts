import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../platform/db/test-databases.js';
import {
  createDemoApp,
  csrfOf,
  d01RoundId,
  signedIn,
  type TestApp,
  type TestClient,
} from '../../../app/test-client.js';
import { worldAt } from '../../../app/test-world.js';
import { postUpload } from '../../oit-evidence/http/oit-evidence.test-support.js';
import { step } from '../../../app/test-steps.js';

const PDF = Buffer.from(`%PDF-1.7\n${'x'.repeat(29 * 1024)}\n%%EOF\n`);
const { tickingClock } = worldAt('2026-05-20T03:00:00.000Z');

const REASON = 'คำสั่งแต่งตั้งยังไม่มีลายมือชื่อผู้มีอำนาจ';
const ADVICE = 'แนบคำสั่งฉบับที่ลงนามแล้ว';
const SENT_BACK = 'ข้อมูลติดต่อยังเป็นของปีที่แล้ว กรุณาปรับปรุง';

/**
 * Issue 13, parts 2 and 3, across the roles of the demo (D01's round of ita-2569; owner@ is
 * given O4 and O5 and offers both to the head): each home lists its work, the head
 * sends back with a reason from the queue, the assessor opens a file and fails an item, and
 * the owner reads the verdict only once the stage lets the agency see it.
 */
for (const dialect of DIALECTS) {
  describe(`each person's home lists their work [${dialect}]`, () => {
    let t: TestApp;
    let filesDir: string;
    let owner: TestClient;
    let head: TestClient;
    let agency: TestClient;
    let ministry: TestClient;
    let assessor: TestClient;
    let roundId: string;
    let item: (code: string) => string;

    const moveTo = async (to: string) => {
      const moved = await ministry.api(
        'POST',
        `/api/v1/rounds/${roundId}/state`,
        { to },
        await csrfOf(ministry),
      );
      expect(moved.statusCode).toBe(200);
    };

    beforeAll(async () => {
      filesDir = await mkdtemp(join(tmpdir(), 'prongsai-home-'));
      t = await createDemoApp(dialect, tickingClock(), { FILES_DIR: filesDir });
      owner = await signedIn(t, 'owner@example.org');
      head = await signedIn(t, 'head@example.org');
      agency = await signedIn(t, 'agency@example.org');
      ministry = await signedIn(t, 'ministry@example.org');
      assessor = await signedIn(t, 'assessor@example.org');
      roundId = await d01RoundId(ministry, 'ita-2569', 'collecting');
      item = (code: string) => `/rounds/${roundId}/oit/${code}`;
    }, 60_000);
    afterAll(async () => {
      await t.close();
      await rm(filesDir, { recursive: true, force: true });
    });

    /** O5 offered with a file only; O4 sent back from the head's queue; O5 approved there. */
    const handedOver = step(async () => {
      const ownerId = (await owner.api('GET', '/api/v1/me')).json().user.id as string;
      for (const code of ['O4', 'O5']) {
        await agency.get(item(code));
        expect((await agency.post(item(code), { owner: ownerId })).statusCode).toBe(302);
      }
      await owner.get(item('O4'));
      const o4 = await owner.post(item('O4'), {
        urls: 'https://d01.example.org/contact',
        explanation: 'ข้อมูลติดต่อ',
        action: 'ready',
      });
      expect(o4.statusCode).toBe(302);
      await owner.get(item('O5'));
      const offered = await postUpload(
        owner,
        item('O5'),
        { urls: '', explanation: 'คำสั่งแต่งตั้งผู้รับผิดชอบ', action: 'ready' },
        { name: 'poster.pdf', bytes: PDF },
      );
      expect(offered.statusCode).toBe(302);
      const queue = await head.get('/home');
      expect(queue.body).toContain('data-approval-item="O4"');
      expect(queue.body).toContain('data-approval-item="O5"');
      const back = await head.post(item('O4'), {
        action: 'return',
        reason: SENT_BACK,
        next: 'home',
      });
      expect(back.statusCode).toBe(302);
      expect(back.headers.location).toBe('/home?done=returned');
      await head.get('/home');
      const approved = await head.post(item('O5'), { action: 'approve', next: 'home' });
      expect(approved.headers.location).toBe('/home?done=approved');
      const after = await head.get('/home?done=approved');
      expect(after.body).toContain('อนุมัติแล้ว');
      expect(after.body).not.toContain('data-approval-item');
    });

    /** The ministry's assessor assigned, O5 submitted by the agency, the round under review. */
    const underReview = step(async () => {
      await handedOver();
      const assign = { email: 'assessor@example.org', role: 'primary' };
      const assigned = await ministry.api(
        'POST',
        `/api/v1/review/rounds/${roundId}/assignments`,
        assign,
        await csrfOf(ministry),
      );
      expect(assigned.statusCode).toBe(200);
      await agency.get(item('O5'));
      expect((await agency.post(item('O5'), { action: 'submit' })).statusCode).toBe(302);
      await moveTo('oit_review');
    });

    /** O5 failed by the assessor. */
    const failed = step(async () => {
      await underReview();
      const url = `/review/rounds/${roundId}/items/O5`;
      await assessor.get(url);
      const saved = await assessor.post(url, { outcome: 'fail', reason: REASON, advice: ADVICE });
      expect(saved.statusCode).toBe(302);
    });

    it("lists the head's approval queue, with approve and send back from home", () => handedOver());

    it('shows the owner their items, the one sent back first with its reason', async () => {
      await handedOver();
      const home = await owner.get('/home');
      expect(home.body).toContain('data-panel="owned-items"');
      expect(home.body).toContain(SENT_BACK);
      const order = [...home.body.matchAll(/data-owned-item="(O\d+)"/g)].map((m) => m[1]);
      expect(order).toEqual(['O4', 'O5']);
      expect((await owner.get(item('O4'))).body).toContain(SENT_BACK);
    });

    it("shows the agency administrator the round's next step, and the parent body its units", async () => {
      await handedOver();
      const admin = await agency.get('/home');
      expect(admin.body).toContain('data-panel="next-steps"');
      expect(admin.body).toContain('หัวหน้าอนุมัติแล้วรอส่ง 1 ข้อ');
      expect(admin.body).toContain(`href="/rounds/${roundId}"`);
      const parent = await ministry.get('/home');
      expect(parent.body).toContain('data-panel="units"');
      expect(parent.body).toContain(`data-unit-round="${roundId}"`);
      const rollup = /href="(\/agencies\/[^"]+\/rollup)"/.exec(parent.body)?.[1] ?? '';
      expect((await ministry.get(rollup)).statusCode).toBe(200);
    });

    it('gives the assessor a review queue with counts, and the file to open', async () => {
      await underReview();
      const home = await assessor.get('/home');
      expect(home.body).toContain('data-panel="reviews"');
      expect(home.body).toContain('รอตรวจ 1 ข้อ');
      expect(home.body).not.toContain('ไม่มีงานค้างหรืองานใกล้ถึงกำหนด');
      expect((await assessor.get('/review')).body).toContain('รอตรวจ 1 ข้อ');
      const overview = await assessor.get(`/review/rounds/${roundId}`);
      expect(overview.body).toMatch(/data-evidence-status="submitted">\s*ส่งแล้ว/);
      expect(overview.body).not.toMatch(/>\s*(submitted|draft|ready|approved)\s*</);
      const page = await assessor.get(`/review/rounds/${roundId}/items/O5`);
      expect(page.body).toContain('ไฟล์ PDF 29 KB');
      expect(page.body).not.toContain('application/pdf');
      const href = new RegExp(`href="(/rounds/${roundId}/oit/O5/files/[^"]+)"`).exec(
        page.body,
      )?.[1];
      expect(href).toBeDefined();
      const file = await assessor.get(href ?? '');
      expect(file.statusCode).toBe(200);
      expect(file.headers['content-type']).toContain('application/pdf');
      expect(file.headers['content-disposition']).toContain('attachment; filename="poster.pdf"');
    });

    it('says the item is under review, and shows the verdict only from clarification on', async () => {
      await failed();
      const during = await owner.get(item('O5'));
      expect(during.body).toContain('อยู่ระหว่างการตรวจ');
      expect(during.body).not.toContain(REASON);
      expect(during.body).not.toContain('หัวหน้าหน่วยงานอนุมัติแล้ว');
      expect((await owner.get('/home')).body).not.toContain(REASON);
      expect((await agency.get(`/rounds/${roundId}/oit/clarify`)).body).not.toContain(REASON);
      expect((await agency.get(`/rounds/${roundId}/oit`)).body).not.toContain(REASON);

      await moveTo('clarification');
      const page = await owner.get(item('O5'));
      expect(page.body).toContain('data-status="fail"');
      expect(page.body).toContain(REASON);
      expect(page.body).toContain(ADVICE);
      const list = await agency.get(`/rounds/${roundId}/oit`);
      expect(list.body).toContain(REASON);
      expect(list.body).toContain(`/rounds/${roundId}/oit/clarify`);
      const home = await owner.get('/home');
      expect(home.body).toContain(REASON);
      expect(home.body).toContain(ADVICE);
      expect((await assessor.get('/home')).body).toContain('รอตรวจ 1 ข้อ');
    });
  });
}
