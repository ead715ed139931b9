import { describe, expect, it } from 'vitest';
import type { Grant, Role } from '../../../core/access/roles.js';
import {
  mayApproveEvidence,
  mayAssignOwner,
  mayEditItem,
  mayReturnEvidence,
  maySubmitEvidence,
  mayViewEvidence,
} from './evidence-policy.js';

const AGENCY = '/m00/d01/';
const OTHER = '/m00/d02/';

function actor(role: Role, at: string | null = AGENCY, userId = 'u1') {
  const grants: Grant[] = [{ role, agencyId: at ? 'a' : null, agencyPath: at }];
  return { userId, grants };
}

describe('evidence policy', () => {
  it('lets the owner, the agency admin, a parent admin and a system admin edit', () => {
    expect(mayEditItem(actor('item_owner'), AGENCY, 'u1')).toBe(true);
    expect(mayEditItem(actor('agency_admin'), AGENCY, null)).toBe(true);
    expect(mayEditItem(actor('parent_admin', '/m00/'), AGENCY, null)).toBe(true);
    expect(mayEditItem(actor('system_admin', null), AGENCY, null)).toBe(true);
  });

  it('refuses another owner, the head, a viewer and other agencies', () => {
    expect(mayEditItem(actor('item_owner'), AGENCY, 'u2')).toBe(false);
    expect(mayEditItem(actor('item_owner'), AGENCY, null)).toBe(false);
    expect(mayEditItem(actor('item_owner', OTHER), AGENCY, 'u1')).toBe(false);
    expect(mayEditItem(actor('head_of_agency'), AGENCY, 'u1')).toBe(false);
    expect(mayEditItem(actor('viewer'), AGENCY, null)).toBe(false);
    expect(mayEditItem(actor('agency_admin', OTHER), AGENCY, null)).toBe(false);
  });

  it('lets only the head (or a system admin) approve', () => {
    expect(mayApproveEvidence(actor('head_of_agency'), AGENCY)).toBe(true);
    expect(mayApproveEvidence(actor('system_admin', null), AGENCY)).toBe(true);
    expect(mayApproveEvidence(actor('agency_admin'), AGENCY)).toBe(false);
    expect(mayApproveEvidence(actor('head_of_agency', OTHER), AGENCY)).toBe(false);
    expect(mayApproveEvidence(actor('head_of_agency', '/m00/'), AGENCY)).toBe(false);
  });

  it('lets only the head (or a system admin) send evidence back', () => {
    expect(mayReturnEvidence(actor('head_of_agency'), AGENCY)).toBe(true);
    expect(mayReturnEvidence(actor('system_admin', null), AGENCY)).toBe(true);
    expect(mayReturnEvidence(actor('agency_admin'), AGENCY)).toBe(false);
    expect(mayReturnEvidence(actor('item_owner'), AGENCY)).toBe(false);
    expect(mayReturnEvidence(actor('head_of_agency', OTHER), AGENCY)).toBe(false);
  });

  it('lets the agency admin submit and assign owners; everyone of the agency sees', () => {
    expect(maySubmitEvidence(actor('agency_admin'), AGENCY)).toBe(true);
    expect(maySubmitEvidence(actor('item_owner'), AGENCY)).toBe(false);
    expect(mayAssignOwner(actor('agency_admin'), AGENCY)).toBe(true);
    expect(mayAssignOwner(actor('item_owner'), AGENCY)).toBe(false);
    expect(mayViewEvidence(actor('viewer'), AGENCY)).toBe(true);
    expect(mayViewEvidence(actor('item_owner', OTHER), AGENCY)).toBe(false);
  });
});
