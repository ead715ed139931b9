import { NONE_TH, TIME_UNITS, UNIT_NAMES } from '../../core/manual-rules.js';
import type { ManualDetail } from '../../services/manual.service.js';
import { m, pick, type Lang } from '../../../../platform/http/i18n.js';
import {
  CsrfField,
  Field,
  TextAreaField,
  type FieldErrors,
} from '../../../../platform/http/views/form.js';
import type { PageContext } from '../../../../platform/http/views/layout.js';

/** One step row as the form shows it (strings, as posted). */
export interface StepFormValues {
  description: string;
  responsible: string;
  timeAmount: string;
  timeUnit: string;
}

/** The edit form's values: stored ones, or what was posted when it is shown again. */
export interface ManualFormValues {
  title: string;
  purpose: string;
  responsibleUnit: string;
  channels: string;
  feeText: string;
  documents: string;
  legalBasis: string;
  fiscalYear: string;
  steps: StepFormValues[];
}

/** The stored manual as form values. */
export function formValuesOf(detail: ManualDetail): ManualFormValues {
  const { manual } = detail;
  return {
    title: manual.title,
    purpose: manual.purpose,
    responsibleUnit: manual.responsibleUnit,
    channels: manual.channels.join('\n'),
    feeText: manual.feeText,
    documents: manual.documents.join('\n'),
    legalBasis: manual.legalBasis,
    fiscalYear: String(manual.fiscalYear),
    steps: manual.steps.map((s) => ({
      description: s.description,
      responsible: s.responsible,
      timeAmount: String(s.timeAmount),
      timeUnit: s.timeUnit,
    })),
  };
}

function StepFields({ lang, index, step }: { lang: Lang; index: number; step: StepFormValues }) {
  const id = (f: string) => `step-${index}-${f}`;
  const name = (f: string) => `step_${f}_${index}`;
  return (
    <fieldset class="step-row" id={`step-${index}`}>
      <legend>
        {pick(lang, m(`ขั้นตอนที่ ${index + 1}`, `Step ${index + 1}`))}
        {!step.description && ` ${pick(lang, m('(แถวใหม่)', '(new row)'))}`}
      </legend>
      <div class="field">
        <label for={id('description')}>{pick(lang, m('รายละเอียดขั้นตอน', 'What is done'))}</label>
        <textarea id={id('description')} name={name('description')} rows={2}>
          {step.description}
        </textarea>
      </div>
      <div class="field">
        <label for={id('responsible')}>{pick(lang, m('ผู้รับผิดชอบ', 'Responsible'))}</label>
        <input id={id('responsible')} name={name('responsible')} value={step.responsible} />
      </div>
      <div class="field">
        <label for={id('amount')}>{pick(lang, m('ระยะเวลา (จำนวน)', 'Time limit (amount)'))}</label>
        <input
          id={id('amount')}
          name={name('amount')}
          type="number"
          min={1}
          inputMode="numeric"
          value={step.timeAmount}
        />
      </div>
      <div class="field">
        <label for={id('unit')}>{pick(lang, m('หน่วยเวลา', 'Time unit'))}</label>
        <select id={id('unit')} name={name('unit')}>
          <option value="">{pick(lang, m('— เลือก —', '— choose —'))}</option>
          {TIME_UNITS.map((u) => (
            <option value={u} selected={u === step.timeUnit}>
              {pick(lang, UNIT_NAMES[u])}
            </option>
          ))}
        </select>
      </div>
      {step.description && (
        <button class="link-button" type="submit" name="action" value={`remove:${index}`}>
          {pick(lang, m(`ลบขั้นตอนที่ ${index + 1}`, `Remove step ${index + 1}`))}
        </button>
      )}
    </fieldset>
  );
}

