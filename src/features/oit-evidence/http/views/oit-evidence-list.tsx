import type { Message } from '../../../../core/errors.js';
import { EVIDENCE_STATUS_NAMES, type EvidenceStatus } from '../../core/evidence-status.js';
import { itemProgress } from '../../core/evidence-progress.js';
import type { ItemEvidence } from '../../services/oit-evidence-support.js';
import type { OitWorkspace } from '../../services/oit-evidence.service.js';
import { m, pick, type Lang } from '../../../../platform/http/i18n.js';
import { CsrfField } from '../../../../platform/http/views/form.js';
import { Layout, type PageContext } from '../../../../platform/http/views/layout.js';

/** The path of a round's OIT pages. */
export function oitPath(roundId: string, rest = ''): string {
  return `/rounds/${encodeURIComponent(roundId)}/oit${rest}`;
}

/** A status shown as a tag. */
export function EvidenceStatusTag({ lang, status }: { lang: Lang; status: EvidenceStatus }) {
  return (
    <span class="tag" data-status={status}>
      {pick(lang, EVIDENCE_STATUS_NAMES[status])}
    </span>
  );
}

/** Where an item stands for the agency (its step, under review, or the verdict) as a tag. */
export function ItemProgressTag({
  lang,
  workspace,
  entry,
}: {
  lang: Lang;
  workspace: OitWorkspace;
  entry: ItemEvidence;
}) {
  const progress = itemProgress(
    workspace.round.state,
    entry.status,
    Boolean(entry.evidence?.returnReason),
    workspace.verdicts.get(entry.item.code) ?? null,
  );
  return (
    <span class="tag" data-status={progress.kind}>
      {pick(lang, progress.label)}
    </span>
  );
}

/** Items grouped by sub-indicator, in the edition's order. */
export function groupBySubindicator(items: readonly ItemEvidence[]) {
  const groups: { code: string; name: Message; items: ItemEvidence[] }[] = [];
  for (const entry of items) {
    const sub = entry.item.subindicator;
    const last = groups.at(-1);
    if (last?.code === sub.code) last.items.push(entry);
    else groups.push({ code: sub.code, name: sub.name, items: [entry] });
  }
  return groups;
}

/** The assessor's reason and advice on an item, once the agency may read them. */
function verdictNote(w: OitWorkspace, entry: ItemEvidence): string {
  const verdict = w.verdicts.get(entry.item.code);
  if (!verdict) return '';
  return [verdict.reason, verdict.advice].filter((t) => t !== '').join(' · ');
}

function ItemRow({ lang, w, entry }: { lang: Lang; w: OitWorkspace; entry: ItemEvidence }) {
  const owner = entry.evidence?.ownerUserId;
  return (
    <tr data-oit-item={entry.item.code}>
      <td>
        <a href={oitPath(w.round.id, `/${encodeURIComponent(entry.item.code)}`)}>
          {entry.item.code}
        </a>
      </td>
      <td>{pick(lang, entry.item.name)}</td>
      <td>
        <ItemProgressTag lang={lang} workspace={w} entry={entry} />
      </td>
      <td>{owner ? (w.names.get(owner) ?? '') : pick(lang, m('ยังไม่กำหนด', 'Not set'))}</td>
      {w.verdicts.size > 0 && <td>{verdictNote(w, entry)}</td>}
    </tr>
  );
}

/** What the round's stage means for the agency's OIT: under review, or the results so far. */
function ReviewStageNote({ lang, workspace }: { lang: Lang; workspace: OitWorkspace }) {
  const { round } = workspace;
  if (round.state === 'oit_review')
    return (
      <p class="notice" data-review-stage="under_review">
        {pick(
          lang,
          m(
            'หลักฐานที่ส่งแล้วอยู่ระหว่างการตรวจของผู้ประเมิน ผลการตรวจจะแสดงที่นี่เมื่อถึงช่วงชี้แจงเพิ่มเติม',
            "The submitted evidence is under review; the assessor's results appear here from the clarification stage",
          ),
        )}
      </p>
    );
  if (workspace.verdicts.size === 0) return null;
  const verdicts = [...workspace.verdicts.values()];
  const passed = verdicts.filter((v) => v.score >= 100).length;
  const failed = verdicts.filter((v) => v.score < 100).length;
  return (
    <p data-review-stage="results">
      {pick(
        lang,
        m(
          `ผลการตรวจ: ผ่าน ${passed} ข้อ · ไม่ผ่านหรือผ่านบางส่วน ${failed} ข้อ`,
          `Results: ${passed} passed · ${failed} not passed or partly passed`,
        ),
      )}
      {round.state === 'clarification' && failed > 0 && (
        <>
          {' · '}
          <a href={oitPath(round.id, '/clarify')}>
            {pick(lang, m('ชี้แจงข้อที่ไม่ผ่าน', 'Clarify the items not passed'))}
          </a>
        </>
      )}
    </p>
  );
}

