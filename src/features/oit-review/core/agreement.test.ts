import { describe, expect, it } from 'vitest';
import { computeAgreement } from './agreement.js';

const map = (entries: [string, boolean][]) => new Map(entries);

describe('computeAgreement', () => {
  it('is null when no item was decided by both', () => {
    expect(computeAgreement(map([['O1', true]]), map([['O2', true]]))).toEqual({
      items: 0,
      agreed: 0,
      percent: null,
      kappa: null,
    });
  });

  it('gives kappa 1 for perfect agreement with both outcomes present', () => {
    const a = map([
      ['O1', true],
      ['O2', false],
    ]);
    expect(computeAgreement(a, a)).toMatchObject({ items: 2, agreed: 2, percent: 1, kappa: 1 });
  });

  it('matches a worked example of Cohen kappa', () => {
    // 10 items: both pass 4, both fail 3, a pass/b fail 2, a fail/b pass 1
    const a = new Map<string, boolean>();
    const b = new Map<string, boolean>();
    const pairs: [boolean, boolean][] = [
      ...Array<[boolean, boolean]>(4).fill([true, true]),
      ...Array<[boolean, boolean]>(3).fill([false, false]),
      ...Array<[boolean, boolean]>(2).fill([true, false]),
      [false, true],
    ];
    pairs.forEach(([x, y], i) => {
      a.set(`O${i}`, x);
      b.set(`O${i}`, y);
    });
    const stats = computeAgreement(a, b);
    expect(stats.percent).toBeCloseTo(0.7);
    // pe = 0.6*0.5 + 0.4*0.5 = 0.5 → kappa = (0.7-0.5)/0.5 = 0.4
    expect(stats.kappa).toBeCloseTo(0.4);
  });

  it('leaves kappa undefined when both always chose the same outcome', () => {
    const a = map([
      ['O1', true],
      ['O2', true],
    ]);
    expect(computeAgreement(a, a)).toMatchObject({ percent: 1, kappa: null });
  });
});
