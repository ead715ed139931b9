import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatScore, roundScore } from './round-score.js';

const halfUp = { mode: 'half_up', decimals: 2 } as const;

describe('roundScore', () => {
  it.each([
    [84.995, 85],
    [69.995, 70],
    [94.995, 95],
    [84.99, 84.99],
    [84.994999, 84.99],
    [85, 85],
    [28.04, 28.04],
    [100 / 3, 33.33],
    [200 / 3, 66.67],
    [0.005, 0.01],
    [1.005, 1.01],
    [0, 0],
  ])('half-up rounds %d to %d', (value, expected) => {
    expect(roundScore(value, halfUp)).toBe(expected);
  });

  it('rounds half to even when the edition asks for it', () => {
    const even = { mode: 'half_even', decimals: 2 } as const;
    expect(roundScore(84.985, even)).toBe(84.98);
    expect(roundScore(84.995, even)).toBe(85);
    expect(roundScore(84.9851, even)).toBe(84.99);
  });

  it('truncates in mode down', () => {
    expect(roundScore(84.999, { mode: 'down', decimals: 2 })).toBe(84.99);
    expect(roundScore(84.99, { mode: 'down', decimals: 2 })).toBe(84.99);
  });

  it('keeps the sign of negative values', () => {
    expect(roundScore(-1.005, halfUp)).toBe(-1.01);
  });

  it('refuses values that are not finite', () => {
    expect(() => roundScore(Number.NaN, halfUp)).toThrow(RangeError);
  });

  it('never moves a value by more than half a unit and is idempotent', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 100, noNaN: true }), (value) => {
        const rounded = roundScore(value, halfUp);
        expect(Math.abs(rounded - value)).toBeLessThanOrEqual(0.005 + 1e-9);
        expect(roundScore(rounded, halfUp)).toBe(rounded);
      }),
    );
  });

  it('agrees with rounding the decimal value read back at 15 digits', () => {
    const reference = (v: number) => Math.floor(Number((v * 100).toPrecision(15)) + 0.5) / 100;
    fc.assert(
      fc.property(fc.double({ min: 0, max: 100, noNaN: true }), (value) => {
        expect(roundScore(value, halfUp)).toBe(reference(value));
      }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), (n) => {
        // values that are exact ties once written in decimal, e.g. 84.995
        const tie = (n * 10 + 5) / 1000;
        expect(roundScore(tie, halfUp)).toBe(reference(tie));
      }),
    );
  });

  it('is monotone', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 100, noNaN: true }),
        fc.double({ min: 0, max: 100, noNaN: true }),
        (a, b) => {
          const [low, high] = a <= b ? [a, b] : [b, a];
          expect(roundScore(low, halfUp)).toBeLessThanOrEqual(roundScore(high, halfUp));
        },
      ),
    );
  });

  it('formats with the edition decimals', () => {
    expect(formatScore(85, halfUp)).toBe('85.00');
    expect(formatScore(null, halfUp)).toBe('—');
  });
});
