import { formatPercent } from '../../core/satisfaction.js';
import type { Agency } from '../../../agencies/feature.js';
import type { ActivityView } from '../../services/activity.service.js';
import { formatDate, m, pick, type Lang } from '../../../../platform/http/i18n.js';
import { ActivityForm, DEFAULT_QUESTIONS, type ActivityFormValues } from './activity-form.js';
import { CsrfField, ErrorSummary, type FieldErrors } from '../../../../platform/http/views/form.js';
import { Layout, type PageContext } from '../../../../platform/http/views/layout.js';
import { PublicLayout } from '../../../../platform/http/views/layout-public.js';
import { activityDay } from './activity-report.js';

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
      {/* a block, not a paragraph: it holds the publish form */}
      <div>
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
      </div>
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
          <form method="post" action={`${base}/delete`}>
            <CsrfField token={page.csrfToken} />
            <button class="button" type="submit">
              {pick(lang, m('ลบกิจกรรมนี้', 'Delete this activity'))}
            </button>
          </form>
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
    <PublicLayout
      lang={lang}
      path={`/public/${encodeURIComponent(agency.code)}/activities`}
      agency={agency}
      title={title}
    >
      {props.activities.length === 0 && (
        <p>{pick(lang, m('ยังไม่มีรายงานที่เผยแพร่', 'No published reports yet'))}</p>
      )}
      <ul>
        {props.activities.map((a) => (
          <li>
            <a href={`/public/${encodeURIComponent(agency.code)}/activities/${a.id}`}>{a.title}</a>{' '}
            · {activityDay(lang, a.heldOn)}
            {a.summary.overall.percent === null
              ? ''
              : ` · ${pick(lang, m('ความพึงพอใจร้อยละ', 'satisfaction'))} ${formatPercent(a.summary.overall.percent)}${lang === 'en' ? '%' : ''}`}
          </li>
        ))}
      </ul>
    </PublicLayout>
  );
}
