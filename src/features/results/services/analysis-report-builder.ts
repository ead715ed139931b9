import type { NextLevelGap } from '../../../core/analysis/next-level.js';
import { WITHHELD_LABEL, type DisclosedWeakness } from '../../../core/disclosure/disclosure.js';
import { STATUS_NAMES, TARGET_NAMES } from '../../measures/feature.js';
import type { ReportBlock, ReportDocument } from '../../../platform/reports/report-document.js';
import type { MeasureView } from '../../measures/feature.js';
import type { ReportFacts, ReportWording } from './result-reports.service.js';
import {
  chartBlock,
  documentHead,
  figureText,
  name,
  say,
  summaryBlocks,
} from './result-report-builder.js';
import type { ResultNode } from './results.service.js';

function weakRows(w: ReportWording, list: DisclosedWeakness[]): string[][] {
  return list.map((x) => [
    `${x.code} ${name(w, x.name)}`,
    w.formatScore(x.shown),
    x.lost.toFixed(2),
    x.fixChangesLevel === null
      ? WITHHELD_LABEL
      : `${figureText(w, x.totalIfFixed, false)}${x.levelIfFixed ? ` (${name(w, x.levelIfFixed.name)})` : ''}`,
    x.fixChangesLevel === null
      ? WITHHELD_LABEL
      : x.fixChangesLevel
        ? say(w, 'เปลี่ยน', 'yes')
        : say(w, 'ไม่เปลี่ยน', 'no'),
  ]);
}

function weakTable(w: ReportWording, caption: string, list: DisclosedWeakness[]) {
  return {
    kind: 'table' as const,
    caption,
    columns: [
      { label: say(w, 'รายการ', 'Part') },
      { label: say(w, 'คะแนน', 'Score'), align: 'right' as const },
      { label: say(w, 'คะแนนรวมที่เสีย', 'Points lost'), align: 'right' as const },
      { label: say(w, 'คะแนนรวมหากได้ 100', 'Total if 100'), align: 'right' as const },
      { label: say(w, 'ระดับเปลี่ยน', 'Level changes') },
    ],
    rows: weakRows(w, list),
  };
}

function indicatorNodes(node: ResultNode, out: ResultNode[] = []): ResultNode[] {
  if (node.type === 'indicator') out.push(node);
  else for (const child of node.children) indicatorNodes(child, out);
  return out;
}

function analysisBlocks(w: ReportWording, facts: ReportFacts): ReportBlock[] {
  const { weaknesses } = facts;
  const weak = new Set(weaknesses.indicators.map((x) => x.code));
  const strengths = indicatorNodes(facts.result.tree)
    .filter((n) => !weak.has(n.code) && n.shown !== null)
    .sort((a, b) => (b.shown ?? 0) - (a.shown ?? 0));
  const levelChangers = [
    ...weaknesses.indicators,
    ...weaknesses.oitItems,
    ...weaknesses.questions,
  ].filter((x) => x.fixChangesLevel === true);
  const blocks: ReportBlock[] = [
    { kind: 'heading', level: 1, text: say(w, '1. ผลการประเมินโดยรวม', '1. Overall result') },
    ...summaryBlocks(w, facts),
    chartBlock(w, facts),
    { kind: 'heading', level: 1, text: say(w, '2. จุดแข็ง', '2. Strengths') },
    {
      kind: 'paragraph',
      text: say(
        w,
        'ตัวชี้วัดที่ไม่อยู่ในกลุ่มที่เสียคะแนนมากที่สุด เรียงจากคะแนนสูงไปต่ำ',
        'Indicators outside those losing the most points, highest score first',
      ),
    },
    strengths.length > 0
      ? {
          kind: 'list',
          ordered: false,
          items: strengths.map((n) => `${n.code} ${name(w, n.name)}: ${w.formatScore(n.shown)}`),
        }
      : { kind: 'paragraph', text: say(w, 'ไม่มี', 'None') },
    { kind: 'heading', level: 1, text: say(w, '3. จุดที่ควรพัฒนา', '3. Weak points') },
    {
      kind: 'paragraph',
      text: say(
        w,
        'รายการที่ทำให้เสียคะแนนรวมมากที่สุด พร้อมคะแนนรวมหากรายการนั้นได้ 100 คะแนน และระดับที่จะได้',
        'The parts that cost the total the most, with the total and level if each scored 100',
      ),
    },
    weakTable(w, say(w, 'ตัวชี้วัด', 'Indicators'), weaknesses.indicators),
  ];
  if (weaknesses.oitItems.length > 0)
    blocks.push(weakTable(w, say(w, 'ข้อ OIT ที่ไม่ผ่าน', 'OIT items not passed'), weaknesses.oitItems));
  if (weaknesses.unassessed.length > 0) {
    const codes = weaknesses.unassessed.map((u) => u.code).join(', ');
    blocks.push({
      kind: 'paragraph',
      text: say(
        w,
        `ข้อ OIT ที่ผู้ประเมินยังไม่ได้ตรวจ ${weaknesses.unassessed.length} ข้อ (${codes}) ยังไม่นับเป็นจุดอ่อน`,
        `${weaknesses.unassessed.length} OIT items not assessed yet (${codes}) are not counted as weak points`,
      ),
    });
  }
  if (weaknesses.questions.length > 0)
    blocks.push(weakTable(w, say(w, 'ข้อคำถาม', 'Questions'), weaknesses.questions));
  blocks.push(
    {
      kind: 'heading',
      level: 2,
      text: say(w, 'สิ่งที่จะเปลี่ยนระดับผลการประเมิน', 'What would change the level'),
    },
    weaknesses.withheld
      ? {
          kind: 'paragraph',
          text: say(
            w,
            `${WITHHELD_LABEL}: ไม่แสดง เพราะคะแนนรวมคำนวณจากคะแนนที่มาจากผู้ตอบน้อยเกินไป`,
            `${WITHHELD_LABEL}: not shown, as the total is computed from scores resting on too few respondents`,
          ),
        }
      : levelChangers.length > 0
        ? {
            kind: 'list',
            ordered: false,
            items: levelChangers.map(
              (x) =>
                `${x.code} ${name(w, x.name)} → ${w.formatScore(x.totalIfFixed)} ${
                  x.levelIfFixed ? `(${name(w, x.levelIfFixed.name)})` : ''
                }`,
            ),
          }
        : {
            kind: 'paragraph',
            text: say(
              w,
              'การแก้ไขรายการใดรายการหนึ่งเพียงรายการเดียวไม่ทำให้ระดับเปลี่ยน',
              'Fixing any single part alone would not change the level',
            ),
          },
    ...nextLevelBlocks(w, facts.nextLevel),
  );
  return blocks;
}

