import { describe, expect, it } from 'vitest';
import { buildUsageReport, type ReportLoan } from '../core/usage-report.js';
import { assetGuidelineReport, assetUsageReport } from './asset-reports.js';

const loans: ReportLoan[] = [
  {
    assetId: 'v',
    assetNumber: 'V-1',
    assetName: 'รถตู้',
    category: 'ยานพาหนะ',
    purposeCategory: 'field_work',
    status: 'returned',
    fromOn: '2025-11-03',
    toOn: '2025-11-05',
    handedOverOn: '2025-11-03',
    returnedOn: '2025-11-07',
  },
  {
    assetId: 'v',
    assetNumber: 'V-1',
    assetName: 'รถตู้',
    category: 'ยานพาหนะ',
    purposeCategory: 'personal',
    status: 'refused',
    fromOn: '2025-12-01',
    toOn: '2025-12-01',
    handedOverOn: null,
    returnedOn: null,
  },
];

describe('asset loan report document', () => {
  const report = buildUsageReport(loans, 2569, '2026-01-10');
  const doc = assetUsageReport('th', { agencyName: 'กรมตัวอย่าง', report, madeOn: '2026-01-10' });

  it('titles the fiscal year in the Buddhist era and dates it in Thai', () => {
    expect(doc.title).toBe('รายงานการยืมทรัพย์สินของราชการ ประจำปีงบประมาณ พ.ศ. 2569');
    expect(doc.dateText).toBe('10 มกราคม พ.ศ. 2569');
    const intro = doc.blocks[0];
    expect(intro?.kind === 'paragraph' && intro.text).toContain('1 ตุลาคม พ.ศ. 2568');
  });

  it('prints the counts, the refusals for personal use and the late return', () => {
    const summary = doc.blocks.find((b) => b.kind === 'keyValue');
    const rows = summary?.kind === 'keyValue' ? Object.fromEntries(summary.rows) : {};
    expect(rows['คำขอยืมทั้งหมด']).toBe('2');
    expect(rows['ในจำนวนนี้ ขอใช้ส่วนตัว']).toBe('1');
    expect(rows['คืนช้าหรือเลยกำหนด']).toBe('1');
    expect(rows['จำนวนวันที่ยืมรวม']).toBe('5');
  });

  it('has tables by category, asset and twelve months in Thai', () => {
    const tables = doc.blocks.filter((b) => b.kind === 'table');
    expect(tables).toHaveLength(3);
    const months = tables[2]?.kind === 'table' ? tables[2].rows : [];
    expect(months).toHaveLength(12);
    expect(months[1]).toEqual(['พฤศจิกายน 2568', '1', '5', '1']);
    expect(JSON.stringify(doc)).not.toMatch(/borrower|ผู้ยืม/);
  });

  it('prints the guideline with its first line as the title', () => {
    const g = assetGuidelineReport('en', {
      agencyName: 'Example Dept',
      text: 'Asset loan guideline\n\n1. Official use only\n2. Return on time',
      publishedOn: '2026-11-26',
    });
    expect(g.title).toBe('Asset loan guideline');
    expect(g.dateText).toBe('Published on 26 November 2026');
    expect(g.blocks.map((b) => (b.kind === 'paragraph' ? b.text : ''))).toEqual([
      '1. Official use only',
      '2. Return on time',
    ]);
  });
});
