import type { Message } from '../../../../core/errors.js';
import type { LoanBoard, LoanLine } from '../../services/asset.service.js';
import type { Reminder } from '../../../kit.js';
import { m, pick, type Lang } from '../../../../platform/http/i18n.js';
import { AssetsNav, LoanStatusTag, periodLabel, purposeLabel } from './assets-common.js';
import { LoanHistory } from './assets-detail.js';
import { CsrfField, ErrorSummary, type FieldErrors } from '../../../../platform/http/views/form.js';
import { Layout, type PageContext } from '../../../../platform/http/views/layout.js';

function ActionForm(props: {
  page: PageContext;
  action: string;
  label: Message;
  secondary?: boolean;
  text?: { name: string; id: string; label: Message };
}) {
  const { page, text } = props;
  const { lang } = page;
  return (
    <form method="post" action={props.action}>
      <CsrfField token={page.csrfToken} />
      {text && (
        <div class="field">
          <label for={text.id}>{pick(lang, text.label)}</label>
          <input id={text.id} name={text.name} type="text" />
        </div>
      )}
      <button type="submit" class={props.secondary ? 'secondary' : undefined}>
        {pick(lang, props.label)}
      </button>
    </form>
  );
}

function LoanCard(props: { page: PageContext; board: LoanBoard; loan: LoanLine }) {
  const { page, board, loan } = props;
  const { lang } = page;
  const base = `/agencies/${board.agency.id}/loans/${loan.id}`;
  return (
    <article id={`loan-${loan.id}`} class="card" data-loan-status={loan.status}>
      <p>
        <strong>
          {loan.assetNumber} {loan.assetName}
        </strong>{' '}
        <LoanStatusTag lang={lang} status={loan.status} overdue={loan.overdue} />
      </p>
      <p>
        {pick(lang, m('ผู้ยืม', 'Borrower'))}: {loan.borrowerName}
        <br />
        {purposeLabel(lang, loan.purposeCategory)}: {loan.purpose}
        <br />
        {periodLabel(lang, loan)}
      </p>
      {board.mayManage && loan.status === 'requested' && (
        <>
          <ActionForm page={page} action={`${base}/approve`} label={m('อนุมัติ', 'Approve')} />
          <ActionForm
            page={page}
            action={`${base}/refuse`}
            label={m('ไม่อนุมัติ', 'Refuse')}
            secondary
            text={{
              name: 'reason',
              id: `reason-${loan.id}`,
              label: m('เหตุผลที่ไม่อนุมัติ', 'Reason for refusing'),
            }}
          />
        </>
      )}
      {board.mayManage && loan.status === 'approved' && (
        <ActionForm
          page={page}
          action={`${base}/hand-over`}
          label={m('บันทึกการส่งมอบ', 'Record the hand-over')}
        />
      )}
      {board.mayManage && loan.status === 'handed_over' && (
        <ActionForm
          page={page}
          action={`${base}/return`}
          label={m('บันทึกการรับคืน', 'Record the return')}
          text={{
            name: 'condition',
            id: `condition-${loan.id}`,
            label: m('สภาพทรัพย์สินเมื่อรับคืน', 'Condition on return'),
          }}
        />
      )}
    </article>
  );
}

function Section(props: {
  page: PageContext;
  board: LoanBoard;
  title: Message;
  loans: LoanLine[];
}) {
  const { page, board, loans } = props;
  const { lang } = page;
  return (
    <section>
      <h2>
        {pick(lang, props.title)} ({loans.length})
      </h2>
      {loans.length === 0 ? (
        <p class="muted">{pick(lang, m('ไม่มีรายการ', 'None'))}</p>
      ) : (
        <div class="cards">
          {loans.map((loan) => (
            <LoanCard page={page} board={board} loan={loan} />
          ))}
        </div>
      )}
    </section>
  );
}

function Reminders({ lang, reminders }: { lang: Lang; reminders: Reminder[] }) {
  if (reminders.length === 0) return null;
  return (
    <div class="error-summary" role="alert" data-reminders>
      <h2>{pick(lang, m('สิ่งที่ต้องดำเนินการ', 'To act on'))}</h2>
      <ul>
        {reminders.map((r) => (
          <li>
            <a href={r.href}>{pick(lang, r.title)}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The loans of an agency: reminders, the actor's own loans and, by status, every loan. */
export function AssetLoanBoard(props: {
  page: PageContext;
  board: LoanBoard;
  reminders: Reminder[];
  errors: FieldErrors;
  notice: Message | null;
}) {
  const { page, board } = props;
  const { lang } = page;
  const { agency } = board;
  return (
    <Layout
      page={page}
      title={m(
        `การยืม-คืนทรัพย์สินของราชการ · ${agency.nameTh}`,
        `Asset loans · ${agency.nameEn || agency.nameTh}`,
      )}
      notice={props.notice}
    >
      <AssetsNav lang={lang} agencyId={agency.id} />
      <ErrorSummary lang={lang} errors={props.errors} />
      <Reminders lang={lang} reminders={props.reminders} />
      <h2>{pick(lang, m('การยืมของฉัน', 'My loans'))}</h2>
      <LoanHistory lang={lang} loans={board.mine} showAsset />
      <Section
        page={page}
        board={board}
        title={m('คำขอรออนุมัติ', 'Requests waiting')}
        loans={board.waiting}
      />
      <Section
        page={page}
        board={board}
        title={m('อนุมัติแล้ว รอส่งมอบ', 'Approved, to hand over')}
        loans={board.approved}
      />
      <Section page={page} board={board} title={m('อยู่ระหว่างยืม', 'On loan')} loans={board.onLoan} />
      <h2>{pick(lang, m('คืนแล้วและไม่อนุมัติ (ล่าสุด)', 'Returned and refused (latest)'))}</h2>
      <LoanHistory lang={lang} loans={board.closed} showAsset />
    </Layout>
  );
}