/** The round's OIT items with status and owner, and the agency's next steps. */
export function OitListPage({
  page,
  workspace,
  notice,
  warnings = [],
}: {
  page: PageContext;
  workspace: OitWorkspace;
  notice: Message | null;
  /** What the link checker last found broken or changed. */
  warnings?: readonly { itemCode: string; url: string; message: Message }[];
}) {
  const { lang } = page;
  const { round } = workspace;
  const title = m(`หลักฐาน OIT ${round.agencyCode}`, `OIT evidence ${round.agencyCode}`);
  const approved = workspace.items.filter((i) => i.status === 'approved').length;
  return (
    <Layout page={page} title={title} notice={notice}>
      <p>
        {round.agencyNameTh} ·{' '}
        {pick(lang, m(`เกณฑ์ปี ${round.editionYear}`, `${round.editionYear} criteria`))}
      </p>
      <ReviewStageNote lang={lang} workspace={workspace} />
      {warnings.length > 0 && (
        <div class="error-summary" role="alert">
          <h2>{pick(lang, m('ลิงก์ที่ส่งแล้วมีปัญหา', 'Submitted links with a problem'))}</h2>
          <ul>
            {warnings.map((w) => (
              <li>
                <a href={oitPath(round.id, `/${w.itemCode}`)}>{w.itemCode}</a>:{' '}
                {pick(lang, w.message)} <span class="muted">{w.url}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
      <p>
        <a href={oitPath(round.id, '/memo')}>
          {pick(lang, m('บันทึกข้อความขออนุมัติ', 'Approval memo'))}
        </a>
        {' · '}
        <a href={oitPath(round.id, '/export.csv')}>
          {pick(lang, m('ส่งออกสำหรับกรอกในระบบ ITAS (CSV)', 'Export for the national system (CSV)'))}
        </a>
        {' · '}
        <a href={`/public/oit/${encodeURIComponent(round.agencyCode)}/${round.editionYear}`}>
          {pick(lang, m('หน้าเผยแพร่สาธารณะ', 'Public page'))}
        </a>
      </p>
      {workspace.may.submit && workspace.open && approved > 0 && (
        <form method="post" action={oitPath(round.id, '/submit')}>
          <CsrfField token={page.csrfToken} />
          <button type="submit">
            {pick(
              lang,
              m(
                `ส่งหลักฐานที่อนุมัติแล้ว (${approved} ข้อ)`,
                `Submit approved evidence (${approved} items)`,
              ),
            )}
          </button>
        </form>
      )}
      {groupBySubindicator(workspace.items).map((group) => (
        <section>
          <h2>
            {group.code} {pick(lang, group.name)}
          </h2>
          <div class="table-scroll">
            <table>
              <thead>
                <tr>
                  <th scope="col">{pick(lang, m('ข้อ', 'Item'))}</th>
                  <th scope="col">{pick(lang, m('ชื่อข้อ', 'Name'))}</th>
                  <th scope="col">{pick(lang, m('สถานะ', 'Status'))}</th>
                  <th scope="col">{pick(lang, m('ผู้รับผิดชอบ', 'Owner'))}</th>
                  {workspace.verdicts.size > 0 && (
                    <th scope="col">
                      {pick(lang, m('เหตุผลและข้อเสนอแนะของผู้ประเมิน', "Assessor's reason and advice"))}
                    </th>
                  )}
                </tr>
              </thead>
              <tbody>
                {group.items.map((entry) => (
                  <ItemRow lang={lang} w={workspace} entry={entry} />
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ))}
    </Layout>
  );
}
