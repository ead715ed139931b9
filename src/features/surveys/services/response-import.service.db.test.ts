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
import { buildImportTemplate, importResponses } from './response-import.service.js';
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

  it('builds the template of the round instrument', async () => {
    const template = await buildImportTemplate(ctx, admin, roundId, 'EIT');
    expect(template.filename).toBe('ita-2569-EIT-U1-template.csv');
    expect(template.csv.startsWith('\uFEFFdate,e1.1,e1.2,e2,')).toBe(true);
    await expect(buildImportTemplate(ctx, other, roundId, 'EIT')).rejects.toMatchObject({
      code: 'not_found',
    });
  });
});
