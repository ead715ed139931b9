import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../platform/db/test-databases.js';
import { createFixedClock } from '../../../platform/infra/clock.js';
import { dayAfter } from '../../../core/disclosure/live-release.js';
import {
  csrfOf,
  createDemoApp,
  d01RoundId,
  type TestApp,
  type TestClient,
  signedIn,
} from '../../../app/test-client.js';
import { step } from '../../../app/test-steps.js';

const GOOGLE_FORMS_CSV = [
  'ประทับเวลา,ที่อยู่อีเมล,i1.1,i1.2,i2',
  '2026/05/14 10:23:11 AM GMT+7,somchai@example.org,มากที่สุด,3,น้อย',
  '2026/05/15 08:00:00 AM GMT+7,suda@example.org,1,,4',
].join('\n');

/** Posts a multipart form (a file upload) with the client's cookies. */
async function upload(
  t: TestApp,
  client: TestClient,
  url: string,
  fields: Record<string, string>,
  xlsx: Buffer,
) {
  const boundary = `----prongsai${Date.now()}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    const head = `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n`;
    parts.push(Buffer.from(`${head}${value}\r\n`));
  }
  const type = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="xlsx"; filename="answers.xlsx"\r\nContent-Type: ${type}\r\n\r\n`,
    ),
    xlsx,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  // the test client keeps its cookies private; this reads them the way its own requests do
  const cookie = (client as unknown as { cookieHeader: () => string }).cookieHeader();
  return t.app.inject({
    method: 'POST',
    url,
    payload: Buffer.concat(parts),
    headers: { cookie, 'content-type': `multipart/form-data; boundary=${boundary}` },
  });
}

