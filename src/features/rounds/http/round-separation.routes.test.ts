import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../../app/demo.js';
import { createDemoApp, csrfOf, type TestApp, type TestClient } from '../../../app/test-client.js';
import { listAuditEntries } from '../../audit/feature.js';
import { DIALECTS } from '../../../platform/db/test-databases.js';
import { findRound, listRounds } from '../db/round.repository.js';
import { findUserByEmail } from '../../users/feature.js';

/**
 * Separation of duties on the round's moves (issue 12), through the demo's accounts: who sees
 * which move on the round's page, that confirming and publishing are the parent body's (or the
 * system administrator's) and go through their confirmation pages, and that only a system
 * administrator withdraws a published round, with a reason, audited, off the public pages.
 */
const ASSESSED = ['agency@example.org', 'owner@example.org', 'head@example.org'] as const;

async function signedInFrom(c: TestClient, email: string): Promise<TestClient> {
  expect((await c.signIn(email, DEMO_PASSWORD)).statusCode).toBe(302);
  return c;
}

for (const dialect of DIALECTS) {
  describe(`separation of duties on round moves [${dialect}]`, () => {
    let t: TestApp;
    const rounds = new Map<string, string>();
    const round = (code: string, year: number) => rounds.get(`${code}-${year}`) ?? '';
    const stateOf = async (id: string) => (await findRound(t.ctx.db.kysely, id))?.state;

    /** One signed-in client per account, each from its own address (sign-in is rate limited). */
    const clients = new Map<string, Promise<TestClient>>();
    const as = (email: string) => {
      const address = `198.51.100.${clients.size + 1}`;
      if (!clients.has(email)) clients.set(email, signedInFrom(t.client(address), email));
      return clients.get(email) as Promise<TestClient>;
    };

    beforeAll(async () => {
      t = await createDemoApp(dialect);
      for (const r of await listRounds(t.ctx.db.kysely, null))
        rounds.set(`${r.agencyCode}-${r.editionYear}`, r.id);
    }, 120_000);
    afterAll(async () => t.close());

    /** Moves a round through working moves as the ministry (the parent body), by the API. */
    async function ministryMoves(id: string, path: string[]) {
      const ministry = await as('ministry@example.org');
      const csrf = await csrfOf(ministry);
      for (const to of path) {
        const moved = await ministry.api('POST', `/api/v1/rounds/${id}/state`, { to }, csrf);
        expect([to, moved.statusCode]).toEqual([to, 200]);
      }
    }

    it('shows each move on the round page only to who may make it', async () => {
      const d01 = round('D01', 2569);
      for (const email of [...ASSESSED, 'viewer@example.org', 'assessor@example.org']) {
        const page = await (await as(email)).get(`/rounds/${d01}`);
        expect([email, page.statusCode]).toEqual([email, 200]);
        expect([email, page.body.includes('name="to"'), page.body.includes('data-move=')]).toEqual([
          email,
          false,
          false,
        ]);
      }
      for (const email of ['ministry@example.org', 'admin@example.org']) {
        const page = await (await as(email)).get(`/rounds/${d01}`);
        // every move, a working one too, is a link to its confirmation page (issue 13)
        expect(page.body).toContain(
          `href="/rounds/${d01}/state/oit_review" data-move="oit_review"`,
        );
        expect(page.body).toContain(`href="/rounds/${d01}/state/setup" data-move="setup"`);
        expect(page.body).not.toContain('name="to"');
      }
      // a published round: withdrawing is the system administrator's, on its own page
      const published = round('D01', 2568);
      const ministry = await (await as('ministry@example.org')).get(`/rounds/${published}`);
      expect(ministry.body).not.toContain('data-move=');
      const admin = await (await as('admin@example.org')).get(`/rounds/${published}`);
      expect(admin.body).toContain(`href="/rounds/${published}/state/withdrawn"`);
      expect(admin.body).not.toContain('name="to"');
    });

    it('refuses confirming and publishing to the agency, its head and the assessor', async () => {
      const id = round('D02', 2569);
      await ministryMoves(id, ['oit_review', 'clarification']);
      // the ministry appoints its assessor to review D02: reviewing is not confirming
      const ministry = await as('ministry@example.org');
      const assign = { email: 'assessor@example.org', role: 'primary' };
      const url = `/api/v1/review/rounds/${id}/assignments`;
      expect((await ministry.api('POST', url, assign, await csrfOf(ministry))).statusCode).toBe(
        200,
      );
      const assessor = await as('assessor@example.org');
      expect((await assessor.get(`/review/rounds/${id}/confirm`)).statusCode).toBe(403);
      const review = await assessor.get(`/review/rounds/${id}`);
      expect(review.body).not.toContain(`href="/review/rounds/${id}/confirm"`);
      const posted = await assessor.post(`/review/rounds/${id}/confirm`, {});
      expect(posted.statusCode).toBe(400);
      expect(posted.body).toContain('คุณไม่มีสิทธิ์เปลี่ยนสถานะรอบการประเมินนี้');
      const api = await assessor.api(
        'POST',
        `/api/v1/review/rounds/${id}/confirm`,
        undefined,
        await csrfOf(assessor),
      );
      expect(api.statusCode).toBe(403);
      expect(await stateOf(id)).toBe('clarification');

      // the agency's own people on their own round, in clarification
      const d01 = round('D01', 2569);
      await ministryMoves(d01, ['oit_review', 'clarification']);
      for (const email of ASSESSED) {
        const c = await as(email);
        expect([email, (await c.get(`/review/rounds/${d01}/confirm`)).statusCode]).toEqual([
          email,
          403,
        ]);
        await c.get(`/rounds/${d01}`);
        const posted = await c.post(`/review/rounds/${d01}/confirm`, {});
        expect([email, posted.statusCode === 302]).toEqual([email, false]);
        const moved = await c.api(
          'POST',
          `/api/v1/rounds/${d01}/state`,
          { to: 'confirmed' },
          await csrfOf(c),
        );
        expect([email, moved.statusCode]).toEqual([email, 403]);
      }
      expect(await stateOf(d01)).toBe('clarification');
    });

    it('lets the parent body confirm and publish, only through the confirmation pages', async () => {
      const id = round('D02', 2569);
      if ((await stateOf(id)) !== 'clarification')
        await ministryMoves(id, ['oit_review', 'clarification']);
      const ministry = await as('ministry@example.org');
      // the review page links to the confirmation page; confirming with one click is refused
      expect((await ministry.get(`/review/rounds/${id}`)).body).toContain(
        `href="/review/rounds/${id}/confirm"`,
      );
      await ministry.get(`/rounds/${id}`);
      const oneClick = await ministry.post(`/rounds/${id}/state`, { to: 'confirmed' });
      expect(oneClick.statusCode).toBe(400);
      const confirmPage = await ministry.get(`/review/rounds/${id}/confirm`);
      expect(confirmPage.statusCode).toBe(200);
      expect(confirmPage.body).toContain('สิ่งที่ย้อนกลับไม่ได้');
      expect(confirmPage.body).toContain('คะแนนรวม');
      expect(confirmPage.body).toContain(`action="/review/rounds/${id}/confirm"`);
      expect(confirmPage.body).toContain('name="_csrf"');
      const forged = await ministry.post(`/review/rounds/${id}/confirm`, { _csrf: 'forged' });
      expect(forged.statusCode).toBe(403);
      expect(await stateOf(id)).toBe('clarification');
      await ministry.get(`/review/rounds/${id}/confirm`);
      const confirmed = await ministry.post(`/review/rounds/${id}/confirm`, {});
      expect(confirmed.statusCode).toBe(302);
      expect(await stateOf(id)).toBe('confirmed');

      // nobody else publishes it
      for (const email of ['assessor@example.org', 'agency@example.org']) {
        const c = await as(email);
        const page = await c.get(`/rounds/${id}/state/published`);
        expect([email, [403, 404].includes(page.statusCode)]).toEqual([email, true]);
        const api = await c.api(
          'POST',
          `/api/v1/rounds/${id}/state`,
          { to: 'published' },
          await csrfOf(c),
        );
        expect([email, [403, 404].includes(api.statusCode)]).toEqual([email, true]);
      }
      // the ministry: the round's page links to the confirmation page, not a button
      const detail = await ministry.get(`/rounds/${id}`);
      expect(detail.body).toContain(`href="/rounds/${id}/state/published"`);
      expect(detail.body).not.toContain('name="to" value="published"');
      const bare = await ministry.post(`/rounds/${id}/state`, { to: 'published' });
      expect(bare.statusCode).toBe(400);
      expect(bare.body).toContain('หน้ายืนยัน');
      expect(await stateOf(id)).toBe('confirmed');
      const publishPage = await ministry.get(`/rounds/${id}/state/published`);
      expect(publishPage.statusCode).toBe(200);
      expect(publishPage.body).toContain('สิ่งที่ย้อนกลับไม่ได้');
      expect(publishPage.body).toContain('ผู้ดูแลระบบเท่านั้นที่ถอนได้');
      expect(publishPage.body).toContain(`action="/rounds/${id}/state/published"`);
      const published = await ministry.post(`/rounds/${id}/state/published`, {});
      expect(published.statusCode).toBe(302);
      expect(await stateOf(id)).toBe('published');
      expect((await t.client().get('/public/D02/2569/results')).statusCode).toBe(200);
    });

    it('lets only a system administrator withdraw a published round, with a reason, audited', async () => {
      const id = round('D01', 2568);
      const visitor = t.client();
      expect((await visitor.get('/public/D01/2568/results')).statusCode).toBe(200);
      const reason = 'พบข้อผิดพลาดในการนำเข้าคำตอบแบบวัด EIT';
      for (const email of ['ministry@example.org', 'agency@example.org', 'assessor@example.org']) {
        const c = await as(email);
        const page = await c.get(`/rounds/${id}/state/withdrawn`);
        expect([email, [403, 404].includes(page.statusCode)]).toEqual([email, true]);
        await c.get(`/rounds/${id}`);
        const posted = await c.post(`/rounds/${id}/state/withdrawn`, { reason });
        expect([email, [403, 404].includes(posted.statusCode)]).toEqual([email, true]);
        const api = await c.api(
          'POST',
          `/api/v1/rounds/${id}/state`,
          { to: 'withdrawn', reason },
          await csrfOf(c),
        );
        expect([email, [403, 404].includes(api.statusCode)]).toEqual([email, true]);
      }
      expect(await stateOf(id)).toBe('published');

      const admin = await as('admin@example.org');
      const page = await admin.get(`/rounds/${id}/state/withdrawn`);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('name="reason"');
      expect(page.body).toContain('สิ่งที่ย้อนกลับไม่ได้');
      const noReason = await admin.post(`/rounds/${id}/state/withdrawn`, { reason: '  ' });
      expect(noReason.statusCode).toBe(400);
      expect(noReason.body).toContain('กรุณาระบุเหตุผล');
      const apiNoReason = await admin.api(
        'POST',
        `/api/v1/rounds/${id}/state`,
        { to: 'withdrawn' },
        await csrfOf(admin),
      );
      expect(apiNoReason.statusCode).toBe(400);
      expect(apiNoReason.json()).toMatchObject({ code: 'reason_required' });
      expect(await stateOf(id)).toBe('published');

      await admin.get(`/rounds/${id}/state/withdrawn`);
      const withdrawn = await admin.post(`/rounds/${id}/state/withdrawn`, { reason });
      expect(withdrawn.statusCode).toBe(302);
      expect(await stateOf(id)).toBe('withdrawn');

      // audited: who, from and to, the reason and the total withdrawn
      const adminId = (await findUserByEmail(t.ctx.db.kysely, 'admin@example.org'))?.id;
      const entries = (await listAuditEntries(t.ctx.db.kysely, 0, 100_000)).filter(
        (e) => e.action === 'round.withdraw' && e.entityId === id,
      );
      expect(entries).toHaveLength(1);
      expect(entries[0]?.actorUserId).toBe(adminId);
      expect(entries[0]?.details).toMatchObject({ from: 'published', to: 'withdrawn', reason });
      expect(typeof entries[0]?.details.total).toBe('number');

      // the round's page says so, to everyone who sees the round
      const agencyView = await (await as('agency@example.org')).get(`/rounds/${id}`);
      expect(agencyView.body).toContain('ถอนการประกาศผลแล้ว');
      expect(agencyView.body).toContain(reason);
      expect(agencyView.body).toContain('data-withdrawals');

      // the public pages no longer show the result as published
      expect((await visitor.get('/public/D01/2568/results')).statusCode).toBe(404);
      expect((await visitor.get('/public/D01/2568/results.json')).statusCode).toBe(404);
      const open = (await visitor.get('/public/open-data/2568.json')).json() as {
        records: { agency_code: string }[];
      };
      expect(open.records.map((r) => r.agency_code)).not.toContain('D01');
      expect(open.records.map((r) => r.agency_code)).toContain('D02');

      // reopening it for correction: the system administrator too, with a reason
      const ministry = await as('ministry@example.org');
      expect((await ministry.get(`/rounds/${id}/state/clarification`)).statusCode).toBe(403);
      await admin.get(`/rounds/${id}/state/clarification`);
      expect((await admin.post(`/rounds/${id}/state/clarification`, {})).statusCode).toBe(400);
      await admin.get(`/rounds/${id}/state/clarification`);
      const reopened = await admin.post(`/rounds/${id}/state/clarification`, {
        reason: 'แก้ไขคำตอบที่นำเข้าผิด',
      });
      expect(reopened.statusCode).toBe(302);
      expect(await stateOf(id)).toBe('clarification');
      const log = await listAuditEntries(t.ctx.db.kysely, 0, 100_000);
      expect(log.some((e) => e.action === 'round.reopen' && e.entityId === id)).toBe(true);
    });
  });
}
