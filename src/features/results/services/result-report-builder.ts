import { editionYearLabel } from '../../../core/plain-labels.js';
import type { Message } from '../../../core/errors.js';
import { WITHHELD_LABEL } from '../../../core/disclosure/disclosure.js';
import type { Text } from '../../../core/framework/edition.schema.js';
import { indicatorBars, indicatorChartSvg } from '../../../platform/reports/charts.js';
import type { ReportBlock, ReportDocument } from '../../../platform/reports/report-document.js';
import type { ReportFacts, ReportWording } from './result-reports.service.js';
import type { ResultNode } from './results.service.js';

const TYPE_NAMES: Record<ResultNode['type'], Message> = {
  total: { th: 'คะแนนรวม', en: 'Total' },
  instrument: { th: 'เครื่องมือ', en: 'Instrument' },
  indicator: { th: 'ตัวชี้วัด', en: 'Indicator' },
  subindicator: { th: 'ตัวชี้วัดย่อย', en: 'Sub-indicator' },
  question: { th: 'ข้อคำถาม', en: 'Question' },
  item: { th: 'ข้อย่อย', en: 'Item' },
  oit_item: { th: 'ข้อ OIT', en: 'OIT item' },
};

export function say(w: ReportWording, th: string, en: string): string {
  return w.lang === 'th' ? th : en;
}

export const name = (w: ReportWording, text: Text) => text[w.lang];

function levelText(w: ReportWording, facts: ReportFacts): string {
  if (facts.result.withheld) return WITHHELD_LABEL;
  return facts.result.level
    ? name(w, facts.result.level.name)
    : say(w, 'ยังไม่มีระดับ', 'no level yet');
}

/** A score as printed: "ข้อมูลไม่พอ / not enough respondents" when withheld (never 0). */
export function figureText(w: ReportWording, value: number | null, withheld: boolean): string {
  return withheld ? WITHHELD_LABEL : w.formatScore(value);
}

function scoreText(w: ReportWording, node: ResultNode): string {
  return figureText(w, node.shown, node.withheld);
}

export function documentHead(
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
    subtitle: `${round.agencyNameTh} (${round.agencyCode}) · ${name(w, editionYearLabel(round.editionYear))} · ${basis}`,
    agencyName: round.agencyNameTh,
    dateText: say(w, `ณ วันที่ ${w.formatDate(printedAt)}`, `As of ${w.formatDate(printedAt)}`),
  };
}

/** Which figures are withheld and why, when any are. */
function withheldBlocks(w: ReportWording, facts: ReportFacts): ReportBlock[] {
  const withheld = facts.result.withheld;
  if (!withheld) return [];
  const parts = withheld.instruments.join(', ');
  return [
    {
      kind: 'paragraph',
      text: say(
        w,
        `${WITHHELD_LABEL}: ไม่แสดงคะแนนของ ${parts} และคะแนนรวม ระดับ และการวิเคราะห์ที่คำนวณจากคะแนนนั้น เพราะมาจากผู้ตอบน้อยกว่า ${withheld.minimum} คน เพื่อไม่ให้ระบุตัวผู้ตอบได้`,
        `${WITHHELD_LABEL}: the scores of ${parts}, and the total, level and analysis computed from them, are withheld: they rest on fewer than ${withheld.minimum} respondents, so no one can be identified.`,
      ),
    },
  ];
}

export function summaryBlocks(w: ReportWording, facts: ReportFacts): ReportBlock[] {
  const { result } = facts;
  return [
    {
      kind: 'keyValue',
      rows: [
        [say(w, 'คะแนนรวม', 'Total score'), figureText(w, result.total, result.withheld !== null)],
        [say(w, 'ระดับผลการประเมิน', 'Rating level'), levelText(w, facts)],
      ],
    },
    ...withheldBlocks(w, facts),
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
        figureText(w, i.shown, i.withheld),
        String(i.points),
        figureText(w, i.component, i.withheld),
      ]),
    },
  ];
}

export function chartBlock(w: ReportWording, facts: ReportFacts): ReportBlock {
  return {
    kind: 'chart',
    svg: indicatorChartSvg(facts.result, w.lang, { width: 640 }),
    caption: say(w, 'คะแนนรายตัวชี้วัด', 'Scores by indicator'),
    rows: indicatorBars(facts.result, w.lang).map((b) => [
      b.label,
      figureText(w, b.value, b.withheld === true),
    ]),
  };
}

function treeRows(
  w: ReportWording,
  node: ResultNode,
  depth: number,
  out: string[][],
  labels?: ReportFacts['answerLabels'],
): string[][] {
  out.push([
    `${'  '.repeat(depth)}${node.code}`,
    `${name(w, TYPE_NAMES[node.type])}: ${name(w, node.name)}`,
    scoreText(w, node),
    node.withheld || node.lost === null || node.lost < 0.005 ? '' : node.lost.toFixed(2),
    w.describeBasis(node, labels),
  ]);
  for (const child of node.children) treeRows(w, child, depth + 1, out, labels);
  return out;
}

function explanationBlocks(w: ReportWording, facts: ReportFacts): ReportBlock[] {
  const blocks: ReportBlock[] = [
    { kind: 'heading', level: 1, text: say(w, 'ที่มาของคะแนน', 'How each score was obtained') },
    {
      kind: 'paragraph',
      text: say(
        w,
        `คะแนนแต่ละรายการคำนวณตามเกณฑ์ของปีการประเมิน คะแนนที่มาจากผู้ตอบน้อยกว่าจำนวนขั้นต่ำของฉบับเกณฑ์ และคะแนนที่คำนวณจากคะแนนนั้น แสดงว่า "${WITHHELD_LABEL}" เพื่อไม่ให้ระบุตัวผู้ตอบได้ ช่อง "เสีย" คือคะแนนรวมที่เสียไปที่รายการนั้น`,
        `Every score follows the edition’s rules. A score resting on fewer respondents than the edition’s minimum, and every score computed from it, reads "${WITHHELD_LABEL}" so that no one can be identified. "Lost" is the points of the total lost there.`,
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
      rows: instrument.children.flatMap((child) => treeRows(w, child, 0, [], facts.answerLabels)),
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
