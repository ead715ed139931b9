import { describe, expect, it } from 'vitest';
import { totalStandardTime } from '../core/manual-rules.js';
import { buildManualReport, type ManualReportInput } from './manual-report.js';

const steps: ManualReportInput['steps'] = [
  {
    description: 'รับคำขอและตรวจเอกสาร',
    responsible: 'ศูนย์บริการร่วม',
    timeAmount: 1,
    timeUnit: 'hours',
  },
  { description: 'ลงนามหนังสือรับรอง', responsible: '', timeAmount: 2, timeUnit: 'working_days' },
];

const manual: ManualReportInput = {
  kind: 'service',
  title: 'การขอหนังสือรับรอง',
  purpose: 'ออกหนังสือรับรองแก่ผู้ผ่านการอบรม',
  responsibleUnit: 'กลุ่มพัฒนาหลักสูตร',
  channels: ['ศูนย์บริการร่วม', 'อีเมล'],
  feeText: 'ไม่มี',
  documents: ['ไม่มี'],
  legalBasis: '',
  fiscalYear: 2569,
  steps,
  standard: totalStandardTime(steps),
};

describe('manual report', () => {
  const doc = buildManualReport(manual, {
    lang: 'th',
    agencyName: 'กรมส่งเสริมการเรียนรู้',
    dateText: '26 พ.ย. 2569',
  });

  it('titles the document with the service, kind and fiscal year', () => {
    expect(doc.title).toBe('การขอหนังสือรับรอง');
    expect(doc.subtitle).toBe('คู่มือการให้บริการ · ประจำปีงบประมาณ พ.ศ. 2569');
    expect(doc.agencyName).toBe('กรมส่งเสริมการเรียนรู้');
  });

  it('states fee and documents, "ไม่มี" included', () => {
    const facts = doc.blocks.find((b) => b.kind === 'keyValue');
    expect(facts?.kind === 'keyValue' && facts.rows).toEqual([
      ['หน่วยงานที่รับผิดชอบ', 'กลุ่มพัฒนาหลักสูตร'],
      ['สถานที่หรือช่องทางการให้บริการ', 'ศูนย์บริการร่วม, อีเมล'],
      ['ค่าธรรมเนียม', 'ไม่มี'],
      ['เอกสารที่ต้องใช้', 'ไม่มี'],
    ]);
  });

  it('tables every step with its time limit, then the total', () => {
    const table = doc.blocks.find((b) => b.kind === 'table');
    expect(table?.kind === 'table' && table.rows).toEqual([
      ['1', 'รับคำขอและตรวจเอกสาร', 'ศูนย์บริการร่วม', '1 ชั่วโมง'],
      ['2', 'ลงนามหนังสือรับรอง', '—', '2 วันทำการ'],
    ]);
    const last = doc.blocks.at(-1);
    expect(last?.kind === 'paragraph' && last.text).toBe('ระยะเวลาดำเนินการรวม: 2 วันทำการ 1 ชั่วโมง');
  });

  it('leaves fee, documents and channels out of a work manual', () => {
    const work = buildManualReport(
      { ...manual, kind: 'work' },
      { lang: 'en', agencyName: 'x', dateText: 'x' },
    );
    const facts = work.blocks.find((b) => b.kind === 'keyValue');
    expect(facts?.kind === 'keyValue' && facts.rows.map((r) => r[0])).toEqual(['Responsible unit']);
    expect(work.subtitle).toBe('Work manual · Fiscal year 2569');
  });
});
