import type { Message } from '../../../../core/errors.js';
import type { Agency } from '../../../agencies/feature.js';
import type { AssetImportPreview } from '../../services/asset-import.service.js';
import { m, pick, type Lang } from '../../../../platform/http/i18n.js';
import { AssetsNav } from './assets-common.js';
import { Layout, type PageContext } from '../../../../platform/http/views/layout.js';
import {
  ImportCheckSummary,
  ImportUploadForm,
} from '../../../../platform/imports/http/import-check.js';

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
      <ImportUploadForm
        lang={lang}
        action={assetImportPath(agency.id)}
        csrfToken={page.csrfToken}
        file={{
          name: 'file',
          accept: '.csv,.xlsx,text/csv',
          label: m('ไฟล์ CSV หรือ Excel (.xlsx)', 'CSV or Excel (.xlsx) file'),
        }}
        csv={props.csv}
        csvRows={8}
        confirm={
          preview?.valid
            ? lang === 'th'
              ? `ยืนยันเพิ่มทรัพย์สิน ${preview.rows.length} รายการ`
              : `Confirm: add ${preview.rows.length} assets`
            : null
        }
      />
    </Layout>
  );
}
