import type { ComponentChildren } from 'preact';
import {
  describeStandardTime,
  KIND_NAMES,
  MANUAL_KINDS,
  MANUAL_STATUS_NAMES,
  UNIT_NAMES,
  type ManualStatus,
} from '../../core/manual-rules.js';
import type { ManualRegister, ManualView } from '../../services/manual.service.js';
import { formatDate, m, pick, type Lang } from '../../../../platform/http/i18n.js';
import {
  CsrfField,
  ErrorSummary,
  Field,
  type FieldErrors,
  SelectField,
} from '../../../../platform/http/views/form.js';
import { Layout, type PageContext } from '../../../../platform/http/views/layout.js';

/** The public address of an agency's manuals (and of one manual). */
export function publicManualsPath(agencyCode: string, manualId?: string): string {
  const base = `/public/${encodeURIComponent(agencyCode)}/manuals`;
  return manualId ? `${base}/${manualId}` : base;
}

export function ManualStatusTag({ lang, status }: { lang: Lang; status: ManualStatus }) {
  return (
    <span class="tag" data-manual-status={status}>
      {pick(lang, MANUAL_STATUS_NAMES[status])}
    </span>
  );
}

/** The steps of a manual as a table: order, step, who, time limit. */
export function StepsTable({
  lang,
  manual,
  caption,
}: {
  lang: Lang;
  manual: ManualView;
  caption?: ComponentChildren;
}) {
  return (
    <div class="table-scroll">
      <table class="manual-steps">
        {caption && <caption>{caption}</caption>}
        <thead>
          <tr>
            <th scope="col">{pick(lang, m('ลำดับ', 'No.'))}</th>
            <th scope="col">{pick(lang, m('ขั้นตอน', 'Step'))}</th>
            <th scope="col">{pick(lang, m('ผู้รับผิดชอบ', 'Responsible'))}</th>
            <th scope="col">{pick(lang, m('ระยะเวลา', 'Time limit'))}</th>
          </tr>
        </thead>
        <tbody>
          {manual.steps.map((s) => (
            <tr>
              <td>{s.position}</td>
              <td>{s.description}</td>
              <td>{s.responsible || '—'}</td>
              <td>
                {s.timeAmount} {pick(lang, UNIT_NAMES[s.timeUnit])}
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={3}>
              {pick(lang, m('ระยะเวลาดำเนินการรวม', 'Total standard time'))}
            </th>
            <td>{describeStandardTime(manual.standard, lang)}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

function ManualsTable({ page, register }: { page: PageContext; register: ManualRegister }) {
  const { lang } = page;
  if (register.manuals.length === 0) return <p>{pick(lang, m('ยังไม่มีคู่มือ', 'No manuals yet'))}</p>;
  return (
    <div class="table-scroll">
      <table>
        <thead>
          <tr>
            <th scope="col">{pick(lang, m('ชื่อ', 'Title'))}</th>
            <th scope="col">{pick(lang, m('ประเภท', 'Kind'))}</th>
            <th scope="col">{pick(lang, m('สถานะ', 'Status'))}</th>
            <th scope="col">{pick(lang, m('ขั้นตอน / ระยะเวลารวม', 'Steps / total time'))}</th>
            <th scope="col">{pick(lang, m('ปีงบประมาณ', 'Fiscal year'))}</th>
            <th scope="col">{pick(lang, m('ปรับปรุงล่าสุด', 'Last updated'))}</th>
          </tr>
        </thead>
        <tbody>
          {register.manuals.map((manual) => (
            <tr>
              <td>
                <a href={`/agencies/${register.agency.id}/manuals/${manual.id}`}>{manual.title}</a>
                {manual.problems.length > 0 && (
                  <span class="hint">
                    {' '}
                    ·{' '}
                    {pick(
                      lang,
                      m(
                        `ยังขาด ${manual.problems.length} รายการ`,
                        `${manual.problems.length} to complete`,
                      ),
                    )}
                  </span>
                )}
              </td>
              <td>{pick(lang, KIND_NAMES[manual.kind])}</td>
              <td>
                <ManualStatusTag lang={lang} status={manual.status} />
              </td>
              <td>
                {manual.steps.length} / {describeStandardTime(manual.standard, lang)}
              </td>
              <td>{manual.fiscalYear}</td>
              <td>{formatDate(lang, manual.updatedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Values of the new-manual form. */
export interface NewManualValues {
  kind?: string;
  title?: string;
  fiscalYear?: string;
}

/** An agency's manuals (drafts included) and, for editors, the form to start a new one. */
export function ManualRegisterPage(props: {
  page: PageContext;
  register: ManualRegister;
  values: NewManualValues;
  errors: FieldErrors;
}) {
  const { page, register, values, errors } = props;
  const { lang } = page;
  const { agency } = register;
  return (
    <Layout page={page} title={m('คู่มือการปฏิบัติงานและคู่มือการให้บริการ', 'Work and service manuals')}>
      <p>
        <a href={`/agencies/${agency.id}`}>
          {agency.code} {lang === 'th' ? agency.nameTh : agency.nameEn || agency.nameTh}
        </a>{' '}
        ·{' '}
        <a href={publicManualsPath(agency.code)}>
          {pick(lang, m('หน้าเผยแพร่สาธารณะ', 'Public page'))}
        </a>{' '}
        ·{' '}
        <a href={`/agencies/${agency.id}/published`}>
          {pick(lang, m('ความเป็นปัจจุบันของข้อมูลที่เผยแพร่', 'Currency of published pages'))}
        </a>
      </p>
      <ManualsTable page={page} register={register} />
      {register.mayEdit && (
        <form method="post" action={`/agencies/${agency.id}/manuals`}>
          <h2>{pick(lang, m('เริ่มคู่มือใหม่', 'Start a new manual'))}</h2>
          <ErrorSummary lang={lang} errors={errors} />
          <CsrfField token={page.csrfToken} />
          <SelectField
            lang={lang}
            name="kind"
            label={m('ประเภทคู่มือ', 'Kind of manual')}
            options={MANUAL_KINDS.map((k) => ({ value: k, label: pick(lang, KIND_NAMES[k]) }))}
            value={values.kind ?? 'service'}
            errors={errors}
          />
          <Field
            lang={lang}
            name="title"
            label={m('ชื่อคู่มือหรือชื่อบริการ', 'Title or service name')}
            value={values.title ?? ''}
            errors={errors}
            required
          />
          <Field
            lang={lang}
            name="fiscalYear"
            type="number"
            inputMode="numeric"
            label={m('ปีงบประมาณ (พ.ศ.)', 'Fiscal year (Buddhist era)')}
            value={values.fiscalYear ?? register.defaultYear ?? ''}
            errors={errors}
            required
          />
          <button class="button" type="submit">
            {pick(lang, m('สร้างฉบับร่าง', 'Create a draft'))}
          </button>
        </form>
      )}
    </Layout>
  );
}
