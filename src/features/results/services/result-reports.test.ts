import { describe, expect, it } from 'vitest';
import type { ReportBlock } from '../../../platform/reports/report-document.js';
import {
  buildAnalysisReport,
  buildResultReport,
  type ReportFacts,
  type ReportWording,
} from './result-reports.service.js';
import type { ResultNode } from './results.service.js';

const wording: ReportWording = {
  lang: 'th',
  formatDate: (iso) => `วันที่(${iso.slice(0, 10)})`,
  formatScore: (n) => (n === null ? '–' : n.toFixed(2)),
  describeBasis: (node) => (node.withheld ? 'ไม่แสดง: ผู้ตอบน้อย' : `basis-${node.code}`),
};

function node(
  type: ResultNode['type'],
  code: string,
  shown: number | null,
  children: ResultNode[] = [],
  withheld = false,
): ResultNode {
  return {
    type,
    code,
    name: { th: `ชื่อ ${code}`, en: `name ${code}` },
    score: shown,
    shown,
    share: 1,
    points: 10,
    lost: shown === null ? null : (10 * (100 - shown)) / 100,
    basis: withheld ? { kind: 'withheld', minimum: 5 } : { kind: 'sum_of_components' },
    withheld,
    children,
  };
}

const tree = node('total', 'total', 81.5, [
  node('instrument', 'IIT', 80, [
    node('indicator', '1', 90, [
      node('question', 'i1', 90),
      node('question', 'i2', null, [], true),
    ]),
    node('indicator', '2', 60, [node('question', 'i3', 60)]),
  ]),
]);

const level = {
  scheme: 'five_level',
  code: 'improve',
  name: { th: 'ต้องปรับปรุง', en: 'Needs improvement' },
};

const facts = {
  round: {
    id: 'r1',
    agencyId: 'a1',
    agencyCode: 'D09',
    agencyNameTh: 'กรมทดสอบรายงาน',
    agencyPath: '/m/d09/',
    editionId: 'e1',
    editionCode: 'ita-2568',
    editionYear: 2568,
    state: 'published',
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-09-30T00:00:00.000Z',
  },
  source: 'snapshot',
  result: {
    edition: { id: 'e1', version: 1 },
    engineVersion: '1.0.0',
    instruments: [
      {
        code: 'IIT',
        name: { th: 'แบบวัด IIT', en: 'IIT' },
        score: 80,
        shown: 80,
        points: 30,
        component: 24,
        withheld: false,
      },
    ],
    total: 81.5,
    level,
    complete: true,
    tree,
    withheld: null,
  },
  weaknesses: {
    total: 81.5,
    level,
    withheld: false,
    indicators: [
      {
        type: 'indicator',
        code: '2',
        name: { th: 'ชื่อ 2', en: 'name 2' },
        instrumentCode: 'IIT',
        score: 60,
        shown: 60,
        lost: 4,
        totalIfFixed: 85.5,
        levelIfFixed: { scheme: 'five_level', code: 'pass', name: { th: 'ผ่าน', en: 'Pass' } },
        fixChangesLevel: true,
      },
    ],
    questions: [],
    oitItems: [],
    unassessed: [],
  },
  measures: [],
  nextLevel: {
    code: 'pass',
    name: { th: 'ผ่าน', en: 'Pass' },
    minTotal: 85,
    totalGap: 3.5,
    minEachInstrument: 85,
    instruments: [{ code: 'IIT', name: { th: 'IIT', en: 'IIT' }, shown: 80, gap: 5 }],
  },
} as unknown as ReportFacts;

const texts = (blocks: ReportBlock[]) => JSON.stringify(blocks);

