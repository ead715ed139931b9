import { describe, expect, it } from 'vitest';
import { assignableRoles, isAllowed, type Grant } from './roles.js';

const ministry = '/m/';
const dept = '/m/d1/';
const otherDept = '/m/d2/';
const elsewhere = '/x/';
const grant = (role: Grant['role'], agencyPath: string | null): Grant => ({
  role,
  agencyId: agencyPath,
  agencyPath,
});

describe('isAllowed', () => {
  it('lets a system administrator do anything anywhere', () => {
    expect(isAllowed([grant('system_admin', null)], 'round.open', elsewhere)).toBe(true);
  });

  it('lets a parent-body administrator act on the units below', () => {
    const g = [grant('parent_admin', ministry)];
    expect(isAllowed(g, 'round.open', dept)).toBe(true);
    expect(isAllowed(g, 'agency.edit', ministry)).toBe(true);
    expect(isAllowed(g, 'agency.view', elsewhere)).toBe(false);
  });

  it('keeps an agency administrator inside their own agency', () => {
    const g = [grant('agency_admin', dept)];
    expect(isAllowed(g, 'agency.edit', dept)).toBe(true);
    expect(isAllowed(g, 'user.manage', dept)).toBe(true);
    expect(isAllowed(g, 'agency.view', otherDept)).toBe(false);
    expect(isAllowed(g, 'agency.view', ministry)).toBe(false);
    expect(isAllowed(g, 'round.open', dept)).toBe(false);
  });

  it('lets a viewer look but not change', () => {
    const g = [grant('viewer', dept)];
    expect(isAllowed(g, 'agency.view', dept)).toBe(true);
    expect(isAllowed(g, 'agency.edit', dept)).toBe(false);
  });

  it('does not confuse a sibling whose path starts the same way', () => {
    expect(isAllowed([grant('parent_admin', '/m/d1/')], 'agency.view', '/m/d10/')).toBe(false);
  });
});

describe('assignableRoles', () => {
  it('never lets anyone hand out more than they hold', () => {
    expect(assignableRoles([grant('agency_admin', dept)], dept)).not.toContain('parent_admin');
    expect(assignableRoles([grant('agency_admin', dept)], dept)).toContain('item_owner');
    expect(assignableRoles([grant('parent_admin', ministry)], dept)).toContain('parent_admin');
    expect(assignableRoles([grant('parent_admin', ministry)], dept)).not.toContain('system_admin');
    expect(assignableRoles([grant('viewer', dept)], dept)).toEqual([]);
  });
});
