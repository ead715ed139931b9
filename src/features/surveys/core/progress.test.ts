import { describe, expect, it } from 'vitest';
import { projectResponses } from './progress.js';

describe('projectResponses', () => {
  it('carries the daily average since the first response on to the closing day', () => {
    // 30 responses over 3 days (1–3 May) = 10 a day; 10 more days to 13 May → 130
    const countsByDay = [
      { day: '2026-05-01', count: 12 },
      { day: '2026-05-03', count: 18 },
    ];
    expect(projectResponses({ countsByDay, today: '2026-05-03', closesOn: '2026-05-13' })).toBe(
      130,
    );
  });

  it('counts today as a day even when nothing came in yet today', () => {
    const countsByDay = [{ day: '2026-05-01', count: 8 }];
    // 8 over 4 days (1–4 May) = 2 a day; 6 more days → 20
    expect(projectResponses({ countsByDay, today: '2026-05-04', closesOn: '2026-05-10' })).toBe(20);
  });

  it('stops at the closing date: after it the projection is the count itself', () => {
    const countsByDay = [{ day: '2026-05-01', count: 7 }];
    expect(projectResponses({ countsByDay, today: '2026-06-01', closesOn: '2026-05-10' })).toBe(7);
    expect(projectResponses({ countsByDay, today: '2026-05-10', closesOn: '2026-05-10' })).toBe(7);
  });

  it('rounds to whole respondents', () => {
    const countsByDay = [{ day: '2026-05-01', count: 10 }];
    // 10 over 3 days, 1 more day → 13.33…
    expect(projectResponses({ countsByDay, today: '2026-05-03', closesOn: '2026-05-04' })).toBe(13);
  });

  it('is null without responses or without a closing date', () => {
    expect(projectResponses({ countsByDay: [], today: '2026-05-03', closesOn: '2026-05-10' })).toBe(
      null,
    );
    const zero = [{ day: '2026-05-01', count: 0 }];
    expect(
      projectResponses({ countsByDay: zero, today: '2026-05-03', closesOn: '2026-05-10' }),
    ).toBe(null);
    const some = [{ day: '2026-05-01', count: 4 }];
    expect(projectResponses({ countsByDay: some, today: '2026-05-03', closesOn: null })).toBe(null);
  });

  it('treats a first day after today (a clock moved back) as one day elapsed', () => {
    const countsByDay = [{ day: '2026-05-05', count: 3 }];
    expect(projectResponses({ countsByDay, today: '2026-05-04', closesOn: '2026-05-06' })).toBe(9);
  });
});
