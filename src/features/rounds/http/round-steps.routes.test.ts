import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../platform/db/test-databases.js';
import { MINISTRY_TREE, worldAt, type AgencySeed } from '../../../app/test-world.js';
import {
  csrfOf,
  createTestApp,
  signedIn,
  signedInFirstAdmin,
  type TestApp,
  type TestClient,
} from '../../../app/test-client.js';
import { randomIds, systemClock } from '../../../platform/infra/clock.js';
import { insertResponses } from '../../surveys/feature.js';

/**
 * Issue 13, part 1: the round's page is a step list of the stages, with the current stage, what
 * is left (counted) and links to where it is done, each link shown only to who may open it;
 * every move goes through its confirmation page.
 */

const PASSWORD = 'correct horse battery';
const NOW = '2026-11-26T03:00:00.000Z';
/** U1 has 100 eligible staff: the IIT minimum sample of ita-2569 is then 30. */
const TREE: AgencySeed[] = [
  ...MINISTRY_TREE.map((a) => (a.id === 'u1' ? { ...a, eligibleStaff: 100 } : a)),
  { id: 'u3', parentId: 'min', path: '/min/u3/' },
];
/** The people of the test: [email, agency, role]. */
const PEOPLE: [string, string, string][] = [
  ['parent@example.org', 'min', 'parent_admin'],
  ['admin-u1@example.org', 'u1', 'agency_admin'],
  ['head-u1@example.org', 'u1', 'head_of_agency'],
  ['admin-u3@example.org', 'u3', 'agency_admin'],
  ['head-u3@example.org', 'u3', 'head_of_agency'],
  ['assessor@example.org', 'min', 'assessor'],
];
/** Links not followed: they change the session (language, sign-out) or are not pages. */
const SKIP = [/^\/lang\//, /^\/logout/, /^\/static\//, /^\/assets\//, /^\/favicon/];

/** The same-site links of a page (href="/…"), fragments dropped. */
function linksOf(html: string): string[] {
  const found = new Set<string>();
  for (const match of html.matchAll(/<a\b[^>]*\bhref="([^"]+)"/g)) {
    const href = (match[1] ?? '').replaceAll('&amp;', '&').split('#')[0] ?? '';
    if (href.startsWith('/') && !href.startsWith('//') && !SKIP.some((re) => re.test(href)))
      found.add(href);
  }
  return [...found];
}

/** The step list's item of one stage (its opening tag and content). */
function stepOf(html: string, stage: string): string {
  const start = html.indexOf(`<li data-stage="${stage}"`);
  if (start < 0) throw new Error(`no step ${stage}`);
  const end = html.indexOf('<li data-stage=', start + 1);
  return html.slice(start, end < 0 ? html.indexOf('</ol>', start) : end);
}

