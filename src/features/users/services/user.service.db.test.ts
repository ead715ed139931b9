import { beforeAll, expect, it } from 'vitest';
import type { Role } from '../../../core/access/roles.js';
import { DomainError } from '../../../core/errors.js';
import { insertAgency } from '../../agencies/feature.js';
import { listAuditEntries } from '../../audit/feature.js';
import type { Db } from '../../../platform/db/database.js';
import { describeEachDialect } from '../../../platform/db/test-databases.js';
import {
  findUserByEmail,
  findUserById,
  insertMembership,
  insertUser,
  listGrants,
  publicUser,
} from '../db/user.repository.js';
import { randomIds, systemClock } from '../../../platform/infra/clock.js';
import { verifyAuditLog } from '../../audit/feature.js';
import type { Actor, ServiceContext } from '../../../platform/services/context.js';
import {
  createUser,
  getVisibleUser,
  grantRole,
  listAllowedAgencies,
  listVisibleUsers,
  revokeRole,
  setUserDisabled,
} from './user.service.js';
import { step } from '../../../app/test-steps.js';

const NOW = '2026-11-26T03:00:00.000Z';
const PASSWORD = 'correct horse battery';

async function seedAgencies(db: Db): Promise<void> {
  const tree: [string, string | null, string][] = [
    ['m', null, '/m/'],
    ['d1', 'm', '/m/d1/'],
    ['d2', 'm', '/m/d2/'],
    ['o', null, '/o/'],
  ];
  for (const [id, parentId, path] of tree) {
    const agency = { id, parentId, path, code: id.toUpperCase(), type: 'unit' };
    const names = { nameTh: `หน่วยงาน ${id}`, nameEn: `Agency ${id}` };
    await insertAgency(db.kysely, { ...agency, ...names, website: null, eligibleStaff: null }, NOW);
  }
}

/** Inserts a user holding one role directly (no service), for setting the scene. */
async function seedUser(db: Db, email: string, role: Role, agencyId: string | null) {
  const id = randomIds.uuid();
  await insertUser(db.kysely, { id, email, displayName: email, passwordHash: 'x' }, NOW);
  await insertMembership(db.kysely, { id: randomIds.uuid(), userId: id, agencyId, role }, NOW);
  return id;
}

async function actorOf(db: Db, userId: string): Promise<Actor> {
  const user = await findUserById(db.kysely, userId);
  if (!user) throw new Error(`no user ${userId}`);
  const grants = (await listGrants(db.kysely, userId)).map((g) => ({
    role: g.role,
    agencyId: g.agencyId,
    agencyPath: g.agencyPath,
  }));
  return { user: publicUser(user), grants };
}

async function auditActions(db: Db): Promise<string[]> {
  return (await listAuditEntries(db.kysely, 0, 1000)).map((e) => e.action);
}

function newUser(email: string, agencyId: string | null, role: Role) {
  return { email, displayName: `ผู้ใช้ ${email}`, password: PASSWORD, agencyId, role };
}

