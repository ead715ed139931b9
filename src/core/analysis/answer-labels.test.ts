import { describe, expect, it } from 'vitest';
import { compileScoringEdition } from '../scoring/scoring.fixture.js';
import { answerLabels, tallyInWords } from './answer-labels.js';

const { edition } = compileScoringEdition();

describe('answer tallies in words', () => {
  it('reads each line’s option labels from its scale', () => {
    const labels = answerLabels(edition);
    const yn = edition.scales.find((s) => s.options.some((o) => String(o.code) === 'Y'));
    const line = Object.keys(labels).find((code) => labels[code]?.Y !== undefined);
    expect(line).toBeDefined();
    expect(labels[line as string]?.Y).toEqual(
      yn?.options.find((o) => String(o.code) === 'Y')?.label,
    );
  });

  it('says "มี 6 คน ไม่มี 29 คน", never "Y×6, N×29"', () => {
    const distribution = [
      { option: 'Y', count: 6, score: 100 },
      { option: 'N', count: 29, score: 0 },
      { option: 'X', count: 0, score: null },
    ];
    const labels = { Y: { th: 'มี', en: 'yes' }, N: { th: 'ไม่มี', en: 'no' } };
    expect(tallyInWords(distribution, labels)).toEqual({
      th: 'มี 6 คน ไม่มี 29 คน',
      en: 'yes 6, no 29',
    });
    const skipped = [{ option: '9', count: 2, score: null }];
    expect(tallyInWords(skipped, { 9: { th: 'ไม่ทราบ', en: "don't know" } }).th).toBe(
      'ไม่ทราบ 2 คน (ไม่นับคะแนน)',
    );
  });
});
