import type { ManualDetail } from '../../services/manual.service.js';
import { m, pick } from '../../../../platform/http/i18n.js';
import { CsrfField, type FieldErrors } from '../../../../platform/http/views/form.js';
import { BeDateField } from '../../../../platform/http/views/be-date-field.js';
import type { PageContext } from '../../../../platform/http/views/layout.js';
import { dueLabel } from '../../../measures/feature.js';

/** Service cases of a manual: the time taken against the standard, the entry form, the list. */
export function CasesSection({
  page,
  detail,
  errors,
}: {
  page: PageContext;
  detail: ManualDetail;
  errors: FieldErrors;
}) {
  const { lang } = page;
  const s = detail.statistics;
  const base = `/agencies/${detail.agency.id}/manuals/${detail.manual.id}/cases`;
  return (
    <section aria-labelledby="cases-title">
      <h2 id="cases-title">
        {pick(lang, m('สถิติการให้บริการเทียบกับมาตรฐาน', 'Service cases against the standard'))}
      </h2>
      <dl class="case-stats">
        <dt>{pick(lang, m('มาตรฐาน (วันทำการ)', 'Standard (working days)'))}</dt>
        <dd>{s.standardDays}</dd>
        <dt>{pick(lang, m('จำนวนเรื่อง (เสร็จ / ค้าง)', 'Cases (done / open)'))}</dt>
        <dd>
          {s.total} ({s.completed} / {s.open})
        </dd>
        <dt>{pick(lang, m('เสร็จภายในมาตรฐาน', 'Done within the standard'))}</dt>
        <dd data-share-within>
          {s.shareWithin === null
            ? '—'
            : `${s.withinStandard} (${Math.round(s.shareWithin * 100)}%)`}
        </dd>
        <dt>{pick(lang, m('ค่ามัธยฐานของเวลาที่ใช้ (วันทำการ)', 'Median time taken (working days)'))}</dt>
        <dd data-median>{s.medianDays ?? '—'}</dd>
      </dl>
      <p class="hint">
        {pick(
          lang,
          m(
            'บันทึกเฉพาะวันที่ ไม่เก็บข้อมูลส่วนบุคคลของผู้รับบริการ',
            'Dates only: nothing personal about the applicant is kept',
          ),
        )}
      </p>
      {detail.mayEdit && (
        <form method="post" action={base}>
          <h3>{pick(lang, m('บันทึกเรื่องที่ให้บริการ', 'Record a case'))}</h3>
          <CsrfField token={page.csrfToken} />
          <BeDateField
            lang={lang}
            name="receivedOn"
            label={m('วันที่รับเรื่อง', 'Received on')}
            errors={errors}
            required
          />
          <BeDateField
            lang={lang}
            name="completedOn"
            label={m('วันที่แล้วเสร็จ (เว้นว่างหากยังไม่เสร็จ)', 'Completed on (blank while open)')}
            errors={errors}
          />
          <button class="button" type="submit">
            {pick(lang, m('บันทึก', 'Save'))}
          </button>
        </form>
      )}
      {detail.cases.length > 0 && (
        <div class="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{pick(lang, m('รับเรื่อง', 'Received'))}</th>
                <th scope="col">{pick(lang, m('แล้วเสร็จ', 'Completed'))}</th>
                {detail.mayEdit && <th scope="col">{pick(lang, m('ลบ', 'Remove'))}</th>}
              </tr>
            </thead>
            <tbody>
              {detail.cases.map((c) => (
                <tr>
                  <td>{dueLabel(lang, c.receivedOn)}</td>
                  <td>{dueLabel(lang, c.completedOn)}</td>
                  {detail.mayEdit && (
                    <td>
                      <form method="post" action={`${base}/${c.id}/delete`} class="inline">
                        <CsrfField token={page.csrfToken} />
                        <button class="link-button" type="submit">
                          {pick(lang, m('ลบ', 'Remove'))}
                        </button>
                      </form>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