describe('result report', () => {
  it('has the title with the Buddhist year, total, level, chart and the withheld question withheld', () => {
    const doc = buildResultReport(facts, wording, '2026-11-26T03:00:00.000Z');
    expect(doc.title).toContain('ประจำปีงบประมาณ พ.ศ. 2568');
    expect(doc.agencyName).toBe('กรมทดสอบรายงาน');
    expect(doc.dateText).toBe('ณ วันที่ วันที่(2026-11-26)');
    expect(doc.blocks).toContainEqual({
      kind: 'keyValue',
      rows: [
        ['คะแนนรวม', '81.50'],
        ['ระดับผลการประเมิน', 'ต้องปรับปรุง'],
      ],
    });
    const chart = doc.blocks.find((b) => b.kind === 'chart');
    expect(chart?.kind === 'chart' && chart.svg.startsWith('<svg')).toBe(true);
    expect(chart?.kind === 'chart' && chart.rows).toEqual([
      ['1 ชื่อ 1', '90.00'],
      ['2 ชื่อ 2', '60.00'],
    ]);
    const table = doc.blocks.find(
      (b) => b.kind === 'table' && b.rows.some((r) => r[0]?.includes('i2')),
    );
    const withheld = table?.kind === 'table' ? table.rows.find((r) => r[0]?.trim() === 'i2') : null;
    expect(withheld).toEqual([
      '  i2',
      'ข้อคำถาม: ชื่อ i2',
      'ข้อมูลไม่พอ / not enough respondents',
      '',
      'ไม่แสดง: ผู้ตอบน้อย',
    ]);
    const shown = table?.kind === 'table' ? table.rows.find((r) => r[0]?.trim() === 'i3') : null;
    expect(shown?.slice(2, 4)).toEqual(['60.00', '4.00']);
  });

  it('prints a withheld instrument, total and level as the withheld text, never as 0', () => {
    const hidden = (n: ResultNode): ResultNode => ({
      ...n,
      score: null,
      shown: null,
      lost: null,
      basis: { kind: 'withheld', minimum: 5 },
      withheld: true,
      children: n.children.map(hidden),
    });
    const withheldFacts = {
      ...facts,
      result: {
        ...facts.result,
        total: null,
        level: null,
        tree: hidden(tree),
        instruments: facts.result.instruments.map((i) => ({
          ...i,
          score: null,
          shown: null,
          component: null,
          withheld: true,
        })),
        withheld: {
          reason: 'not_enough_respondents',
          text: 'ข้อมูลไม่พอ / not enough respondents',
          minimum: 5,
          instruments: ['IIT'],
        },
      },
      weaknesses: { ...facts.weaknesses, total: null, level: null, withheld: true, indicators: [] },
      nextLevel: null,
    } as ReportFacts;
    const doc = buildResultReport(withheldFacts, wording, '2026-11-26T03:00:00.000Z');
    const label = 'ข้อมูลไม่พอ / not enough respondents';
    expect(doc.blocks).toContainEqual({
      kind: 'keyValue',
      rows: [
        ['คะแนนรวม', label],
        ['ระดับผลการประเมิน', label],
      ],
    });
    const instruments = doc.blocks.find(
      (b) => b.kind === 'table' && b.caption === 'คะแนนรายเครื่องมือ',
    );
    expect(instruments?.kind === 'table' && instruments.rows).toEqual([
      ['IIT แบบวัด IIT', label, '30', label],
    ]);
    const chart = doc.blocks.find((b) => b.kind === 'chart');
    expect(chart?.kind === 'chart' && chart.rows?.map((r) => r[1])).toEqual([label, label]);
    expect(chart?.kind === 'chart' && chart.svg).toContain(label);
    const all = texts(doc.blocks);
    for (const figure of ['81.50', '80.00', '90.00', '60.00', '24.00'])
      expect(all).not.toContain(figure);
    const analysis = buildAnalysisReport(withheldFacts, wording, '2026-11-26T03:00:00.000Z', []);
    expect(texts(analysis.blocks)).not.toContain('81.50');
    expect(texts(analysis.blocks)).toContain(label);
  });
});

describe('analysis report', () => {
  it('says which OIT items are not assessed yet, and ranks none of them as weak', () => {
    const pending = {
      ...facts,
      weaknesses: {
        ...facts.weaknesses,
        unassessed: [{ code: 'O21', name: { th: 'ข้อ 21', en: 'item 21' } }],
      },
    } as ReportFacts;
    const doc = buildAnalysisReport(pending, wording, '2026-11-26T03:00:00.000Z', []);
    expect(texts(doc.blocks)).toContain('ข้อ OIT ที่ผู้ประเมินยังไม่ได้ตรวจ 1 ข้อ (O21) ยังไม่นับเป็นจุดอ่อน');
    expect(
      texts(buildAnalysisReport(facts, wording, '2026-11-26T03:00:00.000Z', []).blocks),
    ).not.toContain('ยังไม่ได้ตรวจ');
  });

  it('names strengths, weak points with their cost and what changes the level, and the voice', () => {
    const voice: ReportBlock[] = [{ kind: 'paragraph', text: 'เสียงจากผู้ตอบ' }];
    const doc = buildAnalysisReport(facts, wording, '2026-11-26T03:00:00.000Z', voice);
    const all = texts(doc.blocks);
    expect(doc.title).toContain('รายงานผลการวิเคราะห์ผลการประเมิน');
    expect(doc.blocks).toContainEqual({ kind: 'list', ordered: false, items: ['1 ชื่อ 1: 90.00'] });
    const weak = doc.blocks.find((b) => b.kind === 'table' && b.caption === 'ตัวชี้วัด');
    expect(weak?.kind === 'table' && weak.rows).toEqual([
      ['2 ชื่อ 2', '60.00', '4.00', '85.50 (ผ่าน)', 'เปลี่ยน'],
    ]);
    expect(doc.blocks).toContainEqual({
      kind: 'list',
      ordered: false,
      items: ['2 ชื่อ 2 → 85.50 (ผ่าน)'],
    });
    expect(all).toContain('ระดับถัดไป \\"ผ่าน\\"');
    expect(doc.blocks).toContainEqual({
      kind: 'list',
      ordered: false,
      items: [
        'คะแนนรวมอย่างน้อย 85.00 (ขาดอีก 3.50 คะแนน)',
        'ทุกเครื่องมืออย่างน้อย 85.00: IIT 80.00 (ขาด 5.00)',
      ],
    });
    expect(all).toContain('ยังไม่มีมาตรการ');
    expect(all).toContain('5. เสียงสะท้อนจากผู้มีส่วนได้ส่วนเสีย');
    expect(all).toContain('เสียงจากผู้ตอบ');
    expect(doc.blocks.at(-1)?.kind).toBe('signature');
  });
});
