import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertAgency } from '../../agencies/feature.js';
import { DIALECTS } from '../../../platform/db/test-databases.js';
import {
  csrfOf,
  createTestApp,
  signedInFirstAdmin,
  type TestApp,
  type TestClient,
} from '../../../app/test-client.js';
import { step } from '../../../app/test-steps.js';

const PASSWORD = 'correct horse battery';
const NOW = '2026-11-26T03:00:00.000Z';

async function seedAgencies(t: TestApp): Promise<void> {
  const tree: [string, string | null, string, string][] = [
    ['m', null, '/m/', 'กระทรวงตัวอย่าง'],
    ['d1', 'm', '/m/d1/', 'กรมหนึ่ง'],
    ['d2', 'm', '/m/d2/', 'กรมสอง'],
  ];
  for (const [id, parentId, path, nameTh] of tree) {
    const agency = { id, parentId, path, code: id.toUpperCase(), type: 'unit', nameTh };
    const rest = { nameEn: id, website: null, eligibleStaff: null };
    await insertAgency(t.ctx.db.kysely, { ...agency, ...rest }, NOW);
  }
}

function newUserForm(email: string, agencyId: string, role: string) {
  return { displayName: `ผู้ใช้ ${email}`, email, password: PASSWORD, agencyId, role };
}

/** Creates a user through the form and returns their id. */
async function createThroughForm(c: TestClient, form: Record<string, string>): Promise<string> {
  await c.get('/users/new');
  const response = await c.post('/users/new', form);
  expect(response.statusCode).toBe(302);
  const id = /^\/users\/([^?]+)\?done=created$/.exec(String(response.headers.location))?.[1];
  if (!id) throw new Error(`unexpected redirect ${String(response.headers.location)}`);
  return id;
}

