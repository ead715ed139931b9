import { describe, expect, it } from 'vitest';
import type { Grant } from '../../../core/access/roles.js';
import { fillAdviceTemplate } from './advice-templates.js';
import {
  canAssignAssessors,
  canClarify,
  canReview,
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
