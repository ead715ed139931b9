import { formatPercent, SATISFACTION_LEVELS } from '../../core/activities/satisfaction.js';
import type { Agency } from '../../services/agency.service.js';
import type { ActivityView } from '../../services/activity.service.js';
import { formatDate, m, pick, type Lang } from '../i18n.js';
import { CsrfField, ErrorSummary, Field, type FieldErrors } from './form.js';
import { Layout, type PageContext } from './layout.js';
import { activityDay } from './activity-report.js';

/** Rows of the satisfaction table on the form (blank rows are ignored when saved). */
export const SATISFACTION_ROWS = 6;

/** Default questions of a new activity's satisfaction survey. */
const DEFAULT_QUESTIONS = [
  'ความรู้ความเข้าใจที่ได้รับ',
  'ความเหมาะสมของวิทยากร',
  'ความเหมาะสมของระยะเวลาและสถานที่',
  'การนำความรู้ไปใช้ในการปฏิบัติงาน',
];

/** The form's values as posted (strings), or from a stored activity. */
export type ActivityFormValues = Record<string, string>;

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

function TextArea(props: {
  lang: Lang;
  name: string;
  label: string;
  hint?: string;
  values: ActivityFormValues;
  errors: FieldErrors;
}) {
  const { lang, name, errors } = props;
  return (
    <div class={errors[name] ? 'field field-error' : 'field'}>
      <label for={name}>{props.label}</label>
      {props.hint && <p class="hint">{props.hint}</p>}
      {errors[name] && <p class="error">{pick(lang, errors[name])}</p>}
      <textarea id={name} name={name} rows={4}>
        {props.values[name] ?? ''}
      </textarea>
    </div>
  );
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
                      size={4}
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
  const text = (name: string, th: string, en: string, hint?: string) => (
    <TextArea
      lang={lang}
      name={name}
      label={pick(lang, m(th, en))}
      values={values}
      errors={errors}
      {...(hint ? { hint } : {})}
    />
  );
  const perLine = pick(lang, m('หนึ่งข้อต่อหนึ่งบรรทัด', 'One item per line'));
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
      <Field
        lang={lang}
        name="heldOn"
        type="date"
        label={m('วันที่จัดกิจกรรม', 'Date held')}
        hint={m('ปี ค.ศ. ในช่องวันที่ ระบบแสดงผลเป็น พ.ศ.', 'Shown in the Buddhist era in reports')}
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
      {text('bestPractices', 'แนวปฏิบัติที่ดี (Best Practice)', 'Best practices', perLine)}
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

/** An agency's activities with their satisfaction, and for editors the form for a new one. */
export function ActivityListPage(props: {
  page: PageContext;
  agency: Agency;
  mayEdit: boolean;
  activities: ActivityView[];
  values: ActivityFormValues;
  errors: FieldErrors;
}) {
  const { page, agency } = props;
  const { lang } = page;
  const base = `/agencies/${agency.id}/activities`;
  const values: ActivityFormValues = { ...props.values };
  if (Object.keys(props.values).length === 0)
    DEFAULT_QUESTIONS.forEach((q, i) => (values[`q${i}_text`] = q));
  return (
    <Layout page={page} title={m('รายงานกิจกรรมการจัดการความรู้ (KM)', 'Activity (KM) reports')}>
      <p>
        <a href={`/agencies/${agency.id}`}>
          {agency.code} {agency.nameTh}
        </a>
      </p>
      <ErrorSummary lang={lang} errors={props.errors} />
      {props.activities.length === 0 && <p>{pick(lang, m('ยังไม่มีกิจกรรม', 'No activities yet'))}</p>}
      {props.activities.length > 0 && (
        <div class="table-scroll">
          <table>
            <thead>
              <tr>
                <th>{pick(lang, m('วันที่', 'Date'))}</th>
                <th>{pick(lang, m('กิจกรรม', 'Activity'))}</th>
                <th>{pick(lang, m('ผู้เข้าร่วม', 'Attended'))}</th>
                <th>{pick(lang, m('ความพึงพอใจ', 'Satisfaction'))}</th>
                <th>{pick(lang, m('เผยแพร่', 'Published'))}</th>
              </tr>
            </thead>
            <tbody>
              {props.activities.map((a) => (
                <tr>
                  <td>{activityDay(lang, a.heldOn)}</td>
                  <td>
                    <a href={`${base}/${a.id}`}>{a.title}</a>
                  </td>
                  <td>{a.attended ?? '—'}</td>
                  <td>
                    {a.summary.overall.percent === null
                      ? '—'
                      : `${formatPercent(a.summary.overall.percent)}%`}
                  </td>
                  <td>
                    {a.published
                      ? pick(lang, m('เผยแพร่แล้ว', 'Yes'))
                      : pick(lang, m('ยังไม่เผยแพร่', 'No'))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {props.mayEdit && (
        <section>
          <h2>{pick(lang, m('บันทึกกิจกรรมใหม่', 'Record a new activity'))}</h2>
          <ActivityForm
            page={page}
            action={base}
            values={values}
            errors={props.errors}
            submit={pick(lang, m('บันทึกกิจกรรม', 'Save activity'))}
          />
        </section>
      )}
    </Layout>
  );
}

/** One activity: its report files, publication and (for editors) the edit form. */
export function ActivityPage(props: {
  page: PageContext;
  agency: Agency;
  mayEdit: boolean;
  activity: ActivityView;
  values: ActivityFormValues;
  errors: FieldErrors;
}) {
  const { page, agency, activity } = props;
  const { lang } = page;
  const base = `/agencies/${agency.id}/activities/${activity.id}`;
  const overall = activity.summary.overall.percent;
  return (
    <Layout page={page} title={m('รายงานกิจกรรม', 'Activity report')}>
      <p>
        <a href={`/agencies/${agency.id}/activities`}>
          {pick(lang, m('กลับไปรายการกิจกรรม', 'Back to the activities'))}
        </a>{' '}
        · {agency.code} {agency.nameTh}
      </p>
      <h2>{activity.title}</h2>
      <p>
        {activityDay(lang, activity.heldOn)}
        {activity.place ? ` · ${activity.place}` : ''} ·{' '}
        {pick(lang, m('ความพึงพอใจ', 'Satisfaction'))}{' '}
        {overall === null
          ? '—'
          : pick(lang, m(`ร้อยละ ${formatPercent(overall)}`, `${formatPercent(overall)}%`))}
      </p>
      <p>
        {pick(lang, m('รายงาน', 'Report'))}: <a href={`${base}/report.html`}>HTML</a> ·{' '}
        <a href={`${base}/report.pdf`}>PDF</a> · <a href={`${base}/report.docx`}>DOCX</a>
      </p>
      <p>
        {activity.published ? (
          <>
            {pick(lang, m('เผยแพร่แล้วเมื่อ', 'Published on'))}{' '}
            {activity.publishedAt ? formatDate(lang, activity.publishedAt, true) : ''} ·{' '}
            <a href={`/public/${encodeURIComponent(agency.code)}/activities/${activity.id}`}>
              {pick(lang, m('หน้าสาธารณะ', 'Public page'))}
            </a>
          </>
        ) : (
          pick(lang, m('ยังไม่เผยแพร่', 'Not published'))
        )}
        {props.mayEdit && (
          <form method="post" action={`${base}/publish`} class="inline">
            <CsrfField token={page.csrfToken} />
            <input type="hidden" name="published" value={activity.published ? '0' : '1'} />{' '}
            <button class="button" type="submit">
              {activity.published
                ? pick(lang, m('ยกเลิกการเผยแพร่', 'Unpublish'))
                : pick(lang, m('เผยแพร่', 'Publish'))}
            </button>
          </form>
        )}
      </p>
      <ErrorSummary lang={lang} errors={props.errors} />
      {props.mayEdit && (
        <section>
          <h2>{pick(lang, m('แก้ไขกิจกรรม', 'Edit the activity'))}</h2>
          <ActivityForm
            page={page}
            action={base}
            values={props.values}
            errors={props.errors}
            submit={pick(lang, m('บันทึกการแก้ไข', 'Save changes'))}
          />
        </section>
      )}
    </Layout>
  );
}

/** The public list of an agency's published activity reports (no sign-in). */
export function PublicActivityListPage(props: {
  lang: Lang;
  agency: Agency;
  activities: ActivityView[];
}) {
  const { lang, agency } = props;
  const title = `${pick(lang, m('รายงานกิจกรรมการจัดการความรู้', 'Activity (KM) reports'))} ${agency.nameTh}`;
  return (
    <html lang={lang}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title}</title>
        <link rel="stylesheet" href="/assets/styles.css" />
      </head>
      <body>
        <main id="main" class="wrap">
          <h1>{title}</h1>
          {props.activities.length === 0 && (
            <p>{pick(lang, m('ยังไม่มีรายงานที่เผยแพร่', 'No published reports yet'))}</p>
          )}
          <ul>
            {props.activities.map((a) => (
              <li>
                <a href={`/public/${encodeURIComponent(agency.code)}/activities/${a.id}`}>
                  {a.title}
                </a>{' '}
                · {activityDay(lang, a.heldOn)}
                {a.summary.overall.percent === null
                  ? ''
                  : ` · ${pick(lang, m('ความพึงพอใจร้อยละ', 'satisfaction'))} ${formatPercent(a.summary.overall.percent)}${lang === 'en' ? '%' : ''}`}
              </li>
            ))}
          </ul>
        </main>
      </body>
    </html>
  );
}
