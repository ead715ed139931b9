import type { Kysely } from 'kysely';
import { z } from 'zod';
import {
  assignableRoles,
  isAllowed,
  isSystemWide,
  ROLE_NAMES,
  ROLES,
  ROOT_PATH,
  type Action,
  type Grant,
  type Role,
} from '../../../core/access/roles.js';
import { DomainError } from '../../../core/errors.js';
import { findAgencyById, listAgencies, type Agency } from '../../agencies/feature.js';
import type { Database } from '../../../platform/db/schema.js';
import {
  deleteMembership,
  findUserByEmail,
  findUserById,
  insertMembership,
  insertUser,
  listGrants,
  listUsers,
  publicUser,
  setUserDisabled as storeUserDisabled,
  type Membership,
  type User,
} from '../db/user.repository.js';
import { inTransaction, recordAudit } from '../../audit/feature.js';
import { hashPassword, NewAccountFields, refinePasswordNotEmail } from './auth.service.js';
import { nowIso, type Actor, type ServiceContext } from '../../../platform/services/context.js';

export type { Agency } from '../../agencies/feature.js';

/** A role a user holds, with the agency's path for access decisions. */
export type UserRole = Grant & Membership;

/** A user as an administrator sees them: the account and the roles inside the admin's reach. */
export interface VisibleUser {
  user: User;
  roles: UserRole[];
}

const AgencyIdSchema = z
  .string()
  .trim()
  .max(100)
  .nullable()
  .default(null)
  .transform((v) => v || null);
const RoleSchema = z.enum(ROLES, { message: 'กรุณาเลือกบทบาท / choose a role' });

export const NewUserSchema = NewAccountFields.extend({
  agencyId: AgencyIdSchema,
  role: RoleSchema,
}).superRefine(refinePasswordNotEmail);
export const GrantRoleSchema = z.object({ agencyId: AgencyIdSchema, role: RoleSchema });

/** A refusal that a form shows next to one of its fields. */
function fieldError(code: string, field: string, th: string, en: string): DomainError {
  return new DomainError(code, { th, en }, { field });
}

function forbidden(field = 'form'): DomainError {
  return fieldError('forbidden', field, 'คุณไม่มีสิทธิ์ทำรายการนี้', 'You are not allowed to do this');
}

function userNotFound(): DomainError {
  return new DomainError('not_found', { th: 'ไม่พบผู้ใช้', en: 'User not found' });
}

/** Whether the actor may manage the roles held at this agency (null: the system-wide roles). */
function canManagePath(actor: Actor, agencyPath: string | null): boolean {
  return isAllowed(actor.grants, 'user.manage', agencyPath ?? ROOT_PATH);
}

/** Refuses unless the actor may give (or take away) `role` at the agency with this path. */
function assertCanAssign(actor: Actor, agencyPath: string | null, role: Role): void {
  if (isSystemWide(role) && agencyPath !== null) {
    throw fieldError(
      'bad_scope',
      'agencyId',
      'บทบาทผู้ดูแลระบบใช้กับทุกหน่วยงาน: ไม่ต้องเลือกหน่วยงาน',
      'The system administrator role covers every agency: choose no agency',
    );
  }
  if (!isSystemWide(role) && agencyPath === null) {
    throw fieldError('bad_scope', 'agencyId', 'กรุณาเลือกหน่วยงาน', 'Choose an agency');
  }
  if (!canManagePath(actor, agencyPath)) throw forbidden(agencyPath === null ? 'role' : 'agencyId');
  if (!assignableRoles(actor.grants, agencyPath ?? ROOT_PATH).includes(role)) {
    throw fieldError(
      'role_not_assignable',
      'role',
      `คุณให้หรือถอนบทบาท "${ROLE_NAMES[role].th}" ที่หน่วยงานนี้ไม่ได้`,
      `You cannot give or remove the role "${ROLE_NAMES[role].en}" at this agency`,
    );
  }
}

async function resolveAgency(
  db: Kysely<Database>,
  agencyId: string | null,
): Promise<Agency | null> {
  if (agencyId === null) return null;
  const agency = await findAgencyById(db, agencyId);
  if (agency) return agency;
  throw fieldError('agency_not_found', 'agencyId', 'ไม่พบหน่วยงานที่เลือก', 'No such agency');
}

/** The user with all their roles, if the actor may see them (else not found, saying nothing more). */
async function findManagedUser(
  db: Kysely<Database>,
  actor: Actor,
  userId: string,
): Promise<{ user: User; roles: UserRole[] }> {
  const found = await findUserById(db, userId);
  if (!found) throw userNotFound();
  const roles = await listGrants(db, userId);
  if (!canManagePath(actor, null) && !roles.some((r) => canManagePath(actor, r.agencyPath))) {
    throw userNotFound();
  }
  return { user: publicUser(found), roles };
}

