import { describe, expect, it } from 'vitest';
import { computeCaseStatistics, median, workingDaysBetween } from './service-cases.js';

describe('service-case statistics', () => {
  it('counts working days, skipping the weekend', () => {
    // Friday 2026-10-02 to Monday 2026-10-05: one working day
    expect(workingDaysBetween('2026-10-02', '2026-10-05')).toBe(1);
    expect(workingDaysBetween('2026-10-05', '2026-10-05')).toBe(0);
    expect(workingDaysBetween('2026-10-05', '2026-10-12')).toBe(5);
  });

  it('compares finished cases with the standard and leaves open ones out', () => {
    const stats = computeCaseStatistics(
      [
        { receivedOn: '2026-10-05', completedOn: '2026-10-07' }, // 2
        { receivedOn: '2026-10-12', completedOn: '2026-10-15' }, // 3
        { receivedOn: '2026-10-19', completedOn: '2026-10-26' }, // 5
        { receivedOn: '2026-11-02', completedOn: null },
      ],
      3,
    );
    expect(stats).toMatchObject({ total: 4, completed: 3, open: 1, withinStandard: 2 });
    expect(stats.shareWithin).toBeCloseTo(2 / 3);
    expect(stats.medianDays).toBe(3);
  });

  it('has no share or median before any case is finished', () => {
    const stats = computeCaseStatistics([{ receivedOn: '2026-10-05', completedOn: null }], 3);
    expect(stats.shareWithin).toBeNull();
    expect(stats.medianDays).toBeNull();
  });

  it('takes the mean of the middle two for an even count', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });
});
