import { dayField, type DayWindow } from '../../../core/thai-calendar.js';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { isLoanOverdue, PURPOSE_CATEGORIES } from '../core/loan-rules.js';
import { DomainError } from '../../../core/errors.js';
import type { Agency } from '../../agencies/feature.js';
import { findAsset, findLoan, type Asset, type LoanView } from '../db/asset.repository.js';
import type { Database } from '../../../platform/db/schema.js';
import { forbidden, loadVisibleAgency, mayActOn } from '../../agencies/feature.js';
import type { Actor } from '../../../platform/services/context.js';

/** Access rules and input schemas shared by the asset services. */

/** Whether the actor may ask to borrow the agency's assets: its staff (or a system administrator). */
export function mayRequestLoans(actor: Actor, agency: Pick<Agency, 'path'>): boolean {
  return mayActOn(actor, 'asset.loan.request', agency);
}

/** Whether the actor may run the agency's register: its administrators (and those above) or its head. */
export function mayManageAssets(actor: Actor, agency: Pick<Agency, 'path'>): boolean {
  return mayActOn(actor, 'asset.manage', agency);
}

/** Whether the actor may decide the agency's loans: its administrators (and those above) or its head. */
export function mayDecideLoans(actor: Actor, agency: Pick<Agency, 'path'>): boolean {
  return mayActOn(actor, 'asset.loan.approve', agency);
}

/** Refuses unless the actor may do this to the agency's assets. */
export function assertMayOnAssets(
  actor: Actor,
  action: 'asset.manage' | 'asset.loan.approve',
  agency: Pick<Agency, 'path'>,
): void {
  if (!mayActOn(actor, action, agency))
    throw forbidden(
      'Only the agency administrator or the head of agency may do this',
      'เฉพาะผู้ดูแลของหน่วยงานหรือหัวหน้าหน่วยงานเท่านั้นที่ทำรายการนี้ได้',
    );
}

/** An agency the actor may see; with `manage`, one whose register they may also run. */
export async function loadAssetAgency(
  db: Kysely<Database>,
  actor: Actor,
  agencyId: string,
  manage: boolean,
): Promise<Agency> {
  const agency = await loadVisibleAgency(db, actor, agencyId);
  if (manage) assertMayOnAssets(actor, 'asset.manage', agency);
  return agency;
}

export function assetNotFound(): DomainError {
  return new DomainError('not_found', { th: 'ไม่พบทรัพย์สิน', en: 'Asset not found' });
}

export function loanNotFound(): DomainError {
  return new DomainError('not_found', { th: 'ไม่พบคำขอยืม', en: 'Loan request not found' });
}

/** An asset of this agency, or not found. */
export async function loadAsset(
  db: Kysely<Database>,
  agencyId: string,
  assetId: string,
): Promise<Asset> {
  const asset = await findAsset(db, assetId);
  if (!asset || asset.agencyId !== agencyId) throw assetNotFound();
  return asset;
}

/** A loan of this agency, or not found. */
export async function loadLoan(
  db: Kysely<Database>,
  agencyId: string,
  loanId: string,
): Promise<LoanView> {
  const loan = await findLoan(db, loanId);
  if (!loan || loan.agencyId !== agencyId) throw loanNotFound();
  return loan;
}

const day = (field: { th: string; en: string }) =>
  z
    .string({ message: `กรุณาระบุ${field.th} / enter the ${field.en}` })
    .trim()
    .min(1, { message: `กรุณาระบุ${field.th} / enter the ${field.en}` })
    .pipe(dayField());

/** An asset may have been acquired decades ago, but not in a later year than this one. */
export const ACQUIRED_DAYS: DayWindow = { yearsBefore: 60, yearsAfter: 0 };

/** A loan request as typed in the form. */
export const LoanRequestSchema = z.object({
  purposeCategory: z.enum(PURPOSE_CATEGORIES, {
    message: 'กรุณาเลือกประเภทวัตถุประสงค์ / choose the kind of purpose',
  }),
  purpose: z
    .string()
    .trim()
    .min(1, { message: 'กรุณาระบุวัตถุประสงค์การยืม / say what the asset is for' })
    .max(1000, { message: 'วัตถุประสงค์ยาวเกินไป / the purpose is too long' }),
  fromOn: day({ th: 'วันเริ่มยืม', en: 'first day' }),
  toOn: day({ th: 'วันกำหนดคืน', en: 'due date' }),
});
export type LoanRequestInput = z.input<typeof LoanRequestSchema>;

export const RefusalSchema = z.object({
  reason: z
    .string()
    .trim()
    .min(1, { message: 'กรุณาระบุเหตุผลที่ไม่อนุมัติ / give the reason for refusing' })
    .max(1000),
});

export const ReturnSchema = z.object({
  condition: z
    .string()
    .trim()
    .min(1, { message: 'กรุณาบันทึกสภาพทรัพย์สินเมื่อรับคืน / record the condition on return' })
    .max(1000),
});

export const GuidelineSchema = z.object({
  text: z
    .string()
    .trim()
    .min(20, { message: 'แนวปฏิบัติสั้นเกินไป / the guideline is too short' })
    .max(20_000, { message: 'แนวปฏิบัติยาวเกินไป / the guideline is too long' }),
});

/** A loan as screens show it: with whether it is overdue today. */
export interface LoanLine extends LoanView {
  overdue: boolean;
}

export function linesOf(loans: LoanView[], today: string): LoanLine[] {
  return loans.map((l) => ({ ...l, overdue: isLoanOverdue(l, today) }));
}
