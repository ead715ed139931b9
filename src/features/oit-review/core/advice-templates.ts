import type { Message } from '../../../core/errors.js';

/** A ready reason with advice for improvement, picked by an assessor instead of writing one. */
export interface AdviceTemplate {
  code: string;
  reason: Message;
  advice: Message;
  /** Whether the reason names a required element (its code replaces `{element}`). */
  namesElement: boolean;
}

export const ADVICE_TEMPLATES: readonly AdviceTemplate[] = [
  {
    code: 'link_broken',
    reason: { th: 'ลิงก์เปิดไม่ได้หรือไม่พบหน้า', en: 'The link does not open or the page is missing' },
    advice: {
      th: 'ตรวจสอบว่าลิงก์เปิดได้จากภายนอกหน่วยงานโดยไม่ต้องเข้าสู่ระบบ',
      en: 'Check that the link opens from outside the agency without signing in',
    },
    namesElement: false,
  },
  {
    code: 'wrong_year',
    reason: {
      th: 'ข้อมูลไม่อยู่ในปีงบประมาณที่กำหนด',
      en: 'The content is outside the required fiscal year',
    },
    advice: {
      th: 'เผยแพร่ข้อมูลของปีงบประมาณที่เกณฑ์กำหนดและระบุวันที่ให้ชัดเจน',
      en: 'Publish the content of the fiscal year the criteria require, with clear dates',
    },
    namesElement: false,
  },
  {
    code: 'element_missing',
    reason: {
      th: 'ไม่พบองค์ประกอบที่กำหนด: {element}',
      en: 'A required element is missing: {element}',
    },
    advice: {
      th: 'เพิ่มองค์ประกอบ {element} ให้ครบในหน้าที่เผยแพร่',
      en: 'Add element {element} to the published page',
    },
    namesElement: true,
  },
  {
    code: 'not_main_site',
    reason: {
      th: 'ข้อมูลไม่ได้เผยแพร่บนเว็บไซต์หลักของหน่วยงาน',
      en: "The content is not on the agency's main website",
    },
    advice: {
      th: 'นำข้อมูลขึ้นเว็บไซต์หลักของหน่วยงานและเชื่อมโยงจากหน้าเว็บไซต์หลัก',
      en: "Publish it on the agency's main website and link it from there",
    },
    namesElement: false,
  },
  {
    code: 'not_signed',
    reason: {
      th: 'เอกสารไม่ได้ลงนามหรือไม่ได้รับความเห็นชอบจากผู้มีอำนาจ',
      en: 'The document is not signed or approved by the person in charge',
    },
    advice: {
      th: 'เผยแพร่ฉบับที่ผู้บริหารลงนามหรือเห็นชอบแล้ว',
      en: 'Publish the version signed or approved by the head of the agency',
    },
    namesElement: false,
  },
];

/** The template with this code, with `{element}` filled in; null when there is no such template. */
export function fillAdviceTemplate(
  code: string,
  element = '',
): { reason: Message; advice: Message } | null {
  const template = ADVICE_TEMPLATES.find((t) => t.code === code);
  if (!template) return null;
  const fill = (text: string) => text.replaceAll('{element}', element || '—');
  return {
    reason: { th: fill(template.reason.th), en: fill(template.reason.en) },
    advice: { th: fill(template.advice.th), en: fill(template.advice.en) },
  };
}
