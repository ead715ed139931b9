import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { attendanceShare, formatPercent, summariseSatisfaction } from './satisfaction.js';

describe('activity satisfaction', () => {
  it('gives 88.60 for a mean of 4.43 (the seed summary)', () => {
    // 50 × 5 + 43 × 4 + 7 × 3 = 443 points over 100 answers
    const summary = summariseSatisfaction([{ text: 'ภาพรวม', counts: [0, 0, 7, 43, 50] }]);
    expect(summary.overall.mean).toBe(4.43);
    expect(summary.overall.percent).toBe(88.6);
    expect(formatPercent(summary.overall.percent ?? 0)).toBe('88.60');
  });

  it('pools every answer of every question for the overall figure', () => {
    const summary = summariseSatisfaction([
      { text: 'a', counts: [0, 0, 0, 0, 3] },
      { text: 'b', counts: [0, 0, 0, 1, 0] },
    ]);
    expect(summary.questions.map((q) => q.percent)).toEqual([100, 80]);
    // (15 + 4) / 4 = 4.75 → 95.00, not the mean of the two questions (90)
    expect(summary.overall.percent).toBe(95);
    expect(summary.overall.answers).toBe(4);
  });

  it('rounds half up to two decimals and says nothing without answers', () => {
    // 2 × 5 + 1 × 4 = 14 points over 3 answers: mean 4.666… → 4.67; percent 93.333… → 93.33
    const summary = summariseSatisfaction([{ text: 'x', counts: [0, 0, 0, 1, 2] }]);
    expect(summary.overall.mean).toBe(4.67);
    expect(summary.overall.percent).toBe(93.33);
    expect(
      summariseSatisfaction([{ text: 'y', counts: [0, 0, 0, 0, 0] }]).overall.percent,
    ).toBeNull();
    expect(summariseSatisfaction([]).overall.mean).toBeNull();
  });

  it('computes the attended share of the invited', () => {
    expect(attendanceShare(69, 80)).toBe(86.25);
    expect(attendanceShare(2, 3)).toBe(66.67);
    expect(attendanceShare(69, null)).toBeNull();
    expect(attendanceShare(5, 0)).toBeNull();
  });

  it('stays between 20 and 100, agrees with mean ÷ 5 × 100, and ignores scaling every count', () => {
    const counts = fc.array(fc.nat(500), { minLength: 5, maxLength: 5 });
    fc.assert(
      fc.property(counts, fc.integer({ min: 2, max: 9 }), (c, k) => {
        const one = summariseSatisfaction([{ text: 'q', counts: c }]).overall;
        const total = c.reduce((a, b) => a + b, 0);
        if (total === 0) return one.percent === null;
        const points = c.reduce((sum, n, i) => sum + n * (i + 1), 0);
        const exact = (points / total / 5) * 100;
        const scaled = summariseSatisfaction([{ text: 'q', counts: c.map((n) => n * k) }]).overall;
        return (
          one.percent !== null &&
          one.percent >= 20 &&
          one.percent <= 100 &&
          Math.abs(one.percent - exact) <= 0.005 + 1e-9 &&
          scaled.percent === one.percent
        );
      }),
    );
  });
});
