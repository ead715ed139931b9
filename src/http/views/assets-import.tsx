import type { Message } from '../../core/errors.js';
import type { Agency } from '../../services/agency.service.js';
import type { AssetImportPreview } from '../../services/asset-import.service.js';
import { m, pick, type Lang } from '../i18n.js';
import { AssetsNav } from './assets-common.js';
import { CsrfField } from './form.js';
import { Layout, type PageContext } from './layout.js';
import { ImportCheckSummary } from './import-check.js';

/** Where an agency's register import lives. */
export function assetImportPath(agencyId: string): string {
  return `/agencies/${encodeURIComponent(agencyId)}/assets/import`;
}

function Summary({ lang, preview }: { lang: Lang; preview: AssetImportPreview }) {
  return (
    <ImportCheckSummary
      lang={lang}
      fileErrors={preview.fileErrors}
      badRows={preview.rows.filter((r) => r.errors.length > 0).length}
      savedTh="ทรัพย์สิน"
      ready={
        lang === 'th'
          ? `ไม่พบข้อผิดพลาด พร้อมเพิ่มทรัพย์สิน ${preview.rows.length} รายการ`
          : `No errors: ready to add ${preview.rows.length} assets`
      }
    />
  );
}

function Rows({ lang, preview }: { lang: Lang; preview: AssetImportPreview }) {
  if (preview.rows.length === 0) return null;
  return (
    <div class="table-scroll">
      <table>
        <thead>
          <tr>
            <th>{pick(lang, m('บรรทัด', 'Line'))}</th>
            <th>{pick(lang, m('เลขครุภัณฑ์', 'Asset number'))}</th>
            <th>{pick(lang, m('ชื่อ', 'Name'))}</th>
            <th>{pick(lang, m('ผลการตรวจ', 'Result'))}</th>
          </tr>
        </thead>
        <tbody>
          {preview.rows.slice(0, 500).map((row) => (
            <tr>
              <td>{row.line}</td>
              <td>{row.assetNumber}</td>
              <td>{row.name}</td>
              <td>
                {row.errors.length === 0 ? (
                  pick(lang, m('ถูกต้อง', 'OK'))
                ) : (
                  <ul>
                    {row.errors.map((e) => (
                      <li class="warning-text">
                        {e.field}: {pick(lang, e.message)}
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

/** Upload (CSV or XLSX) or paste an asset register, check it (dry run), then confirm. */
export function AssetImportPage(props: {
  page: PageContext;
  agency: Agency;
  csv: string;
  preview: AssetImportPreview | null;
  notice: Message | null;
}) {
  const { page, agency, preview } = props;
  const { lang } = page;
  return (
    <Layout
      page={page}
      title={m(
        `นำเข้าทะเบียนทรัพย์สิน · ${agency.nameTh}`,
        `Import the asset register · ${agency.nameEn || agency.nameTh}`,
      )}
      notice={props.notice}
    >
      <AssetsNav lang={lang} agencyId={agency.id} />
      <p>
        {pick(
          lang,
          m(
            'หนึ่งแถวต่อทรัพย์สินหนึ่งรายการ แถวแรกเป็นชื่อคอลัมน์: asset_number, name, category (บังคับ) และ location, custodian_unit, acquired_on (ปปปป-ดด-วว ไม่บังคับ) ตรวจสอบก่อนเสมอ ระบบจะเพิ่มทุกแถวหรือไม่เพิ่มเลย',
            'One row per asset, column names first: asset_number, name, category (required) and location, custodian_unit, acquired_on (YYYY-MM-DD, optional). Check first: every row is added, or none.',
          ),
        )}
      </p>
      <p>
        <a class="button secondary" href={`${assetImportPath(agency.id)}/template.csv`} download>
          {pick(lang, m('ดาวน์โหลดไฟล์แม่แบบ (CSV)', 'Download the template (CSV)'))}
        </a>
      </p>
      {preview && <Summary lang={lang} preview={preview} />}
      {preview && <Rows lang={lang} preview={preview} />}
      <form
        method="post"
        action={assetImportPath(agency.id)}
        enctype="multipart/form-data"
        novalidate
      >
        <CsrfField token={page.csrfToken} />
        <div class="field">
          <label for="file">
            {pick(lang, m('ไฟล์ CSV หรือ Excel (.xlsx)', 'CSV or Excel (.xlsx) file'))}
          </label>
          <p class="hint" id="file-hint">
            {pick(
              lang,
              m(
                'ขนาดไม่เกิน 5 MB ใช้แผ่นงานแรกของไฟล์ Excel ถ้าเลือกไฟล์ ระบบจะใช้ไฟล์แทนข้อความด้านล่าง',
                'Up to 5 MB; the first sheet of a workbook is read. A chosen file is used instead of the text below.',
              ),
            )}
          </p>
          <input
            id="file"
            name="file"
            type="file"
            accept=".csv,.xlsx,text/csv"
            aria-describedby="file-hint"
          />
        </div>
        <div class="field">
          <label for="csv">{pick(lang, m('หรือวางข้อมูล CSV', 'Or paste CSV data'))}</label>
          <textarea id="csv" name="csv" rows={8}>
            {props.csv}
          </textarea>
        </div>
        <button type="submit" name="mode" value="preview" class="secondary">
          {pick(lang, m('ตรวจสอบ (dry run)', 'Check (dry run)'))}
        </button>{' '}
        {preview?.valid && (
          <button type="submit" name="mode" value="import">
            {lang === 'th'
              ? `ยืนยันเพิ่มทรัพย์สิน ${preview.rows.length} รายการ`
              : `Confirm: add ${preview.rows.length} assets`}
          </button>
        )}
      </form>
    </Layout>
  );
}
