import { attendanceShare, formatPercent } from '../../core/satisfaction.js';
import type { Agency } from '../../../agencies/feature.js';
import { satisfactionChartSvg } from '../../reports/activity-charts.js';
import type { ReportBlock, ReportDocument } from '../../../../platform/reports/report-document.js';
import type { ActivityView } from '../../services/activity.service.js';
import { m, pick, type Lang } from '../../../../platform/http/i18n.js';
import { longDate } from '../../../../core/thai-calendar.js';

/** An activity's day written out in full: "29 มกราคม พ.ศ. 2569", "29 January 2026". */
export function activityDay(lang: Lang, heldOn: string): string {
  return longDate(lang, heldOn);
}

/** Non-empty lines of a text box, as list items. */
function linesOf(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.replace(/^[-•*]\s*/, '').trim())
    .filter((l) => l !== '');
}

function section(title: string, text: string, asList: boolean): ReportBlock[] {
  const lines = linesOf(text);
  if (lines.length === 0) return [];
  const body: ReportBlock = asList
    ? { kind: 'list', ordered: false, items: lines }
    : { kind: 'paragraph', text: lines.join(' '), align: 'justify' };
  return [{ kind: 'heading', level: 2, text: title }, body];
}

function attendanceText(lang: Lang, a: ActivityView): string {
  if (a.attended === null) return pick(lang, m('ไม่ได้บันทึก', 'not recorded'));
  const share = attendanceShare(a.attended, a.invited);
  const base = pick(lang, m(`จำนวน ${a.attended} คน`, `${a.attended} people`));
  if (share === null) return base;
  return `${base} ${pick(
    lang,
    m(
      `จากผู้ได้รับเชิญ ${a.invited} คน (ร้อยละ ${formatPercent(share)})`,
      `of ${a.invited} invited (${formatPercent(share)}%)`,
    ),
  )}`;
}

function satisfactionBlocks(lang: Lang, a: ActivityView): ReportBlock[] {
  const { summary } = a;
  const blocks: ReportBlock[] = [
    { kind: 'heading', level: 2, text: pick(lang, m('ความพึงพอใจต่อกิจกรรม', 'Satisfaction')) },
  ];
  if (summary.overall.percent === null) {
    blocks.push({
      kind: 'paragraph',
      text: pick(lang, m('ยังไม่มีผลแบบประเมินความพึงพอใจ', 'No satisfaction answers recorded')),
    });
    return blocks;
  }
  const overall = pick(lang, m('ภาพรวม', 'Overall'));
  blocks.push(
    {
      kind: 'paragraph',
      bold: true,
      text: pick(
        lang,
        m(
          `ความพึงพอใจคิดเป็นร้อยละ ${formatPercent(summary.overall.percent)}`,
          `Satisfaction: ${formatPercent(summary.overall.percent)}%`,
        ),
      ),
    },
    {
      kind: 'chart',
      svg: satisfactionChartSvg(summary, overall),
      caption: pick(lang, m('ร้อยละความพึงพอใจรายข้อ', 'Satisfaction per question (%)')),
      rows: [
        ...summary.questions.map((q): [string, string] => [
          q.text,
          q.percent === null ? '—' : formatPercent(q.percent),
        ]),
        [overall, formatPercent(summary.overall.percent)],
      ],
    },
    {
      kind: 'table',
      columns: [
        { label: pick(lang, m('ข้อคำถาม', 'Question')) },
        { label: pick(lang, m('ผู้ตอบ', 'Answers')), align: 'right' },
        { label: pick(lang, m('ค่าเฉลี่ย (เต็ม 5)', 'Mean (of 5)')), align: 'right' },
        { label: pick(lang, m('ร้อยละ', 'Percent')), align: 'right' },
      ],
      rows: [...summary.questions, { ...summary.overall, text: overall }].map((q) => [
        q.text,
        String(q.answers),
        q.mean === null ? '—' : q.mean.toFixed(2),
        q.percent === null ? '—' : formatPercent(q.percent),
      ]),
    },
    {
      kind: 'paragraph',
      text: pick(
        lang,
        m(
          'ร้อยละความพึงพอใจ = ค่าเฉลี่ยของคำตอบทุกข้อ (ระดับ 1–5) ÷ 5 × 100',
          'Satisfaction percent = mean of all answers (levels 1–5) ÷ 5 × 100',
        ),
      ),
    },
  );
  return blocks;
}

/** The activity (KM) summary like the seed's: when, where, why, how, what was learnt, who came. */
export function activityReport(lang: Lang, agency: Agency, a: ActivityView): ReportDocument {
  const place = a.place ? ` ${pick(lang, m('ณ', 'at'))} ${a.place}` : '';
  return {
    lang,
    title: pick(lang, m('สรุปผลการดำเนินงานกิจกรรม', 'Activity summary')),
    subtitle: a.title,
    agencyName: agency.nameTh,
    dateText: `${pick(lang, m('เมื่อวันที่', 'Held on'))} ${activityDay(lang, a.heldOn)}${place}`,
    blocks: [
      ...section(pick(lang, m('วัตถุประสงค์', 'Objectives')), a.objectives, true),
      ...section(pick(lang, m('วิธีดำเนินการ', 'Method')), a.method, false),
      ...section(pick(lang, m('สาระสำคัญของความรู้', 'Key knowledge')), a.keyKnowledge, true),
      ...section(pick(lang, m('แนวปฏิบัติที่ดีในการปฏิบัติงาน', 'Best practices')), a.bestPractices, true),
      {
        kind: 'heading',
        level: 2,
        text: pick(lang, m('จำนวนบุคลากรที่เข้าร่วมกิจกรรม', 'Attendance')),
      },
      { kind: 'paragraph', text: attendanceText(lang, a) },
      ...satisfactionBlocks(lang, a),
    ],
  };
}