async function buildWorkbook(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Form Responses 1');
  sheet.addRow(['Timestamp', 'Email address', 'i1.1 ทำตามขั้นตอน', 'i2']);
  sheet.addRow([new Date(Date.UTC(2026, 4, 16, 9, 30)), 'x@example.org', 'มาก', 4]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

for (const dialect of DIALECTS) {
  describe(`survey answer import pages and API [${dialect}]`, () => {
    let t: TestApp;
    let agency: TestClient;
    let base: string;
    let api: string;

    const stored = () =>
      t.ctx.db.kysely
        .selectFrom('survey_response')
        .selectAll()
        .where('source', '=', 'import') // the demo may seed web answers of its own
        .orderBy('submitted_on')
        .execute();

    beforeAll(async () => {
      t = await createDemoApp(dialect, createFixedClock('2026-05-20T03:00:00.000Z'));
      agency = await signedIn(t, 'agency@example.org');
      const roundId = await d01RoundId(agency, 'ita-2569', 'collecting');
      base = `/rounds/${roundId}/surveys/IIT/import`;
      api = `/api/v1/rounds/${roundId}/surveys/IIT/import`;
    }, 60_000);
    afterAll(async () => t.close());

    /** The Google Forms export's two answers, imported on confirm once (app/test-steps.ts). */
    const googleFormsImported = step(async () => {
      // D01's live IIT scores already stand on some of the demo's answers (up to `through`,
      // core/disclosure/live-release.ts): an answer dated on or before that day would move them
      // by fewer than 5 people, so it is stored on the day after
      const cockpit = await agency.api('GET', api.replace('/IIT/import', ''));
      const instruments = (cockpit.json() as { instruments: { code: string; live: object }[] })
        .instruments;
      const live = instruments.find((i) => i.code === 'IIT')?.live as { through: string | null };
      const storedOn = (day: string) =>
        live.through !== null && day <= live.through ? dayAfter(live.through) : day;
      await agency.get(base);
      const done = await agency.post(base, { csv: GOOGLE_FORMS_CSV, mode: 'import' });
      expect(done.statusCode).toBe(302);
      expect(done.headers.location).toContain('?imported=2');
      const page = await agency.get(String(done.headers.location));
      expect(page.body).toContain('นำเข้าคำตอบแล้ว 2 ชุด');
      const rows = await stored();
      // (both may be stored on the same day: in no particular order then)
      expect(rows.map((r) => [r.submitted_on, r.source, JSON.parse(r.answers_json)])).toEqual(
        expect.arrayContaining([
          [storedOn('2026-05-14'), 'import', { 'i1.1': '4', 'i1.2': '3', i2: '2' }],
          [storedOn('2026-05-15'), 'import', { 'i1.1': '1', i2: '4' }],
        ]),
      );
      expect(rows).toHaveLength(2);
    });

    it('shows the page in Thai with the template, whose header is the instrument items', async () => {
      const page = await agency.get(base);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('นำเข้าคำตอบแบบวัด IIT');
      expect(page.body).toContain(`${base}/template.csv`);
      const template = await agency.get(`${base}/template.csv`);
      expect(template.headers['content-type']).toContain('text/csv');
      expect(template.headers['content-disposition']).toContain('ita-2569-IIT-D01-template.csv');
      expect(template.body.startsWith('\uFEFFdate,i1.1,i1.2,i2,i3.1,')).toBe(true);
    });

    it('checks a Google Forms export: ignored columns are named, nothing is stored', async () => {
      await agency.get(base);
      const check = await agency.post(base, { csv: GOOGLE_FORMS_CSV, mode: 'preview' });
      expect(check.statusCode).toBe(200);
      expect(check.body).toContain('คอลัมน์ที่จะไม่นำเข้า');
      expect(check.body).toContain('ที่อยู่อีเมล');
      expect(check.body).toContain('พร้อมนำเข้าคำตอบ 2 ชุด');
      expect(check.body).toContain('value="import"');
      expect(await stored()).toEqual([]);
    });

    it('shows row errors with line and column, and offers no confirm', async () => {
      await agency.get(base); // the page's form token, as a browser would have it
      const check = await agency.post(base, { csv: 'i1.1,i1.2\n4,3\n4,7\n', mode: 'import' });
      expect(check.statusCode).toBe(400);
      expect(check.body).toContain('บรรทัดที่ 3 คอลัมน์ i1.2');
      expect(check.body).not.toContain('value="import"');
      expect(await stored()).toEqual([]);
    });

    it('imports on confirm and says how many', () => googleFormsImported());

    it('turns an uploaded XLSX into CSV to confirm, its columns in place, without the e-mail', async () => {
      await agency.get(base);
      const fields = { _csrf: agency.lastCsrf, mode: 'preview', csv: '' };
      const check = await upload(t, agency, base, fields, await buildWorkbook());
      expect(check.statusCode).toBe(200);
      // the sheet's own columns, so that the column choices apply to the text confirmed; the
      // e-mail column emptied
      expect(check.body).toContain(
        'Timestamp,Email address,i1.1 ทำตามขั้นตอน,i2\r\n2026-05-16 09:30:00,,มาก,4',
      );
      expect(check.body).not.toContain('x@example.org');
      // the column selects come back with the file: a field per column (more than 10)
      const columns = Object.fromEntries(
        Array.from({ length: 14 }, (_, i) => [`col_${i + 1}`, i === 3 ? 'i7' : '']),
      );
      const corrected = await upload(
        t,
        agency,
        base,
        { ...fields, ...columns },
        await buildWorkbook(),
      );
      expect(corrected.statusCode).toBe(200);
      expect(corrected.body).toMatch(
        /<select id="col_4" name="col_4"[^>]*>.*?<option value="i7" selected/s,
      );
      const broken = await upload(t, agency, base, fields, Buffer.from('PK\x03\x04 not a zip'));
      expect(broken.statusCode).toBe(400);
      expect(broken.body).toContain('อ่านไฟล์ XLSX ไม่ได้');
    });

    it('checks and imports through the API with the CSRF header', async () => {
      await googleFormsImported();
      const csrf = await csrfOf(agency);
      const csv = 'date,i2\n2569-05-10,มากที่สุด\n';
      expect((await agency.api('POST', api, { csv })).statusCode).toBe(403);
      const dry = await agency.api('POST', api, { csv }, csrf);
      expect(dry.json()).toMatchObject({ valid: true, imported: 0, rows: [{ day: '2026-05-10' }] });
      const bad = await agency.api('POST', `${api}?dryRun=false`, { csv: 'i2\n9\n' }, csrf);
      expect(bad.statusCode).toBe(400);
      expect(bad.json()).toMatchObject({ code: 'import_invalid', valid: false });
      const xlsxBase64 = (await buildWorkbook()).toString('base64');
      const done = await agency.api('POST', `${api}?dryRun=false`, { xlsxBase64 }, csrf);
      expect(done.json()).toMatchObject({ valid: true, imported: 1, format: 'xlsx' });
      expect((await agency.api('POST', api, { csv, xlsxBase64 }, csrf)).statusCode).toBe(400);
      expect((await stored()).length).toBe(3);
    });

    it('offers the template as an Excel workbook with the CSV header', async () => {
      const xlsx = await agency.get(`${base}/template.xlsx`);
      expect(xlsx.statusCode).toBe(200);
      expect(xlsx.headers['content-type']).toContain('spreadsheetml');
      expect(xlsx.headers['content-disposition']).toContain('ita-2569-IIT-D01-template.xlsx');
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
      const header = (book.worksheets[0]?.getRow(1).values as unknown[]).slice(1).join(',');
      const csv = await agency.get(`${base}/template.csv`);
      expect(header).toBe(csv.body.replace(/^\uFEFF/, '').trim());
      expect((await agency.get(base)).body).toContain(`${base}/template.xlsx`);
    });

    it('shows the match of each column with a select, lets the person correct it and answer the day order', async () => {
      const csv = [
        'ประทับเวลา,ที่อยู่อีเมล,"เจ้าหน้าที่ในหน่วยงานของท่านทำงานและให้บริการแก่ผู้มาติดต่อโดยยึดสิ่งต่อไปนี้ในระดับใด [ทำตามขั้นตอนที่กำหนดไว้]",ข้อ ก',
        '"5/4/2026, 10:22:31",a@example.org,4 - มากที่สุด,มาก',
        '"4/5/2026, 8:00:00",b@example.org,น้อย,1',
      ].join('\n');
      await agency.get(base);
      const check = await agency.post(base, { csv, mode: 'preview' });
      expect(check.statusCode).toBe(400);
      expect(check.body).toContain('อ่านได้สองแบบ');
      expect(check.body).toContain('name="dayOrder"');
      expect(check.body).toContain('ข้อมูลส่วนบุคคล ตัดทิ้ง ไม่นำเข้า');
      expect(check.body).toMatch(
        /<select id="col_3" name="col_3"[^>]*>.*?<option value="i1.1" selected/s,
      );
      expect(check.body).toContain('ตรงกับข้อความคำถาม');
      expect(check.body).not.toContain('value="import"');
      // "ข้อ ก" matched nothing: the person says it is i2, and that days are day first
      const fixed = await agency.post(base, { csv, mode: 'preview', col_4: 'i2', dayOrder: 'dmy' });
      expect(fixed.statusCode).toBe(200);
      expect(fixed.body).toMatch(
        /<select id="col_4" name="col_4"[^>]*>.*?<option value="i2" selected/s,
      );
      expect(fixed.body).toContain('คุณเลือกเอง');
      expect(fixed.body).toContain('2026-04-05');
      expect(fixed.body).toContain('value="import"');
      // the selects name the headers they were shown for: in a file whose columns moved, each
      // choice follows its header, not its old position
      const [head = '', ...rows] = csv.split('\n');
      const swap = (line: string) => {
        const cells = line.match(/("[^"]*"|[^,]+)/g) ?? [];
        return [cells[0], cells[1], cells[3], cells[2]].join(',');
      };
      const moved = [swap(head), ...rows.map(swap)].join('\n');
      const headers = JSON.stringify(
        (head.match(/("[^"]*"|[^,]+)/g) ?? []).map((h) => h.replace(/^"|"$/g, '')),
      );
      const again = await agency.post(base, {
        csv: moved,
        mode: 'preview',
        columns: headers,
        col_1: 'date',
        col_3: 'i1.1',
        col_4: 'i2',
        dayOrder: 'dmy',
      });
      expect(again.statusCode).toBe(200);
      expect(again.body).toMatch(
        /<select id="col_3" name="col_3"[^>]*>.*?<option value="i2" selected/s,
      );
      expect(again.body).toMatch(
        /<select id="col_4" name="col_4"[^>]*>.*?<option value="i1.1" selected/s,
      );
    });

    it('takes a mapping and the day order through the API, and keeps the mapping for the next file', async () => {
      const csrf = await csrfOf(agency);
      const csv = 'Completion time,Email,คำถามสอง\n5/6/2026 10:00,x@example.org,4 - มากที่สุด\n';
      const asked = await agency.api('POST', api, { csv }, csrf);
      expect(asked.json()).toMatchObject({
        valid: false,
        askDayOrder: true,
        personalColumns: ['Email'],
        columns: [
          { column: 'Completion time', target: 'date', source: 'name' },
          { column: 'Email', target: 'personal' },
          { column: 'คำถามสอง', target: 'ignore', source: null },
        ],
      });
      const before = (await stored()).length;
      const body = { csv, mapping: { คำถามสอง: 'i2' }, dayOrder: 'mdy' };
      const done = await agency.api('POST', `${api}?dryRun=false`, body, csrf);
      expect(done.json()).toMatchObject({ valid: true, imported: 1, dayOrder: 'mdy' });
      expect(done.json().rows[0]).toMatchObject({ day: '2026-05-06', answers: { i2: '4' } });
      expect((await stored()).length).toBe(before + 1);
      expect(JSON.stringify(await stored())).not.toContain('x@example.org');
      const next = await agency.api('POST', api, { csv: 'date,คำถามสอง\n2026-05-07,2\n' }, csrf);
      expect(next.json()).toMatchObject({
        valid: true,
        columns: [{ target: 'date' }, { target: 'i2', source: 'saved' }],
      });
      const wrong = await agency.api('POST', api, { csv, dayOrder: 'ymd' }, csrf);
      expect(wrong.statusCode).toBe(400);
    });

    it('refuses people who may not edit the agency, and asks strangers to sign in', async () => {
      const owner = await signedIn(t, 'owner@example.org');
      expect((await owner.get(base)).statusCode).toBe(403);
      expect((await owner.get(`${base}/template.csv`)).statusCode).toBe(403);
      const stranger = await t.client().get(base);
      expect(stranger.statusCode).toBe(302);
      expect(String(stranger.headers.location)).toContain('/login');
      expect((await agency.get(base.replace('IIT', 'OIT'))).statusCode).toBe(404);
    });
  });
}
