import type { Role } from './roles.js';

/**
 * How far a role held for an agency reaches for one action: that agency only (`own`), the
 * agency and every unit below it (`subtree`), the units below it but never the agency itself
 * (`below`: what a body does to the units it oversees and must not do to itself), or every
 * agency whichever one the role is held for (`anywhere`: the system administrator's reach,
 * whose role is held for no agency).
 */
export type Reach = 'own' | 'subtree' | 'below' | 'anywhere';

/** Who may do an action: each role that allows it, with its reach. A role not named: never. */
export type Who = Partial<Record<Role, Reach>>;

/** One row of the access table. */
export interface Rule {
  who: Who;
  /**
   * Roles whose reminders list the action's pending work at the agency they hold the role for
   * (each must also be allowed to do it there). Who is *asked* to act, where that is narrower
   * than who *may*.
   */
  remind?: readonly Role[];
}

// The groups most rows start from (written out in each row where a row differs).
const SYSTEM: Who = { system_admin: 'anywhere' };
/** Anyone who may see an agency's data: its staff, and those above it who oversee it. */
const SEES: Who = {
  ...SYSTEM,
  parent_admin: 'subtree',
  agency_admin: 'own',
  item_owner: 'own',
  head_of_agency: 'own',
  assessor: 'subtree',
  viewer: 'subtree',
};
/** The parent body's administrators (and the system administrator). */
const PARENT: Who = { ...SYSTEM, parent_admin: 'subtree' };
/**
 * Oversight: the system administrator, and a parent body's administrators over the units
 * below it, never over their own agency (its overseers sit above it). Separation of duties
 * (docs/security.md): appointing a head or an assessor, appointing a round's reviewers,
 * confirming and publishing results.
 */
const OVERSIGHT: Who = { ...SYSTEM, parent_admin: 'below' };
/** The agency's administrators, and the parent body's above it. */
const ADMINS: Who = { ...PARENT, agency_admin: 'own' };
/** Everyone holding a role at the agency itself: its staff (the system administrator is not). */
const STAFF: Who = {
  parent_admin: 'own',
  agency_admin: 'own',
  item_owner: 'own',
  head_of_agency: 'own',
  assessor: 'own',
  viewer: 'own',
};
const STAFF_ROLES = Object.keys(STAFF) as Role[];

/**
 * Every action of every feature, named `<feature>.<verb>`: who may do it, at which agency. The
 * target of a check is the agency the data belongs to (a round's, a register's agency); for
 * creating an agency, its parent (ROOT_PATH for a top-level one); for a role, the agency it is
 * given at. Checked only through `isAllowed` (roles.ts). Relations beyond role-at-agency (the
 * item's owner, the round's assigned assessor, the task's owner) are small predicates in the
 * feature's core that call `isAllowed` for the role part.
 */
