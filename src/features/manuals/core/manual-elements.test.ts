import { describe, expect, it } from 'vitest';
import { checkManualElements } from './manual-elements.js';
import type { ManualContent } from './manual-rules.js';

const O9 = ['O9.1', 'O9.2', 'O9.3', 'O9.4', 'O9.5'].map((code) => ({
  code,
  text: { th: code, en: code },
}));

const draft: ManualContent = {
  kind: 'service',
  title: 'การขอใช้ห้องสมุด',
  purpose: '',
  responsibleUnit: '',
  channels: [],
  feeText: '',
  documents: [],
  steps: [
    { description: 'ยื่นคำขอ', responsible: '', timeAmount: 10, timeUnit: 'minutes' },
    { description: 'บันทึกการยืม', responsible: '', timeAmount: 5, timeUnit: 'minutes' },
  ],
};

const met = (manual: ManualContent, elements = O9) =>
  Object.fromEntries(checkManualElements(manual, elements).map((r) => [r.code, r.met]));

describe('OIT element check of a manual', () => {
  it('shows which O9 elements a draft still misses', () => {
    expect(met(draft)).toEqual({
      'O9.1': true,
      'O9.2': true,
      'O9.3': false,
      'O9.4': false,
      'O9.5': false,
    });
  });

  it('meets every O9 element once channel, fee and documents are stated ("ไม่มี" counts)', () => {
    const done = { ...draft, channels: ['ห้องสมุด'], feeText: 'ไม่มี', documents: ['ไม่มี'] };
    expect(Object.values(met(done))).toEqual([true, true, true, true, true]);
  });

  it('needs a responsible person on every step for O8.2 and a purpose for O8.1', () => {
    const O8 = ['O8.1', 'O8.2', 'O8.3'].map((code) => ({ code, text: { th: code, en: code } }));
    const work = { ...draft, kind: 'work' as const };
    expect(met(work, O8)).toEqual({ 'O8.1': false, 'O8.2': false, 'O8.3': true });
    const filled = {
      ...work,
      purpose: 'ยืมสื่อ',
      steps: work.steps.map((s) => ({ ...s, responsible: 'เจ้าหน้าที่' })),
    };
    expect(met(filled, O8)).toEqual({ 'O8.1': true, 'O8.2': true, 'O8.3': true });
  });

  it('leaves an element it has no rule for to be checked by hand', () => {
    const [result] = checkManualElements(draft, [{ code: 'O9.9', text: { th: 'x', en: 'x' } }]);
    expect(result?.met).toBeNull();
    expect(result?.field).toBeNull();
  });
});
