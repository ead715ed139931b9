import type { Agency } from '../../../users/feature.js';
import type { OpenedRound, OpenRoundsResult } from '../../services/round.service.js';
import { m, pick, type Lang } from '../../../../platform/http/i18n.js';
import {
  CsrfField,
  ErrorSummary,
  type FieldErrors,
  agencyOptions,
  SelectField,
} from '../../../../platform/http/views/form.js';
import { Layout, type PageContext } from '../../../../platform/http/views/layout.js';

/** The form a parent body uses to open rounds for all its units at once. */
export function OpenRoundsPage({
  page,
  agencies,
  editions,
  errors,
  values,
}: {
  page: PageContext;
  agencies: readonly Agency[];
  editions: readonly string[];
  errors: FieldErrors;
  values: Partial<Record<string, string>>;
}) {
  const { lang } = page;
  return (
    <Layout page={page} title={m('เปิดรอบการประเมิน', 'Open assessment rounds')}>
      <p>
        {pick(
          lang,
          m(
            'เปิดรอบการประเมินให้ทุกหน่วยงานในสังกัดพร้อมกัน หน่วยงานที่มีรอบของฉบับเกณฑ์นี้อยู่แล้วจะถูกข้าม',
            'Opens a round for every unit below the parent body at once; units that already have a round on this edition are skipped',
          ),
        )}
      </p>
      <ErrorSummary lang={lang} errors={errors} />
      <form method="post" action="/rounds/open" novalidate>
        <CsrfField token={page.csrfToken} />
        <SelectField
          lang={lang}
          name="parentAgencyId"
          label={m('หน่วยงานต้นสังกัด', 'Parent body')}
          options={agencyOptions(lang, agencies)}
          placeholder={m('เลือกหน่วยงาน', 'Choose an agency')}
          value={values.parentAgencyId}
          errors={errors}
        />
        <SelectField
          lang={lang}
          name="editionCode"
          label={m('ฉบับเกณฑ์', 'Edition')}
          options={editions.map((e) => ({ value: e, label: e }))}
          placeholder={m('เลือกฉบับเกณฑ์', 'Choose an edition')}
          value={values.editionCode}
          errors={errors}
        />
        <div class="field">
          <label>
            <input
              type="checkbox"
              name="includeParent"
              value="1"
              checked={values.includeParent === '1'}
            />{' '}
            {pick(lang, m('รวมหน่วยงานต้นสังกัดด้วย', 'Include the parent body itself'))}
          </label>
        </div>
        <button class="button" type="submit">
          {pick(lang, m('เปิดรอบการประเมิน', 'Open the rounds'))}
        </button>
      </form>
    </Layout>
  );
}

function OpenedTable({ lang, rounds }: { lang: Lang; rounds: readonly OpenedRound[] }) {
  return (
    <div class="table-scroll">
      <table>
        <thead>
          <tr>
            <th scope="col">{pick(lang, m('รหัส', 'Code'))}</th>
            <th scope="col">{pick(lang, m('หน่วยงาน', 'Agency'))}</th>
          </tr>
        </thead>
        <tbody>
          {rounds.map((r) => (
            <tr>
              <td>{r.agencyCode}</td>
              <td>
                <a href={`/rounds/${r.roundId}`}>{r.agencyNameTh}</a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** What opening rounds did: the rounds created and the agencies skipped. */
export function OpenRoundsResultPage({
  page,
  result,
}: {
  page: PageContext;
  result: OpenRoundsResult;
}) {
  const { lang } = page;
  const { edition, created, skipped } = result;
  return (
    <Layout page={page} title={m('ผลการเปิดรอบการประเมิน', 'Rounds opened')}>
      <p>
        {pick(lang, m('ฉบับเกณฑ์', 'Edition'))} {edition.code} ({pick(lang, m('รุ่น', 'version'))}{' '}
        {edition.version}) · sha256 <code>{edition.sha256.slice(0, 12)}</code>
      </p>
      <h2>
        {pick(lang, m('เปิดรอบใหม่', 'Rounds created'))} ({created.length})
      </h2>
      {created.length > 0 ? (
        <OpenedTable lang={lang} rounds={created} />
      ) : (
        <p class="muted">{pick(lang, m('ไม่มีรอบใหม่', 'No new rounds'))}</p>
      )}
      <h2>
        {pick(lang, m('ข้าม (มีรอบของฉบับเกณฑ์นี้อยู่แล้ว)', 'Skipped (already open on this edition)'))} (
        {skipped.length})
      </h2>
      {skipped.length > 0 && <OpenedTable lang={lang} rounds={skipped} />}
      <p>
        <a href="/rounds">{pick(lang, m('ไปที่รายการรอบการประเมิน', 'Go to the rounds'))}</a>
      </p>
    </Layout>
  );
}
