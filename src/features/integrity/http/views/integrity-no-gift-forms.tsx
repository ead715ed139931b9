import { LEGAL_GIFT_THRESHOLD_BAHT } from '../../core/gift-rules.js';
import type { NoGiftPage } from '../../services/integrity.service.js';
import { m, pick, type Lang } from '../../../../platform/http/i18n.js';
import {
  CsrfField,
  Field,
  TextAreaField,
  type FieldErrors,
} from '../../../../platform/http/views/form.js';
import { BeDateField } from '../../../../platform/http/views/be-date-field.js';
import type { PageContext } from '../../../../platform/http/views/layout.js';

/** A form that failed, to show again with its values and errors. */
export interface FailedForm {
  form: 'create' | 'edit' | 'communication' | 'action';
  values: Partial<Record<string, string>>;
  errors: FieldErrors;
}

export const valuesFor = (failed: FailedForm | null, form: FailedForm['form']) =>
  failed?.form === form ? failed.values : null;
export const errorsFor = (failed: FailedForm | null, form: FailedForm['form']): FieldErrors =>
  failed?.form === form ? failed.errors : {};

function DeclarationFields(props: {
  lang: Lang;
  values: Partial<Record<string, string | number>>;
  errors: FieldErrors;
}) {
  const { lang, values, errors } = props;
  return (
    <>
      <Field
        lang={lang}
        name="headName"
        label={m('ชื่อหัวหน้าหน่วยงาน', "Head's name")}
        value={values.headName}
        errors={errors}
        required
      />
      <Field
        lang={lang}
        name="headPosition"
        label={m('ตำแหน่ง', 'Position')}
        value={values.headPosition}
        errors={errors}
        required
      />
      <BeDateField
        lang={lang}
        name="declaredOn"
        label={m('วันที่ประกาศ', 'Declaration date')}
        value={values.declaredOn}
        errors={errors}
        required
      />
      <Field
        lang={lang}
        name="thresholdBaht"
        inputMode="numeric"
        label={m('มูลค่าสูงสุดที่รับได้ตามธรรมจรรยา (บาท)', 'Most a customary gift may be worth (baht)')}
        hint={m(
          `เว้นว่าง = ${LEGAL_GIFT_THRESHOLD_BAHT.toLocaleString('en-US')} บาท ตามประกาศ ป.ป.ช. หน่วยงานกำหนดให้เข้มกว่าได้ แต่สูงกว่าไม่ได้`,
          `Empty = ${LEGAL_GIFT_THRESHOLD_BAHT} baht (NACC rule); an agency may be stricter, never looser`,
        )}
        value={values.thresholdBaht}
        errors={errors}
      />
    </>
  );
}

/** The form that drafts a new year's declaration from the template. */
export function CreateForm({
  page,
  data,
  failed,
}: {
  page: PageContext;
  data: NoGiftPage;
  failed: FailedForm | null;
}) {
  const { lang } = page;
  const values = valuesFor(failed, 'create') ?? { ...data.draftDefaults, thresholdBaht: '' };
  return (
    <form method="post" action={`/agencies/${data.agency.id}/no-gift`}>
      <CsrfField token={page.csrfToken} />
      <Field
        lang={lang}
        name="fiscalYear"
        inputMode="numeric"
        label={m('ปีงบประมาณ (พ.ศ.)', 'Fiscal year (B.E.)')}
        value={values.fiscalYear}
        errors={errorsFor(failed, 'create')}
        required
      />
      <DeclarationFields lang={lang} values={values} errors={errorsFor(failed, 'create')} />
      <button type="submit">
        {pick(lang, m('จัดทำร่างจากแบบประกาศ', 'Draft from the template'))}
      </button>
    </form>
  );
}

/** The form that edits a draft (facts and text). */
export function EditForm({
  page,
  data,
  failed,
}: {
  page: PageContext;
  data: NoGiftPage;
  failed: FailedForm | null;
}) {
  const { lang } = page;
  const d = data.declaration;
  if (!d) return null;
  const values: Partial<Record<string, string>> = valuesFor(failed, 'edit') ?? {
    headName: d.headName,
    headPosition: d.headPosition,
    declaredOn: d.declaredOn,
    thresholdBaht: String(d.thresholdBaht),
    body: d.body,
  };
  const errors = errorsFor(failed, 'edit');
  return (
    <form method="post" action={`/agencies/${data.agency.id}/no-gift/${d.fiscalYear}/edit`}>
      <CsrfField token={page.csrfToken} />
      <DeclarationFields lang={lang} values={values} errors={errors} />
      <TextAreaField
        lang={lang}
        name="body"
        label={m('ข้อความประกาศ', 'Text of the declaration')}
        value={values.body}
        errors={errors}
        rows={14}
      />
      <div class="field">
        <label>
          <input type="checkbox" name="redraft" value="on" />{' '}
          {pick(
            lang,
            m('จัดทำข้อความใหม่จากแบบประกาศด้วยข้อมูลข้างต้น', 'Draft the text again from the template'),
          )}
        </label>
      </div>
      <button type="submit">{pick(lang, m('บันทึกร่าง', 'Save the draft'))}</button>
    </form>
  );
}
