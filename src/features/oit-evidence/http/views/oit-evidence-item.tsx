import type { Message } from '../../../../core/errors.js';
import { ALLOWED_EXTENSIONS } from '../../../../platform/infra/file-store.js';
import type { ItemEvidence } from '../../services/oit-evidence-support.js';
import type { OitWorkspace } from '../../services/oit-evidence.service.js';
import type { GeneratedDocument } from '../../../kit.js';
import { formatDate, m, pick, type Lang } from '../../../../platform/http/i18n.js';
import { CsrfField } from '../../../../platform/http/views/form.js';
import { Layout, type PageContext } from '../../../../platform/http/views/layout.js';
import { EvidenceStatusTag, oitPath } from './oit-evidence-list.js';

interface ItemPageProps {
  page: PageContext;
  workspace: OitWorkspace;
  entry: ItemEvidence;
  editable: boolean;
  notice: Message | null;
  /** Documents Prongsai published that the edition lists for this item. */
  documents: GeneratedDocument[];
}

function Checklist({
  lang,
  entry,
  editable,
}: {
  lang: Lang;
  entry: ItemEvidence;
  editable: boolean;
}) {
  const marks = entry.evidence?.elements ?? {};
  return (
    <fieldset>
      <legend>{pick(lang, m('องค์ประกอบที่ต้องแสดง', 'Required elements'))}</legend>
      <ul class="checklist">
        {entry.item.elements.map((el) => (
          <li>
            <label>
              <input
                type="checkbox"
                name={`done:${el.code}`}
                checked={marks[el.code]?.done ?? false}
                disabled={!editable}
              />{' '}
              {el.code} {pick(lang, el.text)}
            </label>
            <label for={`where:${el.code}`}>
              {pick(lang, m('แสดงไว้ที่ (หน้า/หัวข้อ)', 'Shown where (page/section)'))}
            </label>
            <input
              id={`where:${el.code}`}
              name={`where:${el.code}`}
              value={marks[el.code]?.where ?? ''}
              disabled={!editable}
            />
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

function OwnerField({
  lang,
  workspace,
  entry,
}: {
  lang: Lang;
  workspace: OitWorkspace;
  entry: ItemEvidence;
}) {
  const owner = entry.evidence?.ownerUserId ?? '';
  if (!workspace.may.assign || !workspace.open)
    return (
      <p>
        {pick(lang, m('ผู้รับผิดชอบ', 'Owner'))}: {workspace.names.get(owner) ?? '-'}
      </p>
    );
  return (
    <div class="field">
      <label for="owner">{pick(lang, m('ผู้รับผิดชอบข้อนี้', 'Owner of this item'))}</label>
      <select id="owner" name="owner">
        <option value="">{pick(lang, m('ยังไม่กำหนด', 'Not set'))}</option>
        {workspace.owners.map((o) => (
          <option value={o.id} selected={o.id === owner}>
            {o.displayName}
          </option>
        ))}
      </select>
    </div>
  );
}

function Files({ lang, roundId, entry }: { lang: Lang; roundId: string; entry: ItemEvidence }) {
  if (entry.files.length === 0) return null;
  const base = `/${encodeURIComponent(entry.item.code)}/files/`;
  return (
    <ul>
      {entry.files.map((f) => (
        <li>
          <a href={oitPath(roundId, `${base}${f.id}`)}>{f.originalName}</a> (
          {Math.ceil(f.size / 1024)} KB · {formatDate(lang, f.uploadedAt, true)})
        </li>
      ))}
    </ul>
  );
}

function Snapshots({ lang, entry }: { lang: Lang; entry: ItemEvidence }) {
  if (entry.snapshots.length === 0) return null;
  return (
    <section>
      <h2>{pick(lang, m('สำเนาลิงก์ ณ วันที่ส่ง', 'Link snapshots at submission'))}</h2>
      <ul>
        {entry.snapshots.map((s) => (
          <li data-snapshot={s.id}>
            {s.finalUrl} · {s.status ?? '-'} · {s.contentType ?? ''} ·{' '}
            <code>{s.sha256 ?? s.error ?? ''}</code>
          </li>
        ))}
      </ul>
    </section>
  );
}

function StepButtons({
  page,
  workspace,
  entry,
}: Pick<ItemPageProps, 'page' | 'workspace' | 'entry'>) {
  const { lang } = page;
  const action = oitPath(workspace.round.id, `/${encodeURIComponent(entry.item.code)}`);
  const step = (value: string, label: Message) => (
    <form method="post" action={action} class="inline">
      <CsrfField token={page.csrfToken} />
      <button type="submit" name="action" value={value}>
        {pick(lang, label)}
      </button>
    </form>
  );
  if (!workspace.open) return null;
  return (
    <p>
      {entry.status === 'ready' &&
        workspace.may.approve &&
        step('approve', m('อนุมัติ (หัวหน้าหน่วยงาน)', 'Approve (head of agency)'))}
      {entry.status === 'approved' &&
        workspace.may.submit &&
        step('submit', m('ส่งหลักฐานข้อนี้', 'Submit this item'))}
    </p>
  );
}

/** The documents Prongsai publishes for this item, each offered as an evidence link. */
function GeneratedDocuments({
  page,
  workspace,
  entry,
  documents,
  editable,
}: Omit<ItemPageProps, 'notice'>) {
  const { lang } = page;
  if (entry.item.generatedEvidence.length === 0) return null;
  const action = oitPath(workspace.round.id, `/${encodeURIComponent(entry.item.code)}`);
  const linked = new Set(
    entry.links.map((l) => {
      const url = new URL(l.url, 'http://x');
      return `${url.pathname}${url.search}`;
    }),
  );
  return (
    <section data-generated-evidence>
      <h2>
        {pick(lang, m('เอกสารที่ Prongsai จัดทำให้ข้อนี้', 'Documents Prongsai makes for this item'))}
      </h2>
      {documents.length === 0 ? (
        <p class="hint">
          {pick(
            lang,
            m(
              'ยังไม่มีเอกสารที่เผยแพร่แล้ว เมื่อเผยแพร่จากทะเบียนที่เกี่ยวข้อง เอกสารจะปรากฏที่นี่',
              'Nothing published yet: documents appear here once published from their register',
            ),
          )}
        </p>
      ) : (
        <ul>
          {documents.map((d) => (
            <li data-document-source={d.source}>
              <a href={d.url}>{pick(lang, d.title)}</a>
              {d.fiscalYear !== null && (
                <>
                  {' '}
                  · {pick(lang, m('ปีงบประมาณ', 'fiscal year'))} {d.fiscalYear}
                </>
              )}
              {d.updatedAt && (
                <>
                  {' '}
                  · {pick(lang, m('ปรับปรุงล่าสุด', 'last updated'))} {formatDate(lang, d.updatedAt)}
                </>
              )}
              {linked.has(d.url) ? (
                <>
                  {' '}
                  · <span class="tag">{pick(lang, m('อยู่ในลิงก์หลักฐานแล้ว', 'already linked'))}</span>
                </>
              ) : (
                editable && (
                  <form method="post" action={action} class="inline">
                    <CsrfField token={page.csrfToken} />
                    <input type="hidden" name="document" value={d.url} />
                    <button type="submit" name="action" value="add_generated">
                      {pick(lang, m('เพิ่มเป็นลิงก์หลักฐาน', 'Add as an evidence link'))}
                    </button>
                  </form>
                )
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** One item: its links, explanation, checklist, files and owner, and the next step. */
export function OitItemPage({
  page,
  workspace,
  entry,
  editable,
  notice,
  documents,
}: ItemPageProps) {
  const { lang } = page;
  const title = m(
    `ข้อ ${entry.item.code} ${entry.item.name.th}`,
    `Item ${entry.item.code} ${entry.item.name.en}`,
  );
  const urls = entry.links.map((l) => l.url).join('\n');
  const action = oitPath(workspace.round.id, `/${encodeURIComponent(entry.item.code)}`);
  return (
    <Layout page={page} title={title} notice={notice}>
      <p>
        <a href={oitPath(workspace.round.id)}>
          {pick(lang, m('กลับไปรายการข้อ', 'Back to the items'))}
        </a>{' '}
        · <EvidenceStatusTag lang={lang} status={entry.status} />
      </p>
      <form method="post" action={action} enctype="multipart/form-data">
        <CsrfField token={page.csrfToken} />
        <OwnerField lang={lang} workspace={workspace} entry={entry} />
        <div class="field">
          <label for="urls">{pick(lang, m('ลิงก์ (บรรทัดละหนึ่งลิงก์)', 'Links (one per line)'))}</label>
          <textarea id="urls" name="urls" rows={4} disabled={!editable}>
            {urls}
          </textarea>
        </div>
        <div class="field">
          <label for="explanation">{pick(lang, m('คำอธิบาย', 'Explanation'))}</label>
          <textarea id="explanation" name="explanation" rows={4} disabled={!editable}>
            {entry.evidence?.explanation ?? ''}
          </textarea>
        </div>
        <Checklist lang={lang} entry={entry} editable={editable} />
        <Files lang={lang} roundId={workspace.round.id} entry={entry} />
        {editable && (
          <div class="field">
            <label for="file">{pick(lang, m('แนบไฟล์', 'Attach a file'))}</label>
            <p class="hint">{ALLOWED_EXTENSIONS.join(', ')}</p>
            <input id="file" name="file" type="file" />
          </div>
        )}
        {(editable || workspace.may.assign) && workspace.open && (
          <button type="submit" name="action" value="save">
            {pick(lang, m('บันทึก', 'Save'))}
          </button>
        )}{' '}
        {editable && entry.status === 'draft' && entry.evidence && (
          <button type="submit" name="action" value="ready">
            {pick(lang, m('พร้อมเสนอหัวหน้าหน่วยงาน', 'Ready for the head'))}
          </button>
        )}
      </form>
      <GeneratedDocuments
        page={page}
        workspace={workspace}
        entry={entry}
        documents={documents}
        editable={editable}
      />
      <StepButtons page={page} workspace={workspace} entry={entry} />
      <Snapshots lang={lang} entry={entry} />
    </Layout>
  );
}
