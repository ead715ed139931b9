import type { Message } from '../../../../core/errors.js';
import { ALLOWED_EXTENSIONS } from '../../../../platform/infra/file-store.js';
import type { ItemEvidence } from '../../services/oit-evidence-support.js';
import type {
  EvidenceInput,
  KeptUpload,
  OitWorkspace,
} from '../../services/oit-evidence.service.js';
import type { GeneratedDocument } from '../../../kit.js';
import { formatDate, m, pick, type Lang } from '../../../../platform/http/i18n.js';
import { CsrfField, ErrorSummary, type FieldErrors } from '../../../../platform/http/views/form.js';
import { Layout, type PageContext } from '../../../../platform/http/views/layout.js';
import { fileLabel } from '../../core/evidence-progress.js';
import { ItemProgressTag, oitPath } from './oit-evidence-list.js';

/** What a refused form brings back as typed. */
export type ItemFormValues = EvidenceInput & { reason: string };

interface ItemPageProps {
  page: PageContext;
  workspace: OitWorkspace;
  entry: ItemEvidence;
  editable: boolean;
  notice: Message | null;
  /** Documents Prongsai published that the edition lists for this item. */
  documents: GeneratedDocument[];
  /** A refused form's errors, what was typed and the file kept from it. */
  errors?: FieldErrors;
  values?: ItemFormValues | null;
  kept?: KeptUpload | null;
}

/** A field's error, shown beside it. */
function FieldError({ lang, id, error }: { lang: Lang; id: string; error: Message | undefined }) {
  if (!error) return null;
  return (
    <p class="error" id={`${id}-error`}>
      {pick(lang, error)}
    </p>
  );
}

function Checklist({
  lang,
  entry,
  editable,
  values,
}: {
  lang: Lang;
  entry: ItemEvidence;
  editable: boolean;
  values: ItemFormValues | null;
}) {
  const marks = values?.elements ?? entry.evidence?.elements ?? {};
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
    <>
      <h2>{pick(lang, m('ไฟล์ที่แนบ', 'Attached files'))}</h2>
      <ul>
        {entry.files.map((f) => (
          <li>
            <a href={oitPath(roundId, `${base}${f.id}`)}>{f.originalName}</a> (
            {pick(lang, fileLabel(f.contentType, f.size))} · {formatDate(lang, f.uploadedAt, true)})
          </li>
        ))}
      </ul>
    </>
  );
}

