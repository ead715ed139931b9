import { describe, expect, it } from 'vitest';
import type { ReportBlock } from '../../../../platform/reports/report-document.js';
import type { MeasuresReport, ReportMeasure } from '../../services/measure-report.service.js';
import { measureStartDay } from '../../services/measure-report.service.js';
import { measuresDocumentReport, measuresProgressReport } from './measures-reports.js';

const measure = (over: Partial<ReportMeasure>): ReportMeasure => ({
  id: 'm1',
  title: 'จัดทำคู่มือการเปิดเผยข้อมูล',
  description: '',
  targetType: 'indicator',
  targetCode: '9',
  targetName: { th: 'การเปิดเผยข้อมูล', en: 'Open data' },
  ownerName: 'คุณสมชาย',
  startedOn: '2026-11-01T03:00:00.000Z',
  dueOn: '2027-03-31',
  status: 'in_progress',
  percent: 60,
  notes: [{ at: '2026-11-20T03:00:00.000Z', percent: 60, note: 'ร่างเสร็จ' }],
  files: [{ id: 'f1', name: 'คำสั่ง.pdf' }],
  carriedFrom: null,
  ...over,
});

const REPORT: MeasuresReport = {
  agencyCode: 'D01',
  agencyName: 'กรมส่งเสริมการเรียนรู้',
  fiscalYear: 2569,
  editionCode: 'ita-2569',
  preparedAt: '2026-11-26T03:00:00.000Z',
  measures: [measure({ carriedFrom: 'ปรับปรุงเว็บไซต์' })],
  previous: null,
};

/** Every text a block carries, flattened, so a test can look for wording anywhere. */
function textOf(blocks: ReportBlock[]): string {
  return blocks
    .map((b) => {
      if (b.kind === 'heading' || b.kind === 'paragraph') return b.text;
      if (b.kind === 'list') return b.items.join('\n');
      if (b.kind === 'keyValue') return b.rows.flat().join('\n');
      if (b.kind === 'table')
        return [...b.columns.map((c) => c.label), ...b.rows.flat()].join('\n');
      return '';
    })
    .join('\n');
}

describe('measures report documents', () => {
  it('writes the progress report with owner, time frame in the Buddhist era, notes and evidence', () => {
    const doc = measuresProgressReport('th', REPORT);
    expect(doc.title).toContain('ประจำปีงบประมาณ พ.ศ. 2569');
    const text = textOf(doc.blocks);
    expect(text).toContain('ตัวชี้วัด 9 การเปิดเผยข้อมูล');
    expect(text).toContain('1 พฤศจิกายน พ.ศ. 2569 – 31 มีนาคม พ.ศ. 2570');
    expect(text).toContain('20 พฤศจิกายน พ.ศ. 2569');
    expect(doc.dateText).toBe('จัดทำเมื่อ 26 พฤศจิกายน พ.ศ. 2569');
    expect(text).toContain('กำลังดำเนินการ');
    expect(text).toContain('ร่างเสร็จ');
    expect(text).toContain('หลักฐาน: คำสั่ง.pdf');
    expect(text).toContain('ต่อยอดจากมาตรการปีที่ผ่านมา: ปรับปรุงเว็บไซต์');
    // no previous round: no section for last year's results
    expect(text).not.toContain('ผลการดำเนินการตามมาตรการจากผลการประเมินปี');
  });

  it("adds last year's finished measures, and says so when there are none", () => {
    const withLast = measuresProgressReport('th', {
      ...REPORT,
      previous: {
        fiscalYear: 2568,
        measures: [measure({ id: 'm0', title: 'ปรับปรุงเว็บไซต์', status: 'done' })],
      },
    });
    const text = textOf(withLast.blocks);
    expect(text).toContain('ผลการดำเนินการตามมาตรการจากผลการประเมินปี พ.ศ. 2568');
    expect(text).toContain('ดำเนินการแล้วเสร็จ');
    const empty = measuresProgressReport('en', {
      ...REPORT,
      previous: { fiscalYear: 2568, measures: [] },
    });
    expect(textOf(empty.blocks)).toContain('No finished measures');
  });

  it('writes the measures document as one table of measures', () => {
    const doc = measuresDocumentReport('th', REPORT);
    const table = doc.blocks.find((b) => b.kind === 'table');
    expect(table?.kind === 'table' && table.rows.length).toBe(1);
    expect(textOf(doc.blocks)).toContain('คุณสมชาย');
    const none = measuresDocumentReport('th', { ...REPORT, measures: [] });
    expect(textOf(none.blocks)).toContain('ยังไม่มีมาตรการ');
  });

  it('ends the measures document and the progress report with the head’s signature block', () => {
    for (const doc of [
      measuresDocumentReport('th', REPORT),
      measuresProgressReport('th', REPORT),
    ]) {
      const last = doc.blocks.at(-1);
      expect(last?.kind).toBe('signature');
      expect(last?.kind === 'signature' && last.position).toBe(`หัวหน้าหน่วยงาน${REPORT.agencyName}`);
    }
  });

  it('never lets a time frame end before it starts (a measure recorded after its due day)', () => {
    // recorded on 6 Dec 2569, due 30 Sep 2568: the fiscal year 2568, from 1 October 2567
    const late = measure({ startedOn: '2026-12-06T03:00:00.000Z', dueOn: '2025-09-30' });
    const text = textOf(measuresDocumentReport('th', { ...REPORT, measures: [late] }).blocks);
    expect(text).toContain('1 ตุลาคม พ.ศ. 2567 – 30 กันยายน พ.ศ. 2568');
    expect(text).not.toContain('6 ธันวาคม พ.ศ. 2569 –');
    const none = measure({ dueOn: null });
    expect(textOf(measuresDocumentReport('en', { ...REPORT, measures: [none] }).blocks)).toContain(
      '1 November 2026 – no due date',
    );
  });

  it('starts a time frame on the day recorded, or on 1 October of the year due when later', () => {
    // recorded 00:30 on 1 Oct in Bangkok (the evening before in UTC)
    expect(measureStartDay('2025-09-30T17:30:00.000Z', '2026-09-30')).toBe('2025-10-01');
    expect(measureStartDay('2026-11-01T03:00:00.000Z', '2027-03-31')).toBe('2026-11-01');
    expect(measureStartDay('2026-11-01T03:00:00.000Z', null)).toBe('2026-11-01');
    expect(measureStartDay('2026-12-06T03:00:00.000Z', '2025-09-30')).toBe('2024-10-01');
    expect(measureStartDay('2026-12-06T03:00:00.000Z', '2026-09-30')).toBe('2025-10-01');
    expect(measureStartDay('2026-09-30T03:00:00.000Z', '2026-09-30')).toBe('2026-09-30');
    // a day already (a published snapshot read again) stays the same
    expect(measureStartDay('2024-10-01', '2025-09-30')).toBe('2024-10-01');
  });
});
