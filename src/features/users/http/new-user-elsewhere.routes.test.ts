import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  signedInFirstAdmin,
  type TestApp,
  type TestClient,
} from '../../../app/test-client.js';
import { insertAgency } from '../../agencies/feature.js';
import { listAuditEntries } from '../../audit/feature.js';
import { DIALECTS } from '../../../platform/db/test-databases.js';

const PASSWORD = 'correct horse battery';
const NOW = '2026-12-08T03:00:00.000Z';

function form(email: string, agencyId: string, role: string) {
  return { displayName: 'สมหญิง ตัวอย่าง', email, password: PASSWORD, agencyId, role };
}

/** What the creator's browser shows after posting the new-user form: the answer, then the page. */
async function create(c: TestClient, body: Record<string, string>) {
  await c.get('/users/new');
  const answer = await c.post('/users/new', body);
  const location = String(answer.headers.location ?? '');
  const page = location ? await c.get(location) : answer;
  return { status: answer.statusCode, location, page: page.body };
}

/** A user page with its ids and dates taken out, to compare two of them. */
function shape(body: string): string {
  return body
    .replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, 'ID')
    .replace(/fresh@example\.org|elsewhere@example\.org/g, 'EMAIL')
    .replace(/name="_csrf" value="[^"]+"/g, '');
}

for (const dialect of DIALECTS) {
  describe(`creating a user never tells that the address has an account elsewhere [${dialect}]`, () => {
    let t: TestApp;
    let admin: TestClient;
    let d1Admin: TestClient;
    beforeAll(async () => {
      t = await createTestApp(dialect);
      for (const [id, path, nameTh] of [
        ['d1', '/d1/', 'กรมหนึ่ง'],
        ['d2', '/d2/', 'กรมลับ'],
      ] as const) {
        const agency = { id, parentId: null, path, code: id.toUpperCase(), type: 'unit', nameTh };
        await insertAgency(
          t.ctx.db.kysely,
          { ...agency, nameEn: id, website: null, eligibleStaff: null },
          NOW,
        );
      }
      admin = await signedInFirstAdmin(t, 'ผู้ดูแลระบบ', PASSWORD);
      expect((await create(admin, form('elsewhere@example.org', 'd2', 'viewer'))).status).toBe(302);
      expect(
        (await create(admin, { ...form('boss@example.org', 'd1', 'agency_admin') })).status,
      ).toBe(302);
      d1Admin = t.client();
      expect((await d1Admin.signIn('boss@example.org', PASSWORD)).statusCode).toBe(302);
    });
    afterAll(async () => t.close());

    it('answers an address with an account at another agency exactly as a new one', async () => {
      const fresh = await create(d1Admin, form('fresh@example.org', 'd1', 'viewer'));
      const elsewhere = await create(d1Admin, form('elsewhere@example.org', 'd1', 'viewer'));
      expect(elsewhere.status).toBe(fresh.status);
      expect(fresh.status).toBe(302);
      expect(elsewhere.location).toMatch(/^\/users\/[^?]+\?done=created$/);
      // The page the creator lands on reads the same, and never names the other agency.
      expect(shape(elsewhere.page)).toBe(shape(fresh.page));
      expect(elsewhere.page).not.toContain('กรมลับ');
      expect(elsewhere.page).not.toContain('D2');
      // The person keeps their own password and gets the role; the audit log says so.
      expect((await t.client().signIn('elsewhere@example.org', PASSWORD)).statusCode).toBe(302);
      const entries = await listAuditEntries(t.ctx.db.kysely, 0, 1000);
      expect(entries.at(-1)?.action).toBe('user.grant_role');
    });

    it('tells the creator about an address they already manage', async () => {
      const again = await create(d1Admin, form('FRESH@example.org', 'd1', 'item_owner'));
      expect(again.status).toBe(409);
      expect(again.page).toContain('มีบัญชีที่ใช้อีเมล fresh@example.org แล้ว');
    });
  });
}
