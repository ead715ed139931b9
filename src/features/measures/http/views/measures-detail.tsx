import { describeFile } from '../../../../core/plain-labels.js';
import { MEASURE_STATUSES, STATUS_NAMES } from '../../core/measure-rules.js';
import type { MeasureDetail } from '../../services/measure.service.js';
import { formatDate, m, pick } from '../../../../platform/http/i18n.js';
import {
  CsrfField,
  ErrorSummary,
  Field,
  type FieldErrors,
  SelectField,
  TextAreaField,
} from '../../../../platform/http/views/form.js';
import { Layout, type PageContext } from '../../../../platform/http/views/layout.js';
import { dueLabel, MeasureForm, StatusTag } from './measures-register.js';
import { targetLabel } from './measure-target.js';

function ProgressForm({
  page,
  action,
  errors,
}: {
  page: PageContext;
  action: string;
  errors: FieldErrors;
}) {
  const { lang } = page;
  return (
    <form method="post" action={action}>
      <h2>{pick(lang, m('บันทึกความคืบหน้า', 'Add a progress note'))}</h2>
      <CsrfField token={page.csrfToken} />
      <TextAreaField
        lang={lang}
        name="note"
        label={m('ความคืบหน้า', 'Progress')}
        errors={errors}
        required
      />
      <Field
        lang={lang}
        name="percent"
        type="number"
        label={m('ร้อยละความคืบหน้า (0–100)', 'Percent done (0–100)')}
        errors={errors}
        required
      />
      <SelectField
        lang={lang}
        name="status"
        id="progress-status"
        label={m('เปลี่ยนสถานะ', 'Change status')}
        placeholder={m('— ตามเดิม —', '— keep —')}
        options={MEASURE_STATUSES.map((s) => ({ value: s, label: pick(lang, STATUS_NAMES[s]) }))}
        errors={errors}
      />
      <button class="button" type="submit">
        {pick(lang, m('บันทึก', 'Save'))}
      </button>
    </form>
  );
}

/** The measure's evidence files: download links, and for editors upload and remove. */
function MeasureFiles({
  page,
  base,
  detail,
  errors,
}: {
  page: PageContext;
  base: string;
  detail: MeasureDetail;
  errors: FieldErrors;
}) {
  const { lang } = page;
  return (
    <section>
      <h2>{pick(lang, m('หลักฐานการดำเนินการ', 'Evidence'))}</h2>
      {detail.files.length === 0 && (
        <p>{pick(lang, m('ยังไม่มีไฟล์หลักฐาน', 'No evidence files yet'))}</p>
      )}
      <ul>
        {detail.files.map((f) => (
          <li>
            <a href={`${base}/files/${f.id}`}>{f.originalName}</a> ·{' '}
            {pick(lang, describeFile(f.contentType, f.size))} · {formatDate(lang, f.uploadedAt)}
            {detail.mayEdit && (
              <form method="post" action={`${base}/files/${f.id}/delete`} class="inline">
                <CsrfField token={page.csrfToken} />
                <button class="button" type="submit">
                  {pick(lang, m('ลบไฟล์', 'Remove'))}
                </button>
              </form>
            )}
          </li>
        ))}
      </ul>
      {detail.mayEdit && (
        <form method="post" action={`${base}/files`} enctype="multipart/form-data">
          <CsrfField token={page.csrfToken} />
          <div class={errors.file ? 'field field-error' : 'field'}>
            <label for="file">
              {pick(lang, m('แนบไฟล์หลักฐาน', 'Attach an evidence file'))}
              <span class="hint"> (PDF, PNG, JPG, DOCX, XLSX, CSV, TXT)</span>
            </label>
            {errors.file && <p class="error">{pick(lang, errors.file)}</p>}
            <input id="file" name="file" type="file" required />
          </div>
          <button class="button" type="submit">
            {pick(lang, m('อัปโหลด', 'Upload'))}
          </button>
        </form>
      )}
    </section>
  );
}

/** One measure: its facts, progress notes, and for editors the edit and progress forms. */
export function MeasureDetailPage({
  page,
  detail,
  errors,
}: {
  page: PageContext;
  detail: MeasureDetail;
  errors: FieldErrors;
}) {
  const { lang } = page;
  const { round, measure } = detail;
  const base = `/rounds/${round.id}/measures/${measure.id}`;
  return (
    <Layout page={page} title={m('มาตรการ', 'Measure')}>
      <p>
        <a href={`/rounds/${round.id}/measures`}>
          {pick(lang, m('กลับไปทะเบียนมาตรการ', 'Back to the measures'))}
        </a>{' '}
        · {round.agencyCode} {round.agencyNameTh}
      </p>
      <h2>{measure.title}</h2>
      <ErrorSummary lang={lang} errors={errors} />
      <dl>
        <dt>{pick(lang, m('เป้าหมาย', 'Target'))}</dt>
        <dd>{targetLabel(lang, measure)}</dd>
        <dt>{pick(lang, m('ผู้รับผิดชอบ', 'Owner'))}</dt>
        <dd>{measure.ownerName ?? '—'}</dd>
        <dt>{pick(lang, m('กำหนดแล้วเสร็จ', 'Due date'))}</dt>
        <dd>{dueLabel(lang, measure.dueOn)}</dd>
        <dt>{pick(lang, m('สถานะ', 'Status'))}</dt>
        <dd>
          <StatusTag lang={lang} status={measure.status} overdue={measure.overdue} />
        </dd>
      </dl>
      {detail.origin && (
        <p>
          {pick(lang, m('ต่อยอดจากมาตรการปีที่ผ่านมา', "Continues last year's measure"))}:{' '}
          <a href={`/rounds/${detail.origin.roundId}/measures/${detail.origin.measureId}`}>
            {detail.origin.title}
          </a>
        </p>
      )}
      <p>{measure.description}</p>
      <h2>{pick(lang, m('ความคืบหน้า', 'Progress'))}</h2>
      {detail.progress.length === 0 && <p>{pick(lang, m('ยังไม่มีบันทึก', 'No notes yet'))}</p>}
      <ol>
        {detail.progress.map((p) => (
          <li>
            {formatDate(lang, p.createdAt, true)} · {p.percent}% · {p.note}
            {p.createdByName ? ` — ${p.createdByName}` : ''}
          </li>
        ))}
      </ol>
      <MeasureFiles page={page} base={base} detail={detail} errors={errors} />
      {detail.mayEdit && (
        <>
          <ProgressForm page={page} action={`${base}/progress`} errors={errors} />
          <h2>{pick(lang, m('แก้ไขมาตรการ', 'Edit the measure'))}</h2>
          <MeasureForm
            page={page}
            action={base}
            owners={detail.owners}
            values={measure}
            errors={errors}
            withStatus
            submit={m('บันทึกการแก้ไข', 'Save changes')}
          />
        </>
      )}
    </Layout>
  );
}
