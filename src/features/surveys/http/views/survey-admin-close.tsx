import type { Message } from '../../../../core/errors.js';
import { beDay } from '../../../../core/thai-calendar.js';
import { formatDay, m, pick } from '../../../../platform/http/i18n.js';
import { CsrfField } from '../../../../platform/http/views/form.js';
import { Layout, type PageContext } from '../../../../platform/http/views/layout.js';

/**
 * Asked before settings with a closing day already past are saved: saving closes the survey
 * at once. Confirming posts the same settings again with `confirm=1`; going back changes nothing.
 */
export function CloseSurveyConfirmPage(props: {
  page: PageContext;
  roundId: string;
  instrument: string;
  instrumentName: Message | null;
  requiresCode: boolean;
  closesOn: string;
}) {
  const { page, roundId, instrument, closesOn } = props;
  const { lang } = page;
  const back = `/rounds/${roundId}/surveys#${instrument}`;
  const name = props.instrumentName ? pick(lang, props.instrumentName) : instrument;
  const day = formatDay(lang, closesOn);
  return (
    <Layout page={page} title={m('ปิดรับคำตอบทันที?', 'Close the survey now?')}>
      <div class="withheld" role="note">
        <p>
          {pick(
            lang,
            m(
              `วันสุดท้ายที่รับคำตอบที่กรอก (${day}) ผ่านมาแล้ว หากบันทึก แบบวัด ${name} จะปิดรับคำตอบทันที: ผู้ที่เปิดลิงก์หรือสแกน QR หลังจากนี้จะตอบไม่ได้`,
              `The last day you entered (${day}) has passed. If you save, the survey ${name} closes at once: people who open its link or scan its QR code from now on cannot answer`,
            ),
          )}
        </p>
        <p>
          {pick(
            lang,
            m(
              'คำตอบที่ได้รับแล้วยังนับอยู่ และระหว่างช่วงเก็บข้อมูลยังเปลี่ยนวันปิดเพื่อเปิดรับอีกครั้งได้',
              'The answers already given still count, and during collection you may change the day to open it again',
            ),
          )}
        </p>
      </div>
      <form method="post" action={`/rounds/${roundId}/surveys/${instrument}/settings`}>
        <CsrfField token={page.csrfToken} />
        {props.requiresCode && <input type="hidden" name="requiresCode" value="1" />}
        <input type="hidden" name="closesOn" value={beDay(closesOn)} />
        <input type="hidden" name="confirm" value="1" />
        <button type="submit">{pick(lang, m('ปิดรับคำตอบทันที', 'Close the survey now'))}</button>{' '}
        <a class="button secondary" href={back}>
          {pick(lang, m('กลับไปแก้วันที่', 'Go back and change the date'))}
        </a>
      </form>
    </Layout>
  );
}
