import { ROUND_STATE_NAMES, ROUND_STATES, type RoundState } from '../../core/round-state.js';
import type { Message } from '../../../../core/errors.js';
import type { Round } from '../../services/round.service.js';
import { formatDate, m, pick } from '../../../../platform/http/i18n.js';
import { CsrfField, ErrorSummary, type FieldErrors } from '../../../../platform/http/views/form.js';
import { Layout, type PageContext } from '../../../../platform/http/views/layout.js';
import { editionLabel, RoundStateTag } from './round-list.js';

/** One round: what it is, where it stands, and the moves the person may make. */
export function RoundDetailPage({
  page,
  round,
  nextStates,
  errors,
  notice,
}: {
  page: PageContext;
  round: Round;
  nextStates: readonly RoundState[];
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
        if (to === 'confirmed') {
          // confirmation stores the round's scores: it is done from the OIT review page
          return (
            <p>
              <a class="button" href={`/review/rounds/${round.id}`}>
                {pick(lang, m('ยืนยันผลที่หน้าผลการตรวจ OIT', 'Confirm on the OIT review page'))}
              </a>
            </p>
          );
        }
        const back = rank(to) < rank(round.state);
        const verb = back ? m('ย้อนกลับเป็น', 'Back to') : m('ไปขั้นถัดไป:', 'Move to');
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
