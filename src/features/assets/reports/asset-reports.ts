import type { UsageReport, UsageRow } from '../core/usage-report.js';
import type { ReportBlock, ReportDocument } from '../../../platform/reports/report-document.js';
import { longDate, longMonth } from '../../../core/thai-calendar.js';

type Lang = 'th' | 'en';

const t = (lang: Lang, th: string, en: string) => (lang === 'th' ? th : en);

/** What the yearly loan report prints: counts only, never a borrower. */
export interface AssetReportPrint {
  agencyName: string;
  report: UsageReport;
  /** YYYY-MM-DD the report was made. */
  madeOn: string;
}

function usageTable(
  lang: Lang,
  first: string,
  rows: UsageRow[],
  label = (r: UsageRow) => r.label,
): ReportBlock {
  return {
    kind: 'table',
    columns: [
      { label: first },
      { label: t(lang, 'จำนวนครั้งที่ยืม', 'Loans'), align: 'right' },
      { label: t(lang, 'จำนวนวันที่ยืม', 'Days out'), align: 'right' },
      { label: t(lang, 'คืนช้า/เลยกำหนด', 'Late'), align: 'right' },
    ],
    rows: rows.map((r) => [label(r), String(r.loans), String(r.daysOut), String(r.late)]),
  };
}

/**
 * The yearly report of government asset loans (OIT evidence with the guideline): the year's
 * requests, loans, refusals (personal use among them), late returns, and use per category,
 * asset and month.
 */
export function assetUsageReport(lang: Lang, print: AssetReportPrint): ReportDocument {
  const r = print.report;
  const title = t(
    lang,
    `รายงานการยืมทรัพย์สินของราชการ ประจำปีงบประมาณ พ.ศ. ${r.fiscalYear}`,
    `Government asset loan report, fiscal year ${r.fiscalYear}`,
  );
  const blocks: ReportBlock[] = [
    {
      kind: 'paragraph',
      align: 'justify',
      text: t(
        lang,
        `${print.agencyName} รายงานการยืมทรัพย์สินของราชการระหว่างวันที่ ${longDate(lang, r.from)} ถึงวันที่ ${longDate(lang, r.to)} ข้อมูล ณ วันที่ ${longDate(lang, print.madeOn)} ทรัพย์สินของราชการให้ยืมได้เฉพาะเพื่อประโยชน์ของทางราชการ คำขอยืมเพื่อใช้ส่วนตัวไม่ได้รับอนุมัติ`,
        `${print.agencyName} reports the loans of government assets from ${longDate(lang, r.from)} to ${longDate(lang, r.to)}, as of ${longDate(lang, print.madeOn)}. Assets are lent for official work only; personal-use requests are refused.`,
      ),
    },
    { kind: 'heading', level: 2, text: t(lang, 'สรุปภาพรวม', 'Summary') },
    {
      kind: 'keyValue',
      rows: [
        [t(lang, 'คำขอยืมทั้งหมด', 'Requests'), String(r.requests)],
        [t(lang, 'ยืมจริง (ส่งมอบแล้ว)', 'Lent (handed over)'), String(r.lent)],
        [t(lang, 'ไม่อนุมัติ', 'Refused'), String(r.refused)],
        [t(lang, 'ในจำนวนนี้ ขอใช้ส่วนตัว', 'of which personal use'), String(r.refusedPersonal)],
        [t(lang, 'คืนช้าหรือเลยกำหนด', 'Returned late or overdue'), String(r.late)],
        [
          t(lang, 'ยังไม่คืนและเลยกำหนด ณ วันรายงาน', 'Overdue on the report day'),
          String(r.overdueNow),
        ],
        [t(lang, 'จำนวนวันที่ยืมรวม', 'Days out in all'), String(r.daysOut)],
      ],
    },
    { kind: 'heading', level: 2, text: t(lang, 'การยืมตามประเภททรัพย์สิน', 'Loans by category') },
    usageTable(lang, t(lang, 'ประเภท', 'Category'), r.byCategory),
    { kind: 'heading', level: 2, text: t(lang, 'การยืมรายทรัพย์สิน', 'Loans by asset') },
    usageTable(lang, t(lang, 'ทรัพย์สิน', 'Asset'), r.byAsset),
    { kind: 'heading', level: 2, text: t(lang, 'การยืมรายเดือน', 'Loans by month') },
    usageTable(lang, t(lang, 'เดือน', 'Month'), r.byMonth, (row) => longMonth(lang, row.key)),
  ];
  return {
    lang,
    title,
    agencyName: print.agencyName,
    dateText: longDate(lang, print.madeOn),
    blocks,
  };
}

/** The published asset loan guideline as a printable document, one paragraph per line. */
export function assetGuidelineReport(
  lang: Lang,
  print: { agencyName: string; text: string; publishedOn: string },
): ReportDocument {
  const lines = print.text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  const [first, ...rest] = lines;
  return {
    lang,
    title: first ?? t(lang, 'แนวปฏิบัติการยืมทรัพย์สินของราชการ', 'Asset loan guideline'),
    agencyName: print.agencyName,
    dateText: `${t(lang, 'ประกาศ ณ วันที่', 'Published on')} ${longDate(lang, print.publishedOn)}`,
    blocks: rest.map((text) => ({ kind: 'paragraph', text, align: 'justify' })),
  };
}
