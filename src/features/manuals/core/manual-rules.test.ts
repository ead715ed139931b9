import { describe, expect, it } from 'vitest';
import {
  checkManual,
  describeStandardTime,
  documentsStated,
  totalStandardTime,
  type ManualContent,
} from './manual-rules.js';

function service(overrides: Partial<ManualContent> = {}): ManualContent {
  return {
    kind: 'service',
    title: 'การขอหนังสือรับรอง',
    purpose: '',
    responsibleUnit: 'กลุ่มบริการ',
    channels: ['ศูนย์บริการร่วม'],
    feeText: 'ไม่มี',
    documents: ['ไม่มี'],
    steps: [
      { description: 'รับคำขอ', responsible: 'เจ้าหน้าที่', timeAmount: 30, timeUnit: 'minutes' },
      { description: 'ลงนาม', responsible: 'ผู้อำนวยการ', timeAmount: 2, timeUnit: 'working_days' },
    ],
    ...overrides,
  };
}

describe('manual rules', () => {
  it('accepts a complete service manual that says "ไม่มี" for fee and documents', () => {
    expect(checkManual(service())).toEqual([]);
  });

  it('refuses a blank fee and blank documents: "none" must be written out', () => {
    const fields = checkManual(service({ feeText: ' ', documents: [] })).map((p) => p.field);
    expect(fields).toEqual(['feeText', 'documents']);
  });

  it('refuses "ไม่มี" mixed with real documents', () => {
    expect(documentsStated(['ไม่มี', 'สำเนาบัตรประชาชน'])).toBe(false);
    expect(documentsStated(['สำเนาบัตรประชาชน', 'ใบคำขอ'])).toBe(true);
  });

  it('names the step that lacks a time limit, in Thai and English', () => {
    const steps = [
      { description: 'รับคำขอ', responsible: '', timeAmount: 1, timeUnit: 'hours' as const },
      { description: 'ตรวจเอกสาร', responsible: '', timeAmount: null, timeUnit: null },
    ];
    const problems = checkManual(service({ steps }));
    expect(problems).toHaveLength(1);
    expect(problems[0]?.field).toBe('steps.1');
    expect(problems[0]?.message.th).toContain('ขั้นตอนที่ 2');
    expect(problems[0]?.message.en).toContain('Step 2');
  });

  it('asks a work manual for steps but not for fee, documents or channels', () => {
    const work = service({ kind: 'work', channels: [], feeText: '', documents: [], steps: [] });
    expect(checkManual(work).map((p) => p.field)).toEqual(['steps']);
  });

  it('adds up the standard time per unit and in working days (7-hour days, rounded up)', () => {
    const time = totalStandardTime([
      ...service().steps,
      { description: 'ส่งมอบ', responsible: '', timeAmount: 7, timeUnit: 'hours' },
    ]);
    expect(time.byUnit).toEqual({ minutes: 30, hours: 7, working_days: 2 });
    // 30 min + 7 h + 2 days = 3 days and 30 minutes: 4 working days when rounded up
    expect(time.workingDays).toBe(4);
    expect(describeStandardTime(time, 'th')).toBe('2 วันทำการ 7 ชั่วโมง 30 นาที');
  });
});
