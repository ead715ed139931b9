import { describe, expect, it } from 'vitest';
import { computeMinSample } from './min-sample.js';

const rules = [{ instruments: ['IIT', 'EIT'], all_below: 30, fraction: 0.1, min: 30, max: 400 }];

describe('computeMinSample (A7)', () => {
  it.each([
    [0, 0],
    [12, 12],
    [29, 29],
    [30, 30],
    [299, 30],
    [300, 30],
    [301, 31],
    [1234, 124],
    [4000, 400],
    [90000, 400],
  ])('population %d needs %d respondents', (population, required) => {
    expect(computeMinSample(rules, 'IIT', population)?.required).toBe(required);
  });

  it('has no minimum for an instrument without a rule', () => {
    expect(computeMinSample(rules, 'OIT', 100)).toBeNull();
  });

  it('refuses a population that is not a whole number', () => {
    expect(() => computeMinSample(rules, 'IIT', -1)).toThrow(RangeError);
    expect(() => computeMinSample(rules, 'IIT', 2.5)).toThrow(RangeError);
  });
});
