import { describe, expect, it } from 'vitest';
import { rollUpUnits, type RollupUnit } from './rollup.js';

const name = (s: string) => ({ th: s, en: s });
const unit = (
  code: string,
  type: string,
  total: number | null,
  levelCode: string | null,
  scores: (number | null)[] = [],
): RollupUnit => ({
  agencyId: `id-${code}`,
  code,
  name: code,
  type,
  total,
  levelCode,
  indicators: scores.map((score, i) => ({ code: String(i + 1), name: name(`I${i + 1}`), score })),
});
const levels = [
  { code: 'AA', name: name('AA') },
  { code: 'A', name: name('A') },
  { code: 'B', name: name('B') },
];

describe('rollUpUnits', () => {
  const units = [
    unit('D02', 'department', 80, 'A', [90, 70, 50, 60]),
    unit('D01', 'department', 80, 'A', [80, 60, 40, 100]),
    unit('P01', 'province', 95, 'AA', [100, 50, null, 90]),
    unit('U01', 'unit', null, null),
  ];

  it('counts units per level in the scheme order and ranks by total, ties by code', () => {
    const r = rollUpUnits(units, levels);
    expect(r.levels.map((l) => [l.code, l.count])).toEqual([
      ['AA', 1],
      ['A', 2],
      ['B', 0],
    ]);
    expect(r.ranking.map((u) => [u.rank, u.code])).toEqual([
      [1, 'P01'],
      [2, 'D01'],
      [3, 'D02'],
    ]);
    expect(r.pending.map((u) => u.code)).toEqual(['U01']);
  });

  it('averages each indicator across units and names the three weakest', () => {
    const r = rollUpUnits(units, levels);
    expect(r.indicators.map((i) => [i.code, i.mean, i.units])).toEqual([
      ['1', 90, 3],
      ['2', 60, 3],
      ['3', 45, 2],
      ['4', 83.33, 3],
    ]);
    expect(r.weakest.map((i) => i.code)).toEqual(['3', '2', '4']);
  });

  it('filters by unit type and keeps unknown levels after the scheme', () => {
    const r = rollUpUnits([...units, unit('X01', 'province', 10, 'Z')], levels, {
      type: 'province',
    });
    expect(r.type).toBe('province');
    expect(r.ranking.map((u) => u.code)).toEqual(['P01', 'X01']);
    expect(r.levels.map((l) => l.code)).toEqual(['AA', 'A', 'B', 'Z']);
    expect(r.levels.reduce((s, l) => s + l.count, 0)).toBe(2);
    expect(r.pending).toEqual([]);
  });
});
