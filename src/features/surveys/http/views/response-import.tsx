import type { Message } from '../../../../core/errors.js';
import type {
  ImportTarget,
  ResponseImportPreview,
} from '../../services/response-import.service.js';
import { m, pick, type Lang } from '../../../../platform/http/i18n.js';
import { Layout, type PageContext } from '../../../../platform/http/views/layout.js';
import { editionLabel } from '../../../rounds/feature.js';
import { ImportUploadForm } from '../../../../platform/imports/http/import-check.js';
import type { DayOrder } from '../../core/response-import.js';
import {
  ColumnMatches,
  ImportRows,
  ImportSummary,
  IgnoredColumns,
  ItemGuide,
} from './response-import-preview.js';

/** Where the import page of a round's instrument lives. */
export function importPath(roundId: string, instrument: string): string {
  return `/rounds/${encodeURIComponent(roundId)}/surveys/${encodeURIComponent(instrument)}/import`;
}

function Explanation({ lang, target }: { lang: Lang; target: ImportTarget }) {
  const base = importPath(target.round.id, target.instrument.code);
  return (
    <>
      <p>
        {pick(
          lang,
          m(
            'นำเข้าคำตอบที่เก็บด้วยกระดาษ Google Forms, Microsoft Forms หรือ LimeSurvey ได้ตามไฟล์ที่ดาวน์โหลดมา: หนึ่งแถวต่อผู้ตอบหนึ่งคน แถวแรกเป็นรหัสข้อ (เช่น i1.1) หรือข้อความคำถาม ช่องคำตอบใส่รหัสตัวเลือก (1–4, Y/N) ข้อความตัวเลือก (มากที่สุด, มี ฯลฯ) หรือ "4 - มากที่สุด" ช่องว่างคือไม่ได้ตอบ วันที่ตอบมาจากคอลัมน์ date หรือประทับเวลาของแบบฟอร์ม ใช้ พ.ศ. หรือ ค.ศ. ก็ได้',
            'Import answers collected on paper or with Google Forms, Microsoft Forms or LimeSurvey, as downloaded: one row per respondent, item codes (e.g. i1.1) or the questions\' wording in the first row, option codes (1–4, Y/N), option labels or "4 - most" in the cells; a blank cell is unanswered. The day comes from a date column or the form\'s timestamp, Buddhist or Gregorian year.',
          ),
        )}
      </p>
      <p>
        {pick(
          lang,
          m(
            'เพื่อรักษาความลับของผู้ตอบ ระบบเก็บเฉพาะคำตอบและวันที่เท่านั้น ชื่อ อีเมล เวลา และคอลัมน์อื่นจะไม่ถูกนำเข้า',
            'To keep respondents anonymous only the answers and the day are stored; names, e-mails, times and any other column are left out.',
          ),
        )}
      </p>
      <p>
        <a class="button secondary" href={`${base}/template.csv`} download>
          {pick(lang, m('ดาวน์โหลดไฟล์แม่แบบ (CSV)', 'Download the template (CSV)'))}
        </a>{' '}
        <a class="button secondary" href={`${base}/template.xlsx`} download>
          {pick(lang, m('ดาวน์โหลดไฟล์แม่แบบ (Excel)', 'Download the template (Excel)'))}
        </a>
      </p>
      <ItemGuide lang={lang} instrument={target.instrument} scales={target.scales} />
    </>
  );
}

function ImportForm(props: {
  lang: Lang;
  action: string;
  csrfToken: string;
  csv: string;
  preview: ResponseImportPreview | null;
  target: ImportTarget;
  dayOrder: DayOrder | null;
}) {
  const { lang, preview } = props;
  return (
    <ImportUploadForm
      lang={lang}
      action={props.action}
      csrfToken={props.csrfToken}
      file={{
        name: 'xlsx',
        accept: '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        label: m('ไฟล์ Excel (.xlsx)', 'Excel file (.xlsx)'),
      }}
      csv={props.csv}
      csvRows={10}
      confirm={
        preview?.valid
          ? lang === 'th'
            ? `ยืนยันนำเข้า ${preview.rows.length} ชุดคำตอบ`
            : `Confirm: import ${preview.rows.length} responses`
          : null
      }
    >
      {preview && (
        <ColumnMatches
          lang={lang}
          preview={preview}
          instrument={props.target.instrument}
          scales={props.target.scales}
          dayOrder={props.dayOrder}
        />
      )}
    </ImportUploadForm>
  );
}

/** The import page of one survey of a round: upload or paste, check (dry run), then confirm. */
export function ResponseImportPage(props: {
  page: PageContext;
  target: ImportTarget;
  open: boolean;
  csv: string;
  preview: ResponseImportPreview | null;
  notice: Message | null;
  dayOrder?: DayOrder | null;
}) {
  const { page, target, preview } = props;
  const { lang } = page;
  const { round, instrument } = target;
  const title = m(`นำเข้าคำตอบแบบวัด ${instrument.code}`, `Import ${instrument.code} answers`);
  return (
    <Layout page={page} title={title} notice={props.notice}>
      <p class="muted">
        {round.agencyCode} {round.agencyNameTh} · {editionLabel(lang, round)} ·{' '}
        {pick(lang, instrument.name)}
      </p>
      {preview && <ImportSummary lang={lang} preview={preview} />}
      {preview && <IgnoredColumns lang={lang} preview={preview} />}
      {preview?.valid && preview.format === 'xlsx' && (
        <p class="hint">
          {pick(
            lang,
            m(
              'แปลงไฟล์ Excel เป็น CSV ด้านล่างแล้ว (ตัดข้อมูลส่วนบุคคลออก) กดยืนยันเพื่อนำเข้า',
              'The Excel file was turned into the CSV below (personal columns emptied): confirm to import it.',
            ),
          )}
        </p>
      )}
      {props.open ? (
        <ImportForm
          lang={lang}
          action={importPath(round.id, instrument.code)}
          csrfToken={page.csrfToken}
          csv={props.csv}
          preview={preview}
          target={target}
          dayOrder={props.dayOrder ?? null}
        />
      ) : (
        <div class="error-summary" role="alert">
          {pick(
            lang,
            m(
              'รอบการประเมินนี้ไม่อยู่ในช่วงเก็บข้อมูล จึงนำเข้าคำตอบไม่ได้',
              'This round is not collecting answers, so none can be imported',
            ),
          )}
        </div>
      )}
      {preview && <ImportRows lang={lang} preview={preview} />}
      <Explanation lang={lang} target={target} />
      <p>
        <a href={`/rounds/${round.id}`}>
          {pick(lang, m('กลับไปหน้ารอบการประเมิน', 'Back to the round'))}
        </a>
      </p>
    </Layout>
  );
}
