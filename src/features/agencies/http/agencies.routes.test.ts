import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countAgencies, findAgencyByCode } from '../db/agency.repository.js';
import { DIALECTS } from '../../../platform/db/test-databases.js';
import { insertMembership, insertUser } from '../../users/feature.js';
import { hashPassword } from '../../users/feature.js';
import { createTestApp, type TestApp, type TestClient, csrfOf } from '../../../app/test-client.js';
import { step } from '../../../app/test-steps.js';

const PASSWORD = 'correct horse battery';
const HEADER = 'code,parent_code,type,name_th,name_en,website,eligible_staff';

function idFrom(location: unknown): string {
  const match = /^\/agencies\/([^/?]+)/.exec(String(location));
  if (!match?.[1]) throw new Error(`no agency id in ${String(location)}`);
  return match[1];
}

for (const dialect of DIALECTS) {
  describe(`agency pages and API [${dialect}]`, () => {
    let t: TestApp;
    let admin: TestClient;
    let ministryId: string;

    async function addUser(email: string, agencyId: string): Promise<TestClient> {
      const id = t.ctx.ids.uuid();
      const now = new Date().toISOString();
      const passwordHash = await hashPassword(PASSWORD);
      await insertUser(t.ctx.db.kysely, { id, email, displayName: email, passwordHash }, now);
      await insertMembership(
        t.ctx.db.kysely,
        { id: t.ctx.ids.uuid(), userId: id, agencyId, role: 'agency_admin' },
        now,
      );
      const client = t.client();
      await client.signIn(email, PASSWORD);
      return client;
    }

    beforeAll(async () => {
      t = await createTestApp(dialect);
      admin = t.client();
      await admin.get('/setup');
      await admin.post('/setup', {
        displayName: 'ผู้ดูแลระบบ',
        email: 'admin@example.org',
        password: PASSWORD,
      });
      await admin.signIn('admin@example.org', PASSWORD);
    });
    afterAll(async () => t.close());

    /** The ministry MIN and its unit UA, made through the forms (app/test-steps.ts). */
    const ministryAndUnit = step(async () => {
      expect((await admin.get('/agencies/new')).statusCode).toBe(200);
      const created = await admin.post('/agencies/new', {
        code: 'MIN',
        type: 'ministry',
        nameTh: 'กระทรวงทดสอบ',
        nameEn: '',
        website: 'https://min.example.go.th',
        eligibleStaff: '1,500',
      });
      expect(created.statusCode).toBe(302);
      ministryId = idFrom(created.headers.location);
      const detail = await admin.get(String(created.headers.location));
      expect(detail.body).toContain('บันทึกหน่วยงานใหม่แล้ว');
      expect(detail.body).toContain('บุคลากร 1,500 คน');
      await admin.get(`/agencies/new?parent=${ministryId}`);
      const unit = await admin.post(`/agencies/new?parent=${ministryId}`, {
        code: 'UA',
        type: 'unit',
        nameTh: 'สำนักงานเอ',
      });
      expect(unit.statusCode).toBe(302);
      const tree = await admin.get('/agencies');
      expect(tree.body).toContain('class="tree"');
      expect(tree.body).toContain('กระทรวงทดสอบ');
      expect(tree.body).toContain('สำนักงานเอ');
      const ministry = await admin.get(`/agencies/${ministryId}`);
      expect(ministry.body).toContain('สำนักงานเอ');
      expect(ministry.body).toContain(`/agencies/new?parent=${ministryId}`);
    });

    /** IMP-1 and IMP-2 under the ministry, imported through the form. */
    const importedByForm = step(async () => {
      await ministryAndUnit();
      const before = await countAgencies(t.ctx.db.kysely);
      await admin.get(`/agencies/import?parent=${ministryId}`);
      const bad = [HEADER, 'IMP-1,,unit,งานหนึ่ง,,,', 'IMP-2,IMP-1,castle,งานสอง,,,'].join('\n');
      const preview = await admin.post(`/agencies/import?parent=${ministryId}`, {
        csv: bad,
        mode: 'preview',
      });
      expect(preview.statusCode).toBe(400);
      expect(preview.body).toContain('type: กรุณาเลือกประเภทหน่วยงาน');
      expect(preview.body).toContain('จะสร้างใหม่');
      expect(preview.body).not.toContain('value="import"');
      const good = bad.replace('castle', 'unit');
      const checked = await admin.post(`/agencies/import?parent=${ministryId}`, {
        csv: good,
        mode: 'preview',
      });
      expect(checked.statusCode).toBe(200);
      expect(checked.body).toContain('value="import"');
      expect(await countAgencies(t.ctx.db.kysely)).toBe(before);
      const done = await admin.post(`/agencies/import?parent=${ministryId}`, {
        csv: good,
        mode: 'import',
      });
      expect(done.headers.location).toBe('/agencies?imported=2');
      expect(await countAgencies(t.ctx.db.kysely)).toBe(before + 2);
      expect((await admin.get('/agencies?imported=2')).body).toContain('นำเข้าหน่วยงานแล้ว 2 หน่วยงาน');
    });

    it('creates a ministry and a unit through the forms and shows them in the tree', () =>
      ministryAndUnit());

    it('shows Thai errors beside the fields of a bad form and saves nothing', async () => {
      await ministryAndUnit();
      const before = await countAgencies(t.ctx.db.kysely);
      await admin.get(`/agencies/new?parent=${ministryId}`);
      const bad = await admin.post(`/agencies/new?parent=${ministryId}`, {
        code: 'bad code!',
        type: '',
        nameTh: '',
        eligibleStaff: '-2',
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.body).toContain('กรุณากรอกชื่อหน่วยงานภาษาไทย');
      expect(bad.body).toContain('id="code-error"');
      expect(bad.body).toContain('กรุณาเลือกประเภทหน่วยงาน');
      expect(bad.body).toContain('value="bad code!"');
      const taken = await admin.post(`/agencies/new?parent=${ministryId}`, {
        code: 'UA',
        type: 'unit',
        nameTh: 'ซ้ำ',
      });
      expect(taken.statusCode).toBe(400);
      expect(taken.body).toContain('รหัสหน่วยงาน &quot;UA&quot; มีอยู่แล้ว');
      expect(await countAgencies(t.ctx.db.kysely)).toBe(before);
    });

    it('edits an agency through its page', async () => {
      await ministryAndUnit();
      await admin.get(`/agencies/${ministryId}`);
      const saved = await admin.post(`/agencies/${ministryId}`, {
        code: 'MIN',
        type: 'ministry',
        nameTh: 'กระทรวงทดสอบ',
        nameEn: 'Ministry of Tests',
        eligibleStaff: '1600',
      });
      expect(saved.headers.location).toBe(`/agencies/${ministryId}?saved=1`);
      const agency = await findAgencyByCode(t.ctx.db.kysely, 'MIN');
      expect(agency).toMatchObject({
        nameEn: 'Ministry of Tests',
        eligibleStaff: 1600,
        website: null,
      });
    });

    it('previews an import with a row error, then imports a good file on confirmation', () =>
      importedByForm());

    it('lists and creates through the API, refusing a change without the CSRF header', async () => {
      await importedByForm();
      const list = await admin.api('GET', '/api/v1/agencies');
      expect(list.statusCode).toBe(200);
      const codes = (list.json().agencies as { code: string }[]).map((a) => a.code);
      expect(codes).toEqual(expect.arrayContaining(['MIN', 'UA', 'IMP-1', 'IMP-2']));
      const body = { parentId: ministryId, code: 'API-1', type: 'unit', nameTh: 'ผ่าน API' };
      const refused = await admin.api('POST', '/api/v1/agencies', body);
      expect(refused.statusCode).toBe(403);
      expect(await findAgencyByCode(t.ctx.db.kysely, 'API-1')).toBeNull();
      const csrf = await csrfOf(admin);
      const created = await admin.api('POST', '/api/v1/agencies', body, csrf);
      expect(created.statusCode).toBe(201);
      expect(created.json().agency).toMatchObject({ code: 'API-1', nameEn: 'ผ่าน API' });
      expect(created.json().agency.path).toBeUndefined();
      const id = created.json().agency.id as string;
      const patched = await admin.api(
        'PATCH',
        `/api/v1/agencies/${id}`,
        { eligibleStaff: 7 },
        csrf,
      );
      expect(patched.json().agency.eligibleStaff).toBe(7);
      const invalid = await admin.api('POST', '/api/v1/agencies', { ...body, code: '' }, csrf);
      expect(invalid.statusCode).toBe(400);
      expect(invalid.headers['content-type']).toContain('application/problem+json');
      const duplicate = await admin.api('POST', '/api/v1/agencies', body, csrf);
      expect(duplicate.statusCode).toBe(409);
      expect(duplicate.json().code).toBe('duplicate_code');
    });

    it('checks and imports CSV through the API, all or nothing', async () => {
      await ministryAndUnit();
      const csrf = await csrfOf(admin);
      const csv = [HEADER, 'API-2,MIN,unit,สอง,,,', 'API-3,NOPE,unit,สาม,,,'].join('\n');
      const dry = await admin.api('POST', '/api/v1/agencies/import', { csv }, csrf);
      expect(dry.json()).toMatchObject({ valid: false, created: 0 });
      const real = await admin.api('POST', '/api/v1/agencies/import?dryRun=false', { csv }, csrf);
      expect(real.statusCode).toBe(400);
      expect(real.json().rows[1].errors[0].field).toBe('parent_code');
      expect(await findAgencyByCode(t.ctx.db.kysely, 'API-2')).toBeNull();
      const good = await admin.api(
        'POST',
        '/api/v1/agencies/import?dryRun=false',
        { csv: csv.split('\n').slice(0, 2).join('\n') },
        csrf,
      );
      expect(good.json()).toMatchObject({ valid: true, created: 1 });
    });

    it("answers 404 to another agency's admin for a unit they may not see", async () => {
      await importedByForm();
      const unitA = await findAgencyByCode(t.ctx.db.kysely, 'UA');
      const other = await findAgencyByCode(t.ctx.db.kysely, 'IMP-1');
      const client = await addUser('ua-admin@example.org', unitA?.id ?? '');
      const tree = await client.get('/agencies');
      expect(tree.body).toContain('สำนักงานเอ');
      expect(tree.body).not.toContain('งานหนึ่ง');
      expect(tree.body).not.toContain('กระทรวงทดสอบ');
      expect((await client.get(`/agencies/${other?.id}`)).statusCode).toBe(404);
      expect((await client.get(`/agencies/${ministryId}`)).statusCode).toBe(404);
      const api = await client.api('GET', `/api/v1/agencies/${other?.id}`);
      expect(api.statusCode).toBe(404);
      expect(api.headers['content-type']).toContain('application/problem+json');
      await client.get(`/agencies/${unitA?.id}`);
      const edit = await client.post(`/agencies/${other?.id}`, {
        code: 'IMP-1',
        type: 'unit',
        nameTh: 'x',
      });
      expect(edit.statusCode).toBe(404);
      expect((await client.get(`/agencies/new?parent=${unitA?.id}`)).statusCode).toBe(403);
      const list = await client.api('GET', '/api/v1/agencies');
      expect((list.json().agencies as { code: string }[]).map((a) => a.code)).toEqual(['UA']);
    });

    it('describes the agency API in the OpenAPI document', async () => {
      const doc = (await admin.api('GET', '/api/v1/openapi.json')).json();
      expect(Object.keys(doc.paths)).toEqual(
        expect.arrayContaining([
          '/api/v1/agencies',
          '/api/v1/agencies/{id}',
          '/api/v1/agencies/import',
        ]),
      );
    });
  });
}
