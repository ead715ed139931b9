import { describe, expect, it } from 'vitest';
import { buildUsageReport, daysOutOf, type ReportLoan } from './usage-report.js';

function loan(over: Partial<ReportLoan>): ReportLoan {
  return {
    assetId: 'van',
    assetNumber: 'V-1',
    assetName: 'รถตู้',
    category: 'ยานพาหนะ',
    purposeCategory: 'field_work',
    status: 'returned',
    fromOn: '2025-11-03',
    toOn: '2025-11-05',
    handedOverOn: '2025-11-03',
    returnedOn: '2025-11-05',
    ...over,
  };
}

describe('yearly usage report', () => {
  const today = '2026-01-20';
  const loans: ReportLoan[] = [
    loan({}),
    loan({
      fromOn: '2025-11-20',
      toOn: '2025-11-21',
      handedOverOn: '2025-11-20',
      returnedOn: '2025-11-24',
    }),
    loan({
      assetId: 'nb',
      assetNumber: 'N-1',
      assetName: 'โน้ตบุ๊ก',
      category: 'คอมพิวเตอร์',
      status: 'handed_over',
      fromOn: '2026-01-05',
      toOn: '2026-01-10',
      handedOverOn: '2026-01-05',
      returnedOn: null,
    }),
    loan({
      status: 'refused',
      purposeCategory: 'personal',
      fromOn: '2025-12-01',
      toOn: '2025-12-01',
      handedOverOn: null,
      returnedOn: null,
    }),
    loan({
      status: 'refused',
      fromOn: '2025-12-02',
      toOn: '2025-12-02',
      handedOverOn: null,
      returnedOn: null,
    }),
    loan({
      status: 'requested',
      fromOn: '2026-02-01',
      toOn: '2026-02-02',
      handedOverOn: null,
      returnedOn: null,
    }),
    // before the fiscal year: left out
    loan({ fromOn: '2025-09-30', toOn: '2025-10-02' }),
  ];
  const report = buildUsageReport(loans, 2569, today);

  it('counts requests, loans lent, refusals and personal-use refusals of the year only', () => {
    expect(report.from).toBe('2025-10-01');
    expect(report.requests).toBe(6);
    expect(report.lent).toBe(3);
    expect(report.refused).toBe(2);
    expect(report.refusedPersonal).toBe(1);
  });

  it('counts late returns and loans still out past their due date', () => {
    expect(report.late).toBe(2);
    expect(report.overdueNow).toBe(1);
  });

  it('adds up days out, counting both ends and today for a loan still out', () => {
    expect(daysOutOf(loans[2] as ReportLoan, today)).toBe(16);
    expect(report.daysOut).toBe(3 + 5 + 16);
  });

  it('groups by asset, category and month (October to September)', () => {
    expect(report.byAsset.map((r) => [r.label, r.loans, r.daysOut])).toEqual([
      ['V-1 รถตู้', 2, 8],
      ['N-1 โน้ตบุ๊ก', 1, 16],
    ]);
    expect(report.byCategory.find((r) => r.key === 'คอมพิวเตอร์')?.late).toBe(1);
    expect(report.byMonth).toHaveLength(12);
    expect(report.byMonth[0]?.key).toBe('2025-10');
    expect(report.byMonth[11]?.key).toBe('2026-09');
    expect(report.byMonth.find((r) => r.key === '2025-11')?.loans).toBe(2);
    expect(report.byMonth.find((r) => r.key === '2026-01')?.loans).toBe(1);
  });
});
