import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import {
  assertPlausibleDays,
  BE_DAY_PATTERN,
  beDay,
  dayField,
  implausibleDay,
  isCalendarDay,
  isoDayProblem,
  longDate,
  longMoment,
  readBeDay,
  shortDate,
  shortDay,
} from './thai-calendar.js';

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

describe('days people type (day/month/Buddhist-era year)', () => {
  it('reads 30/06/2569 as 2026-06-30, with one-digit parts, Thai digits and other separators', () => {
    expect(readBeDay('30/06/2569')).toEqual({ day: '2026-06-30' });
    expect(readBeDay(' 1/7/2569 ')).toEqual({ day: '2026-07-01' });
    expect(readBeDay('๓๐/๐๖/๒๕๖๙')).toEqual({ day: '2026-06-30' });
    expect(readBeDay('30.06.2569')).toEqual({ day: '2026-06-30' });
    expect(readBeDay('29-02-2571')).toEqual({ day: '2028-02-29' });
    // a phone's numeric keypad may have no "/": the eight digits alone
    expect(readBeDay('30062569')).toEqual({ day: '2026-06-30' });
    expect(readBeDay('3062569').problem).toBeDefined();
    // the browser's check takes what the server reads
    const pattern = new RegExp(`^(?:${BE_DAY_PATTERN})$`, 'v');
    for (const typed of [
      '30/06/2569',
      '1/7/2569',
      '30.06.2569',
      '30-06-2569',
      '30062569',
      '๓๐/๐๖/๒๕๖๙',
    ])
      expect([typed, pattern.test(typed)]).toEqual([typed, true]);
    for (const typed of ['2026-06-30', '30/06/69', 'พรุ่งนี้'])
      expect([typed, pattern.test(typed)]).toEqual([typed, false]);
  });

  it('refuses an impossible day, a Christian-era year and other text, saying what was typed', () => {
    const noDay = readBeDay('31/02/2569').problem;
    expect(noDay?.th).toContain('"31/02/2569"');
    expect(noDay?.th).toContain('ไม่มีวันที่');
    expect(noDay?.en).toContain('30/06/2569');
    const ce = readBeDay('30/06/2026').problem;
    expect(ce?.th).toContain('ปี 2026');
    expect(ce?.th).toContain('พ.ศ.');
    expect(ce?.en).toContain('Buddhist-era');
    expect(readBeDay('2026-06-30').problem?.th).toContain('"2026-06-30" ไม่ใช่วันที่');
    expect(readBeDay('').problem).toBeDefined();
    expect(readBeDay('30/13/2569').problem?.th).toContain('ไม่มีวันที่');
  });

  it('shows a stored day the way it is typed, and any other text as it is', () => {
    expect(beDay('2026-06-30')).toBe('30/06/2569');
    expect(beDay('2027-01-05')).toBe('05/01/2570');
    expect(beDay('30/06/2569')).toBe('30/06/2569');
    for (const day of ['2026-06-30', '2028-02-29', '2031-12-31'])
      expect(readBeDay(beDay(day)).day).toBe(day);
  });

  it('explains a day sent as text that is not YYYY-MM-DD (the API) or does not exist', () => {
    expect(isoDayProblem('2026-06-30')).toBeNull();
    expect(isoDayProblem('2026-02-30')?.th).toBe('ไม่มีวันที่ 2026-02-30 ในปฏิทิน');
    expect(isoDayProblem('30/06/2026')?.th).toContain('ปี ค.ศ.');
    expect(isoDayProblem('soon')?.en).toContain('YYYY-MM-DD');
    // a typed day is read by the form, never stored as typed: the API takes YYYY-MM-DD only
    expect(isoDayProblem('30/06/2569')?.en).toContain('YYYY-MM-DD (Christian era): 2026-06-30');
    // 30/06/3112 is read (a day that exists), but no stored day is that far
    expect(readBeDay('30/06/3112')).toEqual({ day: '2569-06-30' });
    expect(isoDayProblem('2569-06-30')?.th).toContain('ปี พ.ศ. 3112');
    expect(isoDayProblem('2569-02-29')?.th).toBe('ไม่มีวันที่ 2569-02-29 ในปฏิทิน');
    const parsed = dayField().safeParse('2569-06-30');
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toContain(' / ');
  });
});

describe('a typed day must be plausible: within five years of today', () => {
  const today = '2026-12-06';

  it('accepts the years around today and refuses the rest, naming both eras', () => {
    for (const day of ['2021-01-01', '2026-06-30', '2031-12-31'])
      expect([day, implausibleDay(day, today)]).toEqual([day, null]);
    // 2569 typed into a Christian-era date picker: the year 3112 in the Buddhist era
    const far = implausibleDay('2569-06-30', today);
    expect(far?.th).toContain('พ.ศ. 3112');
    expect(far?.th).toContain('2564–2574');
    expect(far?.en).toContain('2021–2031');
    expect(implausibleDay('2020-12-31', today)).not.toBeNull();
    expect(implausibleDay('2032-01-01', today)).not.toBeNull();
    expect(implausibleDay('1990-01-01', today, { yearsBefore: 50, yearsAfter: 0 })).toBeNull();
    expect(implausibleDay('2027-01-01', today, { yearsBefore: 50, yearsAfter: 0 })).not.toBeNull();
  });

  it('refuses the fields of an input as a zod error naming each field', () => {
    expect(() => assertPlausibleDays(today, { a: '2026-01-01', b: null })).not.toThrow();
    let thrown: unknown;
    try {
      assertPlausibleDays(today, { a: '2026-01-01', b: '2150-06-30', c: '1999-01-01' });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ZodError);
    expect((thrown as ZodError).issues.map((i) => i.path)).toEqual([['b'], ['c']]);
  });
});

describe('dates of printed documents', () => {
  it('writes a moment as its full day in Bangkok', () => {
    expect(longMoment('th', '2026-06-29T18:30:00Z')).toBe('30 มิถุนายน พ.ศ. 2569');
    expect(longMoment('en', '2026-06-30T03:00:00Z')).toBe('30 June 2026');
    expect(longMoment('th', 'not a date')).toBe('not a date');
    expect(longMoment('th', '2026-06-30')).toBe('30 มิถุนายน พ.ศ. 2569');
    // the one rule of formal documents takes a day or a moment
    expect(longDate('th', '2026-06-29T18:30:00Z')).toBe('30 มิถุนายน พ.ศ. 2569');
    expect(longDate('th', '2026-06-30')).toBe('30 มิถุนายน พ.ศ. 2569');
  });
});
