import { describe, expect, it } from 'vitest';
import type { Grant } from '../../../core/access/roles.js';
import { fillAdviceTemplate } from './advice-templates.js';
import {
  canAssignAssessors,
  canClarify,
  canReview,
  canServeAsAssessor,
  checkClarificationLink,
  checkDecision,
  decisionStageOf,
} from './review-policy.js';

const grant = (role: Grant['role'], agencyPath: string): Grant => ({
  role,
  agencyId: agencyPath,
  agencyPath,
});

describe('review policy', () => {
  it('lets a parent admin assign, never an assessor or an agency admin', () => {
    expect(canAssignAssessors([grant('parent_admin', '/m/')], '/m/d1/')).toBe(true);
    expect(canAssignAssessors([grant('assessor', '/m/')], '/m/d1/')).toBe(false);
    expect(canAssignAssessors([grant('agency_admin', '/m/d1/')], '/m/d1/')).toBe(false);
  });

  it('lets only an assigned assessor over the agency review it', () => {
    expect(canReview([grant('assessor', '/m/')], '/m/d1/', 'primary')).toBe(true);
    expect(canReview([grant('assessor', '/m/')], '/m/d1/', null)).toBe(false);
    expect(canReview([grant('assessor', '/x/')], '/m/d1/', 'second')).toBe(false);
  });

  it('never lets the parent body appoint the reviewers of its own round', () => {
    const system: Grant = { role: 'system_admin', agencyId: null, agencyPath: null };
    expect(canAssignAssessors([grant('parent_admin', '/m/')], '/m/')).toBe(false);
    expect(canAssignAssessors([system], '/m/')).toBe(true);
  });

  it('appoints an assessor only over the units below, never one who belongs to the agency', () => {
    const assessor = grant('assessor', '/m/');
    expect(canServeAsAssessor([assessor], '/m/d1/')).toBe(true);
    // the agency the role is held for is not one it assesses
    expect(canServeAsAssessor([assessor], '/m/')).toBe(false);
    // an assessor elsewhere who sees D01 as a viewer is D01's staff, not its assessor
    expect(
      canServeAsAssessor([grant('assessor', '/x/'), grant('viewer', '/m/d1/')], '/m/d1/'),
    ).toBe(false);
    // a role at the agency or one of its units makes one a member: never its assessor
    for (const role of ['viewer', 'item_owner', 'agency_admin', 'head_of_agency'] as const) {
      expect([role, canServeAsAssessor([assessor, grant(role, '/m/d1/')], '/m/d1/')]).toEqual([
        role,
        false,
      ]);
      expect([role, canServeAsAssessor([assessor, grant(role, '/m/d1/u1/')], '/m/d1/')]).toEqual([
        role,
        false,
      ]);
    }
    // a role beside it does not
    expect(canServeAsAssessor([assessor, grant('viewer', '/m/d2/')], '/m/d1/')).toBe(true);
  });

  it('ends an assignment when the assessor loses the role or joins the agency', () => {
    expect(canReview([grant('viewer', '/m/')], '/m/d1/', 'primary')).toBe(false);
    expect(canReview([grant('parent_admin', '/m/')], '/m/d1/', 'primary')).toBe(false);
    expect(
      canReview([grant('assessor', '/m/'), grant('item_owner', '/m/d1/')], '/m/d1/', 'primary'),
    ).toBe(false);
  });

  it('lets the agency itself clarify, not its parent nor another agency', () => {
    expect(canClarify([grant('agency_admin', '/m/d1/')], '/m/d1/')).toBe(true);
    expect(canClarify([grant('item_owner', '/m/d1/')], '/m/d1/')).toBe(true);
    expect(canClarify([grant('agency_admin', '/m/d2/')], '/m/d1/')).toBe(false);
    expect(canClarify([grant('parent_admin', '/m/')], '/m/d1/')).toBe(false);
    expect(canClarify([grant('viewer', '/m/d1/')], '/m/d1/')).toBe(false);
  });

  it('opens decisions only in review and clarification', () => {
    expect(decisionStageOf('oit_review')).toBe('initial');
    expect(decisionStageOf('clarification')).toBe('final');
    expect(decisionStageOf('confirmed')).toBeNull();
    expect(decisionStageOf('collecting')).toBeNull();
  });

  it('checks scores and reasons', () => {
    expect(() => checkDecision({ score: 100, reason: '' }, false)).not.toThrow();
    expect(() => checkDecision({ score: 0, reason: '' }, false)).toThrow(/reason/);
    expect(() => checkDecision({ score: 50, reason: 'x' }, false)).toThrow(/only pass or fail/);
    expect(() => checkDecision({ score: 50, reason: 'x' }, true)).not.toThrow();
    expect(() => checkDecision({ score: 120, reason: 'x' }, true)).toThrow(/between/);
  });

  it('refuses new links in clarification unless allowed', () => {
    expect(() => checkClarificationLink(null, false)).not.toThrow();
    expect(() => checkClarificationLink('https://a.example/x', false)).toThrow(/first links/);
    expect(() => checkClarificationLink('https://a.example/x', true)).not.toThrow();
    expect(() => checkClarificationLink('javascript:alert(1)', true)).toThrow(/http/);
  });

  it('fills element names into templates', () => {
    expect(fillAdviceTemplate('element_missing', 'O1.2')?.reason.en).toContain('O1.2');
    expect(fillAdviceTemplate('nope')).toBeNull();
  });
});
