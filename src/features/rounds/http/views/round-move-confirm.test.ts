import { describe, expect, it } from 'vitest';
import { nextRoundStates, ROUND_STATES } from '../../core/round-state.js';
import { consequencesOf } from './round-move-confirm.js';

describe('the confirmation page of a move', () => {
  it('says, for every move of a round, what will happen and what cannot be undone', () => {
    for (const from of ROUND_STATES)
      for (const to of nextRoundStates(from)) {
        const said = consequencesOf(from, to);
        expect([from, to, said !== null]).toEqual([from, to, true]);
        expect([from, to, (said?.happens.length ?? 0) > 0]).toEqual([from, to, true]);
        expect([from, to, (said?.final.length ?? 0) > 0]).toEqual([from, to, true]);
        for (const line of [...(said?.happens ?? []), ...(said?.final ?? [])])
          expect(line.th.length * line.en.length).toBeGreaterThan(0);
      }
  });

  it('has none for a move the round cannot make', () => {
    expect(consequencesOf('setup', 'published')).toBeNull();
    expect(consequencesOf('collecting', 'clarification')).toBeNull();
  });
});
