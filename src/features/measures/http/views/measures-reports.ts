import { STATUS_NAMES } from '../../core/measure-rules.js';
import type { ReportBlock, ReportDocument } from '../../../../platform/reports/report-document.js';
import {
  measureStartDay,
  PUBLICATION_TITLES,
  type MeasuresReport,
  type ReportMeasure,
} from '../../services/measure-report.service.js';
import { m, pick, type Lang } from '../../../../platform/http/i18n.js';
import { longDate } from '../../../../core/thai-calendar.js';
import { targetLabel } from './measure-target.js';

/** The measures document and the progress report of a round as printable report documents. */

function target(lang: Lang, x: ReportMeasure): string {
  return targetLabel(lang, x);
}

/**
 * A measure's time frame in full Thai dates ("1 ตุลาคม พ.ศ. 2568 – 30 กันยายน พ.ศ. 2569"): it
 * never ends before it starts (`measureStartDay`, also for documents published before the rule).
 */
function period(lang: Lang, x: ReportMeasure): string {
  const start = longDate(lang, measureStartDay(x.startedOn, x.dueOn));
  const due = x.dueOn ? longDate(lang, x.dueOn) : pick(lang, m('ไม่กำหนดวันเสร็จ', 'no due date'));
  return `${start} – ${due}`;
}

function percentText(x: ReportMeasure): string {
  return x.percent === null ? '—' : `${x.percent}%`;
}

function header(lang: Lang, report: MeasuresReport, title: string) {
  return {
    lang,
    title,
    subtitle: `${report.agencyName} (${report.agencyCode})`,
    agencyName: report.agencyName,
    dateText: `${pick(lang, m('จัดทำเมื่อ', 'Prepared on'))} ${longDate(lang, report.preparedAt)}`,
  };
}

/**
 * Where the head of agency signs a document the agency issues: a line for the signature, the
 * name written by hand, the position and the date (an official document is signed on paper).
 */
function signature(lang: Lang, report: MeasuresReport): ReportBlock {
  const dots = '..............................';
  return {
    kind: 'signature',
    name: dots,
    position: pick(
      lang,
      m(`หัวหน้าหน่วยงาน${report.agencyName}`, `Head of agency, ${report.agencyName}`),
    ),
    dateText: `${pick(lang, m('วันที่', 'Date'))} ${dots}`,
  };
}

/** The measures document (มาตรการ): each measure with its target, owner and time frame. */
export function measuresDocumentReport(lang: Lang, report: MeasuresReport): ReportDocument {
  const title = pick(lang, PUBLICATION_TITLES.document(report.fiscalYear));
  const blocks: ReportBlock[] = [
    {
      kind: 'paragraph',
      align: 'justify',
      text: pick(
        lang,
        m(
          'จากผลการวิเคราะห์การประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (ITA) หน่วยงานกำหนดมาตรการเพื่อแก้ไขจุดอ่อน ดังนี้',
          'From the analysis of the Integrity and Transparency Assessment (ITA), the agency sets the following measures to fix its weak points',
        ),
      ),
    },
  ];
  if (report.measures.length === 0)
    blocks.push({ kind: 'paragraph', text: pick(lang, m('ยังไม่มีมาตรการ', 'No measures yet')) });
  else
    blocks.push({
      kind: 'table',
      columns: [
        { label: pick(lang, m('ลำดับ', 'No.')), align: 'center' },
        { label: pick(lang, m('ประเด็นที่ต้องพัฒนา', 'Weak point')) },
        { label: pick(lang, m('มาตรการและวิธีดำเนินการ', 'Measure and steps')) },
        { label: pick(lang, m('ผู้รับผิดชอบ', 'Owner')) },
        { label: pick(lang, m('ระยะเวลาดำเนินการ', 'Time frame')) },
      ],
      rows: report.measures.map((x, i) => [
        String(i + 1),
        target(lang, x),
        x.description ? `${x.title} — ${x.description}` : x.title,
        x.ownerName ?? '—',
        period(lang, x),
      ]),
    });
  blocks.push(signature(lang, report));
  return { ...header(lang, report, title), blocks };
}