for (const dialect of DIALECTS) {
  describe(`a round's step list [${dialect}]`, () => {
    let t: TestApp;
    const ids = new Map<string, string>();
    const clients = new Map<string, TestClient>();
    const rounds = new Map<string, string>();

    beforeAll(async () => {
      // every link of the page is opened for three people in six states: no rate limit here
      t = await createTestApp(dialect, systemClock, { RATE_LIMIT_PER_MINUTE: 100_000 });
      await worldAt(NOW).seedAgencies(t.ctx.db, TREE);
      const admin = await signedInFirstAdmin(t, 'ผู้ดูแล', PASSWORD);
      const csrf = await csrfOf(admin);
      for (const [email, agencyId, role] of PEOPLE) {
        const body = { email, displayName: email, password: PASSWORD, agencyId, role };
        const created = await admin.api('POST', '/api/v1/users', body, csrf);
        expect(created.statusCode, created.body).toBe(201);
        ids.set(email, created.json().id as string);
      }
      for (const [email] of PEOPLE) clients.set(email, await signedIn(t, email, PASSWORD));
      const parent = as('parent@example.org');
      const open = { parentAgencyId: 'min', editionCode: 'ita-2569' };
      const opened = await parent.api('POST', '/api/v1/rounds/open', open, await csrfOf(parent));
      for (const r of opened.json().created as { agencyId: string; roundId: string }[])
        rounds.set(r.agencyId, r.roundId);
    }, 120_000);
    afterAll(async () => t.close());

    function as(email: string): TestClient {
      const c = clients.get(email);
      if (!c) throw new Error(`no client ${email}`);
      return c;
    }

    /** Puts a round in a state directly (the test's starting point, not a move). */
    async function putIn(roundId: string, state: string) {
      await t.ctx.db.kysely
        .updateTable('assessment_round')
        .set({ state })
        .where('id', '=', roundId)
        .execute();
    }

    async function stateOf(roundId: string): Promise<string> {
      const row = await t.ctx.db.kysely
        .selectFrom('assessment_round')
        .select('state')
        .where('id', '=', roundId)
        .executeTakeFirst();
      return row?.state ?? '';
    }

    /** U1's round with answers and OIT evidence in every status, its assessor assigned. */
    async function u1World(): Promise<string> {
      const roundId = rounds.get('u1') ?? '';
      const db = t.ctx.db.kysely;
      const responses = (instrument: string, n: number) =>
        Array.from({ length: n }, () => ({
          id: randomIds.uuid(),
          roundId,
          agencyId: 'u1',
          instrument,
          answers: {},
          submittedOn: '2026-11-20',
          source: 'import' as const,
        }));
      await insertResponses(db, [...responses('IIT', 12), ...responses('EIT', 3)]);
      const statuses: [string, string][] = [
        ['O1', 'ready'],
        ['O2', 'approved'],
        ['O3', 'submitted'],
        ['O4', 'submitted'],
        ['O5', 'submitted'],
      ];
      for (const [item, status] of statuses)
        await db
          .insertInto('oit_evidence')
          .values({
            id: randomIds.uuid(),
            round_id: roundId,
            item_code: item,
            owner_user_id: null,
            status,
            explanation: '',
            elements_json: '{}',
            updated_at: NOW,
          })
          .execute();
      await db
        .insertInto('oit_assignment')
        .values({
          round_id: roundId,
          assessor_user_id: ids.get('assessor@example.org') ?? '',
          role: 'primary',
          assigned_at: NOW,
        })
        .execute();
      return roundId;
    }

    async function decide(roundId: string, item: string, score: number, stage = 'initial') {
      await t.ctx.db.kysely
        .insertInto('oit_decision')
        .values({
          id: randomIds.uuid(),
          round_id: roundId,
          item_code: item,
          assessor_user_id: ids.get('assessor@example.org') ?? '',
          stage,
          score,
          reason: score >= 100 ? '' : 'ไม่พบองค์ประกอบ',
          advice: '',
          decided_at: NOW,
        })
        .execute();
    }

    it('shows the current stage and what is left, counted, with links to where it is done', async () => {
      const id = await u1World();
      await putIn(id, 'collecting');
      const page = await as('admin-u1@example.org').get(`/rounds/${id}`);
      expect(page.statusCode).toBe(200);
      const body = page.body;
      expect(body).toContain('<ol class="steps" data-steps="true">');
      expect(body.match(/aria-current="step"/g)?.length).toBe(1);
      const stages = [...body.matchAll(/<li data-stage="(\w+)"/g)].map((x) => x[1]);
      expect(stages).toEqual([
        'setup',
        'collecting',
        'oit_review',
        'clarification',
        'confirmed',
        'published',
      ]);
      const here = stepOf(body, 'collecting');
      expect(here).toContain('aria-current="step"');
      expect(stepOf(body, 'setup')).toContain('data-status="done"');
      expect(stepOf(body, 'oit_review')).toContain('data-status="upcoming"');
      expect(here).toContain('แบบวัด IIT: ตอบแล้ว 12 จากขั้นต่ำ 30 คน (ขาดอีก 18 คน)');
      expect(here).toContain('แบบวัด EIT: ตอบแล้ว 3 คน');
      expect(here).toContain('ข้อ OIT ที่ยังร่างอยู่หรือยังไม่เริ่ม: 21 จาก 26 ข้อ');
      expect(here).toContain('พร้อมเสนอ รอหัวหน้าหน่วยงานอนุมัติ: 1 ข้อ');
      expect(here).toContain('อนุมัติแล้ว รอผู้ดูแลของหน่วยงานส่ง: 1 ข้อ');
      expect(here).toContain('ส่งแล้ว: 3 จาก 26 ข้อ');
      expect(here).toContain('หัวหน้าหน่วยงาน');
      expect(here).toContain(`href="/rounds/${id}/surveys"`);
      expect(here).toContain(`href="/rounds/${id}/oit"`);
      // the agency moves nothing: it is told who does
      expect(here).toContain('ผู้เปลี่ยนไปขั้นถัดไป: ผู้ดูแลระบบ และ ผู้ดูแลหน่วยงานต้นสังกัด');

      // OIT review: what waits for the assessor, counted; the review linked for the parent only
      await putIn(id, 'oit_review');
      await decide(id, 'O3', 0);
      const review = stepOf(
        (await as('admin-u1@example.org').get(`/rounds/${id}`)).body,
        'oit_review',
      );
      expect(review).toContain('aria-current="step"');
      expect(review).toContain('ข้อที่ส่งแล้วและรอผลการตรวจ: 2 จาก 3 ข้อ');
      expect(review).not.toContain('/review/rounds/');
      const parentView = (await as('parent@example.org').get(`/rounds/${id}`)).body;
      expect(stepOf(parentView, 'oit_review')).toContain(`href="/review/rounds/${id}"`);

      // clarification: failed items still to answer, answers waiting for the final decision
      await decide(id, 'O4', 0);
      await decide(id, 'O5', 100);
      await t.ctx.db.kysely
        .insertInto('oit_clarification')
        .values({
          id: randomIds.uuid(),
          round_id: id,
          item_code: 'O3',
          text: 'ข้อมูลอยู่ที่หน้าแรก',
          new_url: null,
          file_id: null,
          created_by: ids.get('admin-u1@example.org') ?? null,
          created_at: NOW,
        })
        .execute();
      await putIn(id, 'clarification');
      const clarify = stepOf(
        (await as('admin-u1@example.org').get(`/rounds/${id}`)).body,
        'clarification',
      );
      expect(clarify).toContain('ข้อที่ไม่ผ่านและยังไม่ได้ชี้แจง: 1 จาก 2 ข้อ');
      expect(clarify).toContain('คำชี้แจงที่รอผู้ประเมินให้ผลรอบสุดท้าย: 1 ข้อ');
      expect(clarify).toContain(`href="/rounds/${id}/oit/clarify"`);
      // the assessor assigned to the round is led to the review; the English page says it too
      const assessor = (await as('assessor@example.org').get(`/rounds/${id}`)).body;
      expect(stepOf(assessor, 'clarification')).toContain(`href="/review/rounds/${id}"`);
      await as('admin-u1@example.org').get('/lang/en');
      const english = (await as('admin-u1@example.org').get(`/rounds/${id}`)).body;
      expect(stepOf(english, 'clarification')).toContain('Failed items not yet answered: 1 of 2');
      await as('admin-u1@example.org').get('/lang/th');
    });

    it('links nothing the agency administrator, the head or the parent body cannot open', async () => {
      const id = rounds.get('u3') ?? '';
      const people = ['admin-u3@example.org', 'head-u3@example.org', 'parent@example.org'];
      const check = async (state: string) => {
        for (const email of people) {
          const c = as(email);
          const page = await c.get(`/rounds/${id}`);
          expect([state, email, page.statusCode]).toEqual([state, email, 200]);
          const links = linksOf(page.body);
          expect(links.length).toBeGreaterThan(5);
          for (const link of links) {
            const res = await c.get(link);
            expect([state, email, link, res.statusCode < 400]).toEqual([state, email, link, true]);
          }
          // the page of the OIT review answers 404 to the agency: never linked for it
          if (email !== 'parent@example.org') expect(links).not.toContain(`/review/rounds/${id}`);
          else expect(links).toContain(`/review/rounds/${id}`);
        }
      };
      for (const state of ['setup', 'collecting', 'oit_review', 'clarification']) {
        await putIn(id, state);
        await check(state);
      }
      // confirmed and published through their confirmation pages (the scores are stored)
      const parent = as('parent@example.org');
      await putIn(id, 'clarification');
      expect((await parent.get(`/rounds/${id}`)).body).toContain(
        `href="/review/rounds/${id}/confirm" data-move="confirmed"`,
      );
      await parent.get(`/review/rounds/${id}/confirm`);
      expect((await parent.post(`/review/rounds/${id}/confirm`, {})).statusCode).toBe(302);
      await check('confirmed');
      await parent.get(`/rounds/${id}/state/published`);
      expect((await parent.post(`/rounds/${id}/state/published`, {})).statusCode).toBe(302);
      expect(await stateOf(id)).toBe('published');
      await check('published');
    });

    it('moves a stage only on its confirmation page, which says what will happen', async () => {
      const id = rounds.get('u2') ?? '';
      const parent = as('parent@example.org');
      const page = await parent.get(`/rounds/${id}`);
      expect(page.body).toContain(`href="/rounds/${id}/state/collecting" data-move="collecting"`);
      expect(page.body).not.toContain('name="to"');
      // a bare post moves nothing
      const bare = await parent.post(`/rounds/${id}/state`, { to: 'collecting' });
      expect(bare.statusCode).toBe(400);
      expect(bare.body).toContain('ได้จากหน้ายืนยันเท่านั้น');
      expect(await stateOf(id)).toBe('setup');
      // the confirmation page says what will happen and what cannot be undone
      const confirm = await parent.get(`/rounds/${id}/state/collecting`);
      expect(confirm.statusCode).toBe(200);
      expect(confirm.body).toContain('สิ่งที่จะเกิดขึ้น');
      expect(confirm.body).toContain('แบบวัด IIT และ EIT เริ่มรับคำตอบ');
      expect(confirm.body).toContain('สิ่งที่ย้อนกลับไม่ได้');
      expect(confirm.body).toContain(`action="/rounds/${id}/state/collecting"`);
      // the agency may not open it, nor post it
      const agency = as('admin-u1@example.org');
      expect((await agency.get(`/rounds/${id}/state/collecting`)).statusCode).toBe(404);
      // a forged post is refused; the confirmed post moves the round
      const forged = await parent.post(`/rounds/${id}/state/collecting`, { _csrf: 'forged' });
      expect(forged.statusCode).toBe(403);
      expect(await stateOf(id)).toBe('setup');
      await parent.get(`/rounds/${id}/state/collecting`);
      const moved = await parent.post(`/rounds/${id}/state/collecting`, {});
      expect(moved.statusCode).toBe(302);
      expect(String(moved.headers.location)).toBe(`/rounds/${id}?done=moved`);
      expect(await stateOf(id)).toBe('collecting');
      // a confirmation page of a move no longer possible leads back to the round
      const stale = await parent.get(`/rounds/${id}/state/collecting`);
      expect(stale.statusCode).toBe(302);
      expect(String(stale.headers.location)).toBe(`/rounds/${id}`);
      // going back is a move too, said before it is made
      const back = await parent.get(`/rounds/${id}/state/setup`);
      expect(back.body).toContain('แบบวัด IIT และ EIT หยุดรับคำตอบ');
    });
  });
}