/** Refuses a change that would leave no enabled system administrator (nobody could manage the system). */
async function assertSystemAdminRemains(db: Kysely<Database>): Promise<void> {
  // Belongs in user.repository (countActiveSystemAdmins): kept here until that file is free.
  const row = await db
    .selectFrom('membership')
    .innerJoin('app_user', 'app_user.id', 'membership.user_id')
    .select((eb) => eb.fn.count('membership.user_id').distinct().as('n'))
    .where('membership.role', '=', 'system_admin')
    .where('app_user.disabled', '=', 0)
    .executeTakeFirst();
  if (Number(row?.n ?? 0) === 0) {
    throw new DomainError('last_system_admin', {
      th: 'ต้องมีผู้ดูแลระบบที่ใช้งานได้อย่างน้อยหนึ่งคน: ให้บทบาทนี้กับผู้อื่นก่อน',
      en: 'At least one active system administrator must remain: give the role to someone else first',
    });
  }
}

/**
 * Creates a personal account with its first role, audited. Creating a user never tells whether
 * an address has an account elsewhere: an e-mail already used by someone the actor manages is
 * refused (that person is on the actor's own list), but one used by someone outside the actor's
 * reach is answered exactly as a new address: that person gets the role (keeping their own
 * name and password, see `giveRoleToOutsider`).
 */
export async function createUser(
  ctx: ServiceContext,
  actor: Actor,
  input: z.input<typeof NewUserSchema>,
): Promise<string> {
  const data = NewUserSchema.parse(input);
  const passwordHash = await hashPassword(data.password);
  return inTransaction(ctx, async (trx) => {
    const agency = await resolveAgency(trx, data.agencyId);
    assertCanAssign(actor, agency?.path ?? null, data.role);
    const existing = await findUserByEmail(trx, data.email);
    if (existing) return giveRoleToOutsider(ctx, trx, actor, existing, agency, data.role);
    const id = ctx.ids.uuid();
    const membershipId = ctx.ids.uuid();
    const now = nowIso(ctx);
    const user = { id, email: data.email, displayName: data.displayName, passwordHash };
    await insertUser(trx, user, now);
    const membership = { id: membershipId, userId: id, agencyId: agency?.id ?? null };
    await insertMembership(trx, { ...membership, role: data.role }, now);
    await recordAudit(trx, ctx, actor, {
      action: 'user.create',
      entityType: 'user',
      entityId: id,
      agencyId: agency?.id ?? null,
      details: { email: data.email, role: data.role, membershipId },
    });
    return id;
  });
}

/**
 * The new-user form named an e-mail that has an account. Someone the actor already manages is
 * refused as taken; anyone else gets the role at the actor's agency, and the form answers as for
 * a new account (the same redirect and notice), so the form cannot be used to find out which
 * addresses have accounts at other agencies. The person keeps their name and password; the
 * audit log says what happened. The actor manages only this role, so cannot disable the account
 * or issue a reset link for it (both need every role the person holds).
 */
async function giveRoleToOutsider(
  ctx: ServiceContext,
  trx: Kysely<Database>,
  actor: Actor,
  existing: User,
  agency: Agency | null,
  role: Role,
): Promise<string> {
  const roles = await listGrants(trx, existing.id);
  if (canManagePath(actor, null) || roles.some((r) => canManagePath(actor, r.agencyPath))) {
    const { email } = existing;
    const th = `มีบัญชีที่ใช้อีเมล ${email} แล้ว: ให้บทบาทเพิ่มที่หน้าของผู้ใช้คนนั้น`;
    const en = `An account with the e-mail ${email} already exists: give the role on their page`;
    throw fieldError('email_taken', 'email', th, en);
  }
  const membershipId = ctx.ids.uuid();
  const agencyId = agency?.id ?? null;
  await insertMembership(
    trx,
    { id: membershipId, userId: existing.id, agencyId, role },
    nowIso(ctx),
  );
  await recordAudit(trx, ctx, actor, {
    action: 'user.grant_role',
    entityType: 'user',
    entityId: existing.id,
    agencyId,
    details: { role, membershipId, through: 'new_user_form' },
  });
  return existing.id;
}

/**
 * Gives a user a role at an agency, audited: only a role whose `role.grant.*` row allows the
 * actor there, and never to the actor's own account.
 */
