import { z } from 'zod';
import { DomainError } from '../../../core/errors.js';
import { CHANNELS } from '../core/communication.js';
import {
  DISPOSITIONS,
  GIVER_TYPES,
  HANDLINGS,
  HEAD_DECISIONS,
  LEGAL_GIFT_THRESHOLD_BAHT,
} from '../core/gift-rules.js';
import type { Kysely } from 'kysely';
import { acknowledgementShare } from '../core/acknowledgement.js';
import type { Agency } from '../../agencies/feature.js';
import {
  findDeclaration,
  listAcknowledgements,
  listMemberIds,
} from '../db/integrity.repository.js';
import type { Database } from '../../../platform/db/schema.js';
import { mayActOn } from '../../agencies/feature.js';
import type { Actor } from '../../../platform/services/context.js';
import { assertPlausibleDays, bangkokDay, dayField } from '../../../core/thai-calendar.js';

/** Input schemas and access rules shared by the No Gift and gift-register services. */

const day = (th: string, en: string) =>
  z
    .string({ message: `กรุณาระบุ${th} / enter the ${en.toLowerCase()}` })
    .trim()
    .min(1, { message: `กรุณาระบุ${th} / enter the ${en.toLowerCase()}` })
    .pipe(dayField());
const text = (max: number, th: string, en: string) =>
  z
    .string({ message: `กรุณาระบุ${th} / enter ${en}` })
    .trim()
    .min(1, { message: `กรุณาระบุ${th} / enter ${en}` })
    .max(max, { message: `${th}ยาวเกินไป / ${en} is too long` });
const emptyToNull = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : v);
const number = (v: unknown) => (typeof v === 'string' ? v.replaceAll(',', '').trim() : v);

export const FiscalYearSchema = z.coerce
  .number({ message: 'ปีงบประมาณ พ.ศ. 4 หลัก / a Buddhist-era fiscal year' })
  .int({ message: 'ปีงบประมาณ พ.ศ. 4 หลัก / a Buddhist-era fiscal year' })
  .min(2500, { message: 'ปีงบประมาณ พ.ศ. 4 หลัก / a Buddhist-era fiscal year' })
  .max(2700, { message: 'ปีงบประมาณ พ.ศ. 4 หลัก / a Buddhist-era fiscal year' });

const ThresholdSchema = z.preprocess(
  number,
  z.coerce
    .number({ message: 'มูลค่าเป็นตัวเลข / the threshold is a number' })
    .int({ message: 'มูลค่าเป็นจำนวนเต็ม / a whole number of baht' })
    .min(0, { message: 'มูลค่าต้องไม่ติดลบ / not below zero' })
    .max(LEGAL_GIFT_THRESHOLD_BAHT, {
      message: `ไม่เกิน ${LEGAL_GIFT_THRESHOLD_BAHT.toLocaleString('en-US')} บาท ตามประกาศ ป.ป.ช. / at most ${LEGAL_GIFT_THRESHOLD_BAHT} baht (NACC rule)`,
    }),
);

export const DeclarationInputSchema = z.object({
  fiscalYear: FiscalYearSchema,
  headName: text(200, 'ชื่อหัวหน้าหน่วยงาน', 'the head’s name'),
  headPosition: text(200, 'ตำแหน่ง', 'the position'),
  declaredOn: day('วันที่ประกาศ', 'Declaration date'),
  thresholdBaht: z.preprocess(emptyToNull, ThresholdSchema.nullable()).default(null),
});
export type DeclarationInput = z.input<typeof DeclarationInputSchema>;

export const DeclarationEditSchema = DeclarationInputSchema.omit({ fiscalYear: true }).extend({
  body: text(20_000, 'ข้อความประกาศ', 'the text'),
  /** Draft the text again from the template with the new facts. */
  redraft: z.preprocess((v) => v === true || v === 'on' || v === '1', z.boolean()).default(false),
});
export type DeclarationEdit = z.input<typeof DeclarationEditSchema>;

export const CommunicationInputSchema = z.object({
  communicatedOn: day('วันที่สื่อสาร', 'Date'),
  channel: z.enum(CHANNELS, { message: 'กรุณาเลือกช่องทาง / choose a channel' }),
  audience: text(300, 'กลุ่มเป้าหมาย', 'the audience'),
  description: z.string().trim().max(4000).default(''),
  reachedCount: z
    .preprocess(
      (v) => emptyToNull(number(v)),
      z.coerce
        .number({ message: 'จำนวนผู้รับสารเป็นตัวเลข / a number of people' })
        .int({ message: 'จำนวนผู้รับสารเป็นจำนวนเต็ม / a whole number' })
        .min(0, { message: 'จำนวนผู้รับสารต้องไม่ติดลบ / not below zero' })
        .nullable(),
    )
    .default(null),
});
export type CommunicationInput = z.input<typeof CommunicationInputSchema>;

