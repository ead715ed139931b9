import { describe, expect, it } from 'vitest';
import { compileScoringEdition, oitDecisions } from '../scoring/scoring.fixture.js';
import { computeLeafScores } from '../scoring/score-leaves.js';
import { addSurveyResponse, createSurveyTally } from '../scoring/survey-tally.js';
import { analyseWeaknesses } from './weakness.js';
import { parseWhatIfChange, simulateWhatIf } from './what-if.js';
import { DomainError } from '../errors.js';

const compiled = compileScoringEdition();

function leavesFor(iitAnswers: Record<string, string>, eit: string, failed: string[]) {
  const iit = createSurveyTally(compiled, 'IIT');
  const e = createSurveyTally(compiled, 'EIT');
  expect(addSurveyResponse(compiled, iit, iitAnswers)).toEqual([]);
  expect(addSurveyResponse(compiled, e, { e1: eit })).toEqual([]);
  return computeLeafScores(compiled, {
    surveys: { IIT: iit, EIT: e },
    oit: oitDecisions(compiled, failed),
  });
}

const best = { 'i1.1': '4', 'i1.2': '4', i2: 'N', i3: '4', i4: '1' };

describe('simulateWhatIf', () => {
  it('passes OIT items and shows the new total and level', () => {
    // 9.3 has 7 items: failing 5 of them costs 40 × 1/2 × 1/5 × 5/7 points
    const failed = ['O18', 'O19', 'O20', 'O21', 'O22'];
    const leaves = leavesFor(best, '4', failed);
    const result = simulateWhatIf(
      compiled,
      leaves,
      failed.map((code) => ({ code, pass: true })),
    );
    expect(result.before.total).toBe(97.14);
    // OIT is 92.86 < 95, so the level is ผ่านดี although the total is 97.14
    expect(result.before.level?.code).toBe('good');
    expect(result.after.total).toBe(100);
    expect(result.after.level?.code).toBe('excellent');
    expect(result.totalDelta).toBeCloseTo(2.86, 9);
    expect(result.levelChanged).toBe(true);
  });

  it('raises an indicator to a value and the level follows', () => {
    const leaves = leavesFor(best, '2', []);
    const result = simulateWhatIf(compiled, leaves, [parseWhatIfChange('6=90')]);
    expect(result.before.instruments[1]?.shown).toBe(33.33);
    expect(result.before.level?.code).toBe('improve');
    expect(result.after.instruments[1]?.shown).toBe(90);
    expect(result.after.level?.code).toBe('good');
    expect(result.levelChanged).toBe(true);
  });

  it('refuses unknown codes, scores out of range and pass on a survey node', () => {
    const leaves = leavesFor(best, '4', []);
    expect(() => simulateWhatIf(compiled, leaves, [{ code: 'X9', score: 50 }])).toThrow(
      DomainError,
    );
    expect(() => simulateWhatIf(compiled, leaves, [{ code: '6', score: 120 }])).toThrow(
      /0 and 100/,
    );
    expect(() => simulateWhatIf(compiled, leaves, [{ code: 'i2', pass: true }])).toThrow(/OIT/);
    expect(() => simulateWhatIf(compiled, leaves, [{ code: 'O3', score: 50 }])).toThrow(
      /pass\/fail/,
    );
  });

  it('parses changes written on the command line', () => {
    expect(parseWhatIfChange('O12=pass')).toEqual({ code: 'O12', pass: true });
    expect(parseWhatIfChange(' O20 = FAIL ')).toEqual({ code: 'O20', pass: false });
    expect(parseWhatIfChange('7=90.5')).toEqual({ code: '7', score: 90.5 });
    expect(() => parseWhatIfChange('7=high')).toThrow(DomainError);
  });
});

describe('analyseWeaknesses', () => {
  it('ranks weak points by the points they cost and tells which fix changes the level', () => {
    const leaves = leavesFor({ ...best, i3: '1' }, '4', ['O30', 'O1']);
    const report = analyseWeaknesses(compiled, leaves);
    // i3 = 0 costs 30 × 1/2 × 1/2 = 7.5 points; indicator 2 as a whole also 7.5
    expect(report.questions[0]).toMatchObject({ code: 'i3', shown: 0 });
    expect(report.questions[0]?.lost).toBeCloseTo(7.5, 9);
    expect(report.indicators[0]).toMatchObject({ code: '2', instrumentCode: 'IIT' });
    // O30 sits in a 5-item group (0.8 points), O1 in a 9-item group (0.44 points)
    expect(report.oitItems.map((w) => w.code)).toEqual(['O30', 'O1']);
    expect(report.oitItems[0]?.lost).toBeCloseTo(40 / 2 / 5 / 5, 9);
    expect(report.level?.code).toBe('pass');
    expect(report.indicators[0]?.fixChangesLevel).toBe(true);
    expect(report.indicators[0]?.levelIfFixed?.code).toBe('excellent');
    expect(report.oitItems[1]?.fixChangesLevel).toBe(false);
  });

  it('finds nothing to fix when everything scores 100', () => {
    const report = analyseWeaknesses(compiled, leavesFor(best, '4', []));
    expect(report.indicators).toEqual([]);
    expect(report.questions).toEqual([]);
    expect(report.oitItems).toEqual([]);
  });

  it('does not count items not yet assessed as weak points while the result is live', () => {
    const iit = createSurveyTally(compiled, 'IIT');
    const e = createSurveyTally(compiled, 'EIT');
    expect(addSurveyResponse(compiled, iit, best)).toEqual([]);
    expect(addSurveyResponse(compiled, e, { e1: '4' })).toEqual([]);
    // O30 failed; O21, O25 and O26 have no decision yet
    const oit = oitDecisions(compiled, ['O30']);
    for (const code of ['O21', 'O25', 'O26']) delete oit[code];
    const leaves = computeLeafScores(compiled, { surveys: { IIT: iit, EIT: e }, oit });
    const live = analyseWeaknesses(compiled, leaves, { pending: true });
    expect(live.oitItems.map((w) => w.code)).toEqual(['O30']);
    expect(live.unassessed.map((u) => u.code)).toEqual(['O21', 'O25', 'O26']);
    // the OIT indicator loses only what O30 costs, and the total stays the real one
    expect(live.indicators.map((w) => w.lost)).toEqual([expect.closeTo(0.8, 9)]);
    expect(live.total).toBe(analyseWeaknesses(compiled, leaves).total);
    // a final result counts the undecided items as the 0 they scored
    const final = analyseWeaknesses(compiled, leaves);
    expect(final.oitItems.map((w) => w.code).sort()).toEqual(['O21', 'O25', 'O26', 'O30']);
    expect(final.unassessed).toEqual([]);
  });
});