/** What the next better level asks for (the edition's rating scheme) and what is missing. */
function nextLevelBlocks(w: ReportWording, gap: NextLevelGap | null): ReportBlock[] {
  if (!gap) return [];
  const items: string[] = [];
  if (gap.minTotal !== null)
    items.push(
      gap.totalGap > 0
        ? say(
            w,
            `คะแนนรวมอย่างน้อย ${w.formatScore(gap.minTotal)} (ขาดอีก ${w.formatScore(gap.totalGap)} คะแนน)`,
            `A total of at least ${w.formatScore(gap.minTotal)} (${w.formatScore(gap.totalGap)} points short)`,
          )
        : say(
            w,
            `คะแนนรวมอย่างน้อย ${w.formatScore(gap.minTotal)} (ถึงแล้ว)`,
            `A total of at least ${w.formatScore(gap.minTotal)} (reached)`,
          ),
    );
  if (gap.minEachInstrument !== null) {
    const short = gap.instruments
      .map(
        (i) =>
          `${i.code} ${w.formatScore(i.shown)} (${say(w, 'ขาด', 'short by')} ${w.formatScore(i.gap)})`,
      )
      .join(', ');
    items.push(
      say(
        w,
        `ทุกเครื่องมืออย่างน้อย ${w.formatScore(gap.minEachInstrument)}${short ? `: ${short}` : ' (ถึงแล้ว)'}`,
        `Every instrument at least ${w.formatScore(gap.minEachInstrument)}${short ? `: ${short}` : ' (reached)'}`,
      ),
    );
  }
  return [
    {
      kind: 'paragraph',
      text: say(
        w,
        `ระดับถัดไป "${name(w, gap.name)}" ตามเกณฑ์ของปีการประเมิน ต้องมี`,
        `The next level, "${name(w, gap.name)}", under the edition's rating scheme needs`,
      ),
    },
    { kind: 'list', ordered: false, items },
  ];
}

function measureBlocks(w: ReportWording, measures: MeasureView[]): ReportBlock[] {
  const head: ReportBlock = {
    kind: 'heading',
    level: 1,
    text: say(w, '4. มาตรการที่กำหนดจากผลการวิเคราะห์', '4. Measures set from the analysis'),
  };
  if (measures.length === 0)
    return [head, { kind: 'paragraph', text: say(w, 'ยังไม่มีมาตรการ', 'No measures yet') }];
  return [
    head,
    {
      kind: 'table',
      columns: [
        { label: say(w, 'ลำดับ', 'No.'), align: 'right' },
        { label: say(w, 'ประเด็นที่ต้องพัฒนา', 'Target') },
        { label: say(w, 'มาตรการ', 'Measure') },
        { label: say(w, 'ผู้รับผิดชอบ', 'Owner') },
        { label: say(w, 'กำหนดเสร็จ', 'Due') },
        { label: say(w, 'สถานะ', 'Status') },
      ],
      rows: measures.map((x, i) => [
        String(i + 1),
        `${name(w, TARGET_NAMES[x.targetType])} ${x.targetCode}${x.targetName ? ` ${name(w, x.targetName)}` : ''}`,
        x.description ? `${x.title}: ${x.description}` : x.title,
        x.ownerName ?? '–',
        x.dueOn ? w.formatDate(`${x.dueOn}T12:00:00+07:00`) : '–',
        name(w, STATUS_NAMES[x.status]),
      ]),
    },
  ];
}

/**
 * The ITA analysis report (ผลการวิเคราะห์ผลการประเมิน): overall result, strengths, weak points
 * with what each costs and what would change the level, the measures, and the voice section.
 */
export function buildAnalysisReport(
  facts: ReportFacts,
  w: ReportWording,
  printedAt: string,
  voice: ReportBlock[],
): ReportDocument {
  const head = documentHead(
    w,
    facts,
    {
      th: 'รายงานผลการวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ',
      en: 'Analysis of the Integrity and Transparency Assessment result',
    },
    printedAt,
  );
  const voiceBlocks: ReportBlock[] =
    voice.length > 0
      ? [
          {
            kind: 'heading',
            level: 1,
            text: say(w, '5. เสียงสะท้อนจากผู้มีส่วนได้ส่วนเสีย', '5. What stakeholders said'),
          },
          ...voice,
        ]
      : [];
  return {
    ...head,
    blocks: [
      ...analysisBlocks(w, facts),
      ...measureBlocks(w, facts.measures),
      ...voiceBlocks,
      {
        kind: 'signature',
        name: '.'.repeat(40),
        position: say(w, 'หัวหน้าส่วนราชการ', 'Head of agency'),
        dateText: say(w, 'วันที่ ........................', 'Date ........................'),
      },
    ],
  };
}
