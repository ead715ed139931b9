import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays, DEFAULT_PLAN, groupByMonth, planTasks, urgencyOf } from './plan.js';

const MILESTONES = [
  {
    code: 'registration',
    name: { th: 'ลงทะเบียน', en: 'Registration' },
    start: '2026-01-01',
    end: '2026-02-28',
  },
  { code: 'oit_entry', name: { th: 'OIT', en: 'OIT' }, start: '2026-03-01', end: '2026-04-30' },
];

describe('addDays', () => {
  it('crosses months, leap days and years', () => {
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-01-15', 0)).toBe('2026-01-15');
  });

  it('comes back where it started', () => {
    const day = fc
      .date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, fc.integer({ min: -2000, max: 2000 }), (d, n) => {
        expect(addDays(addDays(d, n), -n)).toBe(d);
      }),
    );
  });
});

describe('planTasks', () => {
  it('dates each step from its milestone and leaves out steps of missing milestones', () => {
    const tasks = planTasks(MILESTONES);
    const keys = tasks.map((t) => t.planKey);
    expect(keys).toEqual([
      'gather_counts',
      'assign_oit_owners',
      'enter_counts',
      'oit_evidence_ready',
      'oit_head_approval',
    ]);
    expect(tasks.find((t) => t.planKey === 'gather_counts')?.dueOn).toBe('2025-12-18');
    expect(tasks.find((t) => t.planKey === 'enter_counts')?.dueOn).toBe('2026-02-21');
    expect(tasks.find((t) => t.planKey === 'oit_head_approval')).toMatchObject({
      dueOn: '2026-04-25',
      role: 'head_of_agency',
      milestoneCode: 'oit_entry',
    });
  });

  it('has one step per key', () => {
    expect(new Set(DEFAULT_PLAN.map((s) => s.key)).size).toBe(DEFAULT_PLAN.length);
  });
});

describe('urgencyOf', () => {
  it('tells overdue, due soon, later and done apart', () => {
    const today = '2026-03-10';
    expect(urgencyOf({ dueOn: '2026-03-09', done: false }, today)).toBe('overdue');
    expect(urgencyOf({ dueOn: '2026-03-10', done: false }, today)).toBe('due_soon');
    expect(urgencyOf({ dueOn: '2026-03-17', done: false }, today)).toBe('due_soon');
    expect(urgencyOf({ dueOn: '2026-03-18', done: false }, today)).toBe('later');
    expect(urgencyOf({ dueOn: '2026-03-01', done: true }, today)).toBe('done');
  });
});

describe('groupByMonth', () => {
  it('groups by month in date order', () => {
    const groups = groupByMonth(['2026-04-02', '2026-03-31', '2026-04-01', '2026-01-05'], (d) => d);
    expect(groups).toEqual([
      { month: '2026-01', items: ['2026-01-05'] },
      { month: '2026-03', items: ['2026-03-31'] },
      { month: '2026-04', items: ['2026-04-01', '2026-04-02'] },
    ]);
  });
});
