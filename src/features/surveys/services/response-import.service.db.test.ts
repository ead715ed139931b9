import ExcelJS from 'exceljs';
import { beforeAll, expect, it } from 'vitest';
import { listAuditEntries } from '../../audit/feature.js';
import type { Db } from '../../../platform/db/database.js';
import {
  describeEachDialect,
  SURVEY_RESPONSE_COLUMNS,
} from '../../../platform/db/test-databases.js';
import { createFixedClock, randomIds } from '../../../platform/infra/clock.js';
import type { Actor, ServiceContext } from '../../../platform/services/context.js';
import { MINISTRY_TREE, worldAt } from '../../../app/test-world.js';
import {
  buildImportTemplate,
  buildImportTemplateXlsx,
  importResponses,
} from './response-import.service.js';
import { listVisibleRounds, moveRound, openRounds } from '../../rounds/feature.js';

const NOW = '2026-05-20T03:00:00.000Z';
const { seedActor, seedAgencies } = worldAt(NOW);

async function storedResponses(db: Db) {
  return db.kysely.selectFrom('survey_response').selectAll().orderBy('submitted_on').execute();
}

async function importAudits(db: Db) {
  const entries = await listAuditEntries(db.kysely, 0, 1000);
  return entries.filter((e) => e.action === 'survey_response.import');
}

