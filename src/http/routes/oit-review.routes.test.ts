import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findScoreSnapshot } from '../../db/round.repository.js';
import { DIALECTS } from '../../db/test-databases.js';
import type { Clock } from '../../infra/clock.js';
import { DEMO_PASSWORD, seedDemo } from '../../services/demo.service.js';
import { createTestApp, type TestApp, type TestClient } from '../test-client.js';

const NOW = '2026-11-26T03:00:00.000Z';

/** One second later at every reading, so decisions keep their order. */
function tickingClock(): Clock {
  let t = Date.parse(NOW);
  return { now: () => new Date((t += 1000)) };
}

async function signedIn(t: TestApp, email: string): Promise<TestClient> {
  const c = t.client();
  await c.signIn(email, DEMO_PASSWORD);
  return c;
}

async function csrfOf(c: TestClient): Promise<string> {
  return (await c.api('GET', '/api/v1/me')).json().csrfToken as string;
}

/** An agency admin of D02, another unit of the demo ministry. */
async function createOutsider(t: TestApp): Promise<TestClient> {
  const admin = await signedIn(t, 'admin@example.org');
  const agencies = (await admin.api('GET', '/api/v1/agencies')).json().agencies as {
    id: string;
    code: string;
  }[];
  const body = {
    email: 'd02-admin@example.org',
    displayName: 'ผู้ดูแล D02',
    password: DEMO_PASSWORD,
    agencyId: agencies.find((a) => a.code === 'D02')?.id,
    role: 'agency_admin',
  };
  expect((await admin.api('POST', '/api/v1/users', body, await csrfOf(admin))).statusCode).toBe(
    201,
  );
  return signedIn(t, 'd02-admin@example.org');
}

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
    let agency: TestClient;
    let outsider: TestClient;
    let roundId: string;

    beforeAll(async () => {
      t = await createTestApp(dialect, tickingClock());
      await seedDemo(t.ctx);
      const ministry = await signedIn(t, 'ministry@example.org');
      const rounds = (await ministry.api('GET', '/api/v1/rounds?state=collecting')).json()
        .rounds as {
        id: string;
        agencyCode: string;
      }[];
      roundId = rounds.find((r) => r.agencyCode === 'D01')?.id ?? '';
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
      const moved = await assessor.api(
        'POST',
        `/api/v1/rounds/${roundId}/state`,
        { to: 'oit_review' },
        await csrfOf(assessor),
      );
      expect(moved.statusCode).toBe(200);
    });
    afterAll(async () => t.close());

    it('lists the assigned round and shows an item side by side', async () => {
      expect((await assessor.get('/review')).body).toContain(`/review/rounds/${roundId}`);
      const page = await assessor.get(`/review/rounds/${roundId}/items/O1`);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('https://d01.example.go.th/structure');
      expect(page.body).toContain('HTTP 404');
      expect(page.body).toContain('O1.1');
      expect(page.body).toContain('name="outcome"');
    });

    it('fails an item with a reason from a template, refusing a failure without one', async () => {
      const url = `/review/rounds/${roundId}/items/O1`;
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

    it('takes the agency answer, the final pass, and confirms the round with its scores', async () => {
      const before = (await assessor.api('GET', `/api/v1/review/rounds/${roundId}`)).json().scores;
      await assessor.api(
        'POST',
        `/api/v1/rounds/${roundId}/state`,
        { to: 'clarification' },
        await csrfOf(assessor),
      );
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
      await assessor.get(`/review/rounds/${roundId}`);
      expect((await assessor.post(`/review/rounds/${roundId}/confirm`, {})).statusCode).toBe(302);
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
