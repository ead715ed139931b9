import type { Message } from '../../../core/errors.js';
import type { RoundState } from '../../rounds/core/round-state.js';

/** What an agency's administrator does next in a round, and where. */
export interface NextStep {
  text: Message;
  /** Where it is done: a path inside Prongsai. */
  href: string;
}

/** The OIT items of a round by status (draft, ready, approved, submitted). */
export type StatusCounts = Readonly<Record<string, number>>;

/**
 * The agency administrator's next step in a round in `state`, with the OIT counts that say
 * what is left. Pure: the caller passes the round's id, state and counts.
 */
export function nextStepOf(roundId: string, state: RoundState, counts: StatusCounts): NextStep {
  const round = `/rounds/${encodeURIComponent(roundId)}`;
  const n = (status: string) => counts[status] ?? 0;
  switch (state) {
    case 'setup':
      return {
        text: {
          th: 'เตรียมการ: ตั้งค่าแบบสำรวจ กำหนดผู้รับผิดชอบข้อ OIT แล้วเริ่มเก็บข้อมูล',
          en: 'Set-up: configure the surveys, choose the OIT item owners, then start collecting',
        },
        href: round,
      };
    case 'collecting':
      return {
        text: {
          th: `เก็บข้อมูล: ติดตามผู้ตอบแบบสำรวจ และส่งหลักฐาน OIT (หัวหน้าอนุมัติแล้วรอส่ง ${n('approved')} ข้อ · รอหัวหน้าอนุมัติ ${n('ready')} ข้อ · ร่าง ${n('draft')} ข้อ · ส่งแล้ว ${n('submitted')} ข้อ)`,
          en: `Collecting: follow the survey answers and submit the OIT evidence (${n('approved')} approved to submit · ${n('ready')} awaiting the head · ${n('draft')} drafts · ${n('submitted')} submitted)`,
        },
        href: `${round}/oit`,
      };
    case 'oit_review':
      return {
        text: {
          th: `ผู้ประเมินกำลังตรวจหลักฐาน OIT (ส่งแล้ว ${n('submitted')} ข้อ) ผลการตรวจจะแจ้งในช่วงชี้แจงเพิ่มเติม`,
          en: `The assessors are reviewing the OIT evidence (${n('submitted')} submitted); results come at the clarification stage`,
        },
        href: round,
      };
    case 'clarification':
      return {
        text: {
          th: 'ชี้แจงเพิ่มเติม: อ่านผลการตรวจ แล้วชี้แจงข้อที่ไม่ผ่านภายในกำหนด',
          en: 'Clarification: read the results and answer for the items not passed in time',
        },
        href: `${round}/oit/clarify`,
      };
    case 'confirmed':
      return {
        text: {
          th: 'ยืนยันผลแล้ว รอหน่วยงานกำกับประกาศผล',
          en: 'Results confirmed; the parent body publishes them next',
        },
        href: round,
      };
    case 'published':
      return {
        text: {
          th: 'ประกาศผลแล้ว: จัดทำและติดตามมาตรการส่งเสริมคุณธรรมและความโปร่งใส',
          en: 'Published: draw up and follow the integrity and transparency measures',
        },
        href: `${round}/measures`,
      };
    case 'withdrawn':
      return {
        text: {
          th: 'ถอนการประกาศผลแล้ว รอแก้ไขและยืนยันผลใหม่',
          en: 'Withdrawn: the results are corrected and confirmed again',
        },
        href: round,
      };
  }
}
