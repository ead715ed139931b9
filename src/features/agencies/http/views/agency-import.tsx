import { AGENCY_CSV_COLUMNS } from '../../core/agency-csv.js';
import { AGENCY_TYPE_CODES } from '../../core/agency-input.js';
import type { Agency, ImportPreview } from '../../services/agency.service.js';
import { m, pick, type Lang } from '../../../../platform/http/i18n.js';
import { CsrfField } from '../../../../platform/http/views/form.js';
import { Layout, type PageContext } from '../../../../platform/http/views/layout.js';
import { agencyName } from './agency-form.js';
import { ImportCheckSummary } from '../../../../platform/imports/http/import-check.js';

const SAMPLE = [
  AGENCY_CSV_COLUMNS.join(','),
  'DEP-01,,department,กรมตัวอย่าง,Example Department,https://www.example.go.th,350',
  'DEP-01-A,DEP-01,unit,"สำนักงานเลขานุการกรม, ฝ่ายบริหาร",,,42',
].join('\n');

function PreviewTable({ lang, preview }: { lang: Lang; preview: ImportPreview }) {
  return (
    <div class="table-scroll">
      <table>
        <thead>
          <tr>
            <th class="num">{pick(lang, m('บรรทัด', 'Line'))}</th>
            <th>{pick(lang, m('รหัส', 'Code'))}</th>
            <th>{pick(lang, m('หน่วยงานแม่', 'Parent'))}</th>
            <th>{pick(lang, m('ชื่อ', 'Name'))}</th>
            <th>{pick(lang, m('ผลการตรวจ', 'Result'))}</th>
          </tr>
        </thead>
        <tbody>
          {preview.rows.map((row) => (
            <tr>
              <td class="num">{row.line}</td>
              <td>{row.code}</td>
              <td>{row.parentCode ?? '–'}</td>
              <td>{row.nameTh ?? ''}</td>
              <td>
                {row.action === 'create' ? (
                  pick(lang, m('จะสร้างใหม่', 'Will be created'))
                ) : (
                  <ul class="error">
                    {row.errors.map((error) => (
                      <li>
                        {error.field}: {pick(lang, error.message)}
                      </li>
                    ))}
                  </ul>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function PreviewSummary({ lang, preview }: { lang: Lang; preview: ImportPreview }) {
  return (
    <ImportCheckSummary
      lang={lang}
      fileErrors={preview.fileErrors}
      badRows={preview.rows.filter((row) => row.action === 'error').length}
      savedTh="ข้อมูล"
      ready={
        lang === 'th'
          ? `ไม่พบข้อผิดพลาด พร้อมสร้างหน่วยงาน ${preview.rows.length} หน่วยงาน`
          : `No errors: ready to create ${preview.rows.length} agencies`
      }
    />
  );
}

/** The CSV import page: paste, check (dry run), then confirm when the check found no error. */
export function AgencyImportPage(props: {
  page: PageContext;
  parent: Agency | null;
  csv: string;
  preview: ImportPreview | null;
}) {
  const { page, parent, preview } = props;
  const { lang } = page;
  const action = parent
    ? `/agencies/import?parent=${encodeURIComponent(parent.id)}`
    : '/agencies/import';
  return (
    <Layout page={page} title={m('นำเข้าหน่วยงานจากไฟล์ CSV', 'Import agencies from CSV')}>
      {preview && <PreviewSummary lang={lang} preview={preview} />}
      <p>
        {parent
          ? `${pick(lang, m('แถวที่ไม่ระบุ parent_code จะอยู่ภายใต้', 'Rows without parent_code go below'))} ${agencyName(lang, parent)} (${parent.code})`
          : pick(
              lang,
              m(
                'แถวที่ไม่ระบุ parent_code จะเป็นหน่วยงานระดับบนสุด',
                'Rows without parent_code become top-level agencies',
              ),
            )}
      </p>
      <form method="post" action={action} novalidate>
        <CsrfField token={page.csrfToken} />
        <div class="field">
          <label for="csv">{pick(lang, m('ข้อมูล CSV', 'CSV data'))}</label>
          <p class="hint" id="csv-hint">
            {pick(
              lang,
              m(
                'แถวแรกเป็นหัวตาราง คอลัมน์ name_en, website, eligible_staff ไม่บังคับ ประเภท (type) ที่ใช้ได้: ',
                'The first row is the header; name_en, website and eligible_staff are optional. Types: ',
              ),
            )}
            {AGENCY_TYPE_CODES.join(', ')}
          </p>
          <textarea id="csv" name="csv" rows={12} aria-describedby="csv-hint">
            {props.csv}
          </textarea>
        </div>
        <button type="submit" name="mode" value="preview" class="secondary">
          {pick(lang, m('ตรวจสอบ (dry run)', 'Check (dry run)'))}
        </button>{' '}
        {preview?.valid && (
          <button type="submit" name="mode" value="import">
            {lang === 'th'
              ? `ยืนยันนำเข้า ${preview.rows.length} หน่วยงาน`
              : `Confirm: import ${preview.rows.length} agencies`}
          </button>
        )}
      </form>
      {preview && preview.rows.length > 0 && <PreviewTable lang={lang} preview={preview} />}
      <h2>{pick(lang, m('ตัวอย่างไฟล์', 'Example file'))}</h2>
      <pre class="table-scroll">{SAMPLE}</pre>
    </Layout>
  );
}
