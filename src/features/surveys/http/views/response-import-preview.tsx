import type { Instrument, Scale } from '../../../../core/framework/edition.schema.js';
import { buildSurveySteps } from '../../core/survey-form.js';
import type { ResponseImportPreview } from '../../services/response-import.service.js';
import { m, pick, type Lang } from '../../../../platform/http/i18n.js';
import { ImportCheckSummary } from '../../../../platform/imports/http/import-check.js';

/** Rows listed in the preview table: enough to check, light enough for a phone. */
const SHOWN_ROWS = 200;

/** Errors or "ready": what the dry run found, at the top of the page. */
export function ImportSummary({ lang, preview }: { lang: Lang; preview: ResponseImportPreview }) {
  return (
    <ImportCheckSummary
      lang={lang}
      fileErrors={preview.fileErrors}
      badRows={preview.rows.filter((row) => row.errors.length > 0).length}
      savedTh="คำตอบ"
      ready={
        lang === 'th'
          ? `ไม่พบข้อผิดพลาด พร้อมนำเข้าคำตอบ ${preview.rows.length} ชุด (${preview.itemColumns.length} ข้อ)`
          : `No errors: ready to import ${preview.rows.length} responses (${preview.itemColumns.length} items)`
      }
    />
  );
}

/** The columns that will not be imported, each with the reason (a warning, not an error). */
export function IgnoredColumns({ lang, preview }: { lang: Lang; preview: ResponseImportPreview }) {
  if (preview.ignoredColumns.length === 0) return null;
  return (
    <div class="notice" role="status">
      <h2>{pick(lang, m('คอลัมน์ที่จะไม่นำเข้า', 'Columns that will not be imported'))}</h2>
      <ul>
        {preview.ignoredColumns.map((column) => (
          <li>
            <strong>{column.column}</strong>: {pick(lang, column.reason)}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Rows with errors first (or the first rows when clean): line, day, answered items, result. */
export function ImportRows({ lang, preview }: { lang: Lang; preview: ResponseImportPreview }) {
  const withErrors = preview.rows.filter((row) => row.errors.length > 0);
  const rows = (withErrors.length > 0 ? withErrors : preview.rows).slice(0, SHOWN_ROWS);
  if (rows.length === 0) return null;
  const total = withErrors.length > 0 ? withErrors.length : preview.rows.length;
  const comments = preview.rows.some((row) => row.comment !== undefined);
  return (
    <>
      <div class="table-scroll">
        <table>
          <thead>
            <tr>
              <th class="num">{pick(lang, m('บรรทัด', 'Line'))}</th>
              <th>{pick(lang, m('วันที่ตอบ', 'Day'))}</th>
              <th class="num">{pick(lang, m('ข้อที่ตอบ', 'Answered'))}</th>
              {comments && (
                <th>
                  {pick(
                    lang,
                    m('ข้อเสนอแนะ (ปิดบังข้อมูลส่วนบุคคลแล้ว)', 'Comment (personal details masked)'),
                  )}
                </th>
              )}
              <th>{pick(lang, m('ผลการตรวจ', 'Result'))}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr>
                <td class="num">{row.line}</td>
                <td>{row.day}</td>
                <td class="num">{Object.keys(row.answers).length}</td>
                {comments && <td>{row.comment ?? ''}</td>}
                <td>
                  {row.errors.length === 0 ? (
                    pick(lang, m('จะนำเข้า', 'Will be imported'))
                  ) : (
                    <ul class="error">
                      {row.errors.map((error) => (
                        <li>{pick(lang, error.message)}</li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {total > rows.length && (
        <p class="muted">
          {lang === 'th'
            ? `แสดง ${rows.length} จาก ${total} แถว`
            : `Showing ${rows.length} of ${total} rows`}
        </p>
      )}
    </>
  );
}

/** The item codes of the instrument and the answers each accepts (codes or Thai labels). */
export function ItemGuide(props: { lang: Lang; instrument: Instrument; scales: Scale[] }) {
  const { lang } = props;
  const steps = buildSurveySteps(props.instrument, props.scales);
  return (
    <details>
      <summary>{pick(lang, m('รหัสข้อและคำตอบที่ใช้ได้', 'Item codes and accepted answers'))}</summary>
      <div class="table-scroll">
        <table>
          <thead>
            <tr>
              <th>{pick(lang, m('คอลัมน์', 'Column'))}</th>
              <th>{pick(lang, m('ข้อคำถาม', 'Question'))}</th>
              <th>{pick(lang, m('คำตอบ', 'Answers'))}</th>
            </tr>
          </thead>
          <tbody>
            {steps.flatMap((step) =>
              step.questions.flatMap((question) =>
                question.items.map((item) => (
                  <tr>
                    <td>{item.code}</td>
                    <td>{pick(lang, item.text)}</td>
                    <td>
                      {question.options.map((o) => `${o.code} = ${pick(lang, o.label)}`).join(', ')}
                    </td>
                  </tr>
                )),
              ),
            )}
          </tbody>
        </table>
      </div>
    </details>
  );
}
