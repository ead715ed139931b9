import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findScoreSnapshot } from '../../rounds/feature.js';
import { DIALECTS } from '../../../platform/db/test-databases.js';
import {
  createDemoApp,
  d01RoundId,
  TestClient,
  type TestApp,
  signedIn,
  csrfOf,
  createOutsider,
} from '../../../app/test-client.js';
import { worldAt } from '../../../app/test-world.js';
import { postUpload } from '../../oit-evidence/http/oit-evidence.test-support.js';
import { step } from '../../../app/test-steps.js';
import { countStored } from '../../../platform/services/file-store.test-support.js';

const NOW = '2026-11-26T03:00:00.000Z';
const PDF = Buffer.from('%PDF-1.4\n% คำชี้แจง\n%%EOF\n');

const { tickingClock } = worldAt(NOW);

async function seedEvidence(t: TestApp, roundId: string): Promise<void> {
  const db = t.ctx.db.kysely;
  await db
    .insertInto('oit_evidence')
    .values({
      id: 'ev-o1',
      round_id: roundId,
      item_code: 'O1',
      owner_user_id: null,
      status: 'submitted',
      explanation: '',
      elements_json: '{}',
      updated_at: NOW,
    })
    .execute();
  await db
    .insertInto('oit_link')
    .values({
      id: 'link-o1',
      evidence_id: 'ev-o1',
      url: 'https://d01.example.go.th/structure',
      position: 0,
      added_in: 'entry',
    })
    .execute();
  await db
    .insertInto('oit_snapshot')
    .values({
      id: 'snap-o1',
      link_id: 'link-o1',
      kind: 'submission',
      taken_at: NOW,
      status: 404,
      sha256: 'ab'.repeat(32),
      truncated: 0,
    })
    .execute();
}

