import type { Message } from '../../../../core/errors.js';
import { WITHHELD_LABEL } from '../../../../core/disclosure/disclosure.js';
import type { AssessorRole } from '../../core/review-policy.js';
import type { OitDecisionRow } from '../../services/oit-review.service.js';
import type { OitScoreSummary } from '../../services/oit-review-score.service.js';
import type { ReviewQueueRound, ReviewRoundOverview } from '../../services/oit-review.service.js';
import { m, pick, type Lang } from '../../../../platform/http/i18n.js';
import {
  CsrfField,
  ErrorSummary,
  Field,
  type FieldErrors,
} from '../../../../platform/http/views/form.js';
import { Layout, type PageContext } from '../../../../platform/http/views/layout.js';
import { editionLabel, RoundStateTag } from '../../../rounds/feature.js';
import { EVIDENCE_STATUS_NAMES, isEvidenceStatus } from '../../../oit-evidence/feature.js';

const ROLE_NAMES: Record<AssessorRole, Message> = {
  primary: m('ผู้ประเมินหลัก', 'Primary assessor'),
  second: m('ผู้ประเมินคนที่สอง', 'Second assessor'),
};

/** A decision as a short label: ผ่าน / ไม่ผ่าน / a partial score / not yet. */
export function DecisionTag({ lang, decision }: { lang: Lang; decision: OitDecisionRow | null }) {
  if (!decision) return <span class="tag">{pick(lang, m('ยังไม่ตรวจ', 'Not decided'))}</span>;
  if (decision.score >= 100) return <span class="tag">{pick(lang, m('ผ่าน', 'Pass'))}</span>;
  if (decision.score <= 0) return <strong class="tag">{pick(lang, m('ไม่ผ่าน', 'Fail'))}</strong>;
  return <span class="tag">{decision.score}</span>;
}

/** How much of a round waits for the assessor: waiting of submitted, decided. */
export function ReviewCounts({ lang, queued }: { lang: Lang; queued: ReviewQueueRound }) {
  const { submitted, decided, waiting } = queued;
  return (
    <span class={waiting > 0 ? 'warning-text' : 'muted'} data-waiting={waiting}>
      {pick(
        lang,
        m(
          `รอตรวจ ${waiting} ข้อ · ตรวจแล้ว ${decided} ข้อ · หน่วยงานส่งแล้ว ${submitted} ข้อ`,
          `${waiting} waiting · ${decided} decided · ${submitted} submitted`,
        ),
      )}
    </span>
  );
}

/** The assessor's list of assigned rounds, each with how much waits. */
export function ReviewListPage({
  page,
  rounds,
}: {
  page: PageContext;
  rounds: ReviewQueueRound[];
}) {
  const { lang } = page;
  return (
    <Layout page={page} title={m('งานตรวจ OIT', 'OIT review')}>
      {rounds.length === 0 && (
        <p>{pick(lang, m('ยังไม่มีรอบที่ได้รับมอบหมาย', 'No rounds are assigned to you yet'))}</p>
      )}
      <ul>
        {rounds.map((queued) => (
          <li data-review-round={queued.round.id}>
            <a href={`/review/rounds/${queued.round.id}`}>
              {queued.round.agencyCode} {queued.round.agencyNameTh}
            </a>{' '}
            · {editionLabel(lang, queued.round)} ·{' '}
            <RoundStateTag lang={lang} state={queued.round.state} /> ·{' '}
            {pick(lang, ROLE_NAMES[queued.role])}
            <br />
            <ReviewCounts lang={lang} queued={queued} />
          </li>
        ))}
      </ul>
    </Layout>
  );
}

/** The OIT score, its indicators, the total and the level, as cards. */
export function ScoreCards({ lang, scores }: { lang: Lang; scores: OitScoreSummary }) {
  const cards: [Message, string][] = [
    [m('คะแนน OIT', 'OIT score'), String(scores.oit?.shown ?? '—')],
    ...scores.indicators.map((i): [Message, string] => [
      m(`ตัวชี้วัดที่ ${i.code}`, `Indicator ${i.code}`),
      String(i.shown ?? '—'),
    ]),
    [m('คะแนนรวม', 'Total'), scores.withheld ? WITHHELD_LABEL : String(scores.total ?? '—')],
    [
      m('ระดับ', 'Level'),
      scores.withheld ? WITHHELD_LABEL : scores.level ? pick(lang, scores.level.name) : '—',
    ],
  ];
  return (
    <div class="cards">
      {cards.map(([label, value]) => (
        <div class="card">
          <div>{pick(lang, label)}</div>
          <div class="big">{value}</div>
        </div>
      ))}
    </div>
  );
}

