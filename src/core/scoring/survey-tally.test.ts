import { describe, expect, it } from 'vitest';
import { compileScoringEdition } from './scoring.fixture.js';
import {
  addSurveyResponse,
  createResponseCounter,
  createSurveyTally,
  mergeSurveyTally,
  readItemCounts,
} from './survey-tally.js';

const compiled = compileScoringEdition();
const item = (code: string) => compiled.surveyItems.get(code)!;

describe('survey tally', () => {
  it('counts answers per option and skips blanks', () => {
    const tally = createSurveyTally(compiled, 'IIT');
    expect(addSurveyResponse(compiled, tally, { i3: '4', i4: 2, i2: null, 'i1.1': '' })).toEqual(
      [],
    );
    expect(addSurveyResponse(compiled, tally, { i3: '4' })).toEqual([]);
    expect(tally.respondents).toBe(2);
    expect(readItemCounts(tally, item('i3'))).toEqual([0, 0, 0, 2, 0]);
    expect(readItemCounts(tally, item('i4'))).toEqual([0, 1, 0, 0, 0]);
    expect(readItemCounts(tally, item('i2'))).toEqual([0, 0]);
  });

  it('counts nothing of a response with any invalid answer', () => {
    const tally = createSurveyTally(compiled, 'IIT');
    const problems = addSurveyResponse(compiled, tally, {
      i3: '4',
      i4: '9',
      e1: '4',
      zz: null,
      i2: 'constructor',
    });
    expect(problems.map((p) => [p.field, p.code])).toEqual([
      ['i4', 'unknown_option'],
      ['e1', 'wrong_instrument'],
      ['zz', 'unknown_item'],
      ['i2', 'unknown_option'],
    ]);
    expect(problems[0]?.message.th).toContain('i4');
    expect(tally.respondents).toBe(0);
    expect(readItemCounts(tally, item('i3'))).toEqual([0, 0, 0, 0, 0]);
  });

  it('merges tallies of the same instrument only', () => {
    const a = createSurveyTally(compiled, 'IIT');
    const b = createSurveyTally(compiled, 'IIT');
    addSurveyResponse(compiled, a, { i3: '1' });
    addSurveyResponse(compiled, b, { i3: '1', i4: '3' });
    mergeSurveyTally(a, b);
    expect(a.respondents).toBe(2);
    expect(readItemCounts(a, item('i3'))).toEqual([2, 0, 0, 0, 0]);
    expect(readItemCounts(a, item('i4'))).toEqual([0, 0, 1, 0, 0]);
    expect(() => mergeSurveyTally(a, createSurveyTally(compiled, 'EIT'))).toThrow(RangeError);
  });

  it('counts valid responses in one pass like addSurveyResponse, in any order of answers', () => {
    const count = createResponseCounter(compiled, 'IIT');
    const fast = createSurveyTally(compiled, 'IIT');
    const slow = createSurveyTally(compiled, 'IIT');
    const responses = [
      { i3: '4', i4: 2, i2: null, 'i1.1': '' },
      { i3: '4', i4: 3, i2: 'Y', 'i1.1': '1' },
      { i4: '1', i3: '4', 'i1.2': 'DK' },
      { i3: '2', i2: 'N' },
      {},
      { i3: '4', i4: 2, i2: 'N', 'i1.1': '3', 'i1.2': 4 },
    ];
    for (const answers of responses) {
      expect(count(fast, answers)).toBe(true);
      expect(addSurveyResponse(compiled, slow, answers)).toEqual([]);
    }
    expect(fast.respondents).toBe(responses.length);
    expect(fast.counts).toEqual(slow.counts);
    expect(readItemCounts(fast, item('i3'))).toEqual([0, 1, 0, 4, 0]);
    expect(count(createSurveyTally(compiled, 'EIT'), { e1: '4' })).toBe(false);
  });

  it('refuses, counting nothing, what addSurveyResponse refuses or the schema does not allow', () => {
    const count = createResponseCounter(compiled, 'IIT');
    const tally = createSurveyTally(compiled, 'IIT');
    count(tally, { i3: '1', i4: '4', i2: 'Y' });
    const before = Array.from(tally.counts);
    // each refused after valid answers were counted: those counts must be taken back
    const refused: Record<string, unknown>[] = [
      { i3: '4', i4: '9' },
      { i3: '4', i4: 2, e1: '4' },
      { i3: '4', zz: null },
      { i3: '4', i2: 'constructor' },
      { i3: '4', i4: 4.5 },
      { i3: '4', i4: true },
      { i3: '4', i4: ['4'] },
      { i3: '4', i4: { code: '4' } },
      { i3: '4', i4: undefined },
      { i3: '4', i4: '3', e1: '4' },
      { i3: '4', i4: '3', i2: 'N', 'i1.1': '5' },
    ];
    for (const answers of refused) {
      expect(count(tally, answers)).toBe(false);
      expect(Array.from(tally.counts)).toEqual(before);
    }
    expect(tally.respondents).toBe(1);
  });
});
