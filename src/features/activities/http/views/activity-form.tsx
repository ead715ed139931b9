import { SATISFACTION_LEVELS } from '../../core/satisfaction.js';
import type { Message } from '../../../../core/errors.js';
import type { ActivityView } from '../../services/activity.service.js';
import { m, pick, type Lang } from '../../../../platform/http/i18n.js';
import {
  CsrfField,
  Field,
  TextAreaField,
  type FieldErrors,
} from '../../../../platform/http/views/form.js';
import type { PageContext } from '../../../../platform/http/views/layout.js';
import { BeDateField } from '../../../../platform/http/views/be-date-field.js';

/** Rows of the satisfaction table on the form (blank rows are ignored when saved). */
export const SATISFACTION_ROWS = 6;

/** Default questions of a new activity's satisfaction survey. */
export const DEFAULT_QUESTIONS = [
  'ความรู้ความเข้าใจที่ได้รับ',
  'ความเหมาะสมของวิทยากร',
  'ความเหมาะสมของระยะเวลาและสถานที่',
  'การนำความรู้ไปใช้ในการปฏิบัติงาน',
];

/** The form's values as posted (strings), or from a stored activity. */
export type ActivityFormValues = Partial<Record<string, string>>;

/** The form values of a stored activity. */
export function formValuesOf(a: ActivityView): ActivityFormValues {
  const values: ActivityFormValues = {
    title: a.title,
    heldOn: a.heldOn,
    place: a.place,
    objectives: a.objectives,
    method: a.method,
    keyKnowledge: a.keyKnowledge,
    bestPractices: a.bestPractices,
    attended: a.attended === null ? '' : String(a.attended),
    invited: a.invited === null ? '' : String(a.invited),
  };
  a.satisfaction.forEach((q, i) => {
    values[`q${i}_text`] = q.text;
    q.counts.forEach((n, level) => (values[`q${i}_${level + 1}`] = String(n)));
  });
  return values;
}

function SatisfactionInputs({
  lang,
  values,
  errors,
}: {
  lang: Lang;
  values: ActivityFormValues;
  errors: FieldErrors;
}) {
  return (
    <fieldset id="satisfaction" class={errors.satisfaction ? 'field field-error' : 'field'}>
      <legend>
        {pick(
          lang,
          m('ผลแบบประเมินความพึงพอใจ (จำนวนผู้ตอบแต่ละระดับ)', 'Satisfaction survey (answers per level)'),
        )}
      </legend>
      <p class="hint">
        {pick(
          lang,
          m(
            'ระดับ 1 = น้อยที่สุด ถึง 5 = มากที่สุด เว้นว่างแถวที่ไม่ใช้',
            'Level 1 = least to 5 = most; leave unused rows blank',
          ),
        )}
      </p>
      {errors.satisfaction && <p class="error">{pick(lang, errors.satisfaction)}</p>}
      <div class="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">{pick(lang, m('ข้อคำถาม', 'Question'))}</th>
              {SATISFACTION_LEVELS.map((level) => (
                <th scope="col">{level}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {Array.from({ length: SATISFACTION_ROWS }, (_, i) => (
              <tr>
                <td>
                  <input
                    name={`q${i}_text`}
                    value={values[`q${i}_text`] ?? ''}
                    aria-label={`${pick(lang, m('ข้อคำถาม', 'Question'))} ${i + 1}`}
                  />
                </td>
                {SATISFACTION_LEVELS.map((level) => (
                  <td>
                    <input
                      name={`q${i}_${level}`}
                      type="number"
                      min={0}
                      inputMode="numeric"
                      value={values[`q${i}_${level}`] ?? ''}
                      aria-label={`${pick(lang, m('ข้อ', 'Question'))} ${i + 1} ${pick(lang, m('ระดับ', 'level'))} ${level}`}
                    />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </fieldset>
  );
}

/** The activity form: facts of the day, what was learnt, attendance and satisfaction. */
export function ActivityForm(props: {
  page: PageContext;
  action: string;
  values: ActivityFormValues;
  errors: FieldErrors;
  submit: string;
}) {
  const { page, values, errors } = props;
  const { lang } = page;
  const text = (name: string, th: string, en: string, hint?: Message) => (
    <TextAreaField
      lang={lang}
      name={name}
      label={m(th, en)}
      value={values[name]}
      errors={errors}
      rows={4}
      {...(hint ? { hint } : {})}
    />
  );
  const perLine = m('หนึ่งข้อต่อหนึ่งบรรทัด', 'One item per line');
  return (
    <form method="post" action={props.action}>
      <CsrfField token={page.csrfToken} />
      <Field
        lang={lang}
        name="title"
        label={m('ชื่อกิจกรรม', 'Title')}
        value={values.title}
        errors={errors}
        required
      />
      <BeDateField
        lang={lang}
        name="heldOn"
        label={m('วันที่จัดกิจกรรม', 'Date held')}
        value={values.heldOn}
        errors={errors}
        required
      />
      <Field
        lang={lang}
        name="place"
        label={m('สถานที่', 'Place')}
        value={values.place}
        errors={errors}
      />
      {text('objectives', 'วัตถุประสงค์', 'Objectives', perLine)}
      {text('method', 'วิธีดำเนินการ', 'Method')}
      {text('keyKnowledge', 'สาระสำคัญของความรู้', 'Key knowledge', perLine)}
      {text('bestPractices', 'แนวปฏิบัติที่ดี', 'Best practices', perLine)}
      <Field
        lang={lang}
        name="attended"
        type="number"
        inputMode="numeric"
        label={m('จำนวนผู้เข้าร่วม (คน)', 'People who attended')}
        value={values.attended}
        errors={errors}
      />
      <Field
        lang={lang}
        name="invited"
        type="number"
        inputMode="numeric"
        label={m('จำนวนผู้ได้รับเชิญ (คน)', 'People invited')}
        value={values.invited}
        errors={errors}
      />
      <SatisfactionInputs lang={lang} values={values} errors={errors} />
      <button class="button" type="submit">
        {props.submit}
      </button>
    </form>
  );
}
