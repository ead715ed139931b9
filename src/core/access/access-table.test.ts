import { describe, expect, it } from 'vitest';
import {
  ACCESS,
  ACTIONS,
  ROLES,
  ROOT_PATH,
  assignableRoles,
  isAllowed,
  isMemberOf,
  isRemindedOf,
  remindedAgencyIds,
  type Action,
  type Grant,
  type Role,
} from './roles.js';

/**
 * The access table, enumerated: every action × every role × the agency the role is held for
 * (O), one of its sub-units (S) and another agency (X: a sibling; the parent above and the
 * root are checked to answer the same as X). `-S-` is a reach of `below`: the units the role
 * oversees, never the agency it is held for. A change in the table fails its row here: update
 * the row deliberately, together with the review of who may now do what.
 */
const HELD_AT = '/m/d1/';
const TARGETS = { O: '/m/d1/', S: '/m/d1/u1/', X: '/m/d2/' } as const;
const ABOVE = ['/m/', ROOT_PATH];

type Row = [
  system_admin: string,
  parent_admin: string,
  agency_admin: string,
  item_owner: string,
  head_of_agency: string,
  assessor: string,
  viewer: string,
];

// prettier-ignore
const EXPECTED: Record<Action, Row> = {
  //                                     system  parent  agency  owner  head   assessor viewer
  'agency.view':                        ['OSX', 'OS-', 'O--', 'O--', 'O--', 'OS-', 'OS-'],
  'agency.edit':                        ['OSX', 'OS-', 'O--', '---', '---', '---', '---'],
  'agency.create_child':                ['OSX', 'OS-', '---', '---', '---', '---', '---'],
  'user.manage':                        ['OSX', 'OS-', 'O--', '---', '---', '---', '---'],
  'role.grant.system_admin':            ['OSX', '---', '---', '---', '---', '---', '---'],
  'role.grant.parent_admin':            ['OSX', 'OS-', '---', '---', '---', '---', '---'],
  'role.grant.agency_admin':            ['OSX', 'OS-', 'O--', '---', '---', '---', '---'],
  'role.grant.item_owner':              ['OSX', 'OS-', 'O--', '---', '---', '---', '---'],
  'role.grant.head_of_agency':          ['OSX', '-S-', '---', '---', '---', '---', '---'],
  'role.grant.assessor':                ['OSX', '-S-', '---', '---', '---', '---', '---'],
  'role.grant.viewer':                  ['OSX', 'OS-', 'O--', '---', '---', '---', '---'],
  'audit.view':                         ['OSX', 'OS-', '---', '---', '---', '---', '---'],
  'round.view':                         ['OSX', 'OS-', 'O--', 'O--', 'O--', 'OS-', 'OS-'],
  'round.open':                         ['OSX', 'OS-', '---', '---', '---', '---', '---'],
  'round.transition':                   ['OSX', 'OS-', '---', '---', '---', '---', '---'],
  'round.confirm':                      ['OSX', '-S-', '---', '---', '---', '---', '---'],
  'round.publish':                      ['OSX', '-S-', '---', '---', '---', '---', '---'],
  'round.withdraw':                     ['OSX', '---', '---', '---', '---', '---', '---'],
  'round.reopen':                       ['OSX', '---', '---', '---', '---', '---', '---'],
  'result.view':                        ['OSX', 'OS-', 'O--', 'O--', 'O--', 'OS-', 'OS-'],
  'oit.evidence.view':                  ['OSX', 'OS-', 'O--', 'O--', 'O--', 'OS-', 'OS-'],
  'oit.evidence.assign':                ['OSX', 'OS-', 'O--', '---', '---', '---', '---'],
  'oit.evidence.edit':                  ['OSX', 'OS-', 'O--', '---', '---', '---', '---'],
  'oit.evidence.edit_owned':            ['---', '---', '---', 'O--', '---', '---', '---'],
  'oit.evidence.approve':               ['OSX', '---', '---', '---', 'O--', '---', '---'],
  'oit.evidence.return':                ['OSX', '---', '---', '---', 'O--', '---', '---'],
  'oit.evidence.submit':                ['OSX', '---', 'O--', '---', '---', '---', '---'],
  'oit.review.assign':                  ['OSX', '-S-', '---', '---', '---', '---', '---'],
  'oit.review.serve':                   ['---', '---', '---', '---', '---', '-S-', '---'],
  'oit.review.decide':                  ['---', '---', '---', '---', '---', '-S-', '---'],
  'oit.review.clarify':                 ['OSX', '---', 'O--', 'O--', '---', '---', '---'],
  'survey.manage':                      ['OSX', 'OS-', 'O--', '---', '---', '---', '---'],
  'survey.import':                      ['OSX', 'OS-', 'O--', '---', '---', '---', '---'],
  'measure.manage':                     ['OSX', 'OS-', 'O--', '---', '---', '---', '---'],
  'measure.publish':                    ['OSX', 'OS-', 'O--', '---', 'O--', '---', '---'],
  'calendar.task.manage':               ['OSX', 'OS-', 'O--', '---', 'O--', '---', '---'],
  'activity.manage':                    ['OSX', 'OS-', 'O--', '---', '---', '---', '---'],
  'manual.edit':                        ['OSX', 'OS-', 'O--', 'O--', '---', '---', '---'],
  'manual.publish':                     ['OSX', 'OS-', 'O--', '---', 'O--', '---', '---'],
  'asset.manage':                       ['OSX', 'OS-', 'O--', '---', 'O--', '---', '---'],
  'asset.loan.request':                 ['OSX', 'O--', 'O--', 'O--', 'O--', 'O--', 'O--'],
  'asset.loan.approve':                 ['OSX', 'OS-', 'O--', '---', 'O--', '---', '---'],
  'integrity.declaration.draft':        ['OSX', 'OS-', 'O--', '---', '---', '---', '---'],
  'integrity.declaration.approve':      ['---', '---', '---', '---', 'O--', '---', '---'],
  'integrity.declaration.acknowledge':  ['---', 'O--', 'O--', 'O--', 'O--', 'O--', 'O--'],
  'gift.report':                        ['---', 'O--', 'O--', 'O--', 'O--', 'O--', 'O--'],
  'gift.view_all':                      ['OSX', 'OS-', 'O--', '---', 'O--', '---', '---'],
  'gift.decide':                        ['---', '---', '---', '---', 'O--', '---', '---'],
  'gift.publish':                       ['---', '---', '---', '---', 'O--', '---', '---'],
};

