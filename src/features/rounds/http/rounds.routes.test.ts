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
import { step } from '../../../app/test-steps.js';

const PASSWORD = 'correct horse battery';
const NOW = '2026-11-26T03:00:00.000Z';

/** The ministry tree with a third unit and a second, unrelated parent; English names are ids. */
const TREE: AgencySeed[] = [
  ...MINISTRY_TREE,
  { id: 'u3', parentId: 'min', path: '/min/u3/' },
  { id: 'other', parentId: null, path: '/other/' },
].map((a) => ({ ...a, nameEn: a.id }));

/** The first administrator (through /setup) creates the people of the tests through the API. */
async function seedPeople(t: TestApp): Promise<TestClient> {
  const admin = await signedInFirstAdmin(t, 'ผู้ดูแล', PASSWORD);
  const csrf = await csrfOf(admin);
  const people: [string, string, string][] = [
    ['min@example.org', 'min', 'parent_admin'],
    ['u1@example.org', 'u1', 'agency_admin'],
  ];
  for (const [email, agencyId, role] of people) {
    const body = { email, displayName: email, password: PASSWORD, agencyId, role };
    expect((await admin.api('POST', '/api/v1/users', body, csrf)).statusCode).toBe(201);
  }
  return admin;
}

function roundIdOf(body: string, agencyCode: string): string {
  const pattern = new RegExp(`href="/rounds/([0-9a-f-]{36})">${agencyCode} `);
  return pattern.exec(body)?.[1] ?? '';
}

