import { describe, expect, it } from 'vitest';
import type { RatingScheme } from '../framework/edition.schema.js';
import { nextLevelGap } from './next-level.js';

const scheme: RatingScheme = {
  code: 'five',
  name: { th: 'ห้าระดับ', en: 'Five' },
  levels: [
    {
      code: 'excellent',
      name: { th: 'ดีเยี่ยม', en: 'Excellent' },
      min_total: 95,
      min_each_instrument: 95,
    },
    { code: 'good', name: { th: 'ดี', en: 'Good' }, min_total: 85, min_each_instrument: 85 },
    { code: 'pass', name: { th: 'ผ่าน', en: 'Pass' }, min_total: 85 },
    { code: 'improve', name: { th: 'ปรับปรุง', en: 'Improve' }, min_total: 70 },
  ],
} as RatingScheme;

const instruments = (iit: number, eit: number, oit: number) => [
  { code: 'IIT', name: { th: 'IIT', en: 'IIT' }, shown: iit },
  { code: 'EIT', name: { th: 'EIT', en: 'EIT' }, shown: eit },
  { code: 'OIT', name: { th: 'OIT', en: 'OIT' }, shown: oit },
];

describe('nextLevelGap', () => {
  it('tells how many points of the total the next level still asks for', () => {
    const gap = nextLevelGap(scheme, {
      total: 78.4,
      levelCode: 'improve',
      instruments: instruments(80, 75, 80),
    });
    expect(gap).toEqual({
      code: 'pass',
      name: { th: 'ผ่าน', en: 'Pass' },
      minTotal: 85,
      totalGap: 6.6,
      minEachInstrument: null,
      instruments: [],
    });
  });

  it('names the instruments below the next level’s minimum when the total is enough', () => {
    const gap = nextLevelGap(scheme, {
      total: 88.24,
      levelCode: 'pass',
      instruments: instruments(84.43, 83.03, 95),
    });
    expect(gap?.code).toBe('good');
    expect(gap?.totalGap).toBe(0);
    expect(gap?.instruments.map((i) => [i.code, i.gap])).toEqual([
      ['IIT', 0.57],
      ['EIT', 1.97],
    ]);
  });

  it('has nothing above the top level or without a level', () => {
    expect(
      nextLevelGap(scheme, {
        total: 97,
        levelCode: 'excellent',
        instruments: instruments(97, 97, 97),
      }),
    ).toBeNull();
    expect(nextLevelGap(scheme, { total: null, levelCode: null, instruments: [] })).toBeNull();
  });
});
