import { DomainError, type Message } from '../../../core/errors.js';
import { thaiLongDate } from '../../../core/thai-calendar.js';

/** What the template needs to draft the head's yearly No Gift declaration. */
export interface DeclarationFacts {
  agencyName: string;
  headName: string;
  headPosition: string;
  /** Buddhist-era fiscal year. */
  fiscalYear: number;
  /** The day the declaration is signed (YYYY-MM-DD). */
  declaredOn: string;
  thresholdBaht: number;
}

/** The title of the declaration, as printed. */
export function declarationTitle(agencyName: string, fiscalYear: number): string {
  return `ประกาศ${agencyName} เรื่อง เจตนารมณ์การไม่รับของขวัญและของกำนัลทุกชนิดจากการปฏิบัติหน้าที่ (No Gift Policy) ประจำปีงบประมาณ พ.ศ. ${fiscalYear}`;
}

/**
 * The declaration's body in official Thai, drafted from the facts; the agency may edit it before
 * the head approves. Our own wording, following the usual shape of such announcements.
 */
export function draftDeclaration(f: DeclarationFacts): string {
  const baht = f.thresholdBaht.toLocaleString('en-US');
  return [
    `ด้วย${f.agencyName} มุ่งมั่นบริหารงานด้วยความซื่อสัตย์สุจริต โปร่งใส และตรวจสอบได้ ตามแนวทางการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (ITA) และเพื่อป้องกันการขัดกันระหว่างประโยชน์ส่วนตนและประโยชน์ส่วนรวม`,
    `ข้าพเจ้า ${f.headName} ตำแหน่ง ${f.headPosition} จึงขอประกาศเจตนารมณ์ในนามของผู้บริหารและบุคลากรทุกคนของ${f.agencyName} ว่าจะไม่รับของขวัญ ของกำนัล หรือทรัพย์สินและประโยชน์อื่นใดจากการปฏิบัติหน้าที่ (No Gift Policy) ตลอดปีงบประมาณ พ.ศ. ${f.fiscalYear} ดังนี้`,
    `1. ผู้บริหารและบุคลากรทุกคนจะไม่รับ และจะไม่ให้ ของขวัญ ของกำนัล หรือประโยชน์อื่นใด ที่เกี่ยวข้องกับการปฏิบัติหน้าที่ ทั้งในเทศกาลและในโอกาสอื่น`,
    `2. กรณีจำเป็นต้องรับตามธรรมจรรยาเพื่อรักษาไมตรีหรือมิตรภาพ ต้องมีมูลค่าไม่เกิน ${baht} บาท ต่อบุคคล ต่อโอกาส ตามประกาศคณะกรรมการ ป.ป.ช. เรื่อง หลักเกณฑ์การรับทรัพย์สินหรือประโยชน์อื่นใดโดยธรรมจรรยาของเจ้าหน้าที่ของรัฐ พ.ศ. 2563 หากเกินกว่านั้นต้องรายงานผู้บังคับบัญชาเพื่อวินิจฉัยโดยเร็ว`,
    `3. บุคลากรทุกคนต้องบันทึกการรับ การปฏิเสธ หรือการมีผู้เสนอให้ทรัพย์สินหรือประโยชน์อื่นใด ไว้ในทะเบียนของหน่วยงาน เพื่อรายงานผลเป็นประจำทุกปี`,
    `4. ผู้บริหารทุกระดับจะเป็นแบบอย่างที่ดี และจะสื่อสารเจตนารมณ์นี้ให้บุคลากรและผู้มาติดต่อทราบอย่างทั่วถึงและต่อเนื่อง`,
    `จึงประกาศให้ทราบโดยทั่วกัน`,
    `ประกาศ ณ วันที่ ${thaiLongDate(f.declaredOn)}`,
  ].join('\n\n');
}

export const DECLARATION_STATUSES = ['draft', 'approved', 'published'] as const;
export type DeclarationStatus = (typeof DECLARATION_STATUSES)[number];
export const DECLARATION_STATUS_NAMES: Record<DeclarationStatus, Message> = {
  draft: { th: 'ร่าง', en: 'Draft' },
  approved: { th: 'หัวหน้าหน่วยงานอนุมัติแล้ว', en: 'Approved by the head' },
  published: { th: 'เผยแพร่แล้ว', en: 'Published' },
};

/** A declaration moves one step at a time: draft → approved → published; only a draft changes. */
export function checkDeclarationMove(from: DeclarationStatus, to: DeclarationStatus): void {
  const next: Record<DeclarationStatus, DeclarationStatus | null> = {
    draft: 'approved',
    approved: 'published',
    published: null,
  };
  if (next[from] === to) return;
  throw new DomainError('declaration_state', {
    th: `ประกาศอยู่ในสถานะ "${DECLARATION_STATUS_NAMES[from].th}" จึงเปลี่ยนเป็น "${DECLARATION_STATUS_NAMES[to].th}" ไม่ได้`,
    en: `The declaration is "${DECLARATION_STATUS_NAMES[from].en}"; it cannot become "${DECLARATION_STATUS_NAMES[to].en}"`,
  });
}
