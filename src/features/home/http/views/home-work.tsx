import type { ComponentChildren } from 'preact';
import type { HomeWork, OwnedItem, ApprovalItem } from '../../services/home.service.js';
import { formatDate, m, pick, type Lang } from '../../../../platform/http/i18n.js';
import { CsrfField } from '../../../../platform/http/views/form.js';
import type { PageContext } from '../../../../platform/http/views/layout.js';
import { dayLabel } from '../../../calendar/feature.js';
import { STATUS_NAMES } from '../../../measures/feature.js';
import { ReviewCounts } from '../../../oit-review/feature.js';
import { editionLabel, RoundStateTag, type Round } from '../../../rounds/feature.js';

const itemPath = (roundId: string, code: string) =>
  `/rounds/${encodeURIComponent(roundId)}/oit/${encodeURIComponent(code)}`;

const roundOf = (lang: Lang, round: Round) =>
  `${round.agencyCode} ${round.agencyNameTh} · ${editionLabel(lang, round)}`;

function OwnedItemRow({ lang, owned }: { lang: Lang; owned: OwnedItem }) {
  const { workspace, entry, progress, verdict } = owned;
  const urgent = ['returned', 'fail', 'partial'].includes(progress.kind);
  return (
    <li data-owned-item={entry.item.code}>
      <a
        href={itemPath(workspace.round.id, entry.item.code)}
        class={urgent ? 'warning-text' : undefined}
      >
        {pick(
          lang,
          m(
            `ข้อ ${entry.item.code} ${entry.item.name.th}`,
            `Item ${entry.item.code} ${entry.item.name.en}`,
          ),
        )}
      </a>{' '}
      <span class="tag" data-status={progress.kind}>
        {pick(lang, progress.label)}
      </span>
      <br />
      <span class="muted">{roundOf(lang, workspace.round)}</span>
      {progress.kind === 'returned' && entry.evidence?.returnReason && (
        <p>
          {pick(lang, m('เหตุผลที่หัวหน้าหน่วยงานส่งกลับ', "The head's reason"))}:{' '}
          {entry.evidence.returnReason}
        </p>
      )}
      {verdict && (verdict.reason || verdict.advice) && (
        <p>
          {verdict.reason && (
            <>
              {pick(lang, m('เหตุผลของผู้ประเมิน', "Assessor's reason"))}: {verdict.reason}
            </>
          )}
          {verdict.advice && (
            <>
              {' · '}
              {pick(lang, m('ข้อเสนอแนะ', 'Advice'))}: {verdict.advice}
            </>
          )}
        </p>
      )}
    </li>
  );
}

function ApprovalRow({ page, item }: { page: PageContext; item: ApprovalItem }) {
  const { lang } = page;
  const { workspace, entry } = item;
  const action = itemPath(workspace.round.id, entry.item.code);
  const owner = entry.evidence?.ownerUserId ? workspace.names.get(entry.evidence.ownerUserId) : '';
  const reasonId = `reason-${workspace.round.id}-${entry.item.code}`;
  return (
    <li data-approval-item={entry.item.code}>
      <a href={action}>
        {pick(
          lang,
          m(
            `ข้อ ${entry.item.code} ${entry.item.name.th}`,
            `Item ${entry.item.code} ${entry.item.name.en}`,
          ),
        )}
      </a>
      <br />
      <span class="muted">
        {roundOf(lang, workspace.round)}
        {owner ? ` · ${owner}` : ''}
        {entry.evidence?.updatedAt
          ? ` · ${pick(lang, m('เสนอเมื่อ', 'offered'))} ${formatDate(lang, entry.evidence.updatedAt, true)}`
          : ''}
      </span>
      <form method="post" action={action} class="inline">
        <CsrfField token={page.csrfToken} />
        <input type="hidden" name="next" value="home" />
        <button type="submit" name="action" value="approve">
          {pick(lang, m('อนุมัติ', 'Approve'))}
        </button>
      </form>
      <details>
        <summary>{pick(lang, m('ส่งกลับให้แก้ไข', 'Send back'))}</summary>
        <form method="post" action={action}>
          <CsrfField token={page.csrfToken} />
          <input type="hidden" name="next" value="home" />
          <label for={reasonId}>{pick(lang, m('เหตุผลที่ส่งกลับให้แก้ไข', 'Why you send it back'))}</label>
          <textarea id={reasonId} name="reason" rows={2} maxLength={2000} required />
          <button type="submit" name="action" value="return">
            {pick(lang, m('ส่งกลับพร้อมเหตุผล', 'Send back with the reason'))}
          </button>
        </form>
      </details>
    </li>
  );
}

/** One panel of the home: a titled list (with its count when given), labelled for screen readers. */
function ListPanel({
  id,
  title,
  count,
  children,
}: {
  id: string;
  title: string;
  count?: number;
  children: ComponentChildren;
}) {
  return (
    <section aria-labelledby={id} data-panel={id}>
      <h2 id={id}>{count === undefined ? title : `${title} (${count})`}</h2>
      <ul>{children}</ul>
    </section>
  );
}

