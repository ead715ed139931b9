import type { Message } from '../errors.js';

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

/** A role held for an agency; `agencyPath` is "/root/…/agency/" (null for system admin). */
export interface Grant {
  role: Role;
  agencyId: string | null;
  agencyPath: string | null;
}

/** What a person may try to do to an agency's data. */
export type Action =
  | 'agency.view'
  | 'agency.edit'
  | 'agency.create_child'
  | 'user.manage'
  | 'round.view'
  | 'round.open'
  | 'round.transition'
  | 'audit.view';

/** Which roles allow each action, and whether the role reaches the agency's sub-units. */
const RULES: Record<Action, { roles: Role[]; subtree: Role[] }> = {
  'agency.view': {
    roles: ['parent_admin', 'agency_admin', 'item_owner', 'head_of_agency', 'assessor', 'viewer'],
    subtree: ['parent_admin', 'assessor', 'viewer'],
  },
  'agency.edit': { roles: ['parent_admin', 'agency_admin'], subtree: ['parent_admin'] },
  'agency.create_child': { roles: ['parent_admin'], subtree: ['parent_admin'] },
  'user.manage': { roles: ['parent_admin', 'agency_admin'], subtree: ['parent_admin'] },
  'round.view': {
    roles: ['parent_admin', 'agency_admin', 'item_owner', 'head_of_agency', 'assessor', 'viewer'],
    subtree: ['parent_admin', 'assessor', 'viewer'],
  },
  'round.open': { roles: ['parent_admin'], subtree: ['parent_admin'] },
  'round.transition': {
    roles: ['parent_admin', 'assessor'],
    subtree: ['parent_admin', 'assessor'],
  },
  'audit.view': { roles: ['parent_admin'], subtree: ['parent_admin'] },
};

/**
 * Decides whether someone holding these grants may do `action` to the agency at `targetPath`:
 * a role counts for its own agency, and for the agency's sub-units where the rule says so.
 */
export function isAllowed(grants: readonly Grant[], action: Action, targetPath: string): boolean {
  const rule = RULES[action];
  return grants.some((grant) => {
    if (grant.role === 'system_admin') return true;
    if (!rule.roles.includes(grant.role) || grant.agencyPath === null) return false;
    if (grant.agencyPath === targetPath) return true;
    return rule.subtree.includes(grant.role) && targetPath.startsWith(grant.agencyPath);
  });
}

/** Roles a person may give to others at an agency: never more than they hold there. */
export function assignableRoles(grants: readonly Grant[], targetPath: string): Role[] {
  if (grants.some((g) => g.role === 'system_admin')) return [...ROLES];
  if (!isAllowed(grants, 'user.manage', targetPath)) return [];
  const parent = grants.some(
    (g) =>
      g.role === 'parent_admin' && g.agencyPath !== null && targetPath.startsWith(g.agencyPath),
  );
  return ROLES.filter((r) => r !== 'system_admin' && (parent || r !== 'parent_admin'));
}
