import { describe, expect, it } from 'vitest';
import { canMoveRound, isRoundLocked, nextRoundStates, ROUND_STATES } from './round-state.js';

describe('round state machine', () => {
  it('moves forward one step at a time', () => {
    for (let i = 0; i + 1 < ROUND_STATES.length; i++) {
      expect(canMoveRound(ROUND_STATES[i]!, ROUND_STATES[i + 1]!)).toBe(true);
    }
    expect(canMoveRound('setup', 'oit_review')).toBe(false);
    expect(canMoveRound('collecting', 'confirmed')).toBe(false);
  });

  it('allows one step back before confirmation only', () => {
    expect(canMoveRound('clarification', 'oit_review')).toBe(true);
    expect(canMoveRound('confirmed', 'clarification')).toBe(false);
    expect(nextRoundStates('published')).toEqual([]);
  });

  it('locks confirmed and published rounds', () => {
    expect(isRoundLocked('confirmed')).toBe(true);
    expect(isRoundLocked('published')).toBe(true);
    expect(isRoundLocked('clarification')).toBe(false);
  });
});