function measureSection(lang: Lang, x: ReportMeasure, n: number): ReportBlock[] {
  const blocks: ReportBlock[] = [
    { kind: 'heading', level: 3, text: `${n}. ${x.title}` },
    {
      kind: 'keyValue',
      rows: [
        [pick(lang, m('ประเด็นที่ต้องพัฒนา', 'Weak point')), target(lang, x)],
        [pick(lang, m('ผู้รับผิดชอบ', 'Owner')), x.ownerName ?? '—'],
        [pick(lang, m('ระยะเวลาดำเนินการ', 'Time frame')), period(lang, x)],
        [pick(lang, m('สถานะ', 'Status')), pick(lang, STATUS_NAMES[x.status])],
        [pick(lang, m('ความคืบหน้าล่าสุด', 'Latest progress')), percentText(x)],
      ],
    },
  ];
  if (x.carriedFrom)
    blocks.push({
      kind: 'paragraph',
      text: `${pick(lang, m('ต่อยอดจากมาตรการปีที่ผ่านมา', "Continues last year's measure"))}: ${x.carriedFrom}`,
    });
  if (x.description) blocks.push({ kind: 'paragraph', text: x.description });
  if (x.notes.length > 0)
    blocks.push({
      kind: 'table',
      caption: pick(lang, m('ผลการดำเนินการ', 'Results so far')),
      columns: [
        { label: pick(lang, m('วันที่', 'Date')) },
        { label: pick(lang, m('ร้อยละ', 'Percent')), align: 'right' },
        { label: pick(lang, m('ผลการดำเนินการ', 'What was done')) },
      ],
      rows: x.notes.map((p) => [longDate(lang, p.at), `${p.percent}%`, p.note]),
    });
  blocks.push({
    kind: 'paragraph',
    text: `${pick(lang, m('หลักฐาน', 'Evidence'))}: ${
      x.files.length > 0 ? x.files.map((f) => f.name).join(', ') : pick(lang, m('ไม่มี', 'none'))
    }`,
  });
  return blocks;
}

/**
 * The progress report (รายงานผลการดำเนินการตามมาตรการ): a summary table, then each measure with
 * its progress notes and evidence, then the results of last year's finished measures (O26).
 */
export function measuresProgressReport(lang: Lang, report: MeasuresReport): ReportDocument {
  const title = pick(lang, PUBLICATION_TITLES.progress(report.fiscalYear));
  const blocks: ReportBlock[] = [
    { kind: 'heading', level: 2, text: pick(lang, m('สรุปผลการดำเนินการ', 'Summary')) },
  ];
  if (report.measures.length === 0)
    blocks.push({ kind: 'paragraph', text: pick(lang, m('ยังไม่มีมาตรการ', 'No measures yet')) });
  else
    blocks.push({
      kind: 'table',
      columns: [
        { label: pick(lang, m('ลำดับ', 'No.')), align: 'center' },
        { label: pick(lang, m('มาตรการ', 'Measure')) },
        { label: pick(lang, m('ผู้รับผิดชอบ', 'Owner')) },
        { label: pick(lang, m('สถานะ', 'Status')) },
        { label: pick(lang, m('ความคืบหน้า', 'Progress')), align: 'right' },
      ],
      rows: report.measures.map((x, i) => [
        String(i + 1),
        x.title,
        x.ownerName ?? '—',
        pick(lang, STATUS_NAMES[x.status]),
        percentText(x),
      ]),
    });
  report.measures.forEach((x, i) => blocks.push(...measureSection(lang, x, i + 1)));
  if (report.previous) {
    blocks.push({
      kind: 'heading',
      level: 2,
      text: pick(
        lang,
        m(
          `ผลการดำเนินการตามมาตรการจากผลการประเมินปี พ.ศ. ${report.previous.fiscalYear}`,
          `Results of the measures taken on the ${report.previous.fiscalYear} assessment`,
        ),
      ),
    });
    if (report.previous.measures.length === 0)
      blocks.push({
        kind: 'paragraph',
        text: pick(lang, m('ไม่มีมาตรการที่ดำเนินการแล้วเสร็จ', 'No finished measures')),
      });
    report.previous.measures.forEach((x, i) => blocks.push(...measureSection(lang, x, i + 1)));
  }
  blocks.push(signature(lang, report));
  return { ...header(lang, report, title), blocks };
}
