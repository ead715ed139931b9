import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { DomainError } from '../../../core/errors.js';
import { listAssets, listLoans } from '../db/asset.repository.js';
import { listAuditEntries } from '../../audit/feature.js';
import { describeEachDialect } from '../../../platform/db/test-databases.js';
import { createFixedClock, randomIds } from '../../../platform/infra/clock.js';
import { importAssets } from './asset-import.service.js';
import {
  getPublicGuideline,
  getPublicUsageReport,
  getUsageReport,
  saveAssetGuideline,
} from './asset-report.service.js';
import {
  actOnLoan,
  addAsset,
  getAssetDetail,
  getAssetRegister,
  getLoanBoard,
  requestLoan,
  retireAsset,
} from './asset.service.js';
import type { Actor, ServiceContext } from '../../../platform/services/context.js';
import { worldAt } from '../../../app/test-world.js';
import { step } from '../../../app/test-steps.js';
import { assetsEvidence } from '../evidence.js';
import { documentsForItem } from '../../../app/published-documents.js';
import { assetsReminders } from '../reminders.js';

const NOW = '2026-11-26T03:00:00.000Z';
const { seedActor, seedAgencies } = worldAt(NOW);
const DAY = 86_400_000;

async function refusal(work: Promise<unknown>): Promise<string> {
  try {
    await work;
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    if (error instanceof Error && error.name === 'ZodError') return 'invalid';
    throw error;
  }
  return 'accepted';
}

const CSV = [
  'asset_number,name,category,location,custodian_unit,acquired_on',
  'P-1,โปรเจกเตอร์,สำนักงาน,ห้องประชุม,บริหารทั่วไป,2024-01-15',
  'V-1,รถตู้,ยานพาหนะ,โรงจอดรถ,ยานพาหนะ,',
  'N-1,โน้ตบุ๊ก,คอมพิวเตอร์,ห้องพัสดุ,ไอที,2025-02-10',
].join('\n');

