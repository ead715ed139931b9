import type { ComponentChildren } from 'preact';
import type { Message } from '../../../core/errors.js';
import { MAX_IMPORT_FILE } from './import-upload.js';
import { m, pick, type Lang } from '../../http/i18n.js';
import { CsrfField } from '../../http/views/form.js';

/**
 * What an import's dry run found, at the top of the page: the file's errors and how many rows
 * are wrong (nothing saved), or `ready` when the file can be imported as it is.
 */
export function ImportCheckSummary(props: {
  lang: Lang;
  fileErrors: readonly Message[];
  badRows: number;
  /** What the import would save, in Thai ("ข้อมูล", "ทรัพย์สิน", "คำตอบ"). */
  savedTh: string;
  ready: string;
}) {
  const { lang, badRows } = props;
  const problems = props.fileErrors.map((message) => pick(lang, message));
  if (badRows > 0)
    problems.push(
      lang === 'th'
        ? `${badRows} แถวมีข้อผิดพลาด แก้ไขแล้วตรวจสอบอีกครั้ง ยังไม่มีการบันทึก${props.savedTh}ใด`
        : `${badRows} row(s) have errors: correct them and check again. Nothing was saved.`,
    );
  if (problems.length === 0)
    return (
      <div class="notice" role="status">
        {props.ready}
      </div>
    );
  return (
    <div class="error-summary" role="alert" tabIndex={-1}>
      <h2>{pick(lang, m('ยังนำเข้าไม่ได้', 'Cannot import yet'))}</h2>
      <ul>
        {problems.map((text) => (
          <li>{text}</li>
        ))}
      </ul>
    </div>
  );
}

/**
 * An import's form: a file (read instead of the text when chosen), or CSV pasted into the text
 * box; "check" runs the dry run, and the confirm button appears once the check found no error.
 */
export function ImportUploadForm(props: {
  lang: Lang;
  action: string;
  csrfToken: string;
  /** The file field: its form name, what it accepts and its label. */
  file: { name: string; accept: string; label: Message };
  csv: string;
  csvRows: number;
  /** The confirm button's label (with the row count), or null while there is nothing to import. */
  confirm: string | null;
  /** More fields of the import, after the text box (e.g. the column matches of a dry run). */
  children?: ComponentChildren;
}) {
  const { lang, file } = props;
  const megabytes = Math.round(MAX_IMPORT_FILE / (1024 * 1024));
  return (
    <form method="post" action={props.action} enctype="multipart/form-data" novalidate>
      <CsrfField token={props.csrfToken} />
      <div class="field">
        <label for={file.name}>{pick(lang, file.label)}</label>
        <p class="hint" id={`${file.name}-hint`}>
          {pick(
            lang,
            m(
              `ขนาดไม่เกิน ${megabytes} MB ใช้แผ่นงานแรกของไฟล์ Excel ถ้าเลือกไฟล์ ระบบจะใช้ไฟล์แทนข้อความด้านล่าง`,
              `Up to ${megabytes} MB; the first sheet of a workbook is read. A chosen file is used instead of the text below.`,
            ),
          )}
        </p>
        <input
          id={file.name}
          name={file.name}
          type="file"
          accept={file.accept}
          aria-describedby={`${file.name}-hint`}
        />
      </div>
      <div class="field">
        <label for="csv">{pick(lang, m('หรือวางข้อมูล CSV', 'Or paste CSV data'))}</label>
        <textarea id="csv" name="csv" rows={props.csvRows}>
          {props.csv}
        </textarea>
      </div>
      {props.children}
      <button type="submit" name="mode" value="preview" class="secondary">
        {pick(lang, m('ตรวจสอบ (dry run)', 'Check (dry run)'))}
      </button>{' '}
      {props.confirm && (
        <button type="submit" name="mode" value="import">
          {props.confirm}
        </button>
      )}
    </form>
  );
}
