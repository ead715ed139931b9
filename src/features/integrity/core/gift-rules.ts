import { DomainError, type Message } from '../../../core/errors.js';

/**
 * The legal ceiling for a gift accepted on customary grounds from someone who is not a relative:
 * 3,000 baht per person per occasion. Source: ประกาศคณะกรรมการ ป.ป.ช. เรื่อง หลักเกณฑ์การรับ
 * ทรัพย์สินหรือประโยชน์อื่นใดโดยธรรมจรรยาของเจ้าหน้าที่ของรัฐ พ.ศ. 2563 (under section 128 of the
 * organic act on anti-corruption B.E. 2561). An agency's yearly No Gift declaration may set a
 * stricter (lower) figure; it may never set a higher one.
 */
export const LEGAL_GIFT_THRESHOLD_BAHT = 3000;

export const GIVER_TYPES = ['person', 'business', 'government', 'other'] as const;
export type GiverType = (typeof GIVER_TYPES)[number];
export const GIVER_TYPE_NAMES: Record<GiverType, Message> = {
  person: { th: 'บุคคลทั่วไป', en: 'Private person' },
  business: { th: 'ภาคเอกชน/ผู้ประกอบการ', en: 'Business' },
  government: { th: 'หน่วยงานของรัฐ', en: 'Government body' },
  other: { th: 'อื่น ๆ', en: 'Other' },
};

/** What happened when the gift came: only offered (not yet taken), received, or refused. */
export const DISPOSITIONS = ['offered', 'received', 'refused'] as const;
export type Disposition = (typeof DISPOSITIONS)[number];
export const DISPOSITION_NAMES: Record<Disposition, Message> = {
  offered: { th: 'มีผู้เสนอให้', en: 'Offered' },
  received: { th: 'รับไว้', en: 'Received' },
  refused: { th: 'ปฏิเสธ', en: 'Refused' },
};

/** The reporter's own decision on the gift. */
export const HANDLINGS = ['kept', 'returned', 'handed_over', 'shared', 'declined'] as const;
export type Handling = (typeof HANDLINGS)[number];
export const HANDLING_NAMES: Record<Handling, Message> = {
  kept: { th: 'เก็บไว้เป็นสิทธิ์ส่วนตัว', en: 'Kept personally' },
  returned: { th: 'ส่งคืนผู้ให้', en: 'Returned to the giver' },
  handed_over: { th: 'ส่งมอบเป็นทรัพย์สินของหน่วยงาน', en: 'Handed over to the agency' },
  shared: { th: 'แบ่งปันเป็นประโยชน์ส่วนรวม', en: 'Shared for common use' },
  declined: { th: 'ไม่รับตั้งแต่ต้น', en: 'Declined at once' },
};

/** The head's decision on a gift flagged above the threshold. */
export const HEAD_DECISIONS = ['allow_keep', 'return_to_giver', 'hand_to_agency'] as const;
export type HeadDecision = (typeof HEAD_DECISIONS)[number];
export const HEAD_DECISION_NAMES: Record<HeadDecision, Message> = {
  allow_keep: { th: 'อนุญาตให้รับไว้ได้', en: 'May be kept' },
  return_to_giver: { th: 'ให้ส่งคืนผู้ให้โดยทันที', en: 'Return to the giver at once' },
  hand_to_agency: { th: 'ให้ส่งมอบเป็นสิทธิ์ของหน่วยงาน', en: 'Hand over to the agency' },
};

/** The threshold that applies: the agency's own stricter figure when it set one, else the law's. */
export function effectiveThreshold(agencyThreshold: number | null | undefined): number {
  if (agencyThreshold === null || agencyThreshold === undefined) return LEGAL_GIFT_THRESHOLD_BAHT;
  return Math.min(agencyThreshold, LEGAL_GIFT_THRESHOLD_BAHT);
}

/** Refuses an agency threshold above the legal one or below zero. */
export function checkAgencyThreshold(value: number): void {
  if (!Number.isInteger(value) || value < 0 || value > LEGAL_GIFT_THRESHOLD_BAHT) {
    throw new DomainError(
      'threshold_out_of_range',
      {
        th: `มูลค่าที่กำหนดต้องเป็นจำนวนเต็มตั้งแต่ 0 ถึง ${LEGAL_GIFT_THRESHOLD_BAHT.toLocaleString('en-US')} บาท (ไม่เกินเกณฑ์ตามประกาศ ป.ป.ช.)`,
        en: `The threshold must be a whole number from 0 to ${LEGAL_GIFT_THRESHOLD_BAHT.toLocaleString('en-US')} baht (never above the NACC rule)`,
      },
      { field: 'thresholdBaht' },
    );
  }
}

/**
 * A gift goes to the head when its value is above the threshold and it was not refused
 * (an offer still open counts: the head decides before it is taken).
 */
export function isGiftFlagged(
  valueBaht: number,
  disposition: Disposition,
  threshold: number,
): boolean {
  return disposition !== 'refused' && valueBaht > threshold;
}

/** The rule in words, for forms, pages and the yearly report. */
export function thresholdRule(threshold: number): Message {
  const baht = threshold.toLocaleString('en-US');
  return {
    th: `ทรัพย์สินหรือประโยชน์อื่นใดที่มีมูลค่าเกิน ${baht} บาท (ต่อบุคคล ต่อโอกาส) ที่ได้รับหรือมีผู้เสนอให้ ต้องรายงานให้หัวหน้าหน่วยงานพิจารณาวินิจฉัยว่าจะรับไว้ได้หรือต้องส่งคืน`,
    en: `Gifts worth more than ${baht} baht (per person, per occasion) that are received or offered go to the head of the agency, who decides whether they may be kept or must be returned`,
  };
}