export async function grantRole(
  ctx: ServiceContext,
  actor: Actor,
  userId: string,
  input: z.input<typeof GrantRoleSchema>,
): Promise<string> {
  const data = GrantRoleSchema.parse(input);
  if (userId === actor.user.id) {
    // separation of duties: a role to oneself would let a person oversee their own work
    throw new DomainError(
      'forbidden',
      {
        th: 'ให้บทบาทแก่ตนเองไม่ได้: บทบาทของคุณต้องให้โดยผู้ดูแลคนอื่น',
        en: 'You cannot give yourself a role: another administrator gives your roles',
      },
      { field: 'role' },
    );
  }
  return inTransaction(ctx, async (trx) => {
    const { roles } = await findManagedUser(trx, actor, userId);
    const agency = await resolveAgency(trx, data.agencyId);
    assertCanAssign(actor, agency?.path ?? null, data.role);
    const agencyId = agency?.id ?? null;
    if (roles.some((r) => r.agencyId === agencyId && r.role === data.role)) {
      const th = 'ผู้ใช้มีบทบาทนี้ที่หน่วยงานนี้อยู่แล้ว';
      throw fieldError('role_held', 'role', th, 'The user already holds this role here');
    }
    const id = ctx.ids.uuid();
    await insertMembership(trx, { id, userId, agencyId, role: data.role }, nowIso(ctx));
    await recordAudit(trx, ctx, actor, {
      action: 'user.grant_role',
      entityType: 'user',
      entityId: userId,
      agencyId,
      details: { role: data.role, membershipId: id },
    });
    return id;
  });
}

/** Takes a role away (same rules as giving it; the last system administrator stays), audited. */
export async function revokeRole(
  ctx: ServiceContext,
  actor: Actor,
  userId: string,
  membershipId: string,
): Promise<void> {
  await inTransaction(ctx, async (trx) => {
    const { roles } = await findManagedUser(trx, actor, userId);
    const role = roles.find((r) => r.id === membershipId);
    if (!role) {
      throw new DomainError('not_found', { th: 'ไม่พบบทบาทนี้', en: 'Role not found' });
    }
    assertCanAssign(actor, role.agencyPath, role.role);
    await deleteMembership(trx, membershipId);
    if (isSystemWide(role.role)) await assertSystemAdminRemains(trx);
    await recordAudit(trx, ctx, actor, {
      action: 'user.revoke_role',
      entityType: 'user',
      entityId: userId,
      agencyId: role.agencyId,
      details: { role: role.role, membershipId },
    });
  });
}

/** Disables or re-enables an account (only by someone who manages every role it holds), audited. */
export async function setUserDisabled(
  ctx: ServiceContext,
  actor: Actor,
  userId: string,
  disabled: boolean,
): Promise<void> {
  await inTransaction(ctx, async (trx) => {
    const { user, roles } = await findManagedUser(trx, actor, userId);
    if (disabled && user.id === actor.user.id) {
      throw new DomainError('self_disable', {
        th: 'ปิดบัญชีของตนเองไม่ได้',
        en: 'You cannot disable your own account',
      });
    }
    if (!roles.every((r) => canManagePath(actor, r.agencyPath))) throw forbidden();
    await storeUserDisabled(trx, userId, disabled);
    if (disabled && roles.some((r) => isSystemWide(r.role))) {
      await assertSystemAdminRemains(trx);
    }
    await recordAudit(trx, ctx, actor, {
      action: disabled ? 'user.disable' : 'user.enable',
      entityType: 'user',
      entityId: userId,
      agencyId: null,
      details: { email: user.email },
    });
  });
}

/** The user, if the actor manages every role they hold (as disabling and reset links need). */
export async function findWhollyManagedUser(
  db: Kysely<Database>,
  actor: Actor,
  userId: string,
): Promise<User> {
  const { user, roles } = await findManagedUser(db, actor, userId);
  if (!roles.every((r) => canManagePath(actor, r.agencyPath))) throw forbidden();
  return user;
}

/** The user and the roles the actor may see, or not found. */
export async function getVisibleUser(
  ctx: ServiceContext,
  actor: Actor,
  userId: string,
): Promise<VisibleUser> {
  const { user, roles } = await findManagedUser(ctx.db.kysely, actor, userId);
  return { user, roles: roles.filter((r) => canManagePath(actor, r.agencyPath)) };
}

/** Users a person may manage (all for a system administrator), each with the roles in reach. */
export async function listVisibleUsers(ctx: ServiceContext, actor: Actor): Promise<VisibleUser[]> {
  const db = ctx.db.kysely;
  const all = canManagePath(actor, null);
  const prefixes = all
    ? null
    : actor.grants.flatMap((g) => (canManagePath(actor, g.agencyPath) ? [g.agencyPath ?? ''] : []));
  const visible: VisibleUser[] = [];
  for (const user of await listUsers(db, prefixes)) {
    const roles = (await listGrants(db, user.id)).filter((r) => canManagePath(actor, r.agencyPath));
    if (all || roles.length > 0) visible.push({ user, roles });
  }
  return visible;
}

/** Agencies where the actor may do `action` (every agency when allowed at the root), tree order. */
export async function listAllowedAgencies(
  ctx: ServiceContext,
  actor: Actor,
  action: Action,
): Promise<Agency[]> {
  if (isAllowed(actor.grants, action, ROOT_PATH)) return listAgencies(ctx.db.kysely, null);
  const prefixes = actor.grants.flatMap((g) => (g.agencyPath ? [g.agencyPath] : []));
  const agencies = await listAgencies(ctx.db.kysely, prefixes);
  return agencies.filter((a) => isAllowed(actor.grants, action, a.path));
}
