import { KIND_NAMES } from '../../core/manual-rules.js';
import type { ManualDetail } from '../../services/manual.service.js';
import { formatDate, m, pick, type Lang } from '../../../../platform/http/i18n.js';
import { CsrfField, ErrorSummary, type FieldErrors } from '../../../../platform/http/views/form.js';
import { Layout, type PageContext } from '../../../../platform/http/views/layout.js';
import { CasesSection } from './manuals-cases.js';
import { EditForm, type ManualFormValues } from './manuals-form.js';
import { ManualStatusTag, publicManualsPath, StepsTable } from './manuals-register.js';

export { formValuesOf, type ManualFormValues, type StepFormValues } from './manuals-form.js';

function ElementPanel({ lang, detail }: { lang: Lang; detail: ManualDetail }) {
  if (!detail.item)
    return (
      <p>
        {pick(
          lang,
          m(
            'หน่วยงานยังไม่มีรอบการประเมินที่ใช้คู่มือประเภทนี้',
            'The agency has no round whose edition uses this kind of manual',
          ),
        )}
      </p>
    );
  return (
    <section aria-labelledby="elements-title">
      <h2 id="elements-title">
        {pick(lang, m('ตรวจองค์ประกอบ OIT', 'OIT element check'))} {detail.item.code}{' '}
        {pick(lang, detail.item.name)}
      </h2>
      <ul class="element-check">
        {detail.elements.map((e) => (
          <li data-element={e.code} data-met={e.met === null ? 'unknown' : String(e.met)}>
            <strong>
              {e.met === true
                ? pick(lang, m('ครบ', 'Met'))
                : e.met === false
                  ? pick(lang, m('ยังขาด', 'Missing'))
                  : pick(lang, m('ตรวจเอง', 'Check by hand'))}
            </strong>{' '}
            {e.code} {pick(lang, e.text)}
            {e.field && (
              <span class="hint">
                {' '}
                ({pick(lang, m('ดูจาก', 'from'))}: {pick(lang, e.field)})
              </span>
            )}
          </li>
        ))}
      </ul>
      <p class="hint">
        {pick(
          lang,
          m(
            'การจับคู่องค์ประกอบกับข้อมูลในคู่มือเป็นแบบชั่วคราว จนกว่าจะได้คู่มือการประเมินฉบับทางการ',
            'The element mapping is provisional until the official assessment manual is known',
          ),
        )}
      </p>
    </section>
  );
}

function PublishForm({ page, detail }: { page: PageContext; detail: ManualDetail }) {
  const { lang } = page;
  const published = detail.manual.status === 'published';
  const blocked = !published && detail.manual.problems.length > 0;
  return (
    <form
      method="post"
      action={`/agencies/${detail.agency.id}/manuals/${detail.manual.id}/publish`}
    >
      <h2>{pick(lang, m('การเผยแพร่', 'Publication'))}</h2>
      <CsrfField token={page.csrfToken} />
      <input type="hidden" name="publish" value={published ? '0' : '1'} />
      {blocked && (
        <ul class="warning-text">
          {detail.manual.problems.map((p) => (
            <li>{pick(lang, p.message)}</li>
          ))}
        </ul>
      )}
      <button
        class={published ? 'button secondary' : 'button'}
        type="submit"
        name="action"
        value={published ? 'unpublish' : 'publish'}
      >
        {published
          ? pick(lang, m('ยกเลิกการเผยแพร่', 'Take back to draft'))
          : pick(lang, m('เผยแพร่คู่มือ', 'Publish the manual'))}
      </button>
    </form>
  );
}

/** One manual: facts, element check, edit form with step rows, publication, service cases. */
export function ManualDetailPage(props: {
  page: PageContext;
  detail: ManualDetail;
  values: ManualFormValues;
  errors: FieldErrors;
  blankRows: number;
}) {
  const { page, detail, errors } = props;
  const { lang } = page;
  const { manual, agency } = detail;
  const base = `/agencies/${agency.id}/manuals/${manual.id}`;
  return (
    <Layout page={page} title={m(manual.title, manual.title)}>
      <p>
        <a href={`/agencies/${agency.id}/manuals`}>
          {pick(lang, m('กลับไปรายการคู่มือ', 'Back to the manuals'))}
        </a>{' '}
        · {pick(lang, KIND_NAMES[manual.kind])} ·{' '}
        <ManualStatusTag lang={lang} status={manual.status} /> ·{' '}
        {pick(lang, m('ปรับปรุงล่าสุด', 'Last updated'))} {formatDate(lang, manual.updatedAt)}
        {manual.status === 'published' && (
          <>
            {' · '}
            <a href={publicManualsPath(agency.code, manual.id)}>
              {pick(lang, m('หน้าเผยแพร่', 'Public page'))}
            </a>
          </>
        )}
      </p>
      <p>
        {pick(lang, m('ดาวน์โหลด', 'Download'))}: <a href={`${base}/document.pdf`}>PDF</a> ·{' '}
        <a href={`${base}/document.docx`}>DOCX</a> ·{' '}
        <a href={`${base}/document.html`}>{pick(lang, m('หน้าพิมพ์', 'Print page'))}</a>
      </p>
      <ErrorSummary lang={lang} errors={errors} />
      <ElementPanel lang={lang} detail={detail} />
      {manual.steps.length > 0 && <StepsTable lang={lang} manual={manual} />}
      {detail.mayPublish && <PublishForm page={page} detail={detail} />}
      {detail.mayEdit && (
        <EditForm
          page={page}
          detail={detail}
          values={props.values}
          errors={errors}
          blankRows={props.blankRows}
        />
      )}
      <CasesSection page={page} detail={detail} errors={errors} />
    </Layout>
  );
}
