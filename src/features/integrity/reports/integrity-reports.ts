import type { Message } from '../../../core/errors.js';
import { declarationTitle } from '../core/declaration-template.js';
import type { GiftYearReport, Tally } from '../core/gift-report.js';
import {
  DISPOSITIONS,
  DISPOSITION_NAMES,
  GIVER_TYPE_NAMES,
  thresholdRule,
} from '../core/gift-rules.js';
import type { ReportBlock, ReportDocument } from '../../../platform/reports/report-document.js';
import { longDate, thaiMonthYear } from '../../../core/thai-calendar.js';

type Lang = 'th' | 'en';

/** What the printed declaration needs. */
export interface DeclarationPrint {
  agencyName: string;
  fiscalYear: number;
  headName: string;
  headPosition: string;
  declaredOn: string;
  body: string;
}

/** The head's No Gift declaration as an official announcement with the head's signature. */
export function declarationReport(lang: Lang, d: DeclarationPrint): ReportDocument {
  const paragraphs = d.body
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((text): ReportBlock => ({ kind: 'paragraph', text, align: 'justify' }));
  return {
    lang,
    title:
      lang === 'th'
        ? declarationTitle(d.agencyName, d.fiscalYear)
        : `No Gift Policy declaration of ${d.agencyName}, fiscal year ${d.fiscalYear}`,
    agencyName: d.agencyName,
    dateText: longDate(lang, d.declaredOn),
    blocks: [
      ...paragraphs,
      {
        kind: 'signature',
        // the bare name: the renderers bracket it (signatureName), once
        name: d.headName,
        position: d.headPosition,
        dateText: longDate(lang, d.declaredOn),
      },
    ],
  };
}

const baht = (n: number) => n.toLocaleString('en-US');
const cell = (t: Tally) => (t.count === 0 ? '–' : `${t.count} (${baht(t.valueBaht)})`);

function columns(lang: Lang, first: Message) {
  const heads: Message[] = [
    first,
    ...DISPOSITIONS.map((d) => DISPOSITION_NAMES[d]),
    { th: 'รวม', en: 'Total' },
  ];
  return heads.map((h, i) => ({
    label: h[lang],
    align: i === 0 ? ('left' as const) : ('right' as const),
  }));
}

/**
 * The yearly gift report for publication: the rule, totals, a table by giver type and one by
 * month (count and value in baht). Never who reported or who gave.
 */
export function giftYearReport(
  lang: Lang,
  input: { agencyName: string; report: GiftYearReport; threshold: number; issuedOn: string },
): ReportDocument {
  const { report } = input;
  const t = (m: Message) => m[lang];
  const row = (
    label: string,
    r: GiftYearReport['byMonth'][number] | GiftYearReport['byGiverType'][number],
  ) => [label, ...DISPOSITIONS.map((d) => cell(r[d])), cell(r.total)];
  return {
    lang,
    title:
      lang === 'th'
        ? `รายงานผลการรับทรัพย์สินหรือประโยชน์อื่นใดโดยธรรมจรรยา ประจำปีงบประมาณ พ.ศ. ${report.fiscalYear}`
        : `Gift register report, fiscal year ${report.fiscalYear}`,
    agencyName: input.agencyName,
    dateText: longDate(lang, input.issuedOn),
    blocks: [
      { kind: 'paragraph', text: t(thresholdRule(input.threshold)), align: 'justify' },
      {
        kind: 'keyValue',
        rows: [
          [t({ th: 'จำนวนรายการทั้งหมด', en: 'Reports' }), `${report.total.count}`],
          [
            t({ th: 'มูลค่ารวมโดยประมาณ (บาท)', en: 'Estimated total value (baht)' }),
            baht(report.total.valueBaht),
          ],
          ...DISPOSITIONS.map((d): [string, string] => [
            t(DISPOSITION_NAMES[d]),
            `${report.byDisposition[d].count} (${baht(report.byDisposition[d].valueBaht)} ${t({ th: 'บาท', en: 'baht' })})`,
          ]),
          [
            t({
              th: `มูลค่าเกิน ${baht(input.threshold)} บาท (เสนอหัวหน้าหน่วยงาน)`,
              en: `Above ${baht(input.threshold)} baht (sent to the head)`,
            }),
            `${report.flagged}`,
          ],
          [t({ th: 'รอการวินิจฉัย', en: 'Awaiting decision' }), `${report.awaitingDecision}`],
        ],
      },
      { kind: 'heading', level: 2, text: t({ th: 'จำแนกตามประเภทผู้ให้', en: 'By giver type' }) },
      {
        kind: 'table',
        caption: t({
          th: 'จำนวนรายการ (มูลค่า บาท) จำแนกตามประเภทผู้ให้',
          en: 'Count (value in baht) by giver type',
        }),
        columns: columns(lang, { th: 'ประเภทผู้ให้', en: 'Giver' }),
        rows: report.byGiverType.map((r) => row(t(GIVER_TYPE_NAMES[r.giverType]), r)),
      },
      { kind: 'heading', level: 2, text: t({ th: 'จำแนกรายเดือน', en: 'By month' }) },
      {
        kind: 'table',
        caption: t({
          th: 'จำนวนรายการ (มูลค่า บาท) จำแนกรายเดือน',
          en: 'Count (value in baht) by month',
        }),
        columns: columns(lang, { th: 'เดือน', en: 'Month' }),
        rows: report.byMonth.map((r) => row(lang === 'th' ? thaiMonthYear(r.month) : r.month, r)),
      },
      {
        kind: 'paragraph',
        text: t({
          th: 'รายงานนี้แสดงเฉพาะจำนวนและมูลค่า ไม่เปิดเผยชื่อผู้รายงาน',
          en: 'This report shows counts and values only, never who reported.',
        }),
      },
    ],
  };
}