/** Whose reminders list each action's pending work (at the agency the role is held for). */
const REMINDED: Partial<Record<Action, Role[]>> = {
  'manual.edit': ['agency_admin'],
  'manual.publish': ['head_of_agency'],
  'asset.loan.approve': ['parent_admin', 'agency_admin', 'head_of_agency'],
  'integrity.declaration.acknowledge': [
    'parent_admin',
    'agency_admin',
    'item_owner',
    'head_of_agency',
    'assessor',
    'viewer',
  ],
  'gift.decide': ['head_of_agency'],
};

const grantOf = (role: Role): Grant =>
  role === 'system_admin'
    ? { role, agencyId: null, agencyPath: null }
    : { role, agencyId: 'd1', agencyPath: HELD_AT };

/** What the table answers for one role, written like a cell of EXPECTED. */
function cell(action: Action, role: Role): string {
  const grants = [grantOf(role)];
  return (Object.keys(TARGETS) as (keyof typeof TARGETS)[])
    .map((at) => (isAllowed(grants, action, TARGETS[at]) ? at : '-'))
    .join('');
}

describe('the access table', () => {
  it('has a row of expectations for every action, and nothing else', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...ACTIONS].sort());
    expect(ROLES).toEqual([
      'system_admin',
      'parent_admin',
      'agency_admin',
      'item_owner',
      'head_of_agency',
      'assessor',
      'viewer',
    ]);
  });

  for (const action of ACTIONS) {
    it(`${action}: who may do it, at which agency`, () => {
      expect(ROLES.map((role) => cell(action, role))).toEqual(EXPECTED[action]);
    });

    it(`${action}: reaching above or beside the agency means reaching everywhere`, () => {
      for (const role of ROLES) {
        const everywhere = EXPECTED[action][ROLES.indexOf(role)]?.includes('X');
        for (const path of ABOVE)
          expect([role, path, isAllowed([grantOf(role)], action, path)]).toEqual([
            role,
            path,
            everywhere,
          ]);
      }
    });

    it(`${action}: whose reminders list it (each may do it where reminded)`, () => {
      const reminded = ROLES.filter((role) => isRemindedOf(action, role));
      expect(reminded).toEqual(REMINDED[action] ?? []);
      for (const role of reminded) expect(cell(action, role)).toContain('O');
    });
  }

  it('lets nobody without grants do anything', () => {
    for (const action of ACTIONS)
      for (const path of [...Object.values(TARGETS), ...ABOVE])
        expect(isAllowed([], action, path)).toBe(false);
  });

  it('lets several grants add up, each with its own reach', () => {
    const grants: Grant[] = [
      { role: 'viewer', agencyId: 'd2', agencyPath: '/m/d2/' },
      { role: 'head_of_agency', agencyId: 'd1', agencyPath: HELD_AT },
    ];
    expect(isAllowed(grants, 'gift.decide', HELD_AT)).toBe(true);
    expect(isAllowed(grants, 'gift.decide', '/m/d2/')).toBe(false);
    expect(isAllowed(grants, 'round.view', '/m/d2/u9/')).toBe(true);
    expect(remindedAgencyIds(grants, 'gift.decide')).toEqual(['d1']);
    expect(remindedAgencyIds(grants, 'integrity.declaration.acknowledge')).toEqual(['d2', 'd1']);
  });

  it('gives roles by the role.grant rows, only where the person manages users', () => {
    const at = (role: Role, path: string) => assignableRoles([grantOf(role)], path);
    expect(at('system_admin', ROOT_PATH)).toEqual([...ROLES]);
    expect(at('system_admin', HELD_AT)).toEqual([...ROLES]);
    expect(at('parent_admin', TARGETS.S)).toEqual(ROLES.filter((r) => r !== 'system_admin'));
    expect(at('parent_admin', ROOT_PATH)).toEqual([]);
    expect(at('agency_admin', TARGETS.S)).toEqual([]);
    for (const role of ['item_owner', 'head_of_agency', 'assessor', 'viewer'] as const)
      expect(at(role, HELD_AT)).toEqual([]);
  });

  it("lets an agency's administrators give only its working roles; its overseers come from above", () => {
    const at = (role: Role, path: string) => assignableRoles([grantOf(role)], path);
    const working: Role[] = ['agency_admin', 'item_owner', 'viewer'];
    // an agency administrator: never the head, an assessor or a parent-body administrator
    expect(at('agency_admin', HELD_AT)).toEqual(working);
    // a parent body's administrator at its own agency: co-administrators and working roles
    // (the head and assessors of the parent body itself are appointed from above it)
    expect(at('parent_admin', HELD_AT)).toEqual(['parent_admin', ...working]);
    // over its units: their head, assessors and parent-body administrators as well
    expect(at('parent_admin', TARGETS.S)).toEqual([
      'parent_admin',
      'agency_admin',
      'item_owner',
      'head_of_agency',
      'assessor',
      'viewer',
    ]);
  });

  it("reaches 'below': the units under the agency, never the agency itself nor beside it", () => {
    const parent = [grantOf('parent_admin')];
    expect(isAllowed(parent, 'round.confirm', '/m/d1/u1/x/')).toBe(true);
    expect(isAllowed(parent, 'round.confirm', HELD_AT)).toBe(false);
    expect(isAllowed(parent, 'round.confirm', '/m/d10/')).toBe(false);
    expect(isAllowed(parent, 'round.confirm', '/m/d2/')).toBe(false);
  });

  it('tells who belongs to an agency: a role at it or one of its units', () => {
    const at = (path: string): Grant => ({ role: 'viewer', agencyId: path, agencyPath: path });
    const system: Grant = { role: 'system_admin', agencyId: null, agencyPath: null };
    expect(isMemberOf([at(HELD_AT)], HELD_AT)).toBe(true);
    expect(isMemberOf([at(TARGETS.S)], HELD_AT)).toBe(true);
    expect(isMemberOf([at('/m/')], HELD_AT)).toBe(false);
    expect(isMemberOf([at(TARGETS.X)], HELD_AT)).toBe(false);
    expect(isMemberOf([system], HELD_AT)).toBe(false);
  });

  it('keeps every row of the table well formed', () => {
    for (const action of ACTIONS) {
      expect(action).toMatch(/^[a-z_]+(\.[a-z_]+)+$/);
      const who: Record<string, string> = ACCESS[action].who;
      for (const [role, reach] of Object.entries(who)) {
        expect(ROLES).toContain(role);
        expect(['own', 'subtree', 'below', 'anywhere']).toContain(reach);
      }
    }
  });
});
