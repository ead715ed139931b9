import {
  ASSET_STATUS_NAMES,
  LOAN_STATUS_NAMES,
  PURPOSE_NAMES,
  type AssetStatus,
  type LoanStatus,
  type PurposeCategory,
} from '../../core/loan-rules.js';
import { formatDay, m, pick, type Lang } from '../../../../platform/http/i18n.js';

/** A day (YYYY-MM-DD) in the Buddhist era for Thai. */
export const dayLabel = formatDay;

/** A loan's period: first day to due date. */
export function periodLabel(lang: Lang, loan: { fromOn: string; toOn: string }): string {
  return `${dayLabel(lang, loan.fromOn)} – ${dayLabel(lang, loan.toOn)}`;
}

export function purposeLabel(lang: Lang, category: PurposeCategory): string {
  return pick(lang, PURPOSE_NAMES[category]);
}

export function AssetStatusTag({ lang, status }: { lang: Lang; status: AssetStatus }) {
  return <span class="tag">{pick(lang, ASSET_STATUS_NAMES[status])}</span>;
}

/** A loan's status; an overdue loan says so in words, not by colour alone. */
export function LoanStatusTag(props: { lang: Lang; status: LoanStatus; overdue?: boolean }) {
  const { lang, status, overdue } = props;
  return (
    <span class="tag">
      {pick(lang, LOAN_STATUS_NAMES[status])}
      {overdue && <strong class="warning-text"> · {pick(lang, m('เลยกำหนดคืน', 'Overdue'))}</strong>}
    </span>
  );
}

/** The links between the asset pages of an agency. */
export function AssetsNav({ lang, agencyId }: { lang: Lang; agencyId: string }) {
  const base = `/agencies/${agencyId}`;
  return (
    <p>
      <a href={`${base}/assets`}>{pick(lang, m('ทะเบียนทรัพย์สิน', 'Asset register'))}</a>
      {' · '}
      <a href={`${base}/loans`}>{pick(lang, m('การยืม-คืน', 'Loans'))}</a>
      {' · '}
      <a href={`${base}/assets/guideline`}>{pick(lang, m('แนวปฏิบัติการยืม', 'Loan guideline'))}</a>
      {' · '}
      <a href={`${base}/assets/report`}>{pick(lang, m('รายงานประจำปี', 'Yearly report'))}</a>
      {' · '}
      <a href={base}>{pick(lang, m('กลับหน้าหน่วยงาน', 'Back to the agency'))}</a>
    </p>
  );
}
