import {
  describeStandardTime,
  KIND_NAMES,
  UNIT_NAMES,
  type ManualKind,
  type StandardTime,
  type TimeUnit,
} from '../core/manual-rules.js';
import type { ReportBlock, ReportDocument } from '../../../platform/reports/report-document.js';

/** What the printed manual needs: its content, steps and standard time. */
export interface ManualReportInput {
  kind: ManualKind;
  title: string;
  purpose: string;
  responsibleUnit: string;
  channels: string[];
  feeText: string;
  documents: string[];
  legalBasis: string;
  fiscalYear: number;
  steps: { description: string; responsible: string; timeAmount: number; timeUnit: TimeUnit }[];
  standard: StandardTime;
}

const L = {
  th: {
    year: 'ประจำปีงบประมาณ พ.ศ.',
    purpose: 'วัตถุประสงค์',
    unit: 'หน่วยงานที่รับผิดชอบ',
    channels: 'สถานที่หรือช่องทางการให้บริการ',
    fee: 'ค่าธรรมเนียม',
    documents: 'เอกสารที่ต้องใช้',
    legal: 'กฎหมายที่เกี่ยวข้อง',
    steps: 'ขั้นตอนและระยะเวลา',
    no: 'ลำดับ',
    step: 'ขั้นตอน',
    responsible: 'ผู้รับผิดชอบ',
    time: 'ระยะเวลา',
    total: 'ระยะเวลาดำเนินการรวม',
  },
  en: {
    year: 'Fiscal year',
    purpose: 'Purpose',
    unit: 'Responsible unit',
    channels: 'Where or how the service is given',
    fee: 'Fee',
    documents: 'Documents needed',
    legal: 'Legal basis',
    steps: 'Steps and time limits',
    no: 'No.',
    step: 'Step',
    responsible: 'Responsible',
    time: 'Time limit',
    total: 'Total standard time',
  },
};

/** A manual as a printable report: facts, then the table of steps with their time limits. */
export function buildManualReport(
  manual: ManualReportInput,
  meta: { lang: 'th' | 'en'; agencyName: string; dateText: string },
): ReportDocument {
  const { lang } = meta;
  const t = L[lang];
  const rows: Array<[string, string]> = [[t.unit, manual.responsibleUnit || '—']];
  if (manual.kind === 'service') {
    rows.push([t.channels, manual.channels.join(', ') || '—']);
    rows.push([t.fee, manual.feeText || '—']);
    rows.push([t.documents, manual.documents.join(', ') || '—']);
  }
  if (manual.legalBasis) rows.push([t.legal, manual.legalBasis]);
  const blocks: ReportBlock[] = [];
  if (manual.purpose) {
    blocks.push({ kind: 'heading', level: 2, text: t.purpose });
    blocks.push({ kind: 'paragraph', text: manual.purpose });
  }
  blocks.push({ kind: 'keyValue', rows });
  blocks.push({ kind: 'heading', level: 2, text: t.steps });
  blocks.push({
    kind: 'table',
    columns: [
      { label: t.no, align: 'center' },
      { label: t.step },
      { label: t.responsible },
      { label: t.time, align: 'right' },
    ],
    rows: manual.steps.map((s, i) => [
      String(i + 1),
      s.description,
      s.responsible || '—',
      `${s.timeAmount} ${UNIT_NAMES[s.timeUnit][lang]}`,
    ]),
  });
  blocks.push({
    kind: 'paragraph',
    bold: true,
    text: `${t.total}: ${describeStandardTime(manual.standard, lang)}`,
  });
  return {
    lang,
    title: manual.title,
    subtitle: `${KIND_NAMES[manual.kind][lang]} · ${t.year} ${manual.fiscalYear}`,
    agencyName: meta.agencyName,
    dateText: meta.dateText,
    blocks,
  };
}
