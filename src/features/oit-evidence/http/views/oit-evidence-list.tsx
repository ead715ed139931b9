import type { Message } from '../../../../core/errors.js';
import { EVIDENCE_STATUS_NAMES, type EvidenceStatus } from '../../core/evidence-status.js';
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
        <EvidenceStatusTag lang={lang} status={entry.status} />
      </td>
      <td>{owner ? (w.names.get(owner) ?? '') : pick(lang, m('ยังไม่กำหนด', 'Not set'))}</td>
    </tr>
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
        {round.agencyNameTh} · {round.editionCode}
      </p>
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
