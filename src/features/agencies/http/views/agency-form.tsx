import { AGENCY_TYPE_CODES, AGENCY_TYPES, isAgencyType } from '../../core/agency-input.js';
import type { Message } from '../../../../core/errors.js';
import type { Agency } from '../../services/agency.service.js';
import { m, pick, type Lang } from '../../../../platform/http/i18n.js';
import { Field, type FieldErrors } from '../../../../platform/http/views/form.js';

/** The values a person typed, by field name (re-shown after an error). */
export type AgencyFormValues = Record<string, string>;

/** An agency's name in the page's language. */
export function agencyName(lang: Lang, agency: Pick<Agency, 'nameTh' | 'nameEn'>): string {
  return lang === 'en' ? agency.nameEn : agency.nameTh;
}

/** The name of a kind of agency (the code itself when unknown). */
export function agencyTypeName(lang: Lang, type: string): string {
  return isAgencyType(type) ? pick(lang, AGENCY_TYPES[type]) : type;
}

/** The form values of a saved agency. */
export function agencyFormValues(agency: Agency): AgencyFormValues {
  return {
    code: agency.code,
    type: agency.type,
    nameTh: agency.nameTh,
    nameEn: agency.nameEn === agency.nameTh ? '' : agency.nameEn,
    website: agency.website ?? '',
    eligibleStaff: agency.eligibleStaff === null ? '' : String(agency.eligibleStaff),
  };
}

/** A labelled drop-down list with its error message. */
function SelectField(props: {
  lang: Lang;
  name: string;
  label: Message;
  value: string | undefined;
  options: { value: string; label: string }[];
  errors: FieldErrors;
}) {
  const { lang, name, errors } = props;
  const error = errors[name];
  return (
    <div class={error ? 'field field-error' : 'field'}>
      <label for={name}>{pick(lang, props.label)}</label>
      {error && (
        <p class="error" id={`${name}-error`}>
          {pick(lang, error)}
        </p>
      )}
      <select
        id={name}
        name={name}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? `${name}-error` : undefined}
      >
        <option value="">{pick(lang, m('— เลือก —', '— choose —'))}</option>
        {props.options.map((option) => (
          <option value={option.value} selected={option.value === props.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The fields of one agency (create and edit forms share them). */
export function AgencyFields(props: { lang: Lang; values: AgencyFormValues; errors: FieldErrors }) {
  const { lang, values, errors } = props;
  const types = AGENCY_TYPE_CODES.map((code) => ({
    value: code,
    label: pick(lang, AGENCY_TYPES[code]),
  }));
  return (
    <>
      <Field
        lang={lang}
        name="nameTh"
        label={m('ชื่อหน่วยงาน (ภาษาไทย)', 'Name in Thai')}
        value={values.nameTh}
        errors={errors}
      />
      <Field
        lang={lang}
        name="nameEn"
        label={m('ชื่อหน่วยงาน (ภาษาอังกฤษ)', 'Name in English')}
        hint={m('ไม่บังคับ เว้นว่างได้ จะใช้ชื่อภาษาไทยแทน', 'Optional: the Thai name is used when empty')}
        value={values.nameEn}
        errors={errors}
      />
      <Field
        lang={lang}
        name="code"
        label={m('รหัสหน่วยงาน', 'Agency code')}
        hint={m(
          'ไม่ซ้ำกับหน่วยงานอื่น ใช้อักษรอังกฤษ ตัวเลข และ . - _ ได้ไม่เกิน 40 ตัว',
          'Unique; up to 40 letters, digits and . - _',
        )}
        value={values.code}
        errors={errors}
        autocomplete="off"
      />
      <SelectField
        lang={lang}
        name="type"
        label={m('ประเภทหน่วยงาน', 'Type of agency')}
        value={values.type}
        options={types}
        errors={errors}
      />
      <Field
        lang={lang}
        name="website"
        type="url"
        label={m('เว็บไซต์', 'Website')}
        hint={m('ไม่บังคับ เช่น https://www.example.go.th', 'Optional, e.g. https://www.example.go.th')}
        value={values.website}
        errors={errors}
      />
      <Field
        lang={lang}
        name="eligibleStaff"
        label={m('จำนวนบุคลากรที่ตอบแบบ IIT ได้', 'Staff eligible for the IIT')}
        hint={m(
          'บุคลากรที่ปฏิบัติงานมาไม่น้อยกว่า 1 ปี ใช้คำนวณจำนวนผู้ตอบขั้นต่ำ',
          'Staff with at least one year of service; sets the minimum number of answers',
        )}
        value={values.eligibleStaff}
        errors={errors}
        inputMode="numeric"
      />
    </>
  );
}
