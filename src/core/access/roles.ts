import type { Message } from '../errors.js';
import {
  ACCESS,
  grantAction,
  type Action,
  type Reach,
  type Rule,
  type Who,
} from './access-table.js';

export { ACCESS, ACTIONS, grantAction, type Action, type Reach } from './access-table.js';

/** Roles a personal account can hold, each for one agency (system admin: for all). */
export const ROLES = [
  'system_admin',
  'parent_admin',
  'agency_admin',
  'item_owner',
  'head_of_agency',
  'assessor',
  'viewer',
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_NAMES: Record<Role, Message> = {
  system_admin: { th: 'ผู้ดูแลระบบ', en: 'System administrator' },
  parent_admin: { th: 'ผู้ดูแลหน่วยงานต้นสังกัด', en: 'Parent-body administrator' },
  agency_admin: { th: 'ผู้ดูแลของหน่วยงาน', en: 'Agency administrator' },
  item_owner: { th: 'ผู้รับผิดชอบข้อ OIT', en: 'OIT item owner' },
  head_of_agency: { th: 'หัวหน้าหน่วยงาน', en: 'Head of agency' },
  assessor: { th: 'ผู้ประเมิน', en: 'Assessor' },
  viewer: { th: 'ผู้ดูข้อมูล', en: 'Viewer' },
};

/** Roles held for no agency, over the whole system; every other role is held for one agency. */
const SYSTEM_WIDE: readonly Role[] = ['system_admin'];

/** Whether `role` is held system-wide (for no agency) rather than for one agency. */
export function isSystemWide(role: Role): boolean {
  return SYSTEM_WIDE.includes(role);
}

/** A role held for an agency; `agencyPath` is "/root/…/agency/" (null for system admin). */
export interface Grant {
  role: Role;
  agencyId: string | null;
  agencyPath: string | null;
}

/**
 * The root of the agency tree, above every top-level agency (agency paths are "/id/…/id/"): only
 * a reach of `anywhere` covers it. Checking an action at ROOT_PATH asks whether it is allowed at
 * every agency (and, for `agency.create_child`, whether a top-level agency may be added).
 */
export const ROOT_PATH = '/';

function reaches(reach: Reach | undefined, heldAt: string | null, targetPath: string): boolean {
  if (reach === undefined) return false;
  if (reach === 'anywhere') return true;
  if (heldAt === null) return false;
  if (heldAt === targetPath) return reach !== 'below';
  return reach !== 'own' && targetPath.startsWith(heldAt);
}

/**
 * Decides whether someone holding these grants may do `action` to the agency at `targetPath`,
 * by the access table: a role counts for its own agency, for the agency's sub-units where its
 * reach is `subtree`, everywhere where it is `anywhere`. The one check where a role decides.
 */
export function isAllowed(grants: readonly Grant[], action: Action, targetPath: string): boolean {
  const who: Who = ACCESS[action].who;
  return grants.some((grant) => reaches(who[grant.role], grant.agencyPath, targetPath));
}

/**
 * Whether someone holding these grants belongs to the agency at `agencyPath`: holds any role at
 * it or at one of its units (its staff, its head, and anyone appointed inside it). Whoever
 * belongs to an agency may not assess it (separation of duties, docs/security.md).
 */
export function isMemberOf(grants: readonly Grant[], agencyPath: string): boolean {
  return grants.some((g) => g.agencyPath !== null && g.agencyPath.startsWith(agencyPath));
}

/**
 * Roles a person may give to others (or take away) at an agency: where they may manage users,
 * the roles whose `role.grant.*` row allows them there. Never to themselves: the user service
 * refuses a grant to one's own account whatever the table says.
 */
export function assignableRoles(grants: readonly Grant[], targetPath: string): Role[] {
  if (!isAllowed(grants, 'user.manage', targetPath)) return [];
  return ROLES.filter((role) => isAllowed(grants, grantAction(role), targetPath));
}

/** Whether `action`'s pending work shows in the reminders of whoever holds `role` at an agency. */
export function isRemindedOf(action: Action, role: Role): boolean {
  const rule: Rule = ACCESS[action];
  return rule.remind?.includes(role) ?? false;
}

/** The agencies (ids) where these grants make `action`'s pending work a reminder of the person. */
export function remindedAgencyIds(grants: readonly Grant[], action: Action): string[] {
  const ids = grants.flatMap((g) =>
    g.agencyId && isRemindedOf(action, g.role) ? [g.agencyId] : [],
  );
  return [...new Set(ids)];
}