function AssignForm({
  page,
  roundId,
  errors,
}: {
  page: PageContext;
  roundId: string;
  errors: FieldErrors;
}) {
  const { lang } = page;
  return (
    <form method="post" action={`/review/rounds/${roundId}/assign`}>
      <h2>{pick(lang, m('มอบหมายผู้ประเมิน', 'Assign an assessor'))}</h2>
      <CsrfField token={page.csrfToken} />
      <Field
        lang={lang}
        name="email"
        label={m('อีเมลผู้ประเมิน', "Assessor's email")}
        errors={errors}
        type="email"
      />
      <label for="role">{pick(lang, m('บทบาท', 'Role'))}</label>
      <select id="role" name="role">
        <option value="primary">{pick(lang, ROLE_NAMES.primary)}</option>
        <option value="second">{pick(lang, ROLE_NAMES.second)}</option>
      </select>{' '}
      <button class="button" type="submit">
        {pick(lang, m('มอบหมาย', 'Assign'))}
      </button>
    </form>
  );
}

/** One round under review: scores, items with decisions, agreement, assignment and confirmation. */
export function ReviewRoundPage({
  page,
  overview,
  scores,
  mayConfirm,
  errors,
}: {
  page: PageContext;
  overview: ReviewRoundOverview;
  scores: OitScoreSummary;
  /** Whether the person may confirm the round (its parent body, a system administrator). */
  mayConfirm: boolean;
  errors: FieldErrors;
}) {
  const { lang } = page;
  const { round, agreement } = overview;
  const title = m(`ตรวจ OIT ${round.agencyCode}`, `OIT review ${round.agencyCode}`);
  return (
    <Layout page={page} title={title}>
      <ErrorSummary lang={lang} errors={errors} />
      <p>
        {round.agencyNameTh} · {editionLabel(lang, round)} ·{' '}
        <RoundStateTag lang={lang} state={round.state} />
      </p>
      <ScoreCards lang={lang} scores={scores} />
      {agreement && (
        <p>
          {pick(lang, m('ความสอดคล้องของผู้ประเมินสองคน', 'Agreement of the two assessors'))}:{' '}
          {agreement.items} {pick(lang, m('ข้อ', 'items'))},{' '}
          {agreement.percent === null ? '—' : `${(agreement.percent * 100).toFixed(1)}%`}, kappa{' '}
          {agreement.kappa === null ? '—' : agreement.kappa.toFixed(2)}
        </p>
      )}
      <div class="table-scroll">
        <table>
          <thead>
            <tr>
              <th>{pick(lang, m('ข้อ', 'Item'))}</th>
              <th>{pick(lang, m('สถานะหลักฐาน', 'Evidence'))}</th>
              <th>{pick(lang, m('ผลการตรวจ', 'Decision'))}</th>
            </tr>
          </thead>
          <tbody>
            {overview.items.map(({ item, evidenceStatus, primary }) => (
              <tr>
                <td>
                  <a href={`/review/rounds/${round.id}/items/${encodeURIComponent(item.code)}`}>
                    {item.code} {pick(lang, item.name)}
                  </a>
                </td>
                <td data-evidence-status={evidenceStatus ?? ''}>
                  {evidenceStatus && isEvidenceStatus(evidenceStatus)
                    ? pick(lang, EVIDENCE_STATUS_NAMES[evidenceStatus])
                    : pick(lang, m('ยังไม่มีหลักฐาน', 'No evidence'))}
                </td>
                <td>
                  <DecisionTag lang={lang} decision={primary} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {mayConfirm && round.state === 'clarification' && (
        <p>
          <a class="button" href={`/review/rounds/${round.id}/confirm`} data-move="confirmed">
            {pick(lang, m('ยืนยันผลและปิดรอบ…', 'Confirm the results and lock the round…'))}
          </a>
        </p>
      )}
      {!mayConfirm && overview.role !== null && round.state === 'clarification' && (
        <p class="muted">
          {pick(
            lang,
            m(
              'เมื่อตรวจช่วงชี้แจงเสร็จ หน่วยงานต้นสังกัดเป็นผู้ยืนยันผล',
              'When the clarification is reviewed, the parent body confirms the results',
            ),
          )}
        </p>
      )}
      {overview.mayAssign && <AssignForm page={page} roundId={round.id} errors={errors} />}
      <p>
        {overview.assignments
          .map((a) => `${pick(lang, ROLE_NAMES[a.role])}: ${a.displayName}`)
          .join(' · ')}
      </p>
    </Layout>
  );
}
