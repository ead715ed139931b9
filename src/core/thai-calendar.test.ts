import { describe, expect, it } from 'vitest';
import { isCalendarDay, shortDate, shortDay } from './thai-calendar.js';

describe('isCalendarDay', () => {
  it('takes only days that exist, written YYYY-MM-DD', () => {
    for (const day of ['2026-12-06', '2028-02-29', '1999-12-31', '2026-01-31'])
      expect([day, isCalendarDay(day)]).toEqual([day, true]);
    for (const day of [
      '2569-13-45',
      '2026-02-29',
      '2026-04-31',
      '2026-00-10',
      '2026-10-00',
      '20/12/2569',
      '2026-1-5',
      ' 2026-01-05',
      '',
      '9999-12-31',
    ])
      expect([day, isCalendarDay(day)]).toEqual([day, false]);
  });
});

describe('dates shown on pages', () => {
  it('shows a stored value that is not a date as it is, instead of breaking the page', () => {
    expect(shortDay('th', '2569-13-45')).toBe('2569-13-45T12:00:00+07:00');
    expect(shortDate('en', 'not a date')).toBe('not a date');
    expect(shortDay('th', '2026-12-06')).toMatch(/2569/);
  });
});