for (const dialect of DIALECTS) {
  describe(`OIT review pages and API [${dialect}]`, () => {
    let t: TestApp;
    let assessor: TestClient;
    let ministry: TestClient;
    let agency: TestClient;
    let outsider: TestClient;
    let roundId: string;
    let filesDir: string;

    /** What a clarification upload may leave behind: file rows, answers, files in the store. */
    async function stored() {
      const db = t.ctx.db.kysely;
      return {
        files: await db.selectFrom('oit_file').selectAll().execute(),
        answers: await db.selectFrom('oit_clarification').selectAll().execute(),
        onDisk: await countStored(t.ctx, 'uploads'),
      };
    }

    beforeAll(async () => {
      filesDir = await mkdtemp(join(tmpdir(), 'prongsai-review-'));
      t = await createDemoApp(dialect, tickingClock(), {
        FILES_DIR: filesDir,
        OIT_MAX_UPLOAD_MB: 1,
      });
      ministry = await signedIn(t, 'ministry@example.org');
      roundId = await d01RoundId(ministry, 'ita-2569', 'collecting');
      await seedEvidence(t, roundId);
      const assign = { email: 'assessor@example.org', role: 'primary' };
      const assigned = await ministry.api(
        'POST',
        `/api/v1/review/rounds/${roundId}/assignments`,
        assign,
        await csrfOf(ministry),
      );
      expect(assigned.statusCode).toBe(200);
      assessor = await signedIn(t, 'assessor@example.org');
      agency = await signedIn(t, 'agency@example.org');
      outsider = await createOutsider(t);
      // the parent body moves the round; its assessor reviews it (issue 12)
      const moved = await ministry.api(
        'POST',
        `/api/v1/rounds/${roundId}/state`,
        { to: 'oit_review' },
        await csrfOf(ministry),
      );
      expect(moved.statusCode).toBe(200);
    });
    afterAll(async () => {
      await t.close();
      await rm(filesDir, { recursive: true, force: true });
    });

    /** The review's story (app/test-steps.ts): O1 failed with a template reason. */
    const o1Failed = step(async () => {
      const url = `/review/rounds/${roundId}/items/O1`;
      await assessor.get(url); // the item's form token, as a browser would have it
      const missing = await assessor.post(url, { outcome: 'fail', reason: '', template: '' });
      expect(missing.statusCode).toBe(400);
      expect(missing.body).toContain('กรุณาระบุเหตุผล');
      const saved = await assessor.post(url, {
        outcome: 'fail',
        template: 'link_broken',
        reason: '',
        advice: '',
      });
      expect(saved.statusCode).toBe(302);
      const item = (await assessor.api('GET', `/api/v1/review/rounds/${roundId}/items/O1`)).json();
      expect(item.decisions[0]).toMatchObject({
        score: 0,
        stage: 'initial',
        reason: 'ลิงก์เปิดไม่ได้หรือไม่พบหน้า',
      });
    });

    /** The round moved to clarification, and O1 answered with a file. */
    const fileAnswered = step(async () => {
      await o1Failed();
      // the parent body moves the round; its assessor reviews it (issue 12)
      const moved = await ministry.api(
        'POST',
        `/api/v1/rounds/${roundId}/state`,
        { to: 'clarification' },
        await csrfOf(ministry),
      );
      expect(moved.statusCode).toBe(200);
      const form = await agency.get(`/rounds/${roundId}/oit/clarify`);
      expect(form.body).toContain('enctype="multipart/form-data"');
      expect(form.body).toContain('id="file-O1"');
      const url = `/rounds/${roundId}/oit/clarify`;
      const fields = { itemCode: 'O1', text: 'แนบคำสั่งแต่งตั้งแล้ว' };
      const sent = await postUpload(agency, url, fields, { name: 'คำสั่ง.pdf', bytes: PDF });
      expect(sent.statusCode).toBe(302);
      const { files, answers, onDisk } = await stored();
      expect(files).toHaveLength(1);
      expect(files[0]).toMatchObject({
        evidence_id: 'ev-o1',
        added_in: 'clarification',
        original_name: 'คำสั่ง.pdf',
        content_type: 'application/pdf',
      });
      expect(answers).toHaveLength(1);
      expect(answers[0]).toMatchObject({ item_code: 'O1', file_id: files[0]?.id });
      expect(onDisk).toBe(1);
      expect((await agency.get(url)).body).toContain('คำสั่ง.pdf');
      const item = await assessor.get(`/review/rounds/${roundId}/items/O1`);
      expect(item.body).toContain(`/rounds/${roundId}/oit/O1/files/${files[0]?.id ?? ''}`);
      expect(item.body).toContain('แนบคำสั่งแต่งตั้งแล้ว');
      const download = await assessor.get(`/rounds/${roundId}/oit/O1/files/${files[0]?.id ?? ''}`);
      expect(download.statusCode).toBe(200);
      expect(download.headers['content-disposition']).toContain('attachment');
      expect(download.rawPayload.equals(PDF)).toBe(true);
    });

    it('lists the assigned round and shows an item side by side', async () => {
      expect((await assessor.get('/review')).body).toContain(`/review/rounds/${roundId}`);
      const page = await assessor.get(`/review/rounds/${roundId}/items/O1`);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('https://d01.example.go.th/structure');
      expect(page.body).toContain('HTTP 404');
      expect(page.body).toContain('O1.1');
      expect(page.body).toContain('name="outcome"');
    });

    it('offers the ready reasons in words, never a raw {element} placeholder', async () => {
      const page = await assessor.get(`/review/rounds/${roundId}/items/O2`);
      expect(page.statusCode).toBe(200);
      expect(page.body).not.toContain('{element}');
      expect(page.body).toContain('ไม่พบองค์ประกอบที่กำหนด: (องค์ประกอบที่เลือกด้านล่าง)');
    });

    it('fails an item with a reason from a template, refusing a failure without one', () =>
      o1Failed());

    it('shows another agency nothing and lets it change nothing', async () => {
      for (const path of [
        `/review/rounds/${roundId}`,
        `/review/rounds/${roundId}/items/O1`,
        `/rounds/${roundId}/oit/clarify`,
      ])
        expect((await outsider.get(path)).statusCode).toBe(404);
      expect((await outsider.api('GET', `/api/v1/review/rounds/${roundId}`)).statusCode).toBe(404);
      const csrf = await csrfOf(outsider);
      const decide = { itemCode: 'O1', score: 100 };
      expect(
        (await outsider.api('POST', `/api/v1/review/rounds/${roundId}/decisions`, decide, csrf))
          .statusCode,
      ).toBe(404);
      const answer = { itemCode: 'O1', text: 'x' };
      expect(
        (
          await outsider.api(
            'POST',
            `/api/v1/review/rounds/${roundId}/clarifications`,
            answer,
            csrf,
          )
        ).statusCode,
      ).toBe(404);
      expect((await agency.get(`/review/rounds/${roundId}`)).statusCode).toBe(404);
    });

    it('takes a new file with an answer and shows it to the assessor with a download link', () =>
      fileAnswered());

    it('refuses a wrong-type or oversized file next to the item, and another agency, storing nothing', async () => {
      await fileAnswered();
      const before = await stored();
      const url = `/rounds/${roundId}/oit/clarify`;
      const fields = { itemCode: 'O1', text: 'ไฟล์เพิ่มเติม' };
      await agency.get(url);
      const exe = await postUpload(agency, url, fields, {
        name: 'tool.exe',
        bytes: Buffer.from('MZ\x90'),
      });
      expect(exe.statusCode).toBe(415);
      expect(exe.body).toContain('id="file-O1-error"');
      expect(exe.body).toContain('รับเฉพาะไฟล์');
      const big = Buffer.concat([PDF, Buffer.alloc(2 * 1024 * 1024)]);
      const oversized = await postUpload(agency, url, fields, { name: 'big.pdf', bytes: big });
      expect(oversized.statusCode).toBe(413);
      expect(oversized.body).toContain('id="file-O1-error"');
      expect(oversized.body).toContain('ไฟล์ใหญ่เกินไป');
      await outsider.get('/rounds');
      const foreign = await postUpload(outsider, url, fields, { name: 'a.pdf', bytes: PDF });
      expect(foreign.statusCode).toBe(404);
      expect(await stored()).toEqual(before);
    });

    it('takes the agency answer, the final pass, and confirms the round with its scores', async () => {
      await fileAnswered();
      const before = (await assessor.api('GET', `/api/v1/review/rounds/${roundId}`)).json().scores;
      const page = await agency.get(`/rounds/${roundId}/oit/clarify`);
      expect(page.body).toContain('ลิงก์เปิดไม่ได้หรือไม่พบหน้า');
      const answered = await agency.post(`/rounds/${roundId}/oit/clarify`, {
        itemCode: 'O1',
        text: 'แก้ลิงก์แล้ว',
      });
      expect(answered.statusCode).toBe(302);
      expect((await agency.get(`/rounds/${roundId}/oit/clarify?done=saved`)).body).toContain(
        'แก้ลิงก์แล้ว',
      );
      await assessor.get(`/review/rounds/${roundId}/items/O1`);
      expect(
        (await assessor.post(`/review/rounds/${roundId}/items/O1`, { outcome: 'pass' })).statusCode,
      ).toBe(302);
      const after = (await assessor.api('GET', `/api/v1/review/rounds/${roundId}`)).json().scores;
      expect(after.oit.score).toBeGreaterThan(before.oit.score);
      // the assessor does not confirm: the ministry does, on the confirmation page (issue 12)
      expect((await assessor.get(`/review/rounds/${roundId}/confirm`)).statusCode).toBe(403);
      await assessor.get(`/review/rounds/${roundId}`);
      expect((await assessor.post(`/review/rounds/${roundId}/confirm`, {})).statusCode).toBe(400);
      expect((await ministry.get(`/review/rounds/${roundId}/confirm`)).statusCode).toBe(200);
      expect((await ministry.post(`/review/rounds/${roundId}/confirm`, {})).statusCode).toBe(302);
      const round = (await assessor.api('GET', `/api/v1/review/rounds/${roundId}`)).json();
      expect(round.round.state).toBe('confirmed');
      expect(await findScoreSnapshot(t.ctx.db.kysely, roundId)).not.toBeNull();
      const late = await assessor.api(
        'POST',
        `/api/v1/review/rounds/${roundId}/decisions`,
        { itemCode: 'O1', score: 0, reason: 'x' },
        await csrfOf(assessor),
      );
      expect(late.statusCode).toBe(409);
    });
  });
}
