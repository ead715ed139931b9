import { describe, expect, it } from 'vitest';
import { chooseDemoYears, lastPassed, shiftYears, storyDay } from './demo-years.js';

const BUNDLED = ['ita-2567', 'ita-2568', 'ita-2569', 'ita-2570'];

describe('the demo years', () => {
  it('are the fiscal year running today (from 1 October) and the one before', () => {
    expect(chooseDemoYears('2026-12-06', BUNDLED)).toEqual({
      current: 2570,
      last: 2569,
      currentEdition: 'ita-2570',
      lastEdition: 'ita-2569',
    });
    expect(chooseDemoYears('2026-10-01', BUNDLED).current).toBe(2570);
    expect(chooseDemoYears('2026-09-30', BUNDLED)).toEqual({
      current: 2569,
      last: 2568,
      currentEdition: 'ita-2569',
      lastEdition: 'ita-2568',
    });
    expect(chooseDemoYears('2025-10-01', BUNDLED).current).toBe(2569);
  });

  it('take the year asked for instead of the clock', () => {
    expect(chooseDemoYears('2026-12-06', BUNDLED, 2569).current).toBe(2569);
    expect(chooseDemoYears('2026-12-06', BUNDLED, 2568).lastEdition).toBe('ita-2567');
  });

  it('fall back to the newest bundled year when the running one has no edition', () => {
    expect(chooseDemoYears('2028-03-01', BUNDLED).current).toBe(2570);
    expect(chooseDemoYears('2026-12-06', ['ita-2569', 'ita-2570', 'other']).current).toBe(2570);
    expect(() => chooseDemoYears('2026-12-06', ['ita-2570'])).toThrow(/2570/);
  });
});

describe('the demo story days', () => {
  it('move by whole years, 29 February kept within the month', () => {
    expect(shiftYears('2025-10-01', 1)).toBe('2026-10-01');
    expect(shiftYears('2028-02-29', 1)).toBe('2029-02-28');
    expect(shiftYears('2027-02-28', -1)).toBe('2026-02-28');
    expect(storyDay('2025-12-26', 2569)).toBe('2025-12-26');
    expect(storyDay('2025-12-26', 2570)).toBe('2026-12-26');
  });

  it('go back a year when still to come', () => {
    expect(lastPassed('2027-01-29', '2026-12-06')).toBe('2026-01-29');
    expect(lastPassed('2026-01-29', '2026-12-06')).toBe('2026-01-29');
    expect(lastPassed('2026-12-06', '2026-12-06')).toBe('2026-12-06');
  });
});
