import { daysBetween, isLoanOverdue, type LoanStatus, type PurposeCategory } from './loan-rules.js';
import { fiscalYearRange } from '../../../core/thai-calendar.js';

/** One loan as the yearly report needs it (no borrower: the report is public). */
export interface ReportLoan {
  assetId: string;
  assetNumber: string;
  assetName: string;
  category: string;
  purposeCategory: PurposeCategory;
  status: LoanStatus;
  fromOn: string;
  toOn: string;
  /** YYYY-MM-DD (Bangkok) of hand-over and return, when they happened. */
  handedOverOn: string | null;
  returnedOn: string | null;
}

export interface UsageRow {
  key: string;
  label: string;
  loans: number;
  daysOut: number;
  late: number;
}

/** A fiscal year of asset loans, counted per asset, category and month. */
export interface UsageReport {
  fiscalYear: number;
  from: string;
  to: string;
  requests: number;
  lent: number;
  refused: number;
  refusedPersonal: number;
  /** Lent loans returned after the due date or still out past it. */
  late: number;
  /** Still out past the due date on the report's day. */
  overdueNow: number;
  daysOut: number;
  byAsset: UsageRow[];
  byCategory: UsageRow[];
  /** Twelve rows, October to September; key YYYY-MM. */
  byMonth: UsageRow[];
}

function wasLent(loan: ReportLoan): boolean {
  return loan.status === 'handed_over' || loan.status === 'returned';
}

/** Days the asset was out: hand-over (or first day) to return (or today), both counted. */
export function daysOutOf(loan: ReportLoan, today: string): number {
  if (!wasLent(loan)) return 0;
  const start = loan.handedOverOn ?? loan.fromOn;
  const end = loan.returnedOn ?? today;
  return Math.max(1, daysBetween(start, end) + 1);
}

/** Whether a lent loan came back late or is still out past its due date. */
export function wasLate(loan: ReportLoan, today: string): boolean {
  if (loan.status === 'returned') return (loan.returnedOn ?? loan.toOn) > loan.toOn;
  return isLoanOverdue(loan, today);
}

function monthsOf(fiscalYear: number): string[] {
  const { from } = fiscalYearRange(fiscalYear);
  const startYear = Number(from.slice(0, 4));
  return Array.from({ length: 12 }, (_, i) => {
    const month = ((9 + i) % 12) + 1;
    const year = startYear + (i >= 3 ? 1 : 0);
    return `${year}-${String(month).padStart(2, '0')}`;
  });
}

function add(
  rows: Map<string, UsageRow>,
  key: string,
  label: string,
  loan: ReportLoan,
  today: string,
) {
  const row = rows.get(key) ?? { key, label, loans: 0, daysOut: 0, late: 0 };
  row.loans += 1;
  row.daysOut += daysOutOf(loan, today);
  if (wasLate(loan, today)) row.late += 1;
  rows.set(key, row);
}

/**
 * Builds the yearly usage report from the loans whose first day falls in the fiscal year:
 * requests, loans actually lent, refusals (personal use among them), late and overdue loans,
 * days out, and the lent loans per asset, category and month. `today` is passed in.
 */
export function buildUsageReport(
  loans: readonly ReportLoan[],
  fiscalYear: number,
  today: string,
): UsageReport {
  const { from, to } = fiscalYearRange(fiscalYear);
  const inYear = loans.filter((l) => l.fromOn >= from && l.fromOn <= to);
  const lent = inYear.filter(wasLent);
  const byAsset = new Map<string, UsageRow>();
  const byCategory = new Map<string, UsageRow>();
  const byMonth = new Map<string, UsageRow>(
    monthsOf(fiscalYear).map((key) => [key, { key, label: key, loans: 0, daysOut: 0, late: 0 }]),
  );
  for (const loan of lent) {
    add(byAsset, loan.assetId, `${loan.assetNumber} ${loan.assetName}`, loan, today);
    add(byCategory, loan.category, loan.category, loan, today);
    add(byMonth, loan.fromOn.slice(0, 7), loan.fromOn.slice(0, 7), loan, today);
  }
  const refused = inYear.filter((l) => l.status === 'refused');
  const sortRows = (rows: Map<string, UsageRow>) =>
    [...rows.values()].sort((a, b) => b.loans - a.loans || a.label.localeCompare(b.label));
  return {
    fiscalYear,
    from,
    to,
    requests: inYear.length,
    lent: lent.length,
    refused: refused.length,
    refusedPersonal: refused.filter((l) => l.purposeCategory === 'personal').length,
    late: lent.filter((l) => wasLate(l, today)).length,
    overdueNow: lent.filter((l) => isLoanOverdue(l, today)).length,
    daysOut: lent.reduce((sum, l) => sum + daysOutOf(l, today), 0),
    byAsset: sortRows(byAsset),
    byCategory: sortRows(byCategory),
    byMonth: [...byMonth.values()],
  };
}
