import { longDate } from '../../../core/thai-calendar.js';
import { DomainError, type Message } from '../../../core/errors.js';

/**
 * Rules of borrowing government assets. Sources: the Ministry of Finance regulation on public
 * procurement and supplies management B.E. 2560 (ระเบียบกระทรวงการคลังว่าด้วยการจัดซื้อจัดจ้าง
 * และการบริหารพัสดุภาครัฐ พ.ศ. ๒๕๖๐), clauses 207–209: supplies may be lent only for the
 * benefit of the government service, on a written request giving the reason and the period,
 * and the lender follows up within 7 days after the due date.
 */

/** Days after the due date within which the lender must follow up (clause 209). */
export const FOLLOW_UP_DAYS = 7;
/** A borrower is reminded this many days before the due date. */
export const DUE_SOON_DAYS = 2;
/** Longest loan a single request may ask for; a longer need is a transfer, not a loan. */
export const MAX_LOAN_DAYS = 90;
/** How far ahead a loan may be asked for; further is usually a Buddhist year typed as A.D. */
export const MAX_ADVANCE_DAYS = 365;

export const ASSET_STATUSES = ['available', 'on_loan', 'retired'] as const;
export type AssetStatus = (typeof ASSET_STATUSES)[number];

export const ASSET_STATUS_NAMES: Record<AssetStatus, Message> = {
  available: { th: 'พร้อมให้ยืม', en: 'Available' },
  on_loan: { th: 'ถูกยืมอยู่', en: 'On loan' },
  retired: { th: 'จำหน่ายแล้ว/เลิกใช้', en: 'Retired' },
};

/** Official-use kinds of purpose, and 'personal', which is always refused. */
export const PURPOSE_CATEGORIES = [
  'official_duty',
  'meeting_training',
  'field_work',
  'public_service',
  'personal',
] as const;
export type PurposeCategory = (typeof PURPOSE_CATEGORIES)[number];

export const PURPOSE_NAMES: Record<PurposeCategory, Message> = {
  official_duty: { th: 'ปฏิบัติราชการตามหน้าที่', en: 'Official duty' },
  meeting_training: { th: 'ประชุม สัมมนา ฝึกอบรม', en: 'Meeting, seminar or training' },
  field_work: { th: 'ลงพื้นที่/ปฏิบัติงานนอกสถานที่', en: 'Field work' },
  public_service: { th: 'บริการประชาชน/กิจกรรมของหน่วยงาน', en: 'Public service or agency event' },
  personal: { th: 'ใช้ส่วนตัว', en: 'Personal use' },
};

/** The Thai/English reason a personal-use request is refused. */
export const PERSONAL_USE_REFUSAL: Message = {
  th: 'ไม่อนุญาตให้ยืมทรัพย์สินของราชการไปใช้ประโยชน์ส่วนตัว การยืมต้องเป็นไปเพื่อประโยชน์ของทางราชการเท่านั้น (ระเบียบกระทรวงการคลังว่าด้วยการจัดซื้อจัดจ้างและการบริหารพัสดุภาครัฐ พ.ศ. 2560 ข้อ 207)',
  en: 'Government assets may not be borrowed for personal use; a loan must serve official work only (Ministry of Finance procurement and supplies regulation B.E. 2560, clause 207)',
};

export const LOAN_STATUSES = [
  'requested',
  'approved',
  'refused',
  'handed_over',
  'returned',
] as const;
export type LoanStatus = (typeof LOAN_STATUSES)[number];

export const LOAN_STATUS_NAMES: Record<LoanStatus, Message> = {
  requested: { th: 'รออนุมัติ', en: 'Waiting for approval' },
  approved: { th: 'อนุมัติแล้ว รอส่งมอบ', en: 'Approved, to hand over' },
  refused: { th: 'ไม่อนุมัติ', en: 'Refused' },
  handed_over: { th: 'ส่งมอบแล้ว (อยู่ระหว่างยืม)', en: 'Handed over (on loan)' },
  returned: { th: 'คืนแล้ว', en: 'Returned' },
};

const MOVES: Record<LoanStatus, readonly LoanStatus[]> = {
  requested: ['approved', 'refused'],
  approved: ['handed_over', 'refused'],
  refused: [],
  handed_over: ['returned'],
  returned: [],
};

/** Whether a loan may move from one status to another. */
export function canMoveLoan(from: LoanStatus, to: LoanStatus): boolean {
  return MOVES[from].includes(to);
}

/** Refuses a status change the loan's state machine does not allow. */
export function checkLoanMove(from: LoanStatus, to: LoanStatus): void {
  if (canMoveLoan(from, to)) return;
  throw new DomainError('loan_state', {
    th: `คำขอยืมที่มีสถานะ "${LOAN_STATUS_NAMES[from].th}" เปลี่ยนเป็น "${LOAN_STATUS_NAMES[to].th}" ไม่ได้`,
    en: `A loan that is "${LOAN_STATUS_NAMES[from].en}" cannot become "${LOAN_STATUS_NAMES[to].en}"`,
  });
}

