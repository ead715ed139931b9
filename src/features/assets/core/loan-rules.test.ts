import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../core/errors.js';
import {
  addDays,
  canMoveLoan,
  checkLoanMove,
  checkLoanRequest,
  daysBetween,
  findOverlap,
  isLoanDueSoon,
  isLoanOverdue,
  MAX_LOAN_DAYS,
  refusalByRule,
  type LoanPeriod,
} from './loan-rules.js';
import { fiscalYearOf, fiscalYearRange as fiscalYearDays } from '../../../core/thai-calendar.js';

const base = {
  purposeCategory: 'official_duty' as const,
  fromOn: '2026-12-01',
  toOn: '2026-12-03',
  today: '2026-11-26',
  assetStatus: 'available' as const,
  otherLoans: [] as LoanPeriod[],
};

function codeOf(work: () => void): string | null {
  try {
    work();
    return null;
  } catch (error) {
    if (error instanceof DomainError) return `${error.code}:${String(error.details?.field)}`;
    throw error;
  }
}

describe('loan request rules', () => {
  it('accepts an official request with valid dates', () => {
    expect(codeOf(() => checkLoanRequest(base))).toBeNull();
  });

  it('refuses personal use by rule with a Thai reason, and only personal use', () => {
    expect(refusalByRule('personal')?.th).toContain('ประโยชน์ส่วนตัว');
    expect(refusalByRule('field_work')).toBeNull();
  });

  it('refuses impossible, past, reversed and too long periods', () => {
    expect(codeOf(() => checkLoanRequest({ ...base, fromOn: '2026-02-30' }))).toBe(
      'bad_date:fromOn',
    );
    expect(codeOf(() => checkLoanRequest({ ...base, toOn: 'soon' }))).toBe('bad_date:toOn');
    expect(codeOf(() => checkLoanRequest({ ...base, fromOn: '2026-11-25' }))).toBe(
      'bad_date:fromOn',
    );
    expect(codeOf(() => checkLoanRequest({ ...base, toOn: '2026-11-30' }))).toBe('bad_date:toOn');
    const tooLong = addDays(base.fromOn, MAX_LOAN_DAYS);
    expect(codeOf(() => checkLoanRequest({ ...base, toOn: tooLong }))).toBe('bad_date:toOn');
    const buddhistYear = { fromOn: '2569-12-01', toOn: '2569-12-02' };
    expect(codeOf(() => checkLoanRequest({ ...base, ...buddhistYear }))).toBe('bad_date:fromOn');
    const longest = addDays(base.fromOn, MAX_LOAN_DAYS - 1);
    expect(codeOf(() => checkLoanRequest({ ...base, toOn: longest }))).toBeNull();
  });

  it('refuses a retired asset', () => {
    expect(codeOf(() => checkLoanRequest({ ...base, assetStatus: 'retired' }))).toBe(
      'asset_retired:form',
    );
  });

  it('refuses overlapping days of a loan that still holds the asset, touching days included', () => {
    const held: LoanPeriod = {
      id: 'a',
      fromOn: '2026-12-03',
      toOn: '2026-12-05',
      status: 'approved',
    };
    expect(codeOf(() => checkLoanRequest({ ...base, otherLoans: [held] }))).toBe(
      'loan_overlap:fromOn',
    );
    const after: LoanPeriod = { ...held, fromOn: '2026-12-04' };
    expect(codeOf(() => checkLoanRequest({ ...base, otherLoans: [after] }))).toBeNull();
    for (const status of ['refused', 'returned'] as const)
      expect(
        codeOf(() => checkLoanRequest({ ...base, otherLoans: [{ ...held, status }] })),
      ).toBeNull();
    expect(findOverlap([held], '2026-12-01', '2026-12-10', 'a')).toBeNull();
    expect(findOverlap([held], '2026-12-05', '2026-12-10')?.id).toBe('a');
  });

  it('does not hold a personal-use request to the overlap rule (it is refused anyway)', () => {
    const held: LoanPeriod = {
      id: 'a',
      fromOn: '2026-12-01',
      toOn: '2026-12-05',
      status: 'handed_over',
    };
    expect(
      codeOf(() => checkLoanRequest({ ...base, purposeCategory: 'personal', otherLoans: [held] })),
    ).toBeNull();
  });
});

describe('loan state machine', () => {
  it('allows request → approve → hand over → return and refusals before hand-over', () => {
    expect(canMoveLoan('requested', 'approved')).toBe(true);
    expect(canMoveLoan('requested', 'refused')).toBe(true);
    expect(canMoveLoan('approved', 'handed_over')).toBe(true);
    expect(canMoveLoan('approved', 'refused')).toBe(true);
    expect(canMoveLoan('handed_over', 'returned')).toBe(true);
  });

  it('refuses skipping steps and moving closed loans', () => {
    expect(canMoveLoan('requested', 'handed_over')).toBe(false);
    expect(canMoveLoan('handed_over', 'refused')).toBe(false);
    expect(canMoveLoan('returned', 'handed_over')).toBe(false);
    expect(canMoveLoan('refused', 'approved')).toBe(false);
    expect(codeOf(() => checkLoanMove('requested', 'returned'))).toBe('loan_state:undefined');
  });
});

describe('overdue and due soon', () => {
  const loan = { status: 'handed_over' as const, toOn: '2026-11-20' };
  it('is overdue only when handed over and today is after the due date', () => {
    expect(isLoanOverdue(loan, '2026-11-20')).toBe(false);
    expect(isLoanOverdue(loan, '2026-11-21')).toBe(true);
    expect(isLoanOverdue({ ...loan, status: 'returned' }, '2026-12-01')).toBe(false);
    expect(isLoanOverdue({ ...loan, status: 'approved' }, '2026-12-01')).toBe(false);
  });

  it('is due soon within two days of the due date', () => {
    expect(isLoanDueSoon(loan, '2026-11-18')).toBe(true);
    expect(isLoanDueSoon(loan, '2026-11-17')).toBe(false);
    expect(isLoanDueSoon(loan, '2026-11-21')).toBe(false);
  });
});

describe('days and fiscal years', () => {
  it('counts days across months and leap years', () => {
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });

  it('starts the Buddhist-era fiscal year on 1 October', () => {
    expect(fiscalYearOf('2026-09-30')).toBe(2569);
    expect(fiscalYearOf('2026-10-01')).toBe(2570);
    expect(fiscalYearDays(2569)).toEqual({ from: '2025-10-01', to: '2026-09-30' });
  });
});