/** The work a person's roles give them, panel by panel; a panel shows only when it has work. */
export function HomeWorkPanels({ page, work }: { page: PageContext; work: HomeWork }) {
  const { lang } = page;
  return (
    <>
      {work.approvals.length > 0 && (
        <ListPanel
          id="approvals"
          title={pick(lang, m('หลักฐาน OIT รอคุณอนุมัติ', 'OIT evidence awaiting your approval'))}
          count={work.approvals.length}
        >
          {work.approvals.map((item) => (
            <ApprovalRow page={page} item={item} />
          ))}
        </ListPanel>
      )}
      {work.ownedItems.length > 0 && (
        <ListPanel
          id="owned-items"
          title={pick(lang, m('ข้อ OIT ที่คุณรับผิดชอบ', 'OIT items you own'))}
          count={work.ownedItems.length}
        >
          {work.ownedItems.map((owned) => (
            <OwnedItemRow lang={lang} owned={owned} />
          ))}
        </ListPanel>
      )}
      {work.ownedMeasures.length > 0 && (
        <ListPanel
          id="owned-measures"
          title={pick(lang, m('มาตรการที่คุณรับผิดชอบ', 'Measures you own'))}
          count={work.ownedMeasures.length}
        >
          {work.ownedMeasures.map(({ round, measure }) => (
            <li>
              <a
                href={`/rounds/${encodeURIComponent(round.id)}/measures/${encodeURIComponent(measure.id)}`}
                class={measure.overdue ? 'warning-text' : undefined}
              >
                {measure.title}
              </a>{' '}
              <span class="tag">{pick(lang, STATUS_NAMES[measure.status])}</span>
              <br />
              <span class="muted">
                {roundOf(lang, round)}
                {measure.dueOn
                  ? ` · ${pick(lang, measure.overdue ? m('เกินกำหนด', 'overdue since') : m('กำหนด', 'due'))} ${dayLabel(lang, measure.dueOn)}`
                  : ''}
              </span>
            </li>
          ))}
        </ListPanel>
      )}
      {work.reviews.length > 0 && (
        <ListPanel id="reviews" title={pick(lang, m('งานตรวจ OIT ของคุณ', 'Your OIT reviews'))}>
          {[...work.reviews]
            .sort((a, b) => b.waiting - a.waiting)
            .map((queued) => (
              <li>
                <a href={`/review/rounds/${encodeURIComponent(queued.round.id)}`}>
                  {roundOf(lang, queued.round)}
                </a>{' '}
                <RoundStateTag lang={lang} state={queued.round.state} />
                <br />
                <ReviewCounts lang={lang} queued={queued} />
              </li>
            ))}
        </ListPanel>
      )}
      {work.units.map((panel) => (
        <section aria-labelledby={`units-${panel.agencyId}`} data-panel="units">
          <h2 id={`units-${panel.agencyId}`}>
            {pick(lang, m('ความคืบหน้าของหน่วยงานในสังกัด', "Your units' progress"))}
          </h2>
          <p>
            <a href={`/agencies/${encodeURIComponent(panel.agencyId)}/rollup`}>
              {pick(lang, m('ภาพรวมผลของหน่วยงานในสังกัด', 'Roll-up of the units'))}
            </a>
          </p>
          {panel.rounds.length === 0 ? (
            <p>{pick(lang, m('ไม่มีรอบที่กำลังดำเนินการ', 'No running rounds'))}</p>
          ) : (
            <div class="table-scroll">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{pick(lang, m('หน่วยงาน', 'Unit'))}</th>
                    <th scope="col">{pick(lang, m('ขั้นตอน', 'Stage'))}</th>
                    <th scope="col">{pick(lang, m('หลักฐาน OIT', 'OIT evidence'))}</th>
                  </tr>
                </thead>
                <tbody>
                  {panel.rounds.map(({ round, counts }) => (
                    <tr data-unit-round={round.id}>
                      <td>
                        <a href={`/rounds/${encodeURIComponent(round.id)}`}>
                          {round.agencyCode} {round.agencyNameTh}
                        </a>
                      </td>
                      <td>
                        <RoundStateTag lang={lang} state={round.state} />
                      </td>
                      <td>
                        {pick(
                          lang,
                          m(
                            `ส่งแล้ว ${counts.submitted ?? 0} · อนุมัติแล้ว ${counts.approved ?? 0} · รออนุมัติ ${counts.ready ?? 0} · ร่าง ${counts.draft ?? 0}`,
                            `${counts.submitted ?? 0} submitted · ${counts.approved ?? 0} approved · ${counts.ready ?? 0} awaiting approval · ${counts.draft ?? 0} drafts`,
                          ),
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      ))}
      {work.nextSteps.length > 0 && (
        <section aria-labelledby="next-steps" data-panel="next-steps">
          <h2 id="next-steps">
            {pick(lang, m('ขั้นต่อไปของรอบการประเมิน', 'Next step of your rounds'))}
          </h2>
          <ul>
            {work.nextSteps.map(({ round, step }) => (
              <li>
                <a href={`/rounds/${encodeURIComponent(round.id)}`}>{roundOf(lang, round)}</a>{' '}
                <RoundStateTag lang={lang} state={round.state} />
                <br />
                {pick(lang, step.text)} ·{' '}
                <a href={step.href}>{pick(lang, m('ดำเนินการต่อ', 'Go on'))}</a>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

/** Whether a person's roles give them any listed work. */
export function hasWork(work: HomeWork): boolean {
  return (
    work.approvals.length > 0 ||
    work.ownedItems.length > 0 ||
    work.ownedMeasures.length > 0 ||
    work.reviews.some((r) => r.waiting > 0) ||
    work.nextSteps.length > 0
  );
}