/** A Microsoft Forms workbook: ID, times, e-mail, name, then statements and questions as headers. */
async function microsoftFormsWorkbook(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Sheet1');
  sheet.addRow([
    'ID',
    'Start time',
    'Completion time',
    'Email',
    'Name',
    'Last modified time',
    'ทำตามขั้นตอนที่กำหนดไว้',
    'ทำเสร็จภายในระยะเวลาที่กำหนดไว้',
    'ท่านทราบรายละเอียดของแผนการใช้เงินงบประมาณประจำปีของหน่วยงานมากน้อยเพียงใด',
    'ท่านมีข้อเสนอแนะเพิ่มเติมเพื่อให้หน่วยงานของท่านทำงานอย่างโปร่งใสและเป็นธรรมมากขึ้นหรือไม่',
  ]);
  const at = (d: number, h: number, min: number) => new Date(Date.UTC(2026, 4, d, h, min, 7));
  sheet.addRow([
    1,
    at(8, 23, 58),
    at(9, 0, 4),
    'pim@example.org',
    'พิมพ์ ใจงาม',
    '',
    '4 - มากที่สุด',
    '3 - มาก',
    '2 - น้อย',
    'โทร 081 111 2222 ได้',
  ]);
  sheet.addRow([
    2,
    at(11, 9, 0),
    at(11, 9, 6),
    'anonymous',
    '',
    '',
    'มาก',
    '1 - น้อยที่สุดหรือไม่มีเลย',
    '',
    '',
  ]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A Google-Forms-like workbook: timestamp, e-mail, then the questions with their codes. */
async function buildWorkbook(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Form Responses 1');
  sheet.addRow(['Timestamp', 'Email address', 'i1.1 ทำตามขั้นตอน', 'i1.2', 'i4.1', 'i7']);
  sheet.addRow([new Date(Date.UTC(2026, 4, 14, 10, 23, 11)), 'a@example.org', 'มาก', 4, 'ไม่มี', 2]);
  sheet.addRow([
    new Date(Date.UTC(2026, 4, 15, 8, 0, 0)),
    'b@example.org',
    'มากที่สุด',
    'น้อย',
    'N',
    '',
  ]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describeEachDialect('response import service', (getDb) => {
  let ctx: ServiceContext;
  let admin: Actor;
  let other: Actor;
  let viewer: Actor;
  let roundId: string;
  let setupRoundId: string;

  beforeAll(async () => {
    const db = getDb();
    ctx = { db, clock: createFixedClock(NOW), ids: randomIds };
    await seedAgencies(
      db,
      MINISTRY_TREE.map((a) => ({ ...a, nameEn: a.id })),
    );
    const parent = await seedActor(db, 'min@example.org', 'parent_admin', 'min');
    admin = await seedActor(db, 'u1@example.org', 'agency_admin', 'u1');
    other = await seedActor(db, 'u2@example.org', 'agency_admin', 'u2');
    viewer = await seedActor(db, 'v1@example.org', 'viewer', 'u1');
    await openRounds(ctx, parent, { parentAgencyId: 'min', editionCode: 'ita-2569' });
    const rounds = await listVisibleRounds(ctx, parent);
    roundId = rounds.find((r) => r.agencyCode === 'U1')?.id ?? '';
    setupRoundId = rounds.find((r) => r.agencyCode === 'U2')?.id ?? '';
    await moveRound(ctx, parent, roundId, 'collecting');
  });

  const good = 'date,i1.1,i1.2,i2\n2569-05-14,4,มาก,น้อยที่สุดหรือไม่มีเลย\n2026-05-15,,2,3\n';

  it('checks a file in a dry run and stores nothing', async () => {
    const preview = await importResponses(
      ctx,
      admin,
      roundId,
      'iit',
      { csvText: good },
      { dryRun: true },
    );
    expect(preview).toMatchObject({ valid: true, imported: 0, instrument: 'IIT', format: 'csv' });
    expect(preview.rows.map((r) => r.answers)).toEqual([
      { 'i1.1': '4', 'i1.2': '3', i2: '1' },
      { 'i1.2': '2', i2: '3' },
    ]);
    expect(await storedResponses(getDb())).toEqual([]);
    expect(await importAudits(getDb())).toEqual([]);
  });

  it('stores nothing when any row is wrong', async () => {
    const bad = `${good}2026-05-16,4,9,1\n`;
    const preview = await importResponses(
      ctx,
      admin,
      roundId,
      'IIT',
      { csvText: bad },
      { dryRun: false },
    );
    expect(preview.valid).toBe(false);
    expect(preview.imported).toBe(0);
    expect(preview.rows[2]?.errors[0]?.message.en).toContain('Line 4, column i1.2');
    expect(await storedResponses(getDb())).toEqual([]);
  });

  it('stores a good CSV in one go with source import, the day only and one audit entry', async () => {
    const preview = await importResponses(
      ctx,
      admin,
      roundId,
      'IIT',
      { csvText: good },
      { dryRun: false },
    );
    expect(preview.imported).toBe(2);
    const rows = await storedResponses(getDb());
    expect(
      rows.map((r) => [r.submitted_on, r.source, r.instrument, JSON.parse(r.answers_json)]),
    ).toEqual([
      ['2026-05-14', 'import', 'IIT', { 'i1.1': '4', 'i1.2': '3', i2: '1' }],
      ['2026-05-15', 'import', 'IIT', { 'i1.2': '2', i2: '3' }],
    ]);
    expect(Object.keys(rows[0] ?? {}).sort()).toEqual(SURVEY_RESPONSE_COLUMNS);
    const audits = await importAudits(getDb());
    expect(audits.map((a) => a.details)).toEqual([{ instrument: 'IIT', count: 2, format: 'csv' }]);
  });

  it('stores a Google-Forms-like XLSX, ignoring the e-mail and keeping the timestamp day', async () => {
    const xlsxBuffer = await buildWorkbook();
    const dry = await importResponses(ctx, admin, roundId, 'IIT', { xlsxBuffer }, { dryRun: true });
    expect(dry.fileErrors).toEqual([]);
    expect(dry.ignoredColumns.map((c) => c.column)).toEqual(['Timestamp', 'Email address']);
    const preview = await importResponses(
      ctx,
      admin,
      roundId,
      'IIT',
      { xlsxBuffer },
      { dryRun: false },
    );
    expect(preview).toMatchObject({ valid: true, imported: 2, format: 'xlsx' });
    const rows = (await storedResponses(getDb())).filter((r) => r.answers_json.includes('i4.1'));
    expect(rows.map((r) => [r.submitted_on, JSON.parse(r.answers_json)])).toEqual([
      ['2026-05-14', { 'i1.1': '3', 'i1.2': '4', 'i4.1': 'N', i7: '2' }],
      ['2026-05-15', { 'i1.1': '4', 'i1.2': '2', 'i4.1': 'N' }],
    ]);
    const everything = JSON.stringify([
      await storedResponses(getDb()),
      await importAudits(getDb()),
    ]);
    expect(everything).not.toContain('example.org');
    expect(everything).not.toContain('10:23');
  });

  it('refuses a file that is not a workbook, with a message', async () => {
    const xlsxBuffer = Buffer.from('date,i1.1\n2026-05-01,4');
    const preview = await importResponses(
      ctx,
      admin,
      roundId,
      'IIT',
      { xlsxBuffer },
      { dryRun: true },
    );
    expect(preview.valid).toBe(false);
    expect(preview.fileErrors[0]?.en).toContain('Cannot read the XLSX file');
  });

  it('lets only editors of the agency import, into a collecting round and a survey instrument', async () => {
    const file = { csvText: good };
    const run = (actor: Actor, id: string, instrument = 'IIT') =>
      importResponses(ctx, actor, id, instrument, file, { dryRun: true });
    await expect(run(other, roundId)).rejects.toMatchObject({ code: 'not_found' });
    await expect(run(viewer, roundId)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(run(admin, roundId, 'OIT')).rejects.toMatchObject({ code: 'not_found' });
    await expect(run(other, setupRoundId)).rejects.toMatchObject({ code: 'round_not_collecting' });
  });

  it('stores a Microsoft Forms workbook: the completion day only, no e-mail, name, ID or time', async () => {
    const xlsxBuffer = await microsoftFormsWorkbook();
    const dry = await importResponses(ctx, admin, roundId, 'IIT', { xlsxBuffer }, { dryRun: true });
    expect(dry.fileErrors).toEqual([]);
    expect(dry.personalColumns).toEqual(['ID', 'Email', 'Name']);
    expect(dry.columns.slice(6).map((c) => [c.target, c.source])).toEqual([
      ['i1.1', 'wording'],
      ['i1.2', 'wording'],
      ['i7', 'wording'],
      ['comment', 'wording'],
    ]);
    // the page's text box gets the sheet with the personal columns emptied
    expect(dry.reviewCsv).toContain('ID,Start time,Completion time,Email,Name');
    expect(dry.reviewCsv).not.toContain('pim@example.org');
    expect(dry.reviewCsv).not.toContain('พิมพ์ ใจงาม');
    const done = await importResponses(
      ctx,
      admin,
      roundId,
      'IIT',
      { xlsxBuffer },
      { dryRun: false },
    );
    expect(done.imported).toBe(2);
    const rows = (await storedResponses(getDb())).filter((r) =>
      ['2026-05-09', '2026-05-11'].includes(r.submitted_on),
    );
    expect(rows.map((r) => [r.submitted_on, JSON.parse(r.answers_json), r.comment])).toEqual([
      ['2026-05-09', { 'i1.1': '4', 'i1.2': '3', i7: '2' }, 'โทร [เบอร์โทร] ได้'],
      ['2026-05-11', { 'i1.1': '3', 'i1.2': '1' }, null],
    ]);
    const everything = JSON.stringify(await storedResponses(getDb()));
    for (const secret of ['pim@example.org', 'พิมพ์', '111 2222', '23:58', '00:04'])
      expect(everything).not.toContain(secret);
  });

  it('asks the day order, stores nothing until it is answered, then stores the right days', async () => {
    const csv = 'Timestamp,i2,i9\n"5/6/2026 10:00:00",4,1\n"4/5/2026 9:12:00",3,\n';
    const count = async () => (await storedResponses(getDb())).length;
    const before = await count();
    const asked = await importResponses(
      ctx,
      admin,
      roundId,
      'IIT',
      { csvText: csv },
      { dryRun: false },
    );
    expect(asked).toMatchObject({ valid: false, askDayOrder: true, imported: 0 });
    expect(await count()).toBe(before);
    const done = await importResponses(
      ctx,
      admin,
      roundId,
      'IIT',
      { csvText: csv },
      { dryRun: false, dayOrder: 'mdy' },
    );
    expect(done).toMatchObject({ valid: true, imported: 2, dayOrder: 'mdy' });
    const rows = (await storedResponses(getDb())).filter(
      (r) => r.answers_json.includes('i9') || r.answers_json === '{"i2":"3"}',
    );
    expect(rows.map((r) => r.submitted_on).sort()).toEqual(['2026-04-05', '2026-05-06']);
  });

  it('keeps a corrected mapping for the agency and applies it to the next file', async () => {
    const csv = 'date,คำถามที่ 2,คำถามที่ 7\n2026-05-12,มาก,น้อย\n';
    const refused = await importResponses(
      ctx,
      admin,
      roundId,
      'IIT',
      { csvText: csv },
      { dryRun: true },
    );
    expect(refused.valid).toBe(false);
    expect(refused.columns.map((c) => c.target)).toEqual(['date', 'ignore', 'ignore']);
    const mapping = { 'คำถามที่ 2': 'i2', '#3': 'i7' };
    const done = await importResponses(
      ctx,
      admin,
      roundId,
      'IIT',
      { csvText: csv },
      { dryRun: false, mapping },
    );
    expect(done).toMatchObject({ valid: true, imported: 1 });
    const saved = await getDb().kysely.selectFrom('import_mapping').selectAll().execute();
    // with the wording matches of the Microsoft Forms file confirmed before
    expect(saved.map((r) => [r.instrument, JSON.parse(r.mapping_json)])).toEqual([
      [
        'IIT',
        expect.objectContaining({
          'คำถามที่ 2': 'i2',
          'คำถามที่ 7': 'i7',
          ทำตามขั้นตอนที่กำหนดไว้: 'i1.1',
        }),
      ],
    ]);
    // the next file, with no mapping sent: matched from the saved mapping, for this agency only
    const next = await importResponses(
      ctx,
      admin,
      roundId,
      'IIT',
      { csvText: 'date,คำถามที่ 7,คำถามที่ 2\n2026-05-13,4,1\n' },
      { dryRun: true },
    );
    expect(next.valid).toBe(true);
    expect(next.columns.map((c) => [c.target, c.source])).toEqual([
      ['date', 'name'],
      ['i7', 'saved'],
      ['i2', 'saved'],
    ]);
    expect(next.rows[0]?.answers).toEqual({ i7: '4', i2: '1' });
    const eit = await importResponses(
      ctx,
      admin,
      roundId,
      'EIT',
      { csvText: 'date,คำถามที่ 7\n2026-05-13,4\n' },
      { dryRun: true },
    );
    expect(eit.columns[1]?.target).toBe('ignore');
  });

  it('builds the template as an Excel workbook with the same header as the CSV', async () => {
    const csv = await buildImportTemplate(ctx, admin, roundId, 'EIT');
    const xlsx = await buildImportTemplateXlsx(ctx, admin, roundId, 'EIT');
    expect(xlsx.filename).toBe('ita-2569-EIT-U1-template.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.xlsx as unknown as ArrayBuffer);
    const header = (book.worksheets[0]?.getRow(1).values as unknown[]).slice(1);
    expect(header.join(',')).toBe(csv.csv.replace(/^\uFEFF/, '').trim());
    expect(header.slice(0, 3)).toEqual(['date', 'e1.1', 'e1.2']);
  });

  it('builds the template of the round instrument', async () => {
    const template = await buildImportTemplate(ctx, admin, roundId, 'EIT');
    expect(template.filename).toBe('ita-2569-EIT-U1-template.csv');
    expect(template.csv.startsWith('\uFEFFdate,e1.1,e1.2,e2,')).toBe(true);
    await expect(buildImportTemplate(ctx, other, roundId, 'EIT')).rejects.toMatchObject({
      code: 'not_found',
    });
  });
});