describeEachDialect('user service', (getDb) => {
  let ctx: ServiceContext;
  let admin: Actor;
  let d1Admin: Actor;
  let parentAdmin: Actor;

  beforeAll(async () => {
    const db = getDb();
    ctx = { db, clock: systemClock, ids: randomIds };
    await seedAgencies(db);
    admin = await actorOf(db, await seedUser(db, 'root@example.org', 'system_admin', null));
    d1Admin = await actorOf(db, await seedUser(db, 'd1@example.org', 'agency_admin', 'd1'));
    parentAdmin = await actorOf(db, await seedUser(db, 'm@example.org', 'parent_admin', 'm'));
    await seedUser(db, 'd2@example.org', 'viewer', 'd2');
  });

  // The story's steps (app/test-steps.ts): an item owner of d1, then a boss of d2.
  const newUserCreated = step(() =>
    createUser(ctx, admin, newUser(' New@Example.org ', 'd1', 'item_owner')),
  );
  const d2BossMade = step(async () => {
    const id = await createUser(
      ctx,
      parentAdmin,
      newUser('d2boss@example.org', 'd2', 'agency_admin'),
    );
    await grantRole(ctx, parentAdmin, id, { agencyId: 'm', role: 'parent_admin' });
    return id;
  });

  it('creates a user with a role, hashes the password and audits it', async () => {
    const id = await newUserCreated();
    const stored = await findUserByEmail(ctx.db.kysely, 'new@example.org');
    expect(stored?.id).toBe(id);
    expect(stored?.passwordHash).toMatch(/^\$argon2id\$/);
    const grants = await listGrants(ctx.db.kysely, id);
    expect(grants.map((g) => [g.role, g.agencyId])).toEqual([['item_owner', 'd1']]);
    expect(await auditActions(ctx.db)).toContain('user.create');
  });

  it('refuses a duplicate e-mail in Thai and English, saving nothing', async () => {
    await newUserCreated();
    const attempt = createUser(ctx, d1Admin, newUser('NEW@example.org', 'd1', 'viewer'));
    await expect(attempt).rejects.toMatchObject({
      code: 'email_taken',
      messages: { th: expect.stringContaining('มีบัญชีที่ใช้อีเมล') },
    });
    expect((await listVisibleUsers(ctx, admin)).length).toBe(5);
  });

  it('keeps an agency admin to their own agency and below their own roles', async () => {
    await expect(
      createUser(ctx, d1Admin, newUser('p@example.org', 'd1', 'parent_admin')),
    ).rejects.toMatchObject({ code: 'role_not_assignable' });
    await expect(
      createUser(ctx, d1Admin, newUser('q@example.org', 'd2', 'viewer')),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await expect(
      createUser(ctx, d1Admin, newUser('r@example.org', null, 'system_admin')),
    ).rejects.toMatchObject({ code: 'forbidden' });
    const d2User = await findUserByEmail(ctx.db.kysely, 'd2@example.org');
    await expect(
      grantRole(ctx, d1Admin, d2User?.id ?? '', { agencyId: 'd1', role: 'viewer' }),
    ).rejects.toMatchObject({ code: 'not_found' });
    expect((await listAllowedAgencies(ctx, d1Admin, 'user.manage')).map((a) => a.id)).toEqual([
      'd1',
    ]);
  });

  it('lets a parent admin manage the units below, including parent admins', async () => {
    const id = await d2BossMade();
    expect((await listGrants(ctx.db.kysely, id)).map((g) => g.role).sort()).toEqual([
      'agency_admin',
      'parent_admin',
    ]);
    await expect(
      grantRole(ctx, parentAdmin, id, { agencyId: 'o', role: 'viewer' }),
    ).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('shows an agency admin only the users of their agency, and only those roles', async () => {
    await newUserCreated();
    await d2BossMade();
    const emails = (await listVisibleUsers(ctx, d1Admin)).map((v) => v.user.email);
    expect(emails.sort()).toEqual(['d1@example.org', 'new@example.org']);
    const mine = await listVisibleUsers(ctx, parentAdmin);
    const boss = mine.find((v) => v.user.email === 'd2boss@example.org');
    expect(boss?.roles.length).toBe(2);
    expect(mine.some((v) => v.user.email === 'root@example.org')).toBe(false);
  });

  it('grants and revokes roles, refusing a role held twice', async () => {
    await newUserCreated();
    const user = await findUserByEmail(ctx.db.kysely, 'new@example.org');
    const id = user?.id ?? '';
    const membershipId = await grantRole(ctx, d1Admin, id, { agencyId: 'd1', role: 'viewer' });
    await expect(
      grantRole(ctx, d1Admin, id, { agencyId: 'd1', role: 'viewer' }),
    ).rejects.toMatchObject({ code: 'role_held' });
    await revokeRole(ctx, d1Admin, id, membershipId);
    const visible = await getVisibleUser(ctx, d1Admin, id);
    expect(visible.roles.map((r) => r.role)).toEqual(['item_owner']);
    const actions = await auditActions(ctx.db);
    expect(actions).toContain('user.grant_role');
    expect(actions).toContain('user.revoke_role');
  });

  it('never removes or disables the last system administrator', async () => {
    const [own] = await listGrants(ctx.db.kysely, admin.user.id);
    await expect(revokeRole(ctx, admin, admin.user.id, own?.id ?? '')).rejects.toMatchObject({
      code: 'last_system_admin',
    });
    await expect(setUserDisabled(ctx, admin, admin.user.id, true)).rejects.toMatchObject({
      code: 'self_disable',
    });
    const second = await createUser(ctx, admin, newUser('root2@example.org', null, 'system_admin'));
    await setUserDisabled(ctx, admin, second, true);
    await expect(revokeRole(ctx, admin, admin.user.id, own?.id ?? '')).rejects.toBeInstanceOf(
      DomainError,
    );
    await setUserDisabled(ctx, admin, second, false);
    await revokeRole(ctx, admin, admin.user.id, own?.id ?? '');
    expect(await listGrants(ctx.db.kysely, admin.user.id)).toEqual([]);
  });

  it('disables an account only for someone who manages all its roles, audited', async () => {
    await newUserCreated();
    await d2BossMade();
    const boss = await findUserByEmail(ctx.db.kysely, 'd2boss@example.org');
    const d1User = await findUserByEmail(ctx.db.kysely, 'new@example.org');
    await expect(setUserDisabled(ctx, d1Admin, boss?.id ?? '', true)).rejects.toMatchObject({
      code: 'not_found',
    });
    await setUserDisabled(ctx, d1Admin, d1User?.id ?? '', true);
    expect((await findUserByEmail(ctx.db.kysely, 'new@example.org'))?.disabled).toBe(true);
    expect(await auditActions(ctx.db)).toContain('user.disable');
    expect((await verifyAuditLog(ctx)).brokenAt).toBeNull();
  });
});
