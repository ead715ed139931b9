import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import {
  createTestApp,
  csrfOf,
  signedInFirstAdmin,
  type TestApp,
  type TestClient,
} from '../../../app/test-client.js';
import { insertAgency } from '../../agencies/feature.js';
import { listAuditEntries } from '../../audit/feature.js';
import { DIALECTS } from '../../../platform/db/test-databases.js';
import { createFixedClock } from '../../../platform/infra/clock.js';

const PASSWORD = 'correct horse battery';
const NEW_PASSWORD = 'blue kettle on the windowsill';
const NOW = '2026-12-08T03:00:00.000Z';

/** Creates an account through the users API as the client (201 expected); returns its id. */
async function createAccount(
  c: TestClient,
  email: string,
  role = 'system_admin',
  agencyId: string | null = null,
): Promise<string> {
  const body = { email, displayName: `ผู้ใช้ ${email}`, password: PASSWORD, agencyId, role };
  const created = await c.api('POST', '/api/v1/users', body, await csrfOf(c));
  expect(created.statusCode, created.body).toBe(201);
  return created.json().id as string;
}

/** The reset link shown on the page (its path), or ''. */
function linkOf(body: string): string {
  return /https?:\/\/[^/"]+(\/reset\/[A-Za-z0-9_-]+)/.exec(body)?.[1] ?? '';
}

for (const dialect of DIALECTS) {
  describe(`password policy, change and reset links [${dialect}]`, () => {
    const clock = createFixedClock(NOW);
    let t: TestApp;
    let admin: TestClient;
    beforeAll(async () => {
      t = await createTestApp(dialect, clock);
      admin = await signedInFirstAdmin(t, 'ผู้ดูแลระบบ', PASSWORD);
    });
    // A fixed clock keeps every rate-limit window open: move on a minute for each test.
    beforeEach(() => clock.advance(60_000));
    afterAll(async () => t.close());

    it('refuses 11 characters, the e-mail and a common password, in Thai and in English', async () => {
      await admin.get('/users/new');
      const form = { displayName: 'ผู้ใช้ทดสอบ', agencyId: '', role: 'system_admin' };
      const cases: [string, string, string, string][] = [
        [
          'short@example.org',
          'abcdefghijk',
          'รหัสผ่านต้องยาวอย่างน้อย 12 ตัวอักษร',
          'at least 12 characters',
        ],
        [
          'mailpass@example.org',
          'MailPass@Example.org',
          'รหัสผ่านต้องไม่ใช่อีเมล',
          'must not be your e-mail',
        ],
        ['common@example.org', 'ilovethailand', 'รหัสผ่านนี้ใช้กันทั่วไป', 'this password is common'],
        ['common2@example.org', 'Password2569!', 'รหัสผ่านนี้ใช้กันทั่วไป', 'this password is common'],
      ];
      for (const [email, password, th] of cases) {
        const refused = await admin.post('/users/new', { ...form, email, password });
        expect(refused.statusCode, password).toBe(400);
        expect(refused.body, password).toContain(th);
        expect(refused.body).toContain('id="password-error"');
      }
      const english = await signedInFirstAdmin(t, 'ผู้ดูแลระบบ', PASSWORD);
      await english.get('/lang/en?next=/users/new');
      await english.get('/users/new');
      for (const [email, password, , en] of cases) {
        const refused = await english.post('/users/new', { ...form, email, password });
        expect(refused.body, password).toContain(en);
      }
      const users = (await admin.api('GET', '/api/v1/users')).json().users as { email: string }[];
      expect(users.map((u) => u.email)).not.toContain('short@example.org');
      // The API says the same, as problem+json.
      const api = await admin.api(
        'POST',
        '/api/v1/users',
        { ...form, agencyId: null, email: 'api@example.org', password: 'qwertyuiop12' },
        await csrfOf(admin),
      );
      expect(api.statusCode).toBe(400);
    });

    it('changes one’s own password and ends one’s other sessions, audited', async () => {
      await createAccount(admin, 'changer@example.org');
      const here = t.client();
      const there = t.client('198.51.100.9');
      expect((await here.signIn('changer@example.org', PASSWORD)).statusCode).toBe(302);
      expect((await there.signIn('changer@example.org', PASSWORD)).statusCode).toBe(302);
      expect((await here.get('/home')).body).toContain('href="/account/password"');
      await here.get('/account/password');
      const wrong = await here.post('/account/password', {
        current: 'not my password',
        password: NEW_PASSWORD,
        confirm: NEW_PASSWORD,
      });
      expect(wrong.statusCode).toBe(400);
      expect(wrong.body).toContain('รหัสผ่านปัจจุบันไม่ถูกต้อง');
      const differ = await here.post('/account/password', {
        current: PASSWORD,
        password: NEW_PASSWORD,
        confirm: `${NEW_PASSWORD}!`,
      });
      expect(differ.statusCode).toBe(400);
      expect(differ.body).toContain('รหัสผ่านใหม่ทั้งสองช่องไม่ตรงกัน');
      const weak = await here.post('/account/password', {
        current: PASSWORD,
        password: 'changer@example.org',
        confirm: 'changer@example.org',
      });
      expect(weak.statusCode).toBe(400);
      const forged = await here.post('/account/password', {
        _csrf: 'forged',
        current: PASSWORD,
        password: NEW_PASSWORD,
        confirm: NEW_PASSWORD,
      });
      expect(forged.statusCode).toBe(403);
      const changed = await here.post('/account/password', {
        current: PASSWORD,
        password: NEW_PASSWORD,
        confirm: NEW_PASSWORD,
      });
      expect(changed.statusCode).toBe(302);
      expect((await here.get('/account/password?done=changed')).body).toContain('เปลี่ยนรหัสผ่านแล้ว');
      expect((await here.get('/home')).statusCode).toBe(200);
      expect((await there.get('/home')).headers.location).toBe('/login?next=%2Fhome');
      expect((await t.client().signIn('changer@example.org', PASSWORD)).statusCode).toBe(401);
      expect((await t.client().signIn('changer@example.org', NEW_PASSWORD)).statusCode).toBe(302);
      const actions = (await listAuditEntries(t.ctx.db.kysely, 0, 1000)).map((e) => e.action);
      expect(actions).toContain('user.password_changed');
    });

    it('issues a reset link shown once, stored only as a hash, that works once', async () => {
      const id = await createAccount(admin, 'forgot@example.org');
      const person = t.client('198.51.100.20');
      expect((await person.signIn('forgot@example.org', PASSWORD)).statusCode).toBe(302);
      expect((await admin.get(`/users/${id}`)).body).toContain(`action="/users/${id}/reset-link"`);
      const issued = await admin.post(`/users/${id}/reset-link`, {});
      expect(issued.statusCode).toBe(200);
      expect(issued.headers['cache-control']).toBe('no-store');
      expect(issued.body).toContain('ระบบจะแสดงเพียงครั้งเดียว');
      const link = linkOf(issued.body);
      const token = link.split('/').pop() ?? '';
      expect(token.length).toBeGreaterThan(30);
      // Never stored in clear: the table holds the sha256 of the token, nothing else of it.
      const rows = await t.ctx.db.kysely.selectFrom('password_reset').selectAll().execute();
      expect(JSON.stringify(rows)).not.toContain(token);
      const sha = createHash('sha256').update(token).digest('hex');
      expect(rows.map((r) => r.id)).toContain(sha);
      // The user page never shows it again.
      expect((await admin.get(`/users/${id}`)).body).not.toContain(token);

      const opener = t.client('198.51.100.21');
      const page = await opener.get(link);
      expect(page.statusCode).toBe(200);
      expect(page.headers['cache-control']).toBe('no-store');
      expect(page.body).toContain('ตั้งรหัสผ่านใหม่');
      const weak = await opener.post(link, { password: 'forgot12', confirm: 'forgot12' });
      expect(weak.statusCode).toBe(400);
      expect(weak.body).toContain('รหัสผ่านต้องยาวอย่างน้อย 12 ตัวอักษร');
      const done = await opener.post(link, { password: NEW_PASSWORD, confirm: NEW_PASSWORD });
      expect(done.statusCode).toBe(302);
      expect(done.headers.location).toBe('/login?done=reset');
      // The person's sessions ended; the new password works, the old one no longer does.
      expect((await person.get('/home')).headers.location).toBe('/login?next=%2Fhome');
      expect((await t.client().signIn('forgot@example.org', PASSWORD)).statusCode).toBe(401);
      expect((await t.client().signIn('forgot@example.org', NEW_PASSWORD)).statusCode).toBe(302);
      // Once only.
      const again = t.client('198.51.100.22');
      expect((await again.get(link)).statusCode).toBe(404);
      await again.get('/login');
      const reuse = await again.post(link, { password: 'another long phrase', confirm: 'x' });
      expect(reuse.statusCode).toBe(404);
      const actions = (await listAuditEntries(t.ctx.db.kysely, 0, 1000)).map((e) => e.action);
      expect(actions).toContain('user.reset_link_issued');
      expect(actions).toContain('user.password_reset');
    });

    it('lets a reset link expire after 24 hours, and a new link replaces the old one', async () => {
      const id = await createAccount(admin, 'late@example.org');
      await admin.get(`/users/${id}`);
      const first = linkOf((await admin.post(`/users/${id}/reset-link`, {})).body);
      await admin.get(`/users/${id}`);
      const second = linkOf((await admin.post(`/users/${id}/reset-link`, {})).body);
      expect((await t.client().get(first)).statusCode).toBe(404);
      expect((await t.client().get(second)).statusCode).toBe(200);
      clock.advance(24 * 3_600_000 + 1_000);
      const expired = await t.client().get(second);
      expect(expired.statusCode).toBe(404);
      expect(expired.body).toContain('หมดอายุ');
    });

    it('gives reset links only to whoever manages every role of the person, never for oneself', async () => {
      admin = await signedInFirstAdmin(t, 'ผู้ดูแลระบบ', PASSWORD); // sessions expired above
      for (const [agencyId, path] of [
        ['a1', '/a1/'],
        ['a2', '/a2/'],
      ] as const) {
        const agency = { id: agencyId, parentId: null, path, code: agencyId.toUpperCase() };
        const rest = { type: 'unit', nameTh: `หน่วย ${agencyId}`, nameEn: agencyId };
        await insertAgency(
          t.ctx.db.kysely,
          { ...agency, ...rest, website: null, eligibleStaff: null },
          NOW,
        );
      }
      await createAccount(admin, 'a1-admin@example.org', 'agency_admin', 'a1');
      const both = await createAccount(admin, 'both@example.org', 'viewer', 'a1');
      const grant = { agencyId: 'a2', role: 'viewer' };
      await admin.api('POST', `/api/v1/users/${both}/roles`, grant, await csrfOf(admin));
      const a1Admin = t.client();
      expect((await a1Admin.signIn('a1-admin@example.org', PASSWORD)).statusCode).toBe(302);
      await a1Admin.get(`/users/${both}`);
      expect((await a1Admin.post(`/users/${both}/reset-link`, {})).statusCode).toBe(403);
      await admin.get('/home');
      const own = await admin.post(
        `/users/${(await admin.api('GET', '/api/v1/me')).json().user.id}/reset-link`,
        {},
      );
      expect(own.statusCode).toBe(400);
    });
  });
}
