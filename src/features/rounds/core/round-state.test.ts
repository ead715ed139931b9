import { describe, expect, it } from 'vitest';
import type { Grant, Role } from '../../../core/access/roles.js';
import {
  canMoveRound,
  isRoundClosed,
  isRoundLocked,
  mayMoveRound,
  moveActionOf,
  needsConfirmationPage,
  needsReason,
  nextRoundStates,
  ROUND_STATES,
  type RoundState,
} from './round-state.js';

/**
 * Every move of the state machine with its access-table row, whether it goes through a
 * confirmation page and whether it needs a reason. A change fails its row here: update it
 * deliberately, with docs/security.md.
 */
const MOVES: [from: RoundState, to: RoundState, action: string, page: boolean, reason: boolean][] =
  [
    ['setup', 'collecting', 'round.transition', true, false],
    ['collecting', 'oit_review', 'round.transition', true, false],
    ['collecting', 'setup', 'round.transition', true, false],
    ['oit_review', 'clarification', 'round.transition', true, false],
    ['oit_review', 'collecting', 'round.transition', true, false],
    ['clarification', 'confirmed', 'round.confirm', true, false],
    ['clarification', 'oit_review', 'round.transition', true, false],
    ['confirmed', 'published', 'round.publish', true, false],
    ['published', 'withdrawn', 'round.withdraw', true, true],
    ['withdrawn', 'clarification', 'round.reopen', true, true],
  ];

describe('round state machine', () => {
  it('moves forward one step at a time', () => {
    for (let i = 0; i + 2 < ROUND_STATES.length; i++) {
      expect(canMoveRound(ROUND_STATES[i]!, ROUND_STATES[i + 1]!)).toBe(true);
    }
    expect(canMoveRound('setup', 'oit_review')).toBe(false);
    expect(canMoveRound('collecting', 'confirmed')).toBe(false);
  });

  it('allows one step back before confirmation only', () => {
    expect(canMoveRound('clarification', 'oit_review')).toBe(true);
    expect(canMoveRound('confirmed', 'clarification')).toBe(false);
    expect(canMoveRound('published', 'confirmed')).toBe(false);
  });

  it('lets a published round be withdrawn, and a withdrawn one reopened for clarification', () => {
    expect(nextRoundStates('published')).toEqual(['withdrawn']);
    expect(nextRoundStates('withdrawn')).toEqual(['clarification']);
  });

  it('has exactly these moves, each with its row, page and reason', () => {
    const all = ROUND_STATES.flatMap((from) => nextRoundStates(from).map((to) => [from, to]));
    expect(all.sort()).toEqual(MOVES.map(([from, to]) => [from, to]).sort());
    for (const [from, to, action, page, reason] of MOVES)
      expect([
        from,
        to,
        moveActionOf(from, to),
        needsConfirmationPage(from, to),
        needsReason(from, to),
      ]).toEqual([from, to, action, page, reason]);
  });

  it('lets only the parent body and the system administrator move a round, each move by its row', () => {
    const held = (role: Role, agencyPath: string | null): Grant[] => [
      { role, agencyId: agencyPath, agencyPath },
    ];
    const unit = '/m/d1/';
    const system = held('system_admin', null);
    const parent = held('parent_admin', '/m/');
    for (const [from, to, action] of MOVES) {
      expect(mayMoveRound(system, unit, from, to)).toBe(true);
      expect([from, to, mayMoveRound(parent, unit, from, to)]).toEqual([
        from,
        to,
        action !== 'round.withdraw' && action !== 'round.reopen',
      ]);
      // the parent body's own round: working moves only, never confirming or publishing it
      expect([from, to, mayMoveRound(parent, '/m/', from, to)]).toEqual([
        from,
        to,
        action === 'round.transition',
      ]);
      for (const role of ['agency_admin', 'item_owner', 'head_of_agency', 'viewer'] as const)
        expect([role, from, to, mayMoveRound(held(role, unit), unit, from, to)]).toEqual([
          role,
          from,
          to,
          false,
        ]);
      expect([from, to, mayMoveRound(held('assessor', '/m/'), unit, from, to)]).toEqual([
        from,
        to,
        false,
      ]);
    }
  });

  it('locks confirmed, published and withdrawn rounds', () => {
    expect(isRoundLocked('confirmed')).toBe(true);
    expect(isRoundLocked('published')).toBe(true);
    expect(isRoundLocked('withdrawn')).toBe(true);
    expect(isRoundLocked('clarification')).toBe(false);
    expect(isRoundClosed('withdrawn')).toBe(true);
    expect(isRoundClosed('confirmed')).toBe(false);
  });
});