export const ACCESS = {
  // agencies
  'agency.view': { who: SEES },
  'agency.edit': { who: ADMINS },
  'agency.create_child': { who: PARENT },
  // users and roles: who may manage accounts at an agency, and give (or take away) each role
  // there. An agency's administrators give its working roles (co-administrators too: no power
  // they lack); those who oversee it (its head, its assessors) are appointed from above it.
  // Nobody gives a role to themselves (user service).
  'user.manage': { who: ADMINS },
  'role.grant.system_admin': { who: SYSTEM },
  'role.grant.parent_admin': { who: PARENT },
  'role.grant.agency_admin': { who: ADMINS },
  'role.grant.item_owner': { who: ADMINS },
  'role.grant.head_of_agency': { who: OVERSIGHT },
  'role.grant.assessor': { who: OVERSIGHT },
  'role.grant.viewer': { who: ADMINS },
  'audit.view': { who: PARENT },
  // rounds: opening one (at the parent) and moving it through its states (which row each move
  // needs: moveActionOf in rounds/core/round-state.ts)
  'round.view': { who: SEES },
  'round.open': { who: PARENT },
  /** The working moves, forward and back, from set-up to clarification. */
  'round.transition': { who: PARENT },
  /** Clarification → confirmed: the scores are stored and the round locked. */
  'round.confirm': { who: OVERSIGHT },
  /** Confirmed → published: the results go public. */
  'round.publish': { who: OVERSIGHT },
  /** Published → withdrawn, with a reason: the results leave the public pages. */
  'round.withdraw': { who: SYSTEM },
  /** Withdrawn → clarification, with a reason: the round is corrected and confirmed again. */
  'round.reopen': { who: SYSTEM },
  'result.view': { who: SEES },
  // OIT evidence
  'oit.evidence.view': { who: SEES },
  'oit.evidence.assign': { who: ADMINS },
  'oit.evidence.edit': { who: ADMINS },
  /** Edit the items the person owns (with the owner predicate in oit-evidence/core). */
  'oit.evidence.edit_owned': { who: { item_owner: 'own' } },
  'oit.evidence.approve': { who: { ...SYSTEM, head_of_agency: 'own' } },
  /** Send evidence back to its owner with a reason, instead of approving it. */
  'oit.evidence.return': { who: { ...SYSTEM, head_of_agency: 'own' } },
  'oit.evidence.submit': { who: { ...SYSTEM, agency_admin: 'own' } },
  // OIT review
  'oit.review.assign': { who: OVERSIGHT },
  /**
   * Be appointed an assessor of a round: an assessor over the units below the agency the role
   * is held for, who holds no role at the assessed agency or its units (isMemberOf, roles.ts).
   */
  'oit.review.serve': { who: { assessor: 'below' } },
  /**
   * Review and decide: the same as serving, checked at every decision (with the assignment
   * predicate in oit-review/core), so an assessor who loses the role loses the assignment.
   */
  'oit.review.decide': { who: { assessor: 'below' } },
  'oit.review.clarify': { who: { ...SYSTEM, agency_admin: 'own', item_owner: 'own' } },
  // surveys
  'survey.manage': { who: ADMINS },
  'survey.import': { who: ADMINS },
  // measures
  'measure.manage': { who: ADMINS },
  'measure.publish': { who: { ...ADMINS, head_of_agency: 'own' } },
  // calendar (a task's owner may also mark it: predicate in calendar)
  'calendar.task.manage': { who: { ...ADMINS, head_of_agency: 'own' } },
  // activities
  'activity.manage': { who: ADMINS },
  // manuals
  'manual.edit': { who: { ...ADMINS, item_owner: 'own' }, remind: ['agency_admin'] },
  'manual.publish': { who: { ...ADMINS, head_of_agency: 'own' }, remind: ['head_of_agency'] },
  // assets
  'asset.manage': { who: { ...ADMINS, head_of_agency: 'own' } },
  'asset.loan.request': { who: { ...SYSTEM, ...STAFF } },
  'asset.loan.approve': {
    who: { ...ADMINS, head_of_agency: 'own' },
    remind: ['parent_admin', 'agency_admin', 'head_of_agency'],
  },
  // integrity: the No Gift declaration and the gift register
  'integrity.declaration.draft': { who: ADMINS },
  'integrity.declaration.approve': { who: { head_of_agency: 'own' } },
  'integrity.declaration.acknowledge': { who: STAFF, remind: STAFF_ROLES },
  'gift.report': { who: STAFF },
  'gift.view_all': { who: { ...ADMINS, head_of_agency: 'own' } },
  'gift.decide': { who: { head_of_agency: 'own' }, remind: ['head_of_agency'] },
  'gift.publish': { who: { head_of_agency: 'own' } },
} as const satisfies Record<string, Rule>;

/** What a person may try to do to an agency's data: a row of the access table. */
export type Action = keyof typeof ACCESS;

/** Every action, in table order. */
export const ACTIONS = Object.keys(ACCESS) as Action[];

/** The action of giving (or taking away) `role`: one row per role. */
export function grantAction(role: Role): Action {
  return `role.grant.${role}`;
}
