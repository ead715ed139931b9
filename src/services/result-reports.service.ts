import type { WeaknessReport } from '../core/analysis/weakness.js';
import { STATUS_NAMES, TARGET_NAMES } from '../core/measures/measure-rules.js';
import type { Message } from '../core/errors.js';
import type { Text } from '../core/framework/edition.schema.js';
import type { Round } from '../db/round.repository.js';
import { indicatorBars, indicatorChartSvg } from '../reports/charts.js';
import type { ReportBlock, ReportDocument } from '../reports/report-document.js';
import type { Actor, ServiceContext } from './context.js';
import { nowIso } from './context.js';
import { getMeasuresDocument, type MeasureView } from './measure.service.js';
import { getRoundResults, type ResultNode, type RoundResults } from './results.service.js';
import { voiceReportBlocks } from './voice-report.js';

/** What the reports say of a round: the result shown (withheld parts withheld) and its analysis. */
export interface ReportFacts {
  round: Round;
  source: RoundResults['source'];
  result: RoundResults['result'];
  weaknesses: WeaknessReport;
  /** Measures the agency set from this round's weak points (dropped ones left out). */
  measures: MeasureView[];
}

/**
 * How numbers, dates and score bases are worded: given by the web layer, which owns the
 * wording (Buddhist-era dates, the explanation of each basis), so reports say what screens say.
 */
export interface ReportWording {
  lang: 'th' | 'en';
  formatDate: (iso: string) => string;
  formatScore: (score: number | null) => string;
  describeBasis: (node: ResultNode) => string;
}

const TYPE_NAMES: Record<ResultNode['type'], Message> = {
  total: { th: 'คะแนนรวม', en: 'Total' },
  instrument: { th: 'เครื่องมือ', en: 'Instrument' },
  indicator: { th: 'ตัวชี้วัด', en: 'Indicator' },
  subindicator: { th: 'ตัวชี้วัดย่อย', en: 'Sub-indicator' },
  question: { th: 'ข้อคำถาม', en: 'Question' },
  item: { th: 'ข้อย่อย', en: 'Item' },
  oit_item: { th: 'ข้อ OIT', en: 'OIT item' },
};

function say(w: ReportWording, th: string, en: string): string {
  return w.lang === 'th' ? th : en;
}

const name = (w: ReportWording, text: Text) => text[w.lang];

function levelText(w: ReportWording, facts: ReportFacts): string {
  return facts.result.level
    ? name(w, facts.result.level.name)
    : say(w, 'ยังไม่มีระดับ', 'no level yet');
}

function scoreText(w: ReportWording, node: ResultNode): string {
  return node.withheld ? say(w, 'ไม่แสดง', 'withheld') : w.formatScore(node.shown);
}

function documentHead(
  w: ReportWording,
  facts: ReportFacts,
  title: { th: string; en: string },
  printedAt: string,
): Omit<ReportDocument, 'blocks'> {
  const { round } = facts;
  const basis =
    facts.source === 'snapshot'
      ? say(w, 'ผลที่ยืนยันแล้ว', 'confirmed result')
      : say(w, 'ผลระหว่างการประเมิน ยังไม่เป็นทางการ', 'provisional result while the assessment runs');
  return {
    lang: w.lang,
    title: say(
      w,
      `${title.th} ประจำปีงบประมาณ พ.ศ. ${round.editionYear}`,
      `${title.en}, fiscal year ${round.editionYear - 543}`,
    ),
    subtitle: `${round.agencyNameTh} (${round.agencyCode}) · ${round.editionCode} · ${basis}`,
    agencyName: round.agencyNameTh,
    dateText: say(w, `ณ วันที่ ${w.formatDate(printedAt)}`, `As of ${w.formatDate(printedAt)}`),
  };
}

function summaryBlocks(w: ReportWording, facts: ReportFacts): ReportBlock[] {
  const { result } = facts;
  return [
    {
      kind: 'keyValue',
      rows: [
        [say(w, 'คะแนนรวม', 'Total score'), w.formatScore(result.total)],
        [say(w, 'ระดับผลการประเมิน', 'Rating level'), levelText(w, facts)],
      ],
    },
    {
      kind: 'table',
      caption: say(w, 'คะแนนรายเครื่องมือ', 'Scores by instrument'),
      columns: [
        { label: say(w, 'เครื่องมือ', 'Instrument') },
        { label: say(w, 'คะแนน (0–100)', 'Score (0–100)'), align: 'right' },
        { label: say(w, 'น้ำหนัก', 'Weight'), align: 'right' },
        { label: say(w, 'คะแนนถ่วงน้ำหนัก', 'Weighted'), align: 'right' },
      ],
      rows: result.instruments.map((i) => [
        `${i.code} ${name(w, i.name)}`,
        w.formatScore(i.shown),
        String(i.points),
        w.formatScore(i.component),
      ]),
    },
  ];
}

function chartBlock(w: ReportWording, facts: ReportFacts): ReportBlock {
  return {
    kind: 'chart',
    svg: indicatorChartSvg(facts.result, w.lang, { width: 640 }),
    caption: say(w, 'คะแนนรายตัวชี้วัด', 'Scores by indicator'),
    rows: indicatorBars(facts.result, w.lang).map((b) => [b.label, w.formatScore(b.value)]),
  };
}

