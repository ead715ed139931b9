import { PERSONAL_USE_REFUSAL, PURPOSE_CATEGORIES } from '../../core/loan-rules.js';
import type { AssetDetail, LoanLine } from '../../services/asset.service.js';
import { m, pick, type Lang } from '../../../../platform/http/i18n.js';
import {
  AssetsNav,
  AssetStatusTag,
  dayLabel,
  LoanStatusTag,
  periodLabel,
  purposeLabel,
} from './assets-common.js';
import {
  CsrfField,
  ErrorSummary,
  SelectField,
  TextAreaField,
  type FieldErrors,
} from '../../../../platform/http/views/form.js';
import { Layout, type PageContext } from '../../../../platform/http/views/layout.js';
import { BeDateField } from '../../../../platform/http/views/be-date-field.js';

/** A refusal reason; the rule's own (stored in Thai) is shown in the page's language. */
function reasonText(lang: Lang, reason: string): string {
  return reason === PERSONAL_USE_REFUSAL.th ? pick(lang, PERSONAL_USE_REFUSAL) : reason;
}

/** A table of loans: asset (optional), borrower, purpose, period, status. */
export function LoanHistory(props: {
  lang: Lang;
  loans: LoanLine[];
  showAsset?: boolean;
  anchored?: boolean;
}) {
  const { lang, loans } = props;
  if (loans.length === 0) return <p>{pick(lang, m('ยังไม่มีการยืม', 'No loans yet'))}</p>;
  return (
    <div class="table-scroll">
      <table>
        <thead>
          <tr>
            {props.showAsset && <th>{pick(lang, m('ทรัพย์สิน', 'Asset'))}</th>}
            <th>{pick(lang, m('ผู้ยืม', 'Borrower'))}</th>
            <th>{pick(lang, m('วัตถุประสงค์', 'Purpose'))}</th>
            <th>{pick(lang, m('ช่วงวันที่ยืม', 'Period'))}</th>
            <th>{pick(lang, m('สถานะ', 'Status'))}</th>
          </tr>
        </thead>
        <tbody>
          {loans.map((l) => (
            <tr id={props.anchored ? `loan-${l.id}` : undefined}>
              {props.showAsset && (
                <td>
                  {l.assetNumber} {l.assetName}
                </td>
              )}
              <td>{l.borrowerName}</td>
              <td>
                {purposeLabel(lang, l.purposeCategory)}: {l.purpose}
              </td>
              <td>{periodLabel(lang, l)}</td>
              <td>
                <LoanStatusTag lang={lang} status={l.status} overdue={l.overdue} />
                {l.refusalReason && <p class="hint">{reasonText(lang, l.refusalReason)}</p>}
                {l.returnCondition && (
                  <p class="hint">
                    {pick(lang, m('สภาพเมื่อคืน', 'Condition on return'))}: {l.returnCondition}
                  </p>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Values the request form shows again after a refusal. */
export type LoanFormValues = Partial<Record<string, string>>;

function RequestForm(props: {
  page: PageContext;
  detail: AssetDetail;
  values: LoanFormValues;
  errors: FieldErrors;
}) {
  const { page, detail, values, errors } = props;
  const { lang } = page;
  return (
    <form
      method="post"
      action={`/agencies/${detail.agency.id}/assets/${detail.asset.id}/loans`}
      novalidate
    >
      <CsrfField token={page.csrfToken} />
      <SelectField
        lang={lang}
        name="purposeCategory"
        label={m('ประเภทวัตถุประสงค์', 'Kind of purpose')}
        hint={m(
          'ยืมได้เฉพาะเพื่อประโยชน์ของทางราชการ คำขอเพื่อใช้ส่วนตัวจะไม่ได้รับอนุมัติ',
          'Assets are lent for official work only; a personal-use request is refused',
        )}
        options={PURPOSE_CATEGORIES.map((c) => ({ value: c, label: purposeLabel(lang, c) }))}
        placeholder={m('— เลือก —', '— choose —')}
        value={values.purposeCategory}
        errors={errors}
      />
      <TextAreaField
        lang={lang}
        name="purpose"
        label={m('วัตถุประสงค์การยืม', 'What it is for')}
        value={values.purpose}
        errors={errors}
      />
      <BeDateField
        lang={lang}
        name="fromOn"
        label={m('วันเริ่มยืม', 'First day')}
        value={values.fromOn ?? detail.today}
        errors={errors}
        required
      />
      <BeDateField
        lang={lang}
        name="toOn"
        label={m('วันกำหนดคืน', 'Due date')}
        value={values.toOn}
        errors={errors}
        required
      />
      <button type="submit">{pick(lang, m('ยื่นคำขอยืม', 'Ask to borrow'))}</button>
    </form>
  );
}

/** One asset: its details, loan history and the request form for the agency's staff. */
export function AssetDetailPage(props: {
  page: PageContext;
  detail: AssetDetail;
  values: LoanFormValues;
  errors: FieldErrors;
  notice: { th: string; en: string } | null;
}) {
  const { page, detail, errors } = props;
  const { lang } = page;
  const { asset, agency } = detail;
  return (
    <Layout
      page={page}
      title={m(`${asset.assetNumber} ${asset.name}`, `${asset.assetNumber} ${asset.name}`)}
      notice={props.notice}
    >
      <AssetsNav lang={lang} agencyId={agency.id} />
      <ErrorSummary lang={lang} errors={errors} />
      <table>
        <tbody>
          <tr>
            <th scope="row">{pick(lang, m('ประเภท', 'Category'))}</th>
            <td>{asset.category}</td>
          </tr>
          <tr>
            <th scope="row">{pick(lang, m('ที่ตั้ง', 'Location'))}</th>
            <td>{asset.location || '—'}</td>
          </tr>
          <tr>
            <th scope="row">{pick(lang, m('หน่วยที่ดูแล', 'Custodian unit'))}</th>
            <td>{asset.custodianUnit || '—'}</td>
          </tr>
          <tr>
            <th scope="row">{pick(lang, m('วันที่ได้มา', 'Acquired'))}</th>
            <td>{dayLabel(lang, asset.acquiredOn)}</td>
          </tr>
          <tr>
            <th scope="row">{pick(lang, m('สถานะ', 'Status'))}</th>
            <td>
              <AssetStatusTag lang={lang} status={asset.status} />
            </td>
          </tr>
        </tbody>
      </table>
      <h2>{pick(lang, m('ประวัติการยืม', 'Loan history'))}</h2>
      <LoanHistory lang={lang} loans={detail.loans} anchored />
      {detail.mayManage && asset.status === 'available' && (
        <form method="post" action={`/agencies/${agency.id}/assets/${asset.id}/retire`}>
          <CsrfField token={page.csrfToken} />
          <button type="submit" class="secondary">
            {pick(lang, m('บันทึกเลิกใช้/จำหน่ายทรัพย์สินนี้', 'Record this asset as retired'))}
          </button>
        </form>
      )}
      {detail.mayRequest && asset.status !== 'retired' && (
        <>
          <h2>{pick(lang, m('ขอยืมทรัพย์สินนี้', 'Ask to borrow this asset'))}</h2>
          <RequestForm page={page} detail={detail} values={props.values} errors={errors} />
        </>
      )}
    </Layout>
  );
}
