import {
  needsConfirmationPage,
  ROUND_STATE_NAMES,
  ROUND_STATES,
  type RoundState,
} from '../../core/round-state.js';
import type { Message } from '../../../../core/errors.js';
import type { Round, RoundWithdrawal } from '../../services/round.service.js';
import { formatDate, m, pick } from '../../../../platform/http/i18n.js';
import { CsrfField, ErrorSummary, type FieldErrors } from '../../../../platform/http/views/form.js';
import { Layout, type PageContext } from '../../../../platform/http/views/layout.js';
import { editionLabel, RoundStateTag } from './round-list.js';

/** Where a move that has a confirmation page is made (confirming: the OIT review's page). */
export function confirmationHref(round: Round, to: RoundState): string {
  return to === 'confirmed'
    ? `/review/rounds/${round.id}/confirm`
    : `/rounds/${round.id}/state/${to}`;
}

/** The withdrawals and reopenings of a round: when, by whom, why. */
function WithdrawalHistory({
  lang,
  withdrawals,
}: {
  lang: PageContext['lang'];
  withdrawals: readonly RoundWithdrawal[];
}) {
  if (withdrawals.length === 0) return null;
  return (
    <section data-withdrawals>
      <h2>{pick(lang, m('การถอนการประกาศผล', 'Withdrawal of the results'))}</h2>
      <ul>
        {withdrawals.map((w) => (
          <li>
            <strong>
              {pick(
                lang,
                w.action === 'round.withdraw'
                  ? m('ถอนการประกาศผล', 'Withdrawn')
                  : m('เปิดให้ชี้แจงใหม่', 'Reopened for clarification'),
              )}
            </strong>{' '}
            {formatDate(lang, w.at, true)} · {w.byName}
            {w.total !== null && (
              <>
                {' '}
                · {pick(lang, m('คะแนนรวมที่ถอน', 'total withdrawn'))} {w.total}
              </>
            )}
            <br />
            {pick(lang, m('เหตุผล:', 'Reason:'))} {w.reason}
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * One round: what it is, where it stands, its withdrawals, and the moves the person may make
 * (`nextStates` holds only those): a working move is a button, a move that cannot be undone
 * (or needs a reason) is a link to its confirmation page.
 */
export function RoundDetailPage({
  page,
  round,
  nextStates,
  withdrawals,
  errors,
  notice,
}: {
  page: PageContext;
  round: Round;
  nextStates: readonly RoundState[];
  withdrawals: readonly RoundWithdrawal[];
  errors: FieldErrors;
  notice: Message | null;
}) {
  const { lang } = page;
  const title = m(`รอบการประเมิน ${round.agencyCode}`, `Assessment round ${round.agencyCode}`);
  const rows: [Message, string][] = [
    [m('หน่วยงาน', 'Agency'), `${round.agencyCode} ${round.agencyNameTh}`],
    [m('ฉบับเกณฑ์/ปี', 'Edition/year'), editionLabel(lang, round)],
    [m('เปิดเมื่อ', 'Opened'), formatDate(lang, round.createdAt, true)],
    [m('ปรับปรุงล่าสุด', 'Updated'), formatDate(lang, round.updatedAt, true)],
  ];
  const rank = (s: RoundState) => ROUND_STATES.indexOf(s);
  return (
    <Layout page={page} title={title} notice={notice}>
      <ErrorSummary lang={lang} errors={errors} />
      <div class="table-scroll">
        <table>
          <tbody>
            {rows.map(([label, value]) => (
              <tr>
                <th scope="row">{pick(lang, label)}</th>
                <td>{value}</td>
              </tr>
            ))}
            <tr>
              <th scope="row">{pick(lang, m('สถานะ', 'State'))}</th>
              <td>
                <RoundStateTag lang={lang} state={round.state} />
              </td>
            </tr>
          </tbody>
        </table>
      </div>
      {nextStates.length > 0 && <h2>{pick(lang, m('เปลี่ยนสถานะ', 'Change the state'))}</h2>}
      {nextStates.map((to) => {
        const back = rank(to) < rank(round.state) && round.state !== 'withdrawn';
        const verb = back ? m('ย้อนกลับเป็น', 'Back to') : m('ไปขั้นถัดไป:', 'Move to');
        if (needsConfirmationPage(round.state, to)) {
          return (
            <p>
              <a class="button" href={confirmationHref(round, to)} data-move={to}>
                {pick(lang, verb)} {pick(lang, ROUND_STATE_NAMES[to])}…
              </a>
            </p>
          );
        }
        return (
          <form method="post" action={`/rounds/${round.id}/state`} class="inline">
            <CsrfField token={page.csrfToken} />
            <input type="hidden" name="to" value={to} />
            <button class={back ? 'button secondary' : 'button'} type="submit">
              {pick(lang, verb)} {pick(lang, ROUND_STATE_NAMES[to])}
            </button>{' '}
          </form>
        );
      })}
      <WithdrawalHistory lang={lang} withdrawals={withdrawals} />
      <h2>{pick(lang, m('งานของรอบนี้', 'Work in this round'))}</h2>
      <ul>
        <li>
          <a href={`/rounds/${round.id}/surveys`}>
            {pick(
              lang,
              m(
                'แบบวัด IIT/EIT: ลิงก์ QR ความคืบหน้า และคะแนน',
                'IIT/EIT surveys: links, QR codes, progress and scores',
              ),
            )}
          </a>
        </li>
        <li>
          <a href={`/rounds/${round.id}/oit`}>
            {pick(lang, m('OIT: หลักฐานการเปิดเผยข้อมูล', 'OIT: disclosure evidence'))}
          </a>
        </li>
        {round.state === 'clarification' && (
          <li>
            <a href={`/rounds/${round.id}/oit/clarify`}>
              {pick(lang, m('OIT: ชี้แจงข้อที่ไม่ผ่าน', 'OIT: clarify the failed items'))}
            </a>
          </li>
        )}
        <li>
          <a href={`/rounds/${round.id}/results`}>
            {pick(lang, m('ผลคะแนน จุดอ่อน และการจำลองผล', 'Scores, weak points and what-if'))}
          </a>
        </li>
        <li>
          <a href={`/rounds/${round.id}/reports`}>
            {pick(lang, m('รายงานผลการประเมิน (PDF, DOCX, Excel)', 'Reports (PDF, DOCX, Excel)'))}
          </a>
        </li>
        <li>
          <a href={`/rounds/${round.id}/voice`}>
            {pick(
              lang,
              m('เสียงผู้มีส่วนได้ส่วนเสีย: ข้อเสนอแนะจากแบบวัด', 'Stakeholder voice: survey comments'),
            )}
          </a>
        </li>
        <li>
          <a href={`/rounds/${round.id}/measures`}>
            {pick(lang, m('มาตรการปรับปรุงจากจุดอ่อน', 'Improvement measures for the weak points'))}
          </a>
        </li>
        <li>
          <a href={`/rounds/${round.id}/calendar`}>
            {pick(lang, m('ปฏิทินงาน ITA และกำหนดการ', 'ITA calendar: milestones and tasks'))}
          </a>
        </li>
        <li>
          <a href={`/review/rounds/${round.id}`}>
            {pick(lang, m('OIT: ผลการตรวจและคะแนน', 'OIT: review results and scores'))}
          </a>
        </li>
      </ul>
      <p>
        <a href="/rounds">{pick(lang, m('กลับไปรายการรอบการประเมิน', 'Back to the rounds'))}</a>
      </p>
    </Layout>
  );
}
