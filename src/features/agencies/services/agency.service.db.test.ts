import { beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../../core/access/roles.js';
import { DomainError } from '../../../core/errors.js';
import { countAgencies } from '../db/agency.repository.js';
import { describeEachDialect } from '../../../platform/db/test-databases.js';
import { insertMembership, insertUser, listGrants } from '../../users/feature.js';
import { createFixedClock, randomIds } from '../../../platform/infra/clock.js';
import {
  buildAgencyTree,
  createAgency,
  getAgency,
  importAgenciesCsv,
  listVisibleAgencies,
  updateAgency,
  type Agency,
} from './agency.service.js';
import { verifyAuditLog } from '../../audit/feature.js';
import type { Actor, ServiceContext } from '../../../platform/services/context.js';

const NOW = '2026-11-26T03:00:00.000Z';
const HEADER = 'code,parent_code,type,name_th,name_en,website,eligible_staff';

async function makeActor(
  ctx: ServiceContext,
  email: string,
  role: Role,
  agencyId: string | null,
): Promise<Actor> {
  const now = ctx.clock.now().toISOString();
  const id = ctx.ids.uuid();
  await insertUser(ctx.db.kysely, { id, email, displayName: email, passwordHash: 'x' }, now);
  await insertMembership(ctx.db.kysely, { id: ctx.ids.uuid(), userId: id, agencyId, role }, now);
  const grants = (await listGrants(ctx.db.kysely, id)).map((g) => ({
    role: g.role,
    agencyId: g.agencyId,
    agencyPath: g.agencyPath,
  }));
  const user = {
    id,
    email,
    displayName: email,
    failedLogins: 0,
    lockedUntil: null,
    disabled: false,
    createdAt: now,
  };
  return { user, grants };
}

async function codeOf(error: Promise<unknown>): Promise<string> {
  try {
    await error;
  } catch (caught) {
    if (caught instanceof DomainError) return caught.code;
    throw caught;
  }
  return 'no error';
}

const codes = (agencies: Agency[]) => agencies.map((a) => a.code).sort();

describeEachDialect('agency service', (getDb) => {
  let ctx: ServiceContext;
  let admin: Actor;
  let ministry: Agency;
  let department: Agency;
  let unitA: Agency;
  let unitB: Agency;
  let adminA: Actor;
  let parentAdmin: Actor;

  beforeAll(async () => {
    ctx = { db: getDb(), clock: createFixedClock(NOW), ids: randomIds };
    admin = await makeActor(ctx, 'root@example.org', 'system_admin', null);
    const base = { type: 'unit' as const };
    ministry = await createAgency(ctx, admin, {
      parentId: null,
      code: 'MIN',
      type: 'ministry',
      nameTh: 'กระทรวงทดสอบ',
    });
    department = await createAgency(ctx, admin, {
      parentId: ministry.id,
      code: 'DEP',
      type: 'department',
      nameTh: 'กรมทดสอบ',
      eligibleStaff: '1,250',
    });
    unitB = await createAgency(ctx, admin, {
      ...base,
      parentId: department.id,
      code: 'UB',
      nameTh: 'ขอนแก่น',
    });
    unitA = await createAgency(ctx, admin, {
      ...base,
      parentId: department.id,
      code: 'UA',
      nameTh: 'กระบี่',
    });
    adminA = await makeActor(ctx, 'a@example.org', 'agency_admin', unitA.id);
    parentAdmin = await makeActor(ctx, 'dep@example.org', 'parent_admin', department.id);
  });

  it('creates agencies with paths below their parents and an audit entry each', async () => {
    expect(ministry.path).toBe(`/${ministry.id}/`);
    expect(unitA.path).toBe(`/${ministry.id}/${department.id}/${unitA.id}/`);
    expect(department).toMatchObject({ nameEn: 'กรมทดสอบ', eligibleStaff: 1250, website: null });
    expect((await verifyAuditLog(ctx)).entries).toBe(4);
  });

  it('lists everything for the system administrator, nested and sorted by Thai name', async () => {
    const all = await listVisibleAgencies(ctx, admin);
    expect(codes(all)).toEqual(['DEP', 'MIN', 'UA', 'UB']);
    const tree = buildAgencyTree(all);
    expect(tree.map((n) => n.agency.code)).toEqual(['MIN']);
    const units = tree[0]?.children[0]?.children.map((n) => n.agency.nameTh);
    expect(units).toEqual(['กระบี่', 'ขอนแก่น']);
  });

  it('keeps an agency admin inside their own unit', async () => {
    expect(codes(await listVisibleAgencies(ctx, adminA))).toEqual(['UA']);
    expect((await getAgency(ctx, adminA, unitA.id)).code).toBe('UA');
    expect(await codeOf(getAgency(ctx, adminA, unitB.id))).toBe('not_found');
    expect(await codeOf(getAgency(ctx, adminA, ministry.id))).toBe('not_found');
    expect(await codeOf(updateAgency(ctx, adminA, unitB.id, { nameTh: 'x' }))).toBe('not_found');
    expect(await codeOf(updateAgency(ctx, adminA, ministry.id, { nameTh: 'x' }))).toBe('not_found');
    const child = { code: 'UA-1', type: 'unit', nameTh: 'ย่อย' } as const;
    expect(await codeOf(createAgency(ctx, adminA, { ...child, parentId: unitA.id }))).toBe(
      'forbidden',
    );
    expect(await codeOf(createAgency(ctx, adminA, { ...child, parentId: null }))).toBe('forbidden');
    const updated = await updateAgency(ctx, adminA, unitA.id, { eligibleStaff: 42 });
    expect(updated.eligibleStaff).toBe(42);
  });

  it('lets a parent admin act on the subtree but not above it', async () => {
    expect(codes(await listVisibleAgencies(ctx, parentAdmin))).toEqual(['DEP', 'UA', 'UB']);
    const renamed = await updateAgency(ctx, parentAdmin, unitB.id, {
      nameTh: 'ขอนแก่น (ใหม่)',
      nameEn: '',
      website: 'https://kk.example.org',
    });
    expect(renamed).toMatchObject({ nameEn: 'ขอนแก่น (ใหม่)', website: 'https://kk.example.org' });
    const child = await createAgency(ctx, parentAdmin, {
      parentId: unitB.id,
      code: 'UB-1',
      type: 'unit',
      nameTh: 'งานย่อย',
    });
    expect(child.path.startsWith(unitB.path)).toBe(true);
    expect(await codeOf(getAgency(ctx, parentAdmin, ministry.id))).toBe('not_found');
    expect(await codeOf(updateAgency(ctx, parentAdmin, ministry.id, { nameTh: 'x' }))).toBe(
      'not_found',
    );
  });

  it('refuses a code already in use, on create and on update', async () => {
    const input = { parentId: department.id, code: 'UA', type: 'unit', nameTh: 'ซ้ำ' } as const;
    expect(await codeOf(createAgency(ctx, admin, input))).toBe('duplicate_code');
    expect(await codeOf(updateAgency(ctx, admin, unitB.id, { code: 'UA' }))).toBe('duplicate_code');
  });

  describe('CSV import', () => {
    const good = [
      HEADER,
      'SUB-2,SUB-1,unit,งานสอง,,,5',
      'SUB-1,,unit,งานหนึ่ง,Task one,https://one.example.org,12',
      'SUB-3,UA,unit,"งานสาม, พิเศษ",,,',
    ].join('\n');

    it('previews a dry run and changes nothing', async () => {
      const before = await countAgencies(ctx.db.kysely);
      const audit = (await verifyAuditLog(ctx)).entries;
      const preview = await importAgenciesCsv(ctx, parentAdmin, good, {
        dryRun: true,
        parentId: department.id,
      });
      expect(preview.valid).toBe(true);
      expect(preview.created).toBe(0);
      expect(preview.rows.map((r) => [r.line, r.code, r.action])).toEqual([
        [3, 'SUB-1', 'create'],
        [2, 'SUB-2', 'create'],
        [4, 'SUB-3', 'create'],
      ]);
      expect(await countAgencies(ctx.db.kysely)).toBe(before);
      expect((await verifyAuditLog(ctx)).entries).toBe(audit);
    });

    it('creates nothing when one row is bad', async () => {
      const before = await countAgencies(ctx.db.kysely);
      const bad = `${good}\nSUB-4,SUB-1,unit,,,,`;
      const result = await importAgenciesCsv(ctx, parentAdmin, bad, {
        dryRun: false,
        parentId: department.id,
      });
      expect(result.valid).toBe(false);
      expect(result.created).toBe(0);
      const row = result.rows.find((r) => r.line === 5);
      expect(row?.action).toBe('error');
      expect(row?.errors[0]?.field).toBe('name_th');
      expect(await countAgencies(ctx.db.kysely)).toBe(before);
    });

    it('refuses rows outside what the actor may create', async () => {
      const outside = [HEADER, 'X-1,MIN,unit,นอกสังกัด,,,', 'X-2,,unit,ระดับบนสุด,,,'].join('\n');
      const result = await importAgenciesCsv(ctx, parentAdmin, outside, {
        dryRun: true,
        parentId: null,
      });
      expect(result.rows.map((r) => [r.code, r.action, r.errors[0]?.field])).toEqual([
        ['X-1', 'error', 'parent_code'],
        ['X-2', 'error', 'parent_code'],
      ]);
      expect(
        await codeOf(importAgenciesCsv(ctx, adminA, outside, { dryRun: true, parentId: unitB.id })),
      ).toBe('not_found');
    });

    it('creates every agency of a good file, with one audit entry each', async () => {
      const before = await countAgencies(ctx.db.kysely);
      const audit = (await verifyAuditLog(ctx)).entries;
      const result = await importAgenciesCsv(ctx, parentAdmin, good, {
        dryRun: false,
        parentId: department.id,
      });
      expect(result).toMatchObject({ valid: true, created: 3 });
      expect(await countAgencies(ctx.db.kysely)).toBe(before + 3);
      expect(await verifyAuditLog(ctx)).toMatchObject({
        entries: audit + 3,
        brokenAt: null,
        missedCheckpoint: null,
      });
      const byCode = new Map((await listVisibleAgencies(ctx, parentAdmin)).map((a) => [a.code, a]));
      const one = byCode.get('SUB-1');
      expect(one).toMatchObject({ parentId: department.id, nameEn: 'Task one', eligibleStaff: 12 });
      expect(byCode.get('SUB-2')?.path).toBe(`${one?.path}${byCode.get('SUB-2')?.id}/`);
      expect(byCode.get('SUB-3')?.parentId).toBe(unitA.id);
      const again = await importAgenciesCsv(ctx, parentAdmin, good, {
        dryRun: false,
        parentId: department.id,
      });
      expect(again.rows.every((r) => r.errors[0]?.message.th.includes('มีในระบบแล้ว'))).toBe(true);
    });
  });
});
