import type { Action } from '../../../core/access/roles.js';
import type { Message } from '../../../core/errors.js';

/** The life of an assessment round (agency × edition). */
export const ROUND_STATES = [
  'setup',
  'collecting',
  'oit_review',
  'clarification',
  'confirmed',
  'published',
] as const;
export type RoundState = (typeof ROUND_STATES)[number];

export const ROUND_STATE_NAMES: Record<RoundState, Message> = {
  setup: { th: 'เตรียมการ', en: 'Set-up' },
  collecting: { th: 'เก็บข้อมูล', en: 'Collecting' },
  oit_review: { th: 'ตรวจ OIT', en: 'OIT review' },
  clarification: { th: 'ชี้แจงเพิ่มเติม', en: 'Clarification' },
  confirmed: { th: 'ยืนยันผลแล้ว', en: 'Confirmed' },
  published: { th: 'ประกาศผลแล้ว', en: 'Published' },
};

/** Allowed moves: forward one step, or back one step before confirmation (to correct a mistake). */
const NEXT: Record<RoundState, RoundState[]> = {
  setup: ['collecting'],
  collecting: ['oit_review', 'setup'],
  oit_review: ['clarification', 'collecting'],
  clarification: ['confirmed', 'oit_review'],
  confirmed: ['published'],
  published: [],
};

/** The states a round in `from` may move to. */
export function nextRoundStates(from: RoundState): readonly RoundState[] {
  return NEXT[from];
}

/** Whether a round may move from one state to another. */
export function canMoveRound(from: RoundState, to: RoundState): boolean {
  return NEXT[from].includes(to);
}

/** The access-table row that allows moving a round to `to`: confirming and publishing have their own. */
export function moveActionOf(to: RoundState): Action {
  if (to === 'confirmed') return 'round.confirm';
  if (to === 'published') return 'round.publish';
  return 'round.transition';
}

/** Whether the round's data is locked (after confirmation nothing changes the scores). */
export function isRoundLocked(state: RoundState): boolean {
  return state === 'confirmed' || state === 'published';
}
