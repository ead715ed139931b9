import type { Message } from '../../../../core/errors.js';
import type { Instrument, Scale } from '../../../../core/framework/edition.schema.js';
import type { DayOrder, MatchSource } from '../../core/response-import.js';
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

const SOURCE_NOTES: Record<MatchSource, Message> = {
  code: m('ตรงกับรหัสข้อ', 'matched by the item code'),
  wording: m('ตรงกับข้อความคำถาม', "matched by the question's wording"),
  name: m('ตรงกับชื่อคอลัมน์', 'known column name'),
  saved: m('ตามการจับคู่ที่บันทึกไว้ของหน่วยงาน', 'from your saved mapping'),
  chosen: m('คุณเลือกเอง', 'your choice'),
};

function shorten(text: string, length = 70): string {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}

/** The choices of a column's select: not imported, the day, each item, the comment. */
function targetOptions(lang: Lang, instrument: Instrument, scales: Scale[]) {
  const options = [
    { value: 'ignore', label: pick(lang, m('ไม่นำเข้า', 'Not imported')) },
    { value: 'date', label: pick(lang, m('วันที่ตอบ (เก็บเฉพาะวัน)', 'Day of the answer (day only)')) },
  ];
  for (const step of buildSurveySteps(instrument, scales)) {
    for (const question of step.questions) {
      for (const item of question.items) {
        // the row's own wording for a grid row: short enough for a phone (the column's header
        // above the select gives the rest)
        options.push({
          value: item.code,
          label: `${item.code} · ${shorten(pick(lang, item.text), 48)}`,
        });
      }
    }
  }
  if (instrument.comment)
    options.push({
      value: 'comment',
      label: `${pick(lang, m('ข้อเสนอแนะ', 'Comment'))} · ${shorten(pick(lang, instrument.comment.text), 48)}`,
    });
  return options;
}

/**
 * The dry run's column matches inside the import form: each column with a select of what it
 * is (preselected with the match, and how it was made), personal columns listed as dropped,
 * and the day order when the day column cannot settle it. Sent again with the check and the
 * confirm, so a correction holds; a confirmed import keeps it for the next file.
 */
export function ColumnMatches(props: {
  lang: Lang;
  preview: ResponseImportPreview;
  instrument: Instrument;
  scales: Scale[];
  dayOrder: DayOrder | null;
}) {
  const { lang, preview } = props;
  if (preview.columns.length === 0) return null;
  const options = targetOptions(lang, props.instrument, props.scales);
  const askOrder = preview.askDayOrder || props.dayOrder !== null;
  return (
    <fieldset>
      <legend>
        {pick(lang, m('การจับคู่คอลัมน์กับข้อคำถาม', 'Columns and the questions they answer'))}
      </legend>
      <p class="hint">
        {pick(
          lang,
          m(
            'ตรวจว่าแต่ละคอลัมน์ตรงกับข้อใด แก้ได้ แล้วกดตรวจสอบอีกครั้ง เมื่อนำเข้าแล้ว ระบบจะจำการจับคู่นี้ไว้ใช้กับไฟล์ถัดไป',
            'Check which item each column answers, correct it if needed and check again. Once imported, the matches are kept for your next file.',
          ),
        )}
      </p>
      <input
        type="hidden"
        name="columns"
        value={JSON.stringify(preview.columns.map((column) => column.column))}
      />
      {askOrder && (
        <div class={preview.askDayOrder ? 'field field-error' : 'field'}>
          <label for="dayOrder">
            {pick(lang, m('ลำดับวันที่ในไฟล์', 'Order of the dates in the file'))}
          </label>
          <select id="dayOrder" name="dayOrder">
            <option value="" selected={props.dayOrder === null}>
              {pick(lang, m('— เลือก —', '— choose —'))}
            </option>
            <option value="dmy" selected={props.dayOrder === 'dmy'}>
              {pick(lang, m('วัน/เดือน/ปี (5/6 = 5 มิถุนายน)', 'day/month/year (5/6 = 5 June)'))}
            </option>
            <option value="mdy" selected={props.dayOrder === 'mdy'}>
              {pick(lang, m('เดือน/วัน/ปี (5/6 = 6 พฤษภาคม)', 'month/day/year (5/6 = May 6)'))}
            </option>
          </select>
        </div>
      )}
      {preview.columns.map((column) => {
        const id = `col_${column.position}`;
        if (column.target === 'personal')
          return (
            <div class="field">
              <span class="tag">{shorten(column.column, 60)}</span>{' '}
              {pick(lang, m('ข้อมูลส่วนบุคคล ตัดทิ้ง ไม่นำเข้า', 'personal, dropped'))}
            </div>
          );
        const note = column.source ? pick(lang, SOURCE_NOTES[column.source]) : null;
        return (
          <div class="field">
            <label for={id}>{shorten(column.column, 120)}</label>
            {note && (
              <p class="hint" id={`${id}-hint`}>
                {note}
              </p>
            )}
            <select id={id} name={id} aria-describedby={note ? `${id}-hint` : undefined}>
              {column.source === null && (
                // nothing matched: "not imported" until the person chooses (a code that is no
                // item stays an error until then)
                <option value="" selected>
                  {pick(lang, m('— ไม่ตรงกับข้อใด (ไม่นำเข้า) —', '— matches nothing (not imported) —'))}
                </option>
              )}
              {options.map((option) => (
                <option
                  value={option.value}
                  selected={column.source !== null && option.value === column.target}
                >
                  {option.label}
                </option>
              ))}
            </select>
          </div>
        );
      })}
    </fieldset>
  );
}
