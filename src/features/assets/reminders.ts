import { remindedAgencyIds } from '../../core/access/roles.js';
import { DUE_SOON_DAYS, isLoanDueSoon, isLoanOverdue } from './core/loan-rules.js';
import { findAgencyById } from '../agencies/feature.js';
import { listLoans, type LoanView } from './db/asset.repository.js';
import type { Reminder, ReminderProvider } from '../kit.js';
import { bangkokDay } from '../../core/thai-calendar.js';

function loansHref(loan: LoanView): string {
  return `/agencies/${loan.agencyId}/loans#loan-${loan.id}`;
}

function borrowerReminder(loan: LoanView, today: string, code: string | null): Reminder {
  const overdue = isLoanOverdue(loan, today);
  const what = `${loan.assetNumber} ${loan.assetName}`;
  return {
    kind: 'loan',
    title: overdue
      ? { th: `เลยกำหนดคืนทรัพย์สิน: ${what}`, en: `Overdue: return ${what}` }
      : {
          th: `ใกล้ครบกำหนดคืนทรัพย์สิน (ภายใน ${DUE_SOON_DAYS} วัน): ${what}`,
          en: `Due within ${DUE_SOON_DAYS} days: return ${what}`,
        },
    href: loansHref(loan),
    dueOn: loan.toOn,
    overdue,
    agencyCode: code,
  };
}

function approverReminder(loan: LoanView, today: string, code: string | null): Reminder {
  const what = `${loan.assetNumber} ${loan.assetName}`;
  if (loan.status === 'requested')
    return {
      kind: 'loan_request',
      title: {
        th: `คำขอยืมรออนุมัติ: ${what} (${loan.borrowerName})`,
        en: `Loan request to decide: ${what} (${loan.borrowerName})`,
      },
      href: loansHref(loan),
      dueOn: loan.fromOn,
      overdue: loan.fromOn < today,
      agencyCode: code,
    };
  return {
    kind: 'loan_overdue',
    title: {
      th: `ทรัพย์สินเลยกำหนดคืน ต้องติดตาม: ${what} (${loan.borrowerName})`,
      en: `Follow up an overdue loan: ${what} (${loan.borrowerName})`,
    },
    href: loansHref(loan),
    dueOn: loan.toOn,
    overdue: true,
    agencyCode: code,
  };
}

/**
 * A borrower's own loans overdue or due within two days; for the administrators and the head
 * of an agency, its requests waiting for a decision and its overdue loans.
 */
export const assetsReminders: ReminderProvider = async (ctx, actor) => {
  const db = ctx.db.kysely;
  const today = bangkokDay(ctx.clock.now());
  const codes = new Map<string, string | null>();
  const codeOf = async (agencyId: string) => {
    if (!codes.has(agencyId))
      codes.set(agencyId, (await findAgencyById(db, agencyId))?.code ?? null);
    return codes.get(agencyId) ?? null;
  };
  const reminders: Reminder[] = [];
  const own = await listLoans(db, { borrowerUserId: actor.user.id, statuses: ['handed_over'] });
  for (const loan of own)
    if (isLoanOverdue(loan, today) || isLoanDueSoon(loan, today))
      reminders.push(borrowerReminder(loan, today, await codeOf(loan.agencyId)));
  const theirs = await listLoans(db, {
    agencyIds: remindedAgencyIds(actor.grants, 'asset.loan.approve'),
    statuses: ['requested', 'handed_over'],
  });
  for (const loan of theirs)
    if (loan.status === 'requested' || isLoanOverdue(loan, today))
      reminders.push(approverReminder(loan, today, await codeOf(loan.agencyId)));
  return reminders;
};