/** Loans that hold the asset for their dates: a refused or returned one no longer does. */
export function holdsAsset(status: LoanStatus): boolean {
  return status === 'requested' || status === 'approved' || status === 'handed_over';
}

const DAY_MS = 86_400_000;

/** Whole days from one YYYY-MM-DD to another (negative when `to` comes first). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** The day `days` after a YYYY-MM-DD. */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

function isRealDay(day: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(day) && addDays(day, 0) === day;
}

/** A loan's dates as far as the rules need them. */
export interface LoanPeriod {
  id: string;
  fromOn: string;
  toOn: string;
  status: LoanStatus;
}

function refuse(code: string, field: string, th: string, en: string): never {
  throw new DomainError(code, { th, en }, { field });
}

/** The reason a request is refused by rule alone (personal use), or null when a person decides. */
export function refusalByRule(category: PurposeCategory): Message | null {
  return category === 'personal' ? PERSONAL_USE_REFUSAL : null;
}

/**
 * Checks a new loan request against the rules: real dates from today on, the end not before
 * the start, at most MAX_LOAN_DAYS, an asset that is not retired, and (unless the request is
 * refused by rule anyway) no overlap with another loan of the asset.
 */
export function checkLoanRequest(request: {
  purposeCategory: PurposeCategory;
  fromOn: string;
  toOn: string;
  today: string;
  assetStatus: AssetStatus;
  otherLoans: readonly LoanPeriod[];
}): void {
  if (request.assetStatus === 'retired')
    refuse('asset_retired', 'form', 'ทรัพย์สินนี้เลิกใช้แล้ว ยืมไม่ได้', 'This asset is retired');
  const { fromOn, toOn, today } = request;
  if (!isRealDay(fromOn))
    refuse('bad_date', 'fromOn', 'วันเริ่มยืมไม่ถูกต้อง', 'The first day is not a valid date');
  if (!isRealDay(toOn))
    refuse('bad_date', 'toOn', 'วันกำหนดคืนไม่ถูกต้อง', 'The due date is not a valid date');
  if (fromOn < today)
    refuse('bad_date', 'fromOn', 'วันเริ่มยืมต้องไม่ก่อนวันนี้', 'The first day cannot be in the past');
  if (daysBetween(today, fromOn) > MAX_ADVANCE_DAYS)
    refuse(
      'bad_date',
      'fromOn',
      `ขอยืมล่วงหน้าได้ไม่เกิน ${MAX_ADVANCE_DAYS} วัน (กรอกปีเป็น ค.ศ. เช่น 2026)`,
      `A loan may be asked for at most ${MAX_ADVANCE_DAYS} days ahead (type the year A.D., e.g. 2026)`,
    );
  if (toOn < fromOn)
    refuse(
      'bad_date',
      'toOn',
      'วันกำหนดคืนต้องไม่ก่อนวันเริ่มยืม',
      'The due date cannot come before the first day',
    );
  if (daysBetween(fromOn, toOn) + 1 > MAX_LOAN_DAYS)
    refuse(
      'bad_date',
      'toOn',
      `ยืมได้ครั้งละไม่เกิน ${MAX_LOAN_DAYS} วัน`,
      `A loan may last at most ${MAX_LOAN_DAYS} days`,
    );
  if (refusalByRule(request.purposeCategory)) return; // refused on arrival: holds nothing
  const clash = findOverlap(request.otherLoans, fromOn, toOn);
  if (clash)
    refuse(
      'loan_overlap',
      'fromOn',
      `ทรัพย์สินนี้มีผู้ขอยืมช่วงวันที่ ${longDate('th', clash.fromOn)} ถึง ${longDate('th', clash.toOn)} แล้ว กรุณาเลือกช่วงวันอื่น`,
      `This asset is already asked for from ${longDate('en', clash.fromOn)} to ${longDate('en', clash.toOn)}; choose other days`,
    );
}

/** The first loan still holding the asset whose days meet [fromOn, toOn], if any. */
export function findOverlap(
  loans: readonly LoanPeriod[],
  fromOn: string,
  toOn: string,
  exceptId?: string,
): LoanPeriod | null {
  return (
    loans.find(
      (l) => l.id !== exceptId && holdsAsset(l.status) && l.fromOn <= toOn && fromOn <= l.toOn,
    ) ?? null
  );
}

/** Whether a loan is overdue on `today`: handed over and not returned after its due date. */
export function isLoanOverdue(loan: { status: LoanStatus; toOn: string }, today: string): boolean {
  return loan.status === 'handed_over' && today > loan.toOn;
}

/** Whether a handed-over loan falls due within DUE_SOON_DAYS (and is not yet late). */
export function isLoanDueSoon(loan: { status: LoanStatus; toOn: string }, today: string): boolean {
  return (
    loan.status === 'handed_over' &&
    today <= loan.toOn &&
    daysBetween(today, loan.toOn) <= DUE_SOON_DAYS
  );
}