/** The links as links people can open (new tab, no opener, no referrer). */
function LinkList({ lang, entry }: { lang: Lang; entry: ItemEvidence }) {
  return (
    <section data-evidence-links>
      <h2>{pick(lang, m('ลิงก์หลักฐาน', 'Evidence links'))}</h2>
      {entry.links.length === 0 ? (
        <p>{pick(lang, m('ยังไม่มีลิงก์', 'No links yet'))}</p>
      ) : (
        <ul>
          {entry.links.map((l) => (
            <li>
              <a href={l.url} rel="noopener noreferrer" target="_blank">
                {l.url}
              </a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Snapshots({ lang, roundId, entry }: { lang: Lang; roundId: string; entry: ItemEvidence }) {
  if (entry.snapshots.length === 0) return null;
  const base = `/${encodeURIComponent(entry.item.code)}/link-copies/`;
  return (
    <section>
      <h2>{pick(lang, m('สำเนาลิงก์ ณ วันที่ส่ง', 'Link snapshots at submission'))}</h2>
      <ul>
        {entry.snapshots.map((s) => (
          <li data-snapshot={s.id}>
            {s.finalUrl ?? ''} ·{' '}
            {s.error
              ? pick(lang, m(`เปิดไม่ได้ (${s.error})`, `Could not be opened (${s.error})`))
              : pick(
                  lang,
                  m(`เปิดได้ (รหัส ${s.status ?? '-'})`, `Opened (status ${s.status ?? '-'})`),
                )}{' '}
            · {formatDate(lang, s.takenAt, true)}
            {s.storedName && (
              <>
                {' · '}
                <a href={oitPath(roundId, `${base}${s.id}`)}>
                  {pick(lang, m('ดาวน์โหลดสำเนา (ข้อความ)', 'Download the copy (text)'))}
                </a>
              </>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The head's reason for sending the item back, shown to its owner until it is offered again. */
function ReturnedNote({
  lang,
  workspace,
  entry,
}: {
  lang: Lang;
  workspace: OitWorkspace;
  entry: ItemEvidence;
}) {
  const evidence = entry.evidence;
  if (!evidence?.returnReason || entry.status !== 'draft') return null;
  const who = evidence.returnedBy ? (workspace.names.get(evidence.returnedBy) ?? '') : '';
  return (
    <div class="once-warning" role="status" data-returned>
      <h2 class="warning-text">
        {pick(lang, m('หัวหน้าหน่วยงานส่งกลับให้แก้ไข', 'Sent back by the head of agency'))}
      </h2>
      <p>{evidence.returnReason}</p>
      <p class="muted">
        {who}
        {evidence.returnedAt ? ` · ${formatDate(lang, evidence.returnedAt, true)}` : ''}
      </p>
    </div>
  );
}

/** The assessor's verdict, reason and advice once the stage lets the agency see them. */
function VerdictSection({
  lang,
  workspace,
  entry,
}: {
  lang: Lang;
  workspace: OitWorkspace;
  entry: ItemEvidence;
}) {
  const { round } = workspace;
  if (round.state === 'setup' || round.state === 'collecting') return null;
  const verdict = workspace.verdicts.get(entry.item.code);
  return (
    <section data-verdict>
      <h2>{pick(lang, m('ผลการตรวจของผู้ประเมิน', "The assessor's decision"))}</h2>
      <p>
        <ItemProgressTag lang={lang} workspace={workspace} entry={entry} />
      </p>
      {round.state === 'oit_review' && entry.status === 'submitted' && (
        <p>
          {pick(
            lang,
            m(
              'ผู้ประเมินกำลังตรวจหลักฐานข้อนี้ ผลการตรวจ เหตุผล และข้อเสนอแนะจะแสดงที่นี่เมื่อถึงช่วงชี้แจงเพิ่มเติม',
              'The assessor is reviewing this item; the decision, reason and advice appear here from the clarification stage',
            ),
          )}
        </p>
      )}
      {verdict && (
        <dl>
          {verdict.reason && (
            <>
              <dt>{pick(lang, m('เหตุผล', 'Reason'))}</dt>
              <dd>{verdict.reason}</dd>
            </>
          )}
          {verdict.advice && (
            <>
              <dt>{pick(lang, m('ข้อเสนอแนะเพื่อการปรับปรุง', 'Advice for improvement'))}</dt>
              <dd>{verdict.advice}</dd>
            </>
          )}
          <dt>{pick(lang, m('วันที่ตรวจ', 'Decided on'))}</dt>
          <dd>{formatDate(lang, verdict.decidedAt, true)}</dd>
        </dl>
      )}
      {verdict && verdict.score < 100 && round.state === 'clarification' && (
        <p>
          <a href={oitPath(round.id, '/clarify')}>
            {pick(lang, m('ชี้แจงเพิ่มเติมข้อนี้', 'Clarify this item'))}
          </a>
        </p>
      )}
    </section>
  );
}

/** The head's send-back form: a reason the owner will read. */
function ReturnForm({
  page,
  workspace,
  entry,
  errors,
  reason,
}: Pick<ItemPageProps, 'page' | 'workspace' | 'entry'> & { errors: FieldErrors; reason: string }) {
  const { lang } = page;
  const action = oitPath(workspace.round.id, `/${encodeURIComponent(entry.item.code)}`);
  return (
    <form method="post" action={action} data-return-form>
      <CsrfField token={page.csrfToken} />
      <div class={errors.reason ? 'field field-error' : 'field'}>
        <label for="reason">{pick(lang, m('เหตุผลที่ส่งกลับให้แก้ไข', 'Why you send it back'))}</label>
        <FieldError lang={lang} id="reason" error={errors.reason} />
        <textarea id="reason" name="reason" rows={3} maxLength={2000}>
          {reason}
        </textarea>
      </div>
      <button type="submit" name="action" value="return">
        {pick(lang, m('ส่งกลับให้ผู้รับผิดชอบแก้ไข', 'Send back to the owner'))}
      </button>
    </form>
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
  errors = {},
  values = null,
  kept = null,
}: ItemPageProps) {
  const { lang } = page;
  const title = m(
    `ข้อ ${entry.item.code} ${entry.item.name.th}`,
    `Item ${entry.item.code} ${entry.item.name.en}`,
  );
  const urls = values ? values.urls.join('\n') : entry.links.map((l) => l.url).join('\n');
  const explanation = values ? values.explanation : (entry.evidence?.explanation ?? '');
  const action = oitPath(workspace.round.id, `/${encodeURIComponent(entry.item.code)}`);
  const invalid = (field: string) =>
    errors[field] ? { 'aria-invalid': 'true' as const, 'aria-describedby': `${field}-error` } : {};
  const mayReturn =
    workspace.open &&
    workspace.may.return &&
    (entry.status === 'ready' || entry.status === 'approved');
  return (
    <Layout page={page} title={title} notice={notice}>
      <ErrorSummary lang={lang} errors={errors} />
      <p>
        <a href={oitPath(workspace.round.id)}>
          {pick(lang, m('กลับไปรายการข้อ', 'Back to the items'))}
        </a>{' '}
        · <ItemProgressTag lang={lang} workspace={workspace} entry={entry} />
      </p>
      <ReturnedNote lang={lang} workspace={workspace} entry={entry} />
      <VerdictSection lang={lang} workspace={workspace} entry={entry} />
      {!editable && <LinkList lang={lang} entry={entry} />}
      {!editable && entry.evidence?.explanation && (
        <section>
          <h2>{pick(lang, m('คำอธิบาย', 'Explanation'))}</h2>
          <p>{entry.evidence.explanation}</p>
        </section>
      )}
      <form method="post" action={action} enctype="multipart/form-data">
        <CsrfField token={page.csrfToken} />
        <OwnerField lang={lang} workspace={workspace} entry={entry} />
        {editable && (
          <>
            <div class={errors.urls ? 'field field-error' : 'field'}>
              <label for="urls">
                {pick(lang, m('ลิงก์ (บรรทัดละหนึ่งลิงก์)', 'Links (one per line)'))}
              </label>
              <FieldError lang={lang} id="urls" error={errors.urls} />
              <textarea id="urls" name="urls" rows={4} {...invalid('urls')}>
                {urls}
              </textarea>
            </div>
            <div class={errors.explanation ? 'field field-error' : 'field'}>
              <label for="explanation">{pick(lang, m('คำอธิบาย', 'Explanation'))}</label>
              <FieldError lang={lang} id="explanation" error={errors.explanation} />
              <textarea id="explanation" name="explanation" rows={4} {...invalid('explanation')}>
                {explanation}
              </textarea>
            </div>
          </>
        )}
        <Checklist lang={lang} entry={entry} editable={editable} values={values} />
        <Files lang={lang} roundId={workspace.round.id} entry={entry} />
        {editable && (
          <div class={errors.file ? 'field field-error' : 'field'}>
            <label for="file">{pick(lang, m('แนบไฟล์', 'Attach a file'))}</label>
            <p class="hint">{ALLOWED_EXTENSIONS.join(', ')}</p>
            <FieldError lang={lang} id="file" error={errors.file} />
            {kept && (
              <p data-kept-file>
                <input type="hidden" name="keptFile" value={kept.id} />
                {pick(
                  lang,
                  m(
                    `ไฟล์ ${kept.originalName} ที่เลือกไว้ยังอยู่ (${fileLabel(kept.contentType, kept.size).th}) จะแนบเมื่อกดบันทึก ไม่ต้องเลือกใหม่`,
                    `The file ${kept.originalName} you chose is kept (${fileLabel(kept.contentType, kept.size).en}) and is attached when you save: no need to choose it again`,
                  ),
                )}
              </p>
            )}
            <input id="file" name="file" type="file" {...invalid('file')} />
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
      {mayReturn && (
        <ReturnForm
          page={page}
          workspace={workspace}
          entry={entry}
          errors={errors}
          reason={values?.reason ?? ''}
        />
      )}
      <Snapshots lang={lang} roundId={workspace.round.id} entry={entry} />
    </Layout>
  );
}
