import { ROLE_NAMES, type Role } from '../../../../core/access/roles.js';
import type { Message } from '../../../../core/errors.js';
import {
  moversOf,
  type RoundStep,
  type StepStatus,
  type WorkLine,
  type WorkTarget,
} from '../../core/round-progress.js';
import { ROUND_STATE_NAMES, ROUND_STATES, type RoundState } from '../../core/round-state.js';
import type { Round, RoundWithdrawal } from '../../services/round.service.js';
import { formatDate, m, pick, type Lang } from '../../../../platform/http/i18n.js';
import { ErrorSummary, type FieldErrors } from '../../../../platform/http/views/form.js';
import { Layout, type PageContext } from '../../../../platform/http/views/layout.js';
import { editionLabel, RoundStateTag } from './round-list.js';

/** Where a move is made: its confirmation page (confirming: the OIT review's, which stores the scores). */
export function confirmationHref(round: Round, to: RoundState): string {
  return to === 'confirmed'
    ? `/review/rounds/${round.id}/confirm`
    : `/rounds/${round.id}/state/${to}`;
}

/** The address of a page of the round. */
export function targetHref(roundId: string, target: WorkTarget): string {
  if (target === 'review') return `/review/rounds/${roundId}`;
  if (target === 'clarify') return `/rounds/${roundId}/oit/clarify`;
  return `/rounds/${roundId}/${target}`;
}

/** What a link to a page of the round says. */
const TARGET_NAMES: Record<WorkTarget, Message> = {
  surveys: m('แบบวัด IIT/EIT: ลิงก์ QR และความคืบหน้า', 'IIT/EIT surveys: links, QR codes and progress'),
  oit: m('หลักฐาน OIT', 'OIT evidence'),
  review: m('การตรวจ OIT ของผู้ประเมิน', "The assessors' OIT review"),
  clarify: m('ชี้แจงข้อที่ไม่ผ่าน', 'Answer the failed items'),
  results: m('ผลคะแนน จุดอ่อน และการจำลองผล', 'Scores, weak points and what-if'),
  reports: m('รายงานผลการประเมิน (PDF, DOCX, Excel)', 'Reports (PDF, DOCX, Excel)'),
  measures: m('มาตรการปรับปรุงจากจุดอ่อน', 'Improvement measures for the weak points'),
  calendar: m('ปฏิทินงาน ITA และกำหนดการ', 'ITA calendar: milestones and tasks'),
  voice: m('เสียงผู้มีส่วนได้ส่วนเสีย: ข้อเสนอแนะจากแบบวัด', 'Stakeholder voice: survey comments'),
};

/** The other pages of a round, in the order of the page's last list. */
const OTHER_PAGES: readonly WorkTarget[] = [
  'surveys',
  'oit',
  'review',
  'results',
  'reports',
  'voice',
  'measures',
  'calendar',
];

const STATUS_NAMES: Record<StepStatus, Message> = {
  done: m('ผ่านแล้ว', 'Done'),
  current: m('ขั้นปัจจุบัน', 'Current stage'),
  upcoming: m('ยังไม่ถึง', 'To come'),
  withdrawn: m('ถอนการประกาศผลแล้ว', 'Withdrawn'),
};

/** What the link of a move says: on to the next stage, back, or the corrections of a published round. */
function moveLabel(from: RoundState, to: RoundState, back: boolean): Message {
  if (to === 'withdrawn') return m('ถอนการประกาศผล', 'Withdraw the results');
  if (from === 'withdrawn') return m('เปิดให้ชี้แจงใหม่', 'Reopen for clarification');
  const name = ROUND_STATE_NAMES[to];
  return back
    ? m(`ย้อนกลับเป็น ${name.th}`, `Back to ${name.en}`)
    : m(`ไปขั้นถัดไป: ${name.th}`, `Move to ${name.en}`);
}

function roleList(lang: Lang, roles: readonly Role[]): string {
  return roles.map((r) => pick(lang, ROLE_NAMES[r])).join(lang === 'th' ? ' และ ' : ', ');
}