for (const dialect of DIALECTS) {
  describe(`assessment rounds pages and API [${dialect}]`, () => {
    let t: TestApp;
    let parent: TestClient;
    beforeAll(async () => {
      t = await createTestApp(dialect);
      await worldAt(NOW).seedAgencies(t.ctx.db, TREE);
      await seedPeople(t);
      parent = await signedIn(t, 'min@example.org', PASSWORD);
    });
    afterAll(async () => t.close());

    /** The story's steps (app/test-steps.ts): rounds opened for U1, U2 and U3 through the form. */
    const unitsOpened = step(async () => {
      const form = await parent.get('/rounds/open');
      expect(form.body).toContain('value="min"');
      expect(form.body).not.toContain('value="other"');
      expect(form.body).toContain('value="ita-2569"');
      const result = await parent.post('/rounds/open', {
        parentAgencyId: 'min',
        editionCode: 'ita-2569',
      });
      expect(result.statusCode).toBe(200);
      expect(result.body).toContain('เปิดรอบใหม่ (3)');
      for (const code of ['U1', 'U2', 'U3']) expect(result.body).toContain(`<td>${code}</td>`);
      const list = await parent.get('/rounds');
      expect(list.body).toContain('เตรียมการ');
      expect(list.body).toMatch(/\d{1,2} [ก-๙.]+ 25\d\d/);
      expect(list.body).toContain('เกณฑ์ปี 2569');
      expect(list.body).not.toContain('ita-2569');
    });

    /** The ministry's own round opened as well, the units skipped. */
    const ministryOpenedToo = step(async () => {
      await unitsOpened();
      await parent.get('/rounds/open');
      const form = { parentAgencyId: 'min', editionCode: 'ita-2569', includeParent: '1' };
      const again = await parent.post('/rounds/open', form);
      expect(again.body).toContain('เปิดรอบใหม่ (1)');
      expect(again.body).toMatch(/ข้าม \(มีรอบของฉบับเกณฑ์นี้อยู่แล้ว\) \(\s*3\)/);
      const missing = await parent.post('/rounds/open', {
        parentAgencyId: '',
        editionCode: 'ita-2569',
      });
      expect(missing.statusCode).toBe(400);
      expect(missing.body).toContain('กรุณาเลือกหน่วยงานต้นสังกัด');
    });

    /** U1's round moved through every state to published. */
    const u1Published = step(async () => {
      await unitsOpened();
      const id = roundIdOf((await parent.get('/rounds')).body, 'U1');
      // every move goes through its confirmation page (issue 13): the round's page links to it
      const move = async (to: string) => {
        const confirm = await parent.get(`/rounds/${id}/state/${to}`);
        expect(confirm.statusCode).toBe(200);
        expect(confirm.body).toContain('สิ่งที่จะเกิดขึ้น');
        const moved = await parent.post(`/rounds/${id}/state/${to}`, {});
        expect(moved.statusCode).toBe(302);
        expect((await parent.get(String(moved.headers.location))).body).toContain('เปลี่ยนสถานะแล้ว');
      };
      for (const to of ['collecting', 'oit_review', 'clarification']) {
        const page = await parent.get(`/rounds/${id}`);
        expect(page.body).toContain(`href="/rounds/${id}/state/${to}" data-move="${to}"`);
        await move(to);
      }
      // confirming stores the scores, so it happens on the OIT review's confirmation page,
      // never with one click (issue 12: what cannot be undone is said first)
      const page = await parent.get(`/rounds/${id}`);
      expect(page.body).toContain(`href="/review/rounds/${id}/confirm"`);
      const bare = await parent.post(`/rounds/${id}/state`, { to: 'confirmed' });
      expect(bare.statusCode).toBe(400);
      expect(bare.body).toContain('ยืนยันผลได้จากหน้าผลการตรวจ OIT เท่านั้น');
      expect((await parent.get(`/review/rounds/${id}/confirm`)).statusCode).toBe(200);
      expect((await parent.post(`/review/rounds/${id}/confirm`, {})).statusCode).toBe(302);
      // publishing too, on its own confirmation page
      expect((await parent.get(`/rounds/${id}`)).body).toContain(
        `href="/rounds/${id}/state/published"`,
      );
      expect((await parent.post(`/rounds/${id}/state`, { to: 'published' })).statusCode).toBe(400);
      expect((await parent.get(`/rounds/${id}/state/published`)).statusCode).toBe(200);
      const publishing = await parent.post(`/rounds/${id}/state/published`, {});
      expect(publishing.statusCode).toBe(302);
      expect(String(publishing.headers.location)).toBe(`/rounds/${id}?done=moved`);
      const done = await parent.get(`/rounds/${id}`);
      expect(done.body).toContain('ประกาศผลแล้ว');
      // withdrawing is the system administrator's: nothing to offer the parent body
      expect(done.body).not.toContain('data-move=');
      const published = await parent.get('/rounds?state=published');
      expect(published.body).toContain('U1 หน่วยงาน u1');
      expect(published.body).not.toContain('U2 หน่วยงาน u2');
    });

    it("opens rounds for a ministry's units through the form", () => unitsOpened());

    it('skips the units that already have a round and reports them', () => ministryOpenedToo());

    it('refuses opening rounds to an agency admin, who sees only their own rounds', async () => {
      await unitsOpened();
      const c = await signedIn(t, 'u1@example.org', PASSWORD);
      expect((await c.get('/rounds/open')).body).toContain('คุณไม่มีสิทธิ์เปิดรอบการประเมิน');
      const refused = await c.post('/rounds/open', {
        parentAgencyId: 'u1',
        editionCode: 'ita-2569',
      });
      expect(refused.statusCode).toBe(403);
      const list = await c.get('/rounds');
      expect(list.body).toContain('U1 หน่วยงาน u1');
      expect(list.body).not.toContain('U2 หน่วยงาน u2');
      const u2 = roundIdOf((await parent.get('/rounds')).body, 'U2');
      expect((await c.get(`/rounds/${u2}`)).statusCode).toBe(404);
    });

    it('moves a round through its states on their confirmation pages', () => u1Published());

    it('refuses an invalid move with a Thai message', async () => {
      await unitsOpened();
      const id = roundIdOf((await parent.get('/rounds')).body, 'U2');
      const bad = await parent.post(`/rounds/${id}/state`, { to: 'published' });
      expect(bad.statusCode).toBe(400);
      expect(bad.body).toContain(
        'เปลี่ยนสถานะจาก &quot;เตรียมการ&quot; เป็น &quot;ประกาศผลแล้ว&quot; ไม่ได้',
      );
      const unknown = await parent.post(`/rounds/${id}/state`, { to: 'finished' });
      expect(unknown.statusCode).toBe(400);
      expect(unknown.body).toContain('กรุณาเลือกสถานะ');
      const viewer = await signedIn(t, 'u1@example.org', PASSWORD);
      const u1 = roundIdOf((await viewer.get('/rounds')).body, 'U1');
      await viewer.get(`/rounds/${u1}`);
      expect((await viewer.post(`/rounds/${u1}/state`, { to: 'confirmed' })).statusCode).toBe(403);
    });

    it('answers the API, and refuses changes without the CSRF header', async () => {
      await ministryOpenedToo();
      await u1Published();
      const csrf = await csrfOf(parent);
      const rounds = (await parent.api('GET', '/api/v1/rounds?state=setup')).json().rounds as {
        id: string;
        agencyCode: string;
      }[];
      expect(rounds.length).toBe(3);
      // a unit's round: the ministry's own is not the ministry's to publish (issue 12), so an
      // invalid move there would be refused as forbidden before it is found invalid
      const u2 = rounds.find((r) => r.agencyCode === 'U2');
      const url = `/api/v1/rounds/${u2?.id ?? ''}/state`;
      expect((await parent.api('POST', url, { to: 'collecting' })).statusCode).toBe(403);
      const moved = await parent.api('POST', url, { to: 'collecting' }, csrf);
      expect(moved.statusCode).toBe(200);
      expect(moved.json().round.state).toBe('collecting');
      const invalid = await parent.api('POST', url, { to: 'published' }, csrf);
      expect(invalid.statusCode).toBe(400);
      expect(invalid.json()).toMatchObject({ code: 'invalid_transition' });
      const open = { parentAgencyId: 'min', editionCode: 'ita-2569', includeParent: true };
      expect((await parent.api('POST', '/api/v1/rounds/open', open)).statusCode).toBe(403);
      const reopened = await parent.api('POST', '/api/v1/rounds/open', open, csrf);
      expect(reopened.json().created).toEqual([]);
      expect(reopened.json().skipped.length).toBe(4);
      const other = { ...open, parentAgencyId: 'other' };
      expect((await parent.api('POST', '/api/v1/rounds/open', other, csrf)).statusCode).toBe(403);
    });
  });
}
