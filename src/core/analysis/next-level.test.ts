import { describe, expect, it } from 'vitest';
import type { RatingScheme } from '../framework/edition.schema.js';
import {
  explainLevel,
  levelSentences,
  nextLevelGap,
  ruleText,
  type LevelRule,
} from './next-level.js';

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

describe('explainLevel', () => {
  it('says which instrument holds a total of 95.86 at ผ่านดี, and the gap to ผ่านดีเยี่ยม', () => {
    const explanation = explainLevel(scheme, {
      total: 95.86,
      levelCode: 'good',
      instruments: instruments(98, 97, 92.86),
    });
    expect(explanation.rules.map((r) => [r.code, r.minTotal, r.minEachInstrument])).toEqual([
      ['excellent', 95, 95],
      ['good', 85, 85],
      ['pass', 85, null],
      ['improve', 70, null],
    ]);
    expect(explanation.heldBack).toMatchObject({
      level: { code: 'excellent' },
      minEachInstrument: 95,
      instruments: [{ code: 'OIT', shown: 92.86, gap: 2.14 }],
    });
    const [why, next] = levelSentences(explanation);
    expect(why?.th).toContain('คะแนนรวม 95.86 ถึงเกณฑ์คะแนนรวมของระดับดีเยี่ยมแล้ว');
    expect(why?.th).toContain('OIT 92.86 ต่ำกว่า 95.00');
    expect(next?.th).toBe('จะได้ระดับดีเยี่ยม เมื่อ OIT เพิ่มอีก 2.14 คะแนน (จาก 92.86 ถึง 95.00)');
  });

  it('reads the numbers from the scheme, not from code', () => {
    const strict = {
      ...scheme,
      levels: scheme.levels.map((l) =>
        l.code === 'excellent' ? { ...l, min_total: 97, min_each_instrument: 96 } : l,
      ),
    } as RatingScheme;
    const explanation = explainLevel(strict, {
      total: 95.86,
      levelCode: 'good',
      instruments: instruments(98, 97, 92.86),
    });
    expect(explanation.heldBack).toBeNull();
    expect(ruleText(explanation.rules[0] as LevelRule).th).toBe(
      'ดีเยี่ยม: คะแนนรวมอย่างน้อย 97.00 และ ทุกเครื่องมืออย่างน้อย 96.00',
    );
    expect(levelSentences(explanation)[0]?.th).toBe(
      'จะได้ระดับดีเยี่ยม เมื่อ คะแนนรวมเพิ่มอีก 1.14 คะแนน (ถึง 97.00) และ OIT เพิ่มอีก 3.14 คะแนน (จาก 92.86 ถึง 96.00)',
    );
  });

  it('says the top level is the top, and gives only the rules without a level', () => {
    const top = explainLevel(scheme, {
      total: 99,
      levelCode: 'excellent',
      instruments: instruments(99, 99, 99),
    });
    expect(levelSentences(top).map((s) => s.th)).toEqual(['ระดับดีเยี่ยมเป็นระดับสูงสุดของเกณฑ์แล้ว']);
    const none = explainLevel(scheme, { total: null, levelCode: null, instruments: [] });
    expect(none.rules).toHaveLength(4);
    expect(levelSentences(none)).toEqual([]);
  });
});
