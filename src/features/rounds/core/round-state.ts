import { isAllowed, type Action, type Grant } from '../../../core/access/roles.js';
import type { Message } from '../../../core/errors.js';

/** The life of an assessment round (agency × edition). */
export const ROUND_STATES = [
  'setup',
  'collecting',
  'oit_review',
  'clarification',
  'confirmed',
  'published',
  'withdrawn',
] as const;
export type RoundState = (typeof ROUND_STATES)[number];

export const ROUND_STATE_NAMES: Record<RoundState, Message> = {
  setup: { th: 'เตรียมการ', en: 'Set-up' },
  collecting: { th: 'เก็บข้อมูล', en: 'Collecting' },
  oit_review: { th: 'ตรวจ OIT', en: 'OIT review' },
  clarification: { th: 'ชี้แจงเพิ่มเติม', en: 'Clarification' },
  confirmed: { th: 'ยืนยันผลแล้ว', en: 'Confirmed' },
  published: { th: 'ประกาศผลแล้ว', en: 'Published' },
  withdrawn: { th: 'ถอนการประกาศผลแล้ว', en: 'Withdrawn' },
};

/**
 * Allowed moves: forward one step, or back one step before confirmation (to correct a mistake).
 * A published round can be withdrawn (its results leave the public pages), and a withdrawn one
 * reopened for clarification, to be corrected, confirmed and published again.
 */
const NEXT: Record<RoundState, RoundState[]> = {
  setup: ['collecting'],
  collecting: ['oit_review', 'setup'],
  oit_review: ['clarification', 'collecting'],
  clarification: ['confirmed', 'oit_review'],
  confirmed: ['published'],
  published: ['withdrawn'],
  withdrawn: ['clarification'],
};

/** The states a round in `from` may move to. */
export function nextRoundStates(from: RoundState): readonly RoundState[] {
  return NEXT[from];
}

/** Whether a round may move from one state to another. */
export function canMoveRound(from: RoundState, to: RoundState): boolean {
  return NEXT[from].includes(to);
}

/**
 * The access-table row that allows a move: confirming, publishing, withdrawing and reopening
 * have their own; the working moves before confirmation share `round.transition`.
 */
export function moveActionOf(from: RoundState, to: RoundState): Action {
  if (to === 'confirmed') return 'round.confirm';
  if (to === 'published') return 'round.publish';
  if (to === 'withdrawn') return 'round.withdraw';
  if (from === 'withdrawn') return 'round.reopen';
  return 'round.transition';
}

/** Whether someone holding these grants may move a round of the agency at `agencyPath`. */
export function mayMoveRound(
  grants: readonly Grant[],
  agencyPath: string,
  from: RoundState,
  to: RoundState,
): boolean {
  return isAllowed(grants, moveActionOf(from, to), agencyPath);
}

/**
 * Whether a move is made only through its confirmation page (which says what it does and what
 * cannot be undone), never with a one-click button or a bare form post: every allowed move is
 * (issue 13: each stage hands the year to other people, so each move is said before it is made).
 */
export function needsConfirmationPage(from: RoundState, to: RoundState): boolean {
  return canMoveRound(from, to);
}

/** Whether a move must give its reason (kept with the round and in the audit log). */
export function needsReason(from: RoundState, to: RoundState): boolean {
  const action = moveActionOf(from, to);
  return action === 'round.withdraw' || action === 'round.reopen';
}

/** Whether the round's data is locked (after confirmation nothing changes the scores). */
export function isRoundLocked(state: RoundState): boolean {
  return state === 'confirmed' || state === 'published' || state === 'withdrawn';
}

/** Whether a round's work is over (its milestones are history): published or withdrawn. */
export function isRoundClosed(state: RoundState): boolean {
  return state === 'published' || state === 'withdrawn';
}