export const GiftInputSchema = z.object({
  giftOn: day('วันที่', 'Date'),
  giverType: z.enum(GIVER_TYPES, { message: 'กรุณาเลือกประเภทผู้ให้ / choose the giver type' }),
  giverName: z.string().trim().max(300).default(''),
  description: text(2000, 'รายละเอียดทรัพย์สินหรือประโยชน์', 'what was given'),
  valueBaht: z.preprocess(
    number,
    z.coerce
      .number({ message: 'มูลค่าโดยประมาณเป็นตัวเลข (บาท) / the estimated value in baht' })
      .int({ message: 'มูลค่าเป็นจำนวนเต็ม (บาท) / a whole number of baht' })
      .min(0, { message: 'มูลค่าต้องไม่ติดลบ / not below zero' })
      .max(100_000_000, { message: 'มูลค่าสูงเกินไป / the value is too large' }),
  ),
  disposition: z.enum(DISPOSITIONS, { message: 'กรุณาเลือกการรับหรือปฏิเสธ / choose what happened' }),
  handling: z.enum(HANDLINGS, { message: 'กรุณาเลือกการดำเนินการ / choose what was done' }),
  actionNote: z.string().trim().max(2000).default(''),
});
export type GiftInput = z.input<typeof GiftInputSchema>;

export const HeadDecisionSchema = z.object({
  decision: z.enum(HEAD_DECISIONS, { message: 'กรุณาเลือกผลการวินิจฉัย / choose a decision' }),
  note: z.string().trim().max(2000).default(''),
});
export type HeadDecisionInput = z.input<typeof HeadDecisionSchema>;

/** Refuses a day after today (Bangkok), or one more than five years back. */
export function assertNotFuture(dayText: string, now: Date, field: string): void {
  assertPlausibleDays(bangkokDay(now), { [field]: dayText });
  if (dayText > bangkokDay(now))
    throw new DomainError(
      'future_date',
      { th: 'วันที่ต้องไม่เป็นวันในอนาคต', en: 'The date cannot be in the future' },
      { field },
    );
}

/** What a person may do with an agency's No Gift declaration and gift register (access table rows). */
export type IntegrityAction =
  | 'integrity.declaration.draft'
  | 'integrity.declaration.approve'
  | 'integrity.declaration.acknowledge'
  | 'gift.report'
  | 'gift.view_all'
  | 'gift.decide'
  | 'gift.publish';

/** Whether the actor may do `action` at this agency. */
export function mayAt(
  actor: Actor,
  action: IntegrityAction,
  agency: Pick<Agency, 'path'>,
): boolean {
  return mayActOn(actor, action, agency);
}

export function refuse(th: string, en: string): DomainError {
  return new DomainError('forbidden', { th, en });
}

export function declarationMissing(): DomainError {
  return new DomainError('not_found', {
    th: 'ไม่พบประกาศเจตนารมณ์ของปีงบประมาณนี้',
    en: 'No declaration for this fiscal year',
  });
}

/** The agency's declaration of a year, or not found. */
export async function loadDeclaration(db: Kysely<Database>, agencyId: string, year: number) {
  const declaration = await findDeclaration(db, agencyId, year);
  if (!declaration) throw declarationMissing();
  return declaration;
}

/** Share of the agency's current members who acknowledged a declaration. */
export async function shareOf(db: Kysely<Database>, agencyId: string, declarationId: string) {
  const [acks, members] = await Promise.all([
    listAcknowledgements(db, declarationId),
    listMemberIds(db, agencyId),
  ]);
  return {
    share: acknowledgementShare(
      acks.map((a) => a.userId),
      members,
    ),
    acks,
  };
}

/** Refuses anyone but the agency administrator. */
export function assertAdmin(actor: Actor, agency: Agency): void {
  if (!mayAt(actor, 'integrity.declaration.draft', agency))
    throw refuse(
      'เฉพาะผู้ดูแลของหน่วยงานเท่านั้นที่จัดทำร่างประกาศและบันทึกการสื่อสารได้',
      'Only the agency administrator drafts the declaration and logs communication',
    );
}
