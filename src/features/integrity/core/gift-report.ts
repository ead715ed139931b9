import { DISPOSITIONS, GIVER_TYPES, type Disposition, type GiverType } from './gift-rules.js';
import { fiscalMonths } from '../../../core/thai-calendar.js';

/** What the yearly report needs of one gift (never who reported it). */
export interface GiftFact {
  /** YYYY-MM-DD. */
  giftOn: string;
  giverType: GiverType;
  disposition: Disposition;
  valueBaht: number;
  flagged: boolean;
  decided: boolean;
}

/** Count and total value of a group of gifts. */
export interface Tally {
  count: number;
  valueBaht: number;
}

export interface GiftYearReport {
  fiscalYear: number;
  total: Tally;
  byDisposition: Record<Disposition, Tally>;
  /** One row per giver type, split by disposition. */
  byGiverType: Array<{ giverType: GiverType; total: Tally } & Record<Disposition, Tally>>;
  /** Twelve rows, October first (YYYY-MM). */
  byMonth: Array<{ month: string; total: Tally } & Record<Disposition, Tally>>;
  flagged: number;
  awaitingDecision: number;
}

const empty = (): Tally => ({ count: 0, valueBaht: 0 });
const add = (t: Tally, value: number) => {
  t.count += 1;
  t.valueBaht += value;
};
const splitTallies = () =>
  Object.fromEntries(DISPOSITIONS.map((d) => [d, empty()])) as Record<Disposition, Tally>;

/** Counts and values of a fiscal year's gifts by disposition, giver type and month. */
export function aggregateGifts(fiscalYear: number, gifts: readonly GiftFact[]): GiftYearReport {
  const months = fiscalMonths(fiscalYear);
  const report: GiftYearReport = {
    fiscalYear,
    total: empty(),
    byDisposition: splitTallies(),
    byGiverType: GIVER_TYPES.map((giverType) => ({ giverType, total: empty(), ...splitTallies() })),
    byMonth: months.map((month) => ({ month, total: empty(), ...splitTallies() })),
    flagged: 0,
    awaitingDecision: 0,
  };
  for (const g of gifts) {
    const month = report.byMonth.find((row) => row.month === g.giftOn.slice(0, 7));
    if (!month) continue;
    const giver = report.byGiverType.find((row) => row.giverType === g.giverType);
    for (const tally of [
      report.total,
      report.byDisposition[g.disposition],
      month.total,
      month[g.disposition],
    ])
      add(tally, g.valueBaht);
    if (giver) {
      add(giver.total, g.valueBaht);
      add(giver[g.disposition], g.valueBaht);
    }
    if (g.flagged) report.flagged += 1;
    if (g.flagged && !g.decided) report.awaitingDecision += 1;
  }
  return report;
}
