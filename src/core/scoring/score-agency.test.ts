import { describe, expect, it } from 'vitest';
import { compileScoringEdition, makeScoringEdition, oitDecisions } from './scoring.fixture.js';
import { addSurveyResponse, createSurveyTally } from './survey-tally.js';
import { scoreAgency } from './score-agency.js';
import { computeLeafScores } from './score-leaves.js';
import { evaluateScores, rateScores, type ScoreNode } from './evaluate-scores.js';
import type { CompiledEdition } from '../framework/compile-edition.js';
import { DomainError } from '../errors.js';

const compiled = compileScoringEdition();

function tally(c: CompiledEdition, instrument: string, responses: Record<string, unknown>[]) {
  const result = createSurveyTally(c, instrument);
  for (const answers of responses) expect(addSurveyResponse(c, result, answers)).toEqual([]);
  return result;
}

function find(node: ScoreNode, code: string): ScoreNode {
  if (node.code === code) return node;
  for (const child of node.children) {
    const found = find(child, code);
    if (found.code === code) return found;
  }
  return { ...node, code: '' };
}

const best = { 'i1.1': '4', 'i1.2': '4', i2: 'N', i3: '4', i4: '1' };

describe('scoreAgency', () => {
  it('gives 100 everywhere for the best answers and all OIT items passed', () => {
    const result = scoreAgency(compiled, {
      surveys: { IIT: tally(compiled, 'IIT', [best]), EIT: tally(compiled, 'EIT', [{ e1: '4' }]) },
      oit: oitDecisions(compiled),
    });
    expect(result.instruments.map((i) => [i.code, i.shown, i.component])).toEqual([
      ['IIT', 100, 30],
      ['EIT', 100, 30],
      ['OIT', 100, 40],
    ]);
    expect(result.total).toBe(100);
    expect(result.level?.code).toBe('excellent');
  });

  it('reverse-codes negative items: a yes to a bad thing scores 0 and L4 scores mirror', () => {
    const result = scoreAgency(compiled, {
      surveys: { IIT: tally(compiled, 'IIT', [{ i2: 'Y', i4: '2' }]) },
      oit: {},
    });
    expect(find(result.tree, 'i2').score).toBe(0);
    expect(find(result.tree, 'i4').score).toBeCloseTo(200 / 3, 12);
  });

  it('takes item = mean over answers, question = mean of items, indicator = mean of questions', () => {
    const iit = tally(compiled, 'IIT', [
      { 'i1.1': '4', 'i1.2': '1', i2: 'N' },
      { 'i1.1': '2', 'i1.2': 'DK', i2: 'Y' },
    ]);
    const result = scoreAgency(compiled, { surveys: { IIT: iit }, oit: {} });
    const i11 = (100 + 100 / 3) / 2;
    const i12 = 0; // the "don't know" answer is left out, not scored 0
    expect(find(result.tree, 'i1.1').score).toBeCloseTo(i11, 12);
    expect(find(result.tree, 'i1.2').score).toBe(i12);
    expect(find(result.tree, 'i1').score).toBeCloseTo((i11 + i12) / 2, 12);
    expect(find(result.tree, '1').score).toBeCloseTo(((i11 + i12) / 2 + 50) / 2, 12);
    // indicator 2 was not answered at all: IIT is indicator 1 alone
    expect(find(result.tree, '2').score).toBeNull();
    expect(result.instruments[0]?.score).toBeCloseTo(((i11 + i12) / 2 + 50) / 2, 12);
  });

  it('leaves the total and level empty while an instrument has no answers', () => {
    const result = scoreAgency(compiled, {
      surveys: { IIT: tally(compiled, 'IIT', [best]) },
      oit: oitDecisions(compiled),
    });
    expect(result.instruments[1]?.score).toBeNull();
    expect(result.total).toBeNull();
    expect(result.level).toBeNull();
    expect(result.complete).toBe(false);
  });

  it('reproduces the 2564 OIT arithmetic: one miss in the 9-item group gives 97.78', () => {
    const result = scoreAgency(compiled, { surveys: {}, oit: oitDecisions(compiled, ['O3']) });
    expect(find(result.tree, '9').shown).toBe(97.78);
    expect(find(result.tree, '9.1').shown).toBe(88.89);
  });

  it('reproduces 2564 indicator 10 values 93.75 and 87.50 (10.1 with 8 items, 10.2 with 2)', () => {
    const one = scoreAgency(compiled, { surveys: {}, oit: oitDecisions(compiled, ['O34']) });
    const two = scoreAgency(compiled, { surveys: {}, oit: oitDecisions(compiled, ['O34', 'O35']) });
    expect(find(one.tree, '10').shown).toBe(93.75);
    expect(find(two.tree, '10').shown).toBe(87.5);
  });

  it('counts an OIT item without a decision as not passed and says so', () => {
    const decisions: Record<string, 'pass'> = oitDecisions(compiled) as Record<string, 'pass'>;
    delete decisions.O1;
    const result = scoreAgency(compiled, { surveys: {}, oit: decisions });
    expect(find(result.tree, 'O1').basis).toEqual({ kind: 'decision', decision: 'missing' });
    expect(find(result.tree, 'O1').score).toBe(0);
  });

  it('refuses a partial OIT score when the edition does not allow partial credit', () => {
    expect(() => scoreAgency(compiled, { surveys: {}, oit: { O1: 50 } })).toThrow(DomainError);
    expect(() => scoreAgency(compiled, { surveys: {}, oit: { O999: 'pass' } })).toThrow(/O999/);
  });

  it('explains points: what each node loses adds up to what its parent loses', () => {
    const result = scoreAgency(compiled, {
      surveys: {
        IIT: tally(compiled, 'IIT', [{ ...best, i3: '2' }]),
        EIT: tally(compiled, 'EIT', [{ e1: '3' }]),
      },
      oit: oitDecisions(compiled, ['O3', 'O40']),
    });
    const check = (node: ScoreNode) => {
      if (node.children.length === 0 || node.type === 'total') return;
      const scored = node.children.filter((c) => c.score !== null);
      expect(scored.reduce((s, c) => s + c.lost, 0)).toBeCloseTo(node.lost, 9);
      node.children.forEach(check);
    };
    result.tree.children.forEach(check);
    expect(find(result.tree, 'OIT').points).toBe(40);
    expect(find(result.tree, 'O3').points).toBeCloseTo(40 / 2 / 5 / 9, 12);
  });
});

