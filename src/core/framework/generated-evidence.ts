import type { Message } from '../errors.js';

/**
 * Documents Prongsai itself produces that can serve as OIT evidence. An edition names, per OIT
 * item, which of them belong to it (`generated_evidence`), so the mapping stays edition data.
 */
export const GENERATED_EVIDENCE_SOURCES = {
  ita_results: { th: 'ผลการประเมิน ITA ของปีที่ผ่านมา', en: "Last year's ITA results" },
  ita_analysis: { th: 'รายงานผลการวิเคราะห์ผลการประเมิน ITA', en: 'ITA analysis report' },
  measures_document: { th: 'มาตรการส่งเสริมคุณธรรมและความโปร่งใส', en: 'Improvement measures' },
  measures_progress: { th: 'รายงานผลการดำเนินการตามมาตรการ', en: 'Measures progress report' },
  no_gift_declaration: { th: 'ประกาศเจตนารมณ์ No Gift Policy', en: 'No Gift Policy declaration' },
  no_gift_communication: {
    th: 'การสื่อสารนโยบาย No Gift Policy แก่บุคลากร',
    en: 'How the No Gift Policy was communicated',
  },
  gift_report: {
    th: 'รายงานการรับทรัพย์สินหรือประโยชน์อื่นใดโดยธรรมจรรยา',
    en: 'Gift register report',
  },
  asset_guideline: { th: 'แนวปฏิบัติการยืมทรัพย์สินของราชการ', en: 'Asset loan guideline' },
  asset_report: { th: 'รายงานการยืมทรัพย์สินของราชการ', en: 'Asset loan report' },
  work_manuals: { th: 'คู่มือการปฏิบัติงาน', en: 'Work manuals' },
  service_manuals: { th: 'คู่มือการให้บริการ', en: 'Service manuals' },
  activity_reports: { th: 'รายงานกิจกรรมการจัดการความรู้', en: 'Activity (KM) reports' },
} as const satisfies Record<string, Message>;

export type GeneratedEvidenceSource = keyof typeof GENERATED_EVIDENCE_SOURCES;

export const GENERATED_EVIDENCE_SOURCE_CODES = Object.keys(
  GENERATED_EVIDENCE_SOURCES,
) as GeneratedEvidenceSource[];