function treeRows(w: ReportWording, node: ResultNode, depth: number, out: string[][]): string[][] {
  out.push([
    `${'  '.repeat(depth)}${node.code}`,
    `${name(w, TYPE_NAMES[node.type])}: ${name(w, node.name)}`,
    scoreText(w, node),
    node.withheld || node.lost < 0.005 ? '' : node.lost.toFixed(2),
    w.describeBasis(node),
  ]);
  for (const child of node.children) treeRows(w, child, depth + 1, out);
  return out;
}

function explanationBlocks(w: ReportWording, facts: ReportFacts): ReportBlock[] {
  const blocks: ReportBlock[] = [
    { kind: 'heading', level: 1, text: say(w, 'ที่มาของคะแนน', 'How each score was obtained') },
    {
      kind: 'paragraph',
      text: say(
        w,
        'คะแนนแต่ละรายการคำนวณตามเกณฑ์ของปีการประเมิน ข้อคำถามที่มีผู้ตอบน้อยกว่า 5 คนไม่แสดงคะแนน เพื่อไม่ให้ระบุตัวผู้ตอบได้ ช่อง "เสีย" คือคะแนนรวมที่เสียไปที่รายการนั้น',
        'Every score follows the edition’s rules. Questions answered by fewer than 5 people are withheld so that no one can be identified. "Lost" is the points of the total lost there.',
      ),
    },
  ];
  for (const instrument of facts.result.tree.children) {
    blocks.push({
      kind: 'heading',
      level: 2,
      text: `${instrument.code} ${name(w, instrument.name)}: ${scoreText(w, instrument)}`,
    });
    blocks.push({
      kind: 'table',
      columns: [
        { label: say(w, 'รหัส', 'Code') },
        { label: say(w, 'รายการ', 'Part') },
        { label: say(w, 'คะแนน', 'Score'), align: 'right' },
        { label: say(w, 'เสีย', 'Lost'), align: 'right' },
        { label: say(w, 'ที่มา', 'Basis') },
      ],
      rows: instrument.children.flatMap((child) => treeRows(w, child, 0, [])),
    });
  }
  return blocks;
}

/** The agency result report: total, level, instruments, chart and every score explained. */
export function buildResultReport(
  facts: ReportFacts,
  w: ReportWording,
  printedAt: string,
): ReportDocument {
  const head = documentHead(
    w,
    facts,
    {
      th: 'รายงานผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (ITA)',
      en: 'Integrity and Transparency Assessment (ITA) result',
    },
    printedAt,
  );
  return {
    ...head,
    blocks: [
      { kind: 'heading', level: 1, text: say(w, 'ผลการประเมินโดยรวม', 'Overall result') },
      ...summaryBlocks(w, facts),
      chartBlock(w, facts),
      ...explanationBlocks(w, facts),
    ],
  };
}

function weakRows(w: ReportWording, list: WeaknessReport['indicators']): string[][] {
  return list.map((x) => [
    `${x.code} ${name(w, x.name)}`,
    w.formatScore(x.shown),
    x.lost.toFixed(2),
    `${w.formatScore(x.totalIfFixed)}${x.levelIfFixed ? ` (${name(w, x.levelIfFixed.name)})` : ''}`,
    x.fixChangesLevel ? say(w, 'เปลี่ยน', 'yes') : say(w, 'ไม่เปลี่ยน', 'no'),
  ]);
}

function weakTable(w: ReportWording, caption: string, list: WeaknessReport['indicators']) {
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
  ].filter((x) => x.fixChangesLevel);
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
  if (weaknesses.questions.length > 0)
    blocks.push(weakTable(w, say(w, 'ข้อคำถาม', 'Questions'), weaknesses.questions));
  blocks.push(
    {
      kind: 'heading',
      level: 2,
      text: say(w, 'สิ่งที่จะเปลี่ยนระดับผลการประเมิน', 'What would change the level'),
    },
    levelChangers.length > 0
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
  );
  return blocks;
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

/** The facts of a round for someone who may see it (as the results page): not found otherwise. */
async function signedInFacts(
  ctx: ServiceContext,
  actor: Actor,
  roundId: string,
  withMeasures: boolean,
): Promise<ReportFacts> {
  const results = await getRoundResults(ctx, actor, roundId);
  const measures = withMeasures ? (await getMeasuresDocument(ctx, actor, roundId)).measures : [];
  return {
    round: results.round,
    source: results.source,
    result: results.result,
    weaknesses: results.weaknesses,
    measures,
  };
}

/** The result report of a round, for someone who may see the round's results. */
export async function getResultReport(
  ctx: ServiceContext,
  actor: Actor,
  roundId: string,
  wording: ReportWording,
): Promise<ReportDocument> {
  const facts = await signedInFacts(ctx, actor, roundId, false);
  return buildResultReport(facts, wording, nowIso(ctx));
}

/** The analysis report of a round, for someone who may see the round's results. */
export async function getAnalysisReport(
  ctx: ServiceContext,
  actor: Actor,
  roundId: string,
  wording: ReportWording,
): Promise<ReportDocument> {
  const facts = await signedInFacts(ctx, actor, roundId, true);
  const voice = await voiceReportBlocks(ctx, facts.round, wording.lang);
  return buildAnalysisReport(facts, wording, nowIso(ctx), voice);
}