for (const dialect of DIALECTS) {
  describe(`users and roles pages and API [${dialect}]`, () => {
    let t: TestApp;
    let admin: TestClient;
    let d1AdminId = '';
    beforeAll(async () => {
      t = await createTestApp(dialect);
      await seedAgencies(t);
      admin = await signedInFirstAdmin(t, 'ผู้ดูแลระบบ', PASSWORD);
    });
    afterAll(async () => t.close());

    /** D1's agency admin somchai@example.org, made through the form once (app/test-steps.ts). */
    const somchaiCreated = step(async () => {
      const form = newUserForm('somchai@example.org', 'd1', 'agency_admin');
      d1AdminId = await createThroughForm(admin, form);
      const page = await admin.get(`/users/${d1AdminId}?done=created`);
      expect(page.body).toContain('สร้างบัญชีแล้ว');
      expect(page.body).toContain('ผู้ดูแลของหน่วยงาน · D1 กรมหนึ่ง');
      const list = await admin.get('/users');
      expect(list.body).toContain('somchai@example.org');
      expect(list.body).toContain('table-scroll');
      const somchai = t.client();
      expect((await somchai.signIn('somchai@example.org', PASSWORD)).statusCode).toBe(302);
      expect((await somchai.get('/home')).body).toContain('ผู้ใช้ somchai@example.org');
    });

    it('creates a user through the form, who can then sign in', () => somchaiCreated());

    it('shows Thai errors next to the fields of a bad form and saves nothing', async () => {
      await somchaiCreated();
      const before = (await admin.api('GET', '/api/v1/users')).json().users.length;
      await admin.get('/users/new');
      const bad = await admin.post('/users/new', {
        displayName: '',
        email: 'not-an-email',
        password: 'short',
        agencyId: 'd1',
        role: '',
      });
      expect(bad.statusCode).toBe(400);
      for (const text of ['อีเมลไม่ถูกต้อง', 'รหัสผ่านต้องยาวอย่างน้อย 12 ตัวอักษร', 'กรุณาเลือกบทบาท'])
        expect(bad.body).toContain(text);
      expect(bad.body).toContain('id="email-error"');
      const duplicate = await admin.post(
        '/users/new',
        newUserForm('SOMCHAI@example.org', 'd1', 'viewer'),
      );
      expect(duplicate.statusCode).toBe(409);
      expect(duplicate.body).toContain('มีบัญชีที่ใช้อีเมล somchai@example.org แล้ว');
      expect((await admin.api('GET', '/api/v1/users')).json().users.length).toBe(before);
    });

    it('keeps an agency admin to the users and roles of their own agency', async () => {
      await somchaiCreated();
      const otherId = await createThroughForm(admin, newUserForm('d2@example.org', 'd2', 'viewer'));
      const c = t.client();
      await c.signIn('somchai@example.org', PASSWORD);
      const list = await c.get('/users');
      expect(list.body).toContain('somchai@example.org');
      expect(list.body).not.toContain('d2@example.org');
      expect((await c.get(`/users/${otherId}`)).statusCode).toBe(404);
      const emails = (await c.api('GET', '/api/v1/users'))
        .json()
        .users.map((u: { email: string }) => u.email);
      expect(emails).toEqual(['somchai@example.org']);
      const form = await c.get('/users/new');
      expect(form.body).toContain('value="d1"');
      expect(form.body).not.toContain('value="d2"');
      expect(form.body).not.toContain('value="parent_admin"');
      const refused = await c.post('/users/new', newUserForm('x@example.org', 'd2', 'viewer'));
      expect(refused.statusCode).toBe(403);
      expect(refused.body).toContain('คุณไม่มีสิทธิ์ทำรายการนี้');
    });

    it('gives and removes a role with the buttons of the user page', async () => {
      await somchaiCreated();
      await admin.get(`/users/${d1AdminId}`);
      const granted = await admin.post(`/users/${d1AdminId}/roles`, {
        agencyId: 'd2',
        role: 'viewer',
      });
      expect(granted.statusCode).toBe(302);
      const page = await admin.get(`/users/${d1AdminId}?done=granted`);
      expect(page.body).toContain('ผู้ดูข้อมูล · D2 กรมสอง');
      const revoke = /action="(\/users\/[^"]+\/revoke)"/g;
      const actions = [...page.body.matchAll(revoke)].map((match) => match[1] ?? '');
      expect(actions.length).toBe(2);
      const again = await admin.post(`/users/${d1AdminId}/roles`, {
        agencyId: 'd2',
        role: 'viewer',
      });
      expect(again.statusCode).toBe(409);
      expect(again.body).toContain('ผู้ใช้มีบทบาทนี้ที่หน่วยงานนี้อยู่แล้ว');
      const viewerRow = page.body.split('ผู้ดูข้อมูล · D2 กรมสอง')[1] ?? '';
      const action = /action="(\/users\/[^"]+\/revoke)"/.exec(viewerRow)?.[1] ?? '';
      expect((await admin.post(action, {})).statusCode).toBe(302);
      expect((await admin.get(`/users/${d1AdminId}`)).body).not.toContain('ผู้ดูข้อมูล · D2');
    });

    it('answers the API only with the CSRF header for changes', async () => {
      const csrf = await csrfOf(admin);
      const body = newUserForm('api@example.org', 'd1', 'viewer');
      expect((await admin.api('POST', '/api/v1/users', body)).statusCode).toBe(403);
      const created = await admin.api('POST', '/api/v1/users', body, csrf);
      expect(created.statusCode).toBe(201);
      const id = created.json().id as string;
      const roleUrl = `/api/v1/users/${id}/roles`;
      expect(
        (await admin.api('POST', roleUrl, { agencyId: 'd2', role: 'assessor' })).statusCode,
      ).toBe(403);
      const role = await admin.api('POST', roleUrl, { agencyId: 'd2', role: 'assessor' }, csrf);
      expect(role.statusCode).toBe(201);
      const url = `${roleUrl}/${role.json().membershipId as string}`;
      expect((await admin.api('DELETE', url)).statusCode).toBe(403);
      expect((await admin.api('DELETE', url, undefined, csrf)).statusCode).toBe(200);
      const invalid = await admin.api('POST', '/api/v1/users', { ...body, email: 'x' }, csrf);
      expect(invalid.statusCode).toBe(400);
      expect(invalid.headers['content-type']).toContain('application/problem+json');
      const paths = Object.keys((await admin.api('GET', '/api/v1/openapi.json')).json().paths);
      expect(paths).toContain('/api/v1/users/{id}/roles/{membershipId}');
    });

    it('disables and enables an account with the button', async () => {
      await somchaiCreated();
      await admin.get(`/users/${d1AdminId}`);
      expect((await admin.post(`/users/${d1AdminId}/disabled`, { disabled: '1' })).statusCode).toBe(
        302,
      );
      expect((await t.client().signIn('somchai@example.org', PASSWORD)).statusCode).toBe(401);
      await admin.get(`/users/${d1AdminId}`);
      expect((await admin.post(`/users/${d1AdminId}/disabled`, { disabled: '0' })).statusCode).toBe(
        302,
      );
      expect((await t.client().signIn('somchai@example.org', PASSWORD)).statusCode).toBe(302);
    });
  });
}