describeEachDialect('asset loan service', (getDb) => {
  let ctx: ServiceContext;
  let clock: ReturnType<typeof createFixedClock>;
  let admin: Actor;
  let head: Actor;
  let member: Actor;
  let outsider: Actor;
  const idOf = async (number: string) =>
    (await listAssets(ctx.db.kysely, 'u1')).find((a) => a.assetNumber === number)?.id ?? '';

  beforeAll(async () => {
    const db = getDb();
    clock = createFixedClock(NOW);
    ctx = { db, clock, ids: randomIds };
    await seedAgencies(db);
    admin = await seedActor(db, 'admin-u1@example.org', 'agency_admin', 'u1');
    head = await seedActor(db, 'head-u1@example.org', 'head_of_agency', 'u1');
    member = await seedActor(db, 'staff-u1@example.org', 'item_owner', 'u1');
    outsider = await seedActor(db, 'admin-u2@example.org', 'agency_admin', 'u2');
  });

  // The story's steps (app/test-steps.ts): the register, the loans on it, the van's loan through.
  const imported = step(() => importAssets(ctx, admin, 'u1', { csvText: CSV }, { dryRun: false }));
  const cameraAdded = step(async () => {
    await imported();
    return addAsset(ctx, head, 'u1', { assetNumber: 'C-1', name: 'กล้อง', category: 'สื่อ' });
  });
  const personalRefused = step(async () => {
    await imported();
    return requestLoan(ctx, member, 'u1', await idOf('V-1'), {
      purposeCategory: 'personal',
      purpose: 'ขนของย้ายบ้าน',
      fromOn: '2026-11-28',
      toOn: '2026-11-28',
    });
  });
  const vanRequested = step(async () => {
    await imported();
    return requestLoan(ctx, member, 'u1', await idOf('V-1'), {
      purposeCategory: 'field_work',
      purpose: 'ลงพื้นที่',
      fromOn: '2026-12-01',
      toOn: '2026-12-03',
    });
  });
  const notebookRace = step(async () => {
    await imported();
    const notebook = await idOf('N-1');
    const ask = (actor: Actor) =>
      requestLoan(ctx, actor, 'u1', notebook, {
        purposeCategory: 'official_duty',
        purpose: 'ทำงานนอกสถานที่',
        fromOn: '2026-12-10',
        toOn: '2026-12-12',
      });
    return Promise.allSettled([ask(member), ask(admin), ask(head)]);
  });
  /** The van's loan approved, handed over, a day late (4 December), then returned. */
  const vanLoanThrough = step(async () => {
    await vanRequested();
    const van = await idOf('V-1');
    const [loan] = await listLoans(ctx.db.kysely, { assetId: van, statuses: ['requested'] });
    const id = loan?.id ?? '';
    expect(await refusal(actOnLoan(ctx, admin, 'u1', id, { kind: 'hand_over' }))).toBe(
      'loan_state',
    );
    await actOnLoan(ctx, head, 'u1', id, { kind: 'approve' });
    const out = await actOnLoan(ctx, admin, 'u1', id, { kind: 'hand_over' });
    expect(out.status).toBe('handed_over');
    expect((await getAssetDetail(ctx, member, 'u1', van)).asset.status).toBe('on_loan');
    expect(await assetsReminders(ctx, member)).toEqual([]);

    clock.advance(6 * DAY); // 2 December: due tomorrow
    const soon = await assetsReminders(ctx, member);
    expect(soon.map((r) => [r.kind, r.overdue, r.dueOn])).toEqual([['loan', false, '2026-12-03']]);

    clock.advance(2 * DAY); // 4 December: one day late
    const late = await assetsReminders(ctx, member);
    expect(late[0]?.overdue).toBe(true);
    expect(late[0]?.title.th).toContain('เลยกำหนดคืน');
    const forHead = await assetsReminders(ctx, head);
    expect(forHead.map((r) => r.kind)).toContain('loan_overdue');
    expect(await assetsReminders(ctx, outsider)).toEqual([]);
    const board = await getLoanBoard(ctx, admin, 'u1');
    expect(board.onLoan.map((l) => [l.id, l.overdue])).toEqual([[id, true]]);

    expect(await refusal(actOnLoan(ctx, admin, 'u1', id, { kind: 'return', condition: '' }))).toBe(
      'invalid',
    );
    expect((await getAssetDetail(ctx, member, 'u1', van)).asset.status).toBe('on_loan');
    const back = await actOnLoan(ctx, admin, 'u1', id, { kind: 'return', condition: 'สภาพปกติ' });
    expect(back.status).toBe('returned');
    expect((await getAssetDetail(ctx, member, 'u1', van)).asset.status).toBe('available');
    expect(await assetsReminders(ctx, member)).toEqual([]);
  });

  describe('register import', () => {
    it('checks a file without storing anything, with row errors by line', async () => {
      const bad = `${CSV}\nP-1,ซ้ำ,สำนักงาน,,,\nX-1,,สำนักงาน,,,31/12/2024`;
      const preview = await importAssets(ctx, admin, 'u1', { csvText: bad }, { dryRun: true });
      expect(preview.valid).toBe(false);
      expect(preview.rows.filter((r) => r.errors.length > 0).map((r) => r.line)).toEqual([5, 6]);
      const confirmed = await importAssets(ctx, admin, 'u1', { csvText: bad }, { dryRun: false });
      expect(confirmed.created).toBe(0);
      const dry = await importAssets(ctx, admin, 'u1', { csvText: CSV }, { dryRun: true });
      expect(dry.valid).toBe(true);
      expect(dry.created).toBe(0);
      expect(await listAssets(ctx.db.kysely, 'u1')).toHaveLength(0);
    });

    it('adds every row of a clean file in one go, then refuses a file with one known number', async () => {
      const done = await imported();
      expect(done.created).toBe(3);
      const again = `asset_number,name,category\nC-1,กล้อง,สื่อ\nV-1,รถตู้อีกคัน,ยานพาหนะ`;
      const refused = await importAssets(ctx, admin, 'u1', { csvText: again }, { dryRun: false });
      expect(refused.valid).toBe(false);
      expect(refused.rows[1]?.errors[0]?.message.th).toContain('มีในทะเบียนแล้ว');
      const numbers = (await listAssets(ctx.db.kysely, 'u1')).map((a) => a.assetNumber);
      expect(numbers).toEqual(['N-1', 'P-1', 'V-1']);
      const audit = await listAuditEntries(ctx.db.kysely, 0, 100);
      expect(audit.filter((e) => e.action === 'asset.import')).toHaveLength(1);
    });

    it('reads the first worksheet of an XLSX file', async () => {
      const book = new ExcelJS.Workbook();
      const sheet = book.addWorksheet('ทะเบียน');
      sheet.addRow(['asset_number', 'name', 'category', 'acquired_on']);
      sheet.addRow(['S-1', 'เครื่องเสียง', 'สื่อ', new Date(Date.UTC(2024, 4, 5))]);
      const buffer = Buffer.from(await book.xlsx.writeBuffer());
      const preview = await importAssets(
        ctx,
        admin,
        'u1',
        { xlsxBuffer: buffer },
        { dryRun: true },
      );
      expect(preview.format).toBe('xlsx');
      expect(preview.rows[0]?.input?.acquiredOn).toBe('2024-05-05');
      const junk = await importAssets(
        ctx,
        admin,
        'u1',
        { xlsxBuffer: Buffer.from('no') },
        { dryRun: true },
      );
      expect(junk.fileErrors[0]?.en).toContain('XLSX');
    });

    it('lets only administrators or the head change the register', async () => {
      await imported();
      expect(
        await refusal(addAsset(ctx, member, 'u1', { assetNumber: 'Z', name: 'z', category: 'c' })),
      ).toBe('forbidden');
      expect(
        await refusal(addAsset(ctx, head, 'u1', { assetNumber: 'P-1', name: 'p', category: 'c' })),
      ).toBe('duplicate_asset_number');
      const added = await cameraAdded();
      expect(added.status).toBe('available');
    });
  });

  describe('loans', () => {
    it('refuses personal use by rule and keeps the refusal on record', async () => {
      const loan = await personalRefused();
      expect(loan.status).toBe('refused');
      expect(loan.refusalReason).toContain('ประโยชน์ส่วนตัว');
      const audit = await listAuditEntries(ctx.db.kysely, 0, 200);
      expect(audit.some((e) => e.action === 'asset_loan.refused_by_rule')).toBe(true);
    });

    it('refuses an overlapping request and bad dates, storing nothing', async () => {
      const first = await vanRequested();
      const van = await idOf('V-1');
      expect(first.status).toBe('requested');
      const before = (await listLoans(ctx.db.kysely, { assetId: van })).length;
      const overlap = {
        purposeCategory: 'official_duty' as const,
        purpose: 'ประชุม',
        fromOn: '2026-12-03',
        toOn: '2026-12-04',
      };
      expect(await refusal(requestLoan(ctx, admin, 'u1', van, overlap))).toBe('loan_overlap');
      expect(
        await refusal(requestLoan(ctx, admin, 'u1', van, { ...overlap, fromOn: '2026-11-01' })),
      ).toBe('bad_date');
      expect(await refusal(requestLoan(ctx, admin, 'u1', van, { ...overlap, purpose: ' ' }))).toBe(
        'invalid',
      );
      expect(await listLoans(ctx.db.kysely, { assetId: van })).toHaveLength(before);
    });

    it('lets only one of two overlapping requests sent at the same time through', async () => {
      const results = await notebookRace();
      const notebook = await idOf('N-1');
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const refused = results.flatMap((r) => (r.status === 'rejected' ? [r.reason] : []));
      expect(refused.map((e) => (e as DomainError).code)).toEqual(['loan_overlap', 'loan_overlap']);
      expect(await listLoans(ctx.db.kysely, { assetId: notebook })).toHaveLength(1);
    });

    it('hides the agency from another agency (not found) and lets no viewer decide', async () => {
      await vanRequested();
      const van = await idOf('V-1');
      expect(await refusal(getAssetRegister(ctx, outsider, 'u1'))).toBe('not_found');
      expect(await refusal(getAssetDetail(ctx, outsider, 'u1', van))).toBe('not_found');
      expect(await refusal(getLoanBoard(ctx, outsider, 'u1'))).toBe('not_found');
      const [loan] = await listLoans(ctx.db.kysely, { assetId: van, statuses: ['requested'] });
      expect(
        await refusal(actOnLoan(ctx, outsider, 'u1', loan?.id ?? '', { kind: 'approve' })),
      ).toBe('not_found');
      expect(
        await refusal(actOnLoan(ctx, outsider, 'u2', loan?.id ?? '', { kind: 'approve' })),
      ).toBe('not_found');
      expect(await refusal(actOnLoan(ctx, member, 'u1', loan?.id ?? '', { kind: 'approve' }))).toBe(
        'forbidden',
      );
      expect(await refusal(getAssetDetail(ctx, admin, 'u1', 'missing'))).toBe('not_found');
    });

    it('approves, hands over, reminds when overdue, and takes the asset back', () =>
      vanLoanThrough());

    it('counts the year in the usage report, without borrowers in the public one', async () => {
      await personalRefused();
      await vanRequested();
      await notebookRace();
      await vanLoanThrough();
      const { report } = await getUsageReport(ctx, admin, 'u1', 2570);
      expect(report.requests).toBe(3);
      expect(report.lent).toBe(1);
      expect(report.refusedPersonal).toBe(1);
      expect(report.late).toBe(1);
      expect(report.byAsset[0]?.label).toBe('V-1 รถตู้');
      const pub = await getPublicUsageReport(ctx, 'U1', 2570);
      expect(JSON.stringify(pub.report)).not.toContain('staff-u1');
      expect(await refusal(getPublicUsageReport(ctx, 'U1', 2571))).toBe('not_found');
    });
  });

  describe('retiring', () => {
    it('retires a free asset only, and a retired asset takes no request', async () => {
      await cameraAdded();
      const projector = await idOf('P-1');
      const camera = await idOf('C-1');
      await requestLoan(ctx, member, 'u1', camera, {
        purposeCategory: 'official_duty',
        purpose: 'ถ่ายภาพการประชุม',
        fromOn: '2026-12-20',
        toOn: '2026-12-20',
      });
      expect(await refusal(retireAsset(ctx, admin, 'u1', camera))).toBe('asset_in_use');
      expect(await refusal(retireAsset(ctx, member, 'u1', projector))).toBe('forbidden');
      expect((await retireAsset(ctx, head, 'u1', projector)).status).toBe('retired');
      const later = {
        purposeCategory: 'official_duty' as const,
        purpose: 'x',
        fromOn: '2026-12-21',
        toOn: '2026-12-21',
      };
      expect(await refusal(requestLoan(ctx, member, 'u1', projector, later))).toBe('asset_retired');
      expect(await refusal(retireAsset(ctx, head, 'u1', projector))).toBe('asset_in_use');
    });
  });

  describe('guideline and OIT evidence', () => {
    it('publishes the guideline and lists it with the report as evidence of O15', async () => {
      await imported();
      const round = {
        id: 'r',
        agencyId: 'u1',
        agencyCode: 'U1',
        agencyNameTh: 'หน่วยงาน u1',
        agencyPath: '/min/u1/',
        editionId: 'e',
        editionCode: 'ita-2569',
        editionYear: 2569,
        state: 'collecting' as const,
        createdAt: NOW,
        updatedAt: NOW,
      };
      expect((await assetsEvidence(ctx, round)).map((d) => d.source)).toEqual(['asset_report']);
      expect(await refusal(getPublicGuideline(ctx, 'U1'))).toBe('not_found');
      const text = 'แนวปฏิบัติการยืมทรัพย์สินของราชการ ใช้เพื่อราชการเท่านั้น';
      await saveAssetGuideline(ctx, admin, 'u1', { text, publish: false });
      expect(await refusal(getPublicGuideline(ctx, 'U1'))).toBe('not_found');
      expect(await refusal(saveAssetGuideline(ctx, member, 'u1', { text, publish: true }))).toBe(
        'forbidden',
      );
      await saveAssetGuideline(ctx, head, 'u1', { text, publish: true });
      expect((await getPublicGuideline(ctx, 'U1')).text).toBe(text);
      const documents = await assetsEvidence(ctx, round);
      expect(documents.map((d) => [d.source, d.url])).toEqual([
        ['asset_guideline', '/public/U1/assets/guideline'],
        ['asset_report', '/public/U1/2569/assets/report'],
      ]);
      expect(documentsForItem(documents, ['asset_guideline', 'asset_report'])).toHaveLength(2);
      expect(documentsForItem(documents, ['gift_report'])).toHaveLength(0);
    });
  });
});
