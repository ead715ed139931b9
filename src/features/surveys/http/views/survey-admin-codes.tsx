import { pick, m } from '../../../../platform/http/i18n.js';
import {
  CsrfField,
  ErrorSummary,
  Field,
  type FieldErrors,
} from '../../../../platform/http/views/form.js';
import { Layout, type PageContext } from '../../../../platform/http/views/layout.js';
import type { PrintSurvey } from './survey-admin-print.js';

/** The form that issues a batch of single-use codes (printed on the next page, once). */
export function IssueCodesPage(props: {
  page: PageContext;
  survey: PrintSurvey;
  requiresCode: boolean;
  max: number;
  errors: FieldErrors;
  values: Partial<Record<string, string>>;
}) {
  const { page, survey } = props;
  const { lang } = page;
  const title = m(
    `ออกรหัสใช้ครั้งเดียว ${survey.instrumentCode}`,
    `Issue single-use codes for ${survey.instrumentCode}`,
  );
  return (
    <Layout page={page} title={title}>
      <p>
        {survey.agencyNameTh} · {pick(lang, survey.instrumentName)}
      </p>
      <ErrorSummary lang={lang} errors={props.errors} />
      <p>
        {pick(
          lang,
          m(
            'รหัสแต่ละรหัสตอบแบบวัดได้หนึ่งครั้ง เหมาะกับหน่วยงานที่ต้องการหนึ่งคำตอบต่อหนึ่งคน หน้าถัดไปจะแสดงบัตรรหัสพร้อม QR code สำหรับพิมพ์',
            'Each code answers the survey once, for agencies that want one answer per person. The next page shows slips with QR codes to print',
          ),
        )}
      </p>
      <div class="withheld" role="note">
        <strong>{pick(lang, m('รหัสจะแสดงเพียงครั้งเดียว', 'The codes are shown only once'))}</strong>
        {': '}
        {pick(
          lang,
          m(
            'ระบบเก็บรหัสไว้ในรูปที่ถอดกลับไม่ได้ จึงแสดงซ้ำไม่ได้ เตรียมพิมพ์หรือบันทึกเป็น PDF ทันที',
            'The system keeps only an irreversible form (HMAC) and cannot show them again: be ready to print or save as PDF at once',
          ),
        )}
      </div>
      {!props.requiresCode && (
        <p class="hint">
          {pick(
            lang,
            m(
              'ขณะนี้ลิงก์สาธารณะยังเปิดให้ทุกคนตอบได้ หากต้องการรับเฉพาะผู้มีรหัส ให้เปิดการตั้งค่า "รับเฉพาะผู้มีรหัสใช้ครั้งเดียว" ในหน้าแบบวัด',
              'The public link still takes anyone\'s answers; to take only people with codes, turn on "Only people with a single-use code" on the surveys page',
            ),
          )}
        </p>
      )}
      <form
        method="post"
        action={`/rounds/${survey.roundId}/surveys/${survey.instrumentCode}/codes`}
      >
        <CsrfField token={page.csrfToken} />
        <Field
          lang={lang}
          name="count"
          type="number"
          inputMode="numeric"
          label={m('จำนวนรหัส', 'Number of codes')}
          hint={m(`1–${props.max} รหัสต่อครั้ง`, `1–${props.max} codes at a time`)}
          value={props.values.count ?? '20'}
          errors={props.errors}
          required
        />
        <button type="submit">
          {pick(lang, m('ออกรหัสและแสดงบัตรสำหรับพิมพ์', 'Issue and show the slips'))}
        </button>
      </form>
      <p>
        <a href={`/rounds/${survey.roundId}/surveys`}>
          {pick(lang, m('กลับไปหน้าแบบวัด', 'Back to the surveys'))}
        </a>
      </p>
    </Layout>
  );
}
