import { describe, expect, it } from 'vitest';
import { acknowledgementShare } from './acknowledgement.js';
import {
  checkDeclarationMove,
  declarationTitle,
  draftDeclaration,
} from './declaration-template.js';
import { aggregateGifts, type GiftFact } from './gift-report.js';
import {
  checkAgencyThreshold,
  effectiveThreshold,
  isGiftFlagged,
  LEGAL_GIFT_THRESHOLD_BAHT,
  thresholdRule,
} from './gift-rules.js';
import { fiscalMonths, fiscalYearOf, thaiLongDate } from '../../../core/thai-calendar.js';

describe('gift threshold rule', () => {
  it('flags a gift above the threshold unless it was refused', () => {
    expect(LEGAL_GIFT_THRESHOLD_BAHT).toBe(3000);
    expect(isGiftFlagged(3000, 'received', 3000)).toBe(false);
    expect(isGiftFlagged(3000.5, 'received', 3000)).toBe(true);
    expect(isGiftFlagged(5000, 'offered', 3000)).toBe(true);
    expect(isGiftFlagged(5000, 'refused', 3000)).toBe(false);
    expect(isGiftFlagged(600, 'received', 500)).toBe(true);
  });

  it('lets an agency be stricter than the law, never looser', () => {
    expect(effectiveThreshold(null)).toBe(3000);
    expect(effectiveThreshold(1000)).toBe(1000);
    expect(effectiveThreshold(9000)).toBe(3000);
    expect(() => checkAgencyThreshold(0)).not.toThrow();
    expect(() => checkAgencyThreshold(3001)).toThrow(/never above/);
    expect(() => checkAgencyThreshold(-1)).toThrow();
    expect(() => checkAgencyThreshold(10.5)).toThrow();
  });

  it('states the rule in Thai with the figure', () => {
    expect(thresholdRule(3000).th).toContain('เกิน 3,000 บาท');
    expect(thresholdRule(3000).th).toContain('หัวหน้าหน่วยงาน');
    expect(thresholdRule(500).en).toContain('500 baht');
  });

  it('places days in the Buddhist-era fiscal year starting in October', () => {
    expect(fiscalYearOf('2025-09-30')).toBe(2568);
    expect(fiscalYearOf('2025-10-01')).toBe(2569);
    expect(fiscalYearOf('2026-09-30')).toBe(2569);
    expect(fiscalYearOf('2026-11-26')).toBe(2570);
    const months = fiscalMonths(2569);
    expect(months).toHaveLength(12);
    expect(months[0]).toBe('2025-10');
    expect(months[3]).toBe('2026-01');
    expect(months[11]).toBe('2026-09');
  });
});

describe('yearly gift report aggregation', () => {
  const gift = (over: Partial<GiftFact>): GiftFact => ({
    giftOn: '2026-01-10',
    giverType: 'business',
    disposition: 'received',
    valueBaht: 500,
    flagged: false,
    decided: false,
    ...over,
  });

  it('counts and sums by disposition, giver type and month; leaves out other years', () => {
    const report = aggregateGifts(2569, [
      gift({}),
      gift({ giftOn: '2026-01-20', valueBaht: 4500, flagged: true }),
      gift({ giftOn: '2025-10-02', giverType: 'person', disposition: 'refused', valueBaht: 12000 }),
      gift({
        giftOn: '2026-04-13',
        giverType: 'person',
        disposition: 'offered',
        valueBaht: 3200,
        flagged: true,
        decided: true,
      }),
      gift({ giftOn: '2026-10-01', valueBaht: 99 }),
    ]);
    expect(report.total).toEqual({ count: 4, valueBaht: 20200 });
    expect(report.byDisposition.received).toEqual({ count: 2, valueBaht: 5000 });
    expect(report.byDisposition.refused).toEqual({ count: 1, valueBaht: 12000 });
    expect(report.byDisposition.offered).toEqual({ count: 1, valueBaht: 3200 });
    const business = report.byGiverType.find((r) => r.giverType === 'business');
    expect(business?.total).toEqual({ count: 2, valueBaht: 5000 });
    const person = report.byGiverType.find((r) => r.giverType === 'person');
    expect(person?.refused.count).toBe(1);
    expect(person?.offered.valueBaht).toBe(3200);
    expect(report.byMonth[0]).toMatchObject({
      month: '2025-10',
      total: { count: 1, valueBaht: 12000 },
    });
    expect(report.byMonth[3]?.received).toEqual({ count: 2, valueBaht: 5000 });
    expect(report.byMonth[6]?.offered.count).toBe(1);
    expect(report.flagged).toBe(2);
    expect(report.awaitingDecision).toBe(1);
  });

  it('gives zeros for a year without gifts', () => {
    const report = aggregateGifts(2570, []);
    expect(report.total).toEqual({ count: 0, valueBaht: 0 });
    expect(report.byMonth.every((r) => r.total.count === 0)).toBe(true);
  });
});

describe('No Gift declaration template', () => {
  const facts = {
    agencyName: 'กรมส่งเสริมการเรียนรู้',
    headName: 'นางสาวสมใจ ใจดี',
    headPosition: 'อธิบดีกรมส่งเสริมการเรียนรู้',
    fiscalYear: 2569,
    declaredOn: '2025-10-15',
    thresholdBaht: 3000,
  };

  it('fills in the agency, head, position, fiscal year and a Buddhist-era date', () => {
    const body = draftDeclaration(facts);
    expect(body).toContain('ด้วยกรมส่งเสริมการเรียนรู้');
    expect(body).toContain('ข้าพเจ้า นางสาวสมใจ ใจดี ตำแหน่ง อธิบดีกรมส่งเสริมการเรียนรู้');
    expect(body).toContain('ปีงบประมาณ พ.ศ. 2569');
    expect(body).toContain('ไม่เกิน 3,000 บาท');
    expect(body).toContain('ประกาศ ณ วันที่ 15 ตุลาคม พ.ศ. 2568');
    expect(draftDeclaration({ ...facts, thresholdBaht: 500 })).toContain('ไม่เกิน 500 บาท');
    expect(declarationTitle(facts.agencyName, 2569)).toContain(
      '(No Gift Policy) ประจำปีงบประมาณ พ.ศ. 2569',
    );
  });

  it('writes Thai long dates', () => {
    expect(thaiLongDate('2026-11-26')).toBe('26 พฤศจิกายน พ.ศ. 2569');
    expect(thaiLongDate('2026-01-01')).toBe('1 มกราคม พ.ศ. 2569');
  });

  it('moves draft → approved → published only', () => {
    expect(() => checkDeclarationMove('draft', 'approved')).not.toThrow();
    expect(() => checkDeclarationMove('approved', 'published')).not.toThrow();
    expect(() => checkDeclarationMove('draft', 'published')).toThrow();
    expect(() => checkDeclarationMove('published', 'draft')).toThrow();
  });
});

describe('acknowledgement share', () => {
  it('counts each current member once and gives the per cent', () => {
    expect(acknowledgementShare(['a', 'b', 'b', 'gone'], ['a', 'b', 'c'])).toEqual({
      acknowledged: 2,
      members: 3,
      percent: 66.7,
    });
    expect(acknowledgementShare([], [])).toEqual({ acknowledged: 0, members: 0, percent: null });
    expect(acknowledgementShare(['a'], ['a']).percent).toBe(100);
  });
});