describe('totals, rounding and rating', () => {
  const leaves = computeLeafScores(compiled, { surveys: {}, oit: {} });
  const withInstruments = (iit: number, eit: number, oit: number) =>
    evaluateScores(compiled, leaves, {
      overrides: new Map([
        ['IIT', iit],
        ['EIT', eit],
        ['OIT', oit],
      ]),
    });

  it('adds the rounded components (2564: 28.04 + 30.00 + 40.00 = 98.04)', () => {
    const result = withInstruments(93.47, 100, 100);
    expect(result.instruments.map((i) => i.component)).toEqual([28.04, 30, 40]);
    expect(result.total).toBe(98.04);
  });

  it('rates the 2568 State Audit Office case (total 94.64, EIT below 85) as ผ่าน', () => {
    const result = withInstruments(99, 84.5, 98.98);
    expect(result.total).toBe(94.64);
    expect(result.level?.code).toBe('pass');
  });

  it.each([
    [84.98, 84.98, 85.03, 84.99, 'improve'],
    // A2: components 25.50 + 25.50 + 34.00 add up to 85.00 although every instrument is 84.99
    [84.99, 84.99, 84.99, 85, 'pass'],
    [84.995, 84.995, 84.995, 85, 'good'],
    [85, 85, 85, 85, 'good'],
    [69.995, 69.995, 69.995, 70, 'improve'],
    [69.98, 69.98, 70.03, 69.99, 'urgent'],
    [94.995, 94.995, 94.995, 95, 'excellent'],
    [95, 95, 95, 95, 'excellent'],
    [100, 100, 94.99, 98, 'good'],
    [100, 84.99, 100, 95.5, 'pass'],
  ])('IIT %d, EIT %d, OIT %d → total %d, %s', (iit, eit, oit, total, level) => {
    const result = withInstruments(iit, eit, oit);
    expect(result.total).toBe(total);
    expect(result.level?.code).toBe(level);
  });

  it('can rate with the letter-grade scheme of the edition', () => {
    const result = evaluateScores(compiled, leaves, {
      ratingScheme: 'letter',
      overrides: new Map([
        ['IIT', 80],
        ['EIT', 80],
        ['OIT', 80],
      ]),
    });
    expect(result.level).toMatchObject({ scheme: 'letter', code: 'B' });
  });

  it('rateScores returns null when no level matches (a scheme with a gap)', () => {
    const scheme = {
      code: 'gap',
      name: { th: 'ก', en: 'g' },
      levels: [{ code: 'x', name: { th: 'x', en: 'x' }, min_total: 50 }],
    };
    expect(rateScores(scheme, [40], 40)).toBeNull();
    expect(rateScores(scheme, [60], 60)?.code).toBe('x');
  });

  it('weighs children by their written weights, shared among those that have a score', () => {
    const input = makeScoringEdition();
    const [duty, budget] = input.instruments[0]!.indicators;
    duty!.weight = 75;
    budget!.weight = 25;
    const weighted = compileScoringEdition(input);
    const both = scoreAgency(weighted, {
      surveys: { IIT: tally(weighted, 'IIT', [{ 'i1.1': '4', 'i1.2': '4', i2: 'N', i3: '1' }]) },
      oit: {},
    });
    const iit = find(both.tree, 'IIT');
    expect(iit.children.map((c) => [c.code, c.score, c.share])).toEqual([
      ['1', 100, 0.75],
      ['2', 0, 0.25],
    ]);
    expect(iit.score).toBe(75);
    expect(iit.basis).toEqual({ kind: 'mean', weighted: true, used: 2, unscored: [] });
    // indicator 2 unanswered: indicator 1 carries the whole instrument
    const one = scoreAgency(weighted, {
      surveys: { IIT: tally(weighted, 'IIT', [{ 'i1.1': '2', i2: 'N' }]) },
      oit: {},
    });
    const alone = find(one.tree, 'IIT');
    expect(alone.children.map((c) => [c.code, c.share])).toEqual([
      ['1', 1],
      ['2', 0],
    ]);
    expect(alone.score).toBe(find(one.tree, '1').score);
    expect(alone.basis).toEqual({ kind: 'mean', weighted: true, used: 1, unscored: ['2'] });
  });
});