/** The edit form: fields, one fieldset per step (plus empty rows), save and add-a-row buttons. */
export function EditForm(props: {
  page: PageContext;
  detail: ManualDetail;
  values: ManualFormValues;
  errors: FieldErrors;
  blankRows: number;
}) {
  const { page, detail, values, errors } = props;
  const { lang } = page;
  const service = detail.manual.kind === 'service';
  const blank: StepFormValues = { description: '', responsible: '', timeAmount: '', timeUnit: '' };
  const rows = [...values.steps, ...Array.from({ length: props.blankRows }, () => blank)];
  return (
    <form method="post" action={`/agencies/${detail.agency.id}/manuals/${detail.manual.id}`}>
      <h2>{pick(lang, m('แก้ไขคู่มือ', 'Edit the manual'))}</h2>
      <CsrfField token={page.csrfToken} />
      <Field
        lang={lang}
        name="title"
        label={m('ชื่อคู่มือหรือชื่อบริการ', 'Title or service name')}
        value={values.title}
        errors={errors}
        required
      />
      <TextAreaField
        lang={lang}
        name="purpose"
        label={m('วัตถุประสงค์', 'Purpose')}
        value={values.purpose}
        errors={errors}
      />
      <Field
        lang={lang}
        name="responsibleUnit"
        label={m('หน่วยงานที่รับผิดชอบ', 'Responsible unit')}
        value={values.responsibleUnit}
        errors={errors}
      />
      {service && (
        <>
          <TextAreaField
            lang={lang}
            name="channels"
            label={m('สถานที่หรือช่องทางให้บริการ', 'Where or how the service is given')}
            hint={m('บรรทัดละหนึ่งช่องทาง', 'One channel a line')}
            value={values.channels}
            errors={errors}
          />
          <Field
            lang={lang}
            name="feeText"
            label={m('ค่าธรรมเนียม', 'Fee')}
            hint={m(
              `หากไม่เก็บค่าธรรมเนียม ให้เขียนว่า "${NONE_TH}"`,
              `Write "${NONE_TH}" (none) when there is no fee`,
            )}
            value={values.feeText}
            errors={errors}
          />
          <TextAreaField
            lang={lang}
            name="documents"
            label={m('เอกสารที่ผู้ขอรับบริการต้องใช้', 'Documents the applicant needs')}
            hint={m(
              `บรรทัดละหนึ่งรายการ หากไม่ต้องใช้ ให้เขียนว่า "${NONE_TH}"`,
              `One a line; write "${NONE_TH}" (none) when none are needed`,
            )}
            value={values.documents}
            errors={errors}
          />
        </>
      )}
      <TextAreaField
        lang={lang}
        name="legalBasis"
        label={m('กฎหมายหรือระเบียบที่เกี่ยวข้อง', 'Legal basis')}
        value={values.legalBasis}
        errors={errors}
      />
      <Field
        lang={lang}
        name="fiscalYear"
        type="number"
        inputMode="numeric"
        label={m('ปีงบประมาณ (พ.ศ.)', 'Fiscal year (Buddhist era)')}
        value={values.fiscalYear}
        errors={errors}
        required
      />
      <h3 id="steps">{pick(lang, m('ขั้นตอนและระยะเวลา', 'Steps and time limits'))}</h3>
      {errors.steps && <p class="error">{pick(lang, errors.steps)}</p>}
      <p class="hint">
        {pick(
          lang,
          m(
            'ทุกขั้นตอนต้องระบุระยะเวลา แถวที่เว้นว่างจะไม่ถูกบันทึก',
            'Every step needs a time limit; empty rows are not saved',
          ),
        )}
      </p>
      {rows.map((step, i) => (
        <StepFields lang={lang} index={i} step={step} />
      ))}
      <button class="button" type="submit" name="action" value="save">
        {pick(lang, m('บันทึก', 'Save'))}
      </button>{' '}
      <button class="button secondary" type="submit" name="action" value="add_step">
        {pick(lang, m('บันทึกและเพิ่มแถวขั้นตอน', 'Save and add a step row'))}
      </button>
    </form>
  );
}