/** The withdrawals and reopenings of a round: when, by whom, why. */
function WithdrawalHistory({
  lang,
  withdrawals,
}: {
  lang: Lang;
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

/** One line of what is left: the count, who acts, and a link for whoever may open the page. */
function Work({
  lang,
  roundId,
  line,
  opens,
}: {
  lang: Lang;
  roundId: string;
  line: WorkLine;
  opens: ReadonlySet<WorkTarget>;
}) {
  return (
    <li data-work={line.key} data-open={String(line.open)}>
      {pick(lang, line.text)}{' '}
      <span class="muted">
        ({pick(lang, m('ผู้ดำเนินการ:', 'by'))} {roleList(lang, line.actors)})
      </span>
      {opens.has(line.target) && (
        <>
          {' '}
          <a href={targetHref(roundId, line.target)}>{pick(lang, TARGET_NAMES[line.target])} →</a>
        </>
      )}
    </li>
  );
}

/**
 * The moves from the stage a round stands at: each a link to its confirmation page, for whoever
 * may make it; otherwise who makes the next move.
 */
function Moves({
  lang,
  round,
  nextStates,
}: {
  lang: Lang;
  round: Round;
  nextStates: readonly RoundState[];
}) {
  const rank = (s: RoundState) => ROUND_STATES.indexOf(s);
  if (nextStates.length === 0) {
    const movers = moversOf(round.state);
    if (movers.length === 0) return null;
    return (
      <p data-movers>
        {pick(lang, m('ผู้เปลี่ยนไปขั้นถัดไป:', 'Moved on by:'))} {roleList(lang, movers)}
      </p>
    );
  }
  return (
    <p class="moves">
      {nextStates.map((to) => {
        const back = rank(to) < rank(round.state) && round.state !== 'withdrawn';
        return (
          <>
            <a
              class={back ? 'button secondary' : 'button'}
              href={confirmationHref(round, to)}
              data-move={to}
            >
              {pick(lang, moveLabel(round.state, to, back))}…
            </a>{' '}
          </>
        );
      })}
    </p>
  );
}

/** The round's step list: an ordered list, the current stage marked for screen readers. */
function StepList({
  lang,
  round,
  steps,
  opens,
  nextStates,
}: {
  lang: Lang;
  round: Round;
  steps: readonly RoundStep[];
  opens: ReadonlySet<WorkTarget>;
  nextStates: readonly RoundState[];
}) {
  return (
    <ol class="steps" data-steps>
      {steps.map((step) => {
        const here = step.status === 'current' || step.status === 'withdrawn';
        return (
          <li
            data-stage={step.stage}
            data-status={step.status}
            {...(here ? { 'aria-current': 'step' } : {})}
          >
            <span class="step-name">{pick(lang, step.name)}</span>{' '}
            <span class="tag">{pick(lang, STATUS_NAMES[step.status])}</span>
            {here && (
              <>
                <p>{pick(lang, step.meaning)}</p>
                <p>
                  {pick(lang, m('ผู้ดำเนินการในขั้นนี้:', 'Who acts in this stage:'))}{' '}
                  {roleList(lang, step.actors)}
                </p>
                {step.work.length > 0 && (
                  <>
                    <p>{pick(lang, m('สิ่งที่ต้องทำ', 'What is left'))}</p>
                    <ul class="work">
                      {step.work.map((line) => (
                        <Work lang={lang} roundId={round.id} line={line} opens={opens} />
                      ))}
                    </ul>
                  </>
                )}
                <Moves lang={lang} round={round} nextStates={nextStates} />
              </>
            )}
          </li>
        );
      })}
    </ol>
  );
}

/**
 * One round: what it is, its step list (where it stands, what is left, who acts, where), its
 * withdrawals, and links to the round's pages, each shown only to whoever may open it. A move
 * (`nextStates` holds only those the person may make) is a link to its confirmation page.
 */
export function RoundDetailPage({
  page,
  round,
  steps,
  opens,
  nextStates,
  withdrawals,
  errors,
  notice,
}: {
  page: PageContext;
  round: Round;
  steps: readonly RoundStep[];
  opens: ReadonlySet<WorkTarget>;
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
  const others = OTHER_PAGES.filter((t) => opens.has(t));
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
      <h2>{pick(lang, m('ขั้นตอนของรอบการประเมิน', 'The stages of the round'))}</h2>
      <StepList lang={lang} round={round} steps={steps} opens={opens} nextStates={nextStates} />
      <WithdrawalHistory lang={lang} withdrawals={withdrawals} />
      {others.length > 0 && (
        <>
          <h2>{pick(lang, m('หน้าอื่นของรอบนี้', 'Other pages of this round'))}</h2>
          <ul data-pages>
            {others.map((t) => (
              <li>
                <a href={targetHref(round.id, t)}>{pick(lang, TARGET_NAMES[t])}</a>
              </li>
            ))}
          </ul>
        </>
      )}
      <p>
        <a href="/rounds">{pick(lang, m('กลับไปรายการรอบการประเมิน', 'Back to the rounds'))}</a>
      </p>
    </Layout>
  );
}
