import { describe, expect, it } from 'vitest';
import {
  canMoveMeasure,
  checkMeasureMove,
  isOverdue,
  suggestMeasures,
  type WeakTarget,
} from './measure-rules.js';
import { bangkokDay } from '../../../core/thai-calendar.js';

const target = (type: WeakTarget['type'], code: string, lost: number, score = 50): WeakTarget => ({
  type,
  code,
  name: { th: `ชื่อ ${code}`, en: `Name ${code}` },
  score,
  lost,
});

describe('measure status rules', () => {
  it('allows the working moves and refuses jumps out of a closed status', () => {
    expect(canMoveMeasure('planned', 'in_progress')).toBe(true);
    expect(canMoveMeasure('in_progress', 'done')).toBe(true);
    expect(canMoveMeasure('done', 'in_progress')).toBe(true);
    expect(canMoveMeasure('done', 'done')).toBe(true);
    expect(canMoveMeasure('dropped', 'done')).toBe(false);
    expect(canMoveMeasure('done', 'dropped')).toBe(false);
    expect(() => checkMeasureMove('dropped', 'done')).toThrow(/cannot move/);
  });

  it('counts an open measure past its due date as overdue', () => {
    expect(isOverdue({ status: 'planned', dueOn: '2026-11-25' }, '2026-11-26')).toBe(true);
    expect(isOverdue({ status: 'in_progress', dueOn: '2026-11-26' }, '2026-11-26')).toBe(false);
    expect(isOverdue({ status: 'done', dueOn: '2026-01-01' }, '2026-11-26')).toBe(false);
    expect(isOverdue({ status: 'dropped', dueOn: '2026-01-01' }, '2026-11-26')).toBe(false);
    expect(isOverdue({ status: 'planned', dueOn: null }, '2026-11-26')).toBe(false);
  });

  it('tells the day in Bangkok', () => {
    expect(bangkokDay(new Date('2026-11-26T18:00:00Z'))).toBe('2026-11-27');
    expect(bangkokDay(new Date('2026-11-26T03:00:00Z'))).toBe('2026-11-26');
  });
});

describe('suggestMeasures', () => {
  it('proposes the three weakest targets of each type, worded by type', () => {
    const found = suggestMeasures([
      target('oit_item', 'O1', 1),
      target('oit_item', 'O2', 3),
      target('oit_item', 'O3', 2),
      target('oit_item', 'O4', 0.5),
      target('oit_item', 'O5', 0, 100),
      target('question', 'i1', 0.4),
      target('indicator', '1', 2),
    ]);
    expect(found.map((s) => s.targetCode)).toEqual(['1', 'i1', 'O2', 'O3', 'O1']);
    const oit = found.find((s) => s.targetCode === 'O2');
    expect(oit?.title.th).toContain('เว็บไซต์หลัก');
    expect(oit?.title.en).toMatch(/^Publish O2 Name O2 with every required element/);
    expect(found.find((s) => s.targetType === 'question')?.title.en).toMatch(/Brief staff/);
    expect(found.find((s) => s.targetType === 'indicator')?.title.th).toContain('ตัวชี้วัดที่ 1');
  });

  it('skips targets that already have a live measure', () => {
    const found = suggestMeasures(
      [target('oit_item', 'O1', 1), target('oit_item', 'O2', 3)],
      [
        { targetType: 'oit_item', targetCode: 'O2', status: 'planned' },
        { targetType: 'oit_item', targetCode: 'O1', status: 'dropped' },
      ],
    );
    expect(found.map((s) => s.targetCode)).toEqual(['O1']);
  });
});
