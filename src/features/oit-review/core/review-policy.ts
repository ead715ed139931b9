import { isAllowed, isMemberOf, type Grant } from '../../../core/access/roles.js';
import { DomainError } from '../../../core/errors.js';
import type { RoundState } from '../../rounds/core/round-state.js';

/**
 * Who may do what in the OIT review and clarification, and when: pure rules over grants,
 * assignments and the round's state. The roles come from the access table (core/access); the
 * assignment to the round is the relation decided here.
 */

/** The place of an assessor on a round. */
export type AssessorRole = 'primary' | 'second';

/** The review stage a decision belongs to. */
export type DecisionStage = 'initial' | 'final';

/** Whether someone may assign assessors to a round of the agency at `agencyPath`. */
export function canAssignAssessors(grants: readonly Grant[], agencyPath: string): boolean {
  return isAllowed(grants, 'oit.review.assign', agencyPath);
}

/**
 * Whether someone with these grants may be assigned to review a round of the agency: an
 * assessor over it (held above it, `oit.review.serve`) who does not belong to it (no role at
 * the agency or its units: its own staff never assess it).
 */
export function canServeAsAssessor(grants: readonly Grant[], agencyPath: string): boolean {
  return (
    isAllowed(grants, 'oit.review.serve', agencyPath) &&
    isAllowed(grants, 'round.view', agencyPath) &&
    !isMemberOf(grants, agencyPath)
  );
}

/**
 * Whether someone assigned to the round may review it: still an assessor over the agency and
 * still outside it, checked at every step (losing the role, or joining the agency, ends the
 * assignment's power without anyone having to remove it).
 */
export function canReview(
  grants: readonly Grant[],
  agencyPath: string,
  assignment: AssessorRole | null,
): boolean {
  return (
    assignment !== null &&
    isAllowed(grants, 'oit.review.decide', agencyPath) &&
    !isMemberOf(grants, agencyPath)
  );
}

/** Whether someone may answer the assessor for the agency itself (its admin or an item owner). */
export function canClarify(grants: readonly Grant[], agencyPath: string): boolean {
  return isAllowed(grants, 'oit.review.clarify', agencyPath);
}

/** The stage decisions take in a round state, or null when decisions are closed. */
export function decisionStageOf(state: RoundState): DecisionStage | null {
  if (state === 'oit_review') return 'initial';
  if (state === 'clarification') return 'final';
  return null;
}

/** Whether a score counts as a pass (full marks). */
export function isPass(score: number): boolean {
  return score >= 100;
}

/** Checks a decision's score and reason against the item's rules; throws a field error otherwise. */
export function checkDecision(
  decision: { score: number; reason: string },
  partialCredit: boolean,
): void {
  const { score } = decision;
  const whole = score === 0 || score === 100;
  if (!Number.isFinite(score) || score < 0 || score > 100 || (!partialCredit && !whole)) {
    throw new DomainError(
      'invalid_decision',
      partialCredit
        ? { th: 'คะแนนต้องอยู่ระหว่าง 0 ถึง 100', en: 'The score must be between 0 and 100' }
        : {
            th: 'ข้อนี้ให้ได้เฉพาะผ่านหรือไม่ผ่าน',
            en: 'This item can only pass or fail',
          },
      { field: 'score' },
    );
  }
  if (!isPass(score) && decision.reason.trim() === '') {
    throw new DomainError(
      'reason_required',
      {
        th: 'กรุณาระบุเหตุผลเมื่อไม่ให้ผ่าน',
        en: 'Give a reason when the item does not pass',
      },
      { field: 'reason' },
    );
  }
}

/** Whether an answer may bring a new link: only when the setting allows it (national rule: no). */
export function checkClarificationLink(newUrl: string | null, allowNewLinks: boolean): void {
  if (newUrl === null) return;
  if (!allowNewLinks) {
    throw new DomainError(
      'new_link_not_allowed',
      {
        th: 'รอบนี้เพิ่มลิงก์ใหม่ในการชี้แจงไม่ได้ ผู้ประเมินพิจารณาจากลิงก์ที่ส่งครั้งแรก',
        en: 'New links cannot be added in this clarification: the first links are assessed',
      },
      { field: 'newUrl' },
    );
  }
  if (!/^https?:\/\/\S+$/i.test(newUrl)) {
    throw new DomainError(
      'invalid_url',
      { th: 'ลิงก์ต้องขึ้นต้นด้วย http:// หรือ https://', en: 'A link must start with http(s)://' },
      { field: 'newUrl' },
    );
  }
}
