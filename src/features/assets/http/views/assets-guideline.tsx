import type { Message } from '../../../../core/errors.js';
import type { GuidelineState } from '../../services/asset-report.service.js';
import { publicGuidelinePath } from '../../evidence.js';
import { formatDate, m, pick } from '../../../../platform/http/i18n.js';
import { AssetsNav } from './assets-common.js';
import {
  CsrfField,
  ErrorSummary,
  TextAreaField,
  type FieldErrors,
} from '../../../../platform/http/views/form.js';
import { Layout, type PageContext } from '../../../../platform/http/views/layout.js';

/** The agency's asset loan guideline: drafted from the template, saved, then published. */
export function AssetGuidelinePage(props: {
  page: PageContext;
  state: GuidelineState;
  text: string;
  errors: FieldErrors;
  notice: Message | null;
}) {
  const { page, state, errors } = props;
  const { lang } = page;
  const { agency } = state;
  const publicPath = publicGuidelinePath(agency.code);
  return (
    <Layout
      page={page}
      title={m('แนวปฏิบัติการยืมทรัพย์สินของราชการ', 'Asset loan guideline')}
      notice={props.notice}
    >
      <AssetsNav lang={lang} agencyId={agency.id} />
      <ErrorSummary lang={lang} errors={errors} />
      {state.publishedAt ? (
        <p>
          {pick(lang, m('เผยแพร่แล้วเมื่อ', 'Published on'))}{' '}
          {formatDate(lang, state.publishedAt, true)} ·{' '}
          <a href={publicPath}>{pick(lang, m('หน้าสาธารณะ', 'Public page'))}</a>
        </p>
      ) : (
        <p class="warning-text">{pick(lang, m('ยังไม่ได้เผยแพร่ต่อสาธารณะ', 'Not published yet'))}</p>
      )}
      {!state.saved && (
        <p class="hint">
          {pick(
            lang,
            m(
              'ร่างนี้สร้างจากแม่แบบตามกฎที่ระบบใช้ ปรับแก้ได้ก่อนบันทึกหรือเผยแพร่',
              'This draft comes from the template of the rules the register applies; edit it before saving or publishing',
            ),
          )}
        </p>
      )}
      {state.mayManage ? (
        <form method="post" action={`/agencies/${agency.id}/assets/guideline`} novalidate>
          <CsrfField token={page.csrfToken} />
          <TextAreaField
            lang={lang}
            name="text"
            label={m('ข้อความแนวปฏิบัติ', 'Guideline text')}
            value={props.text}
            errors={errors}
            rows={18}
          />
          <button type="submit" name="publish" value="0" class="secondary">
            {pick(lang, m('บันทึกร่าง', 'Save the draft'))}
          </button>{' '}
          <button type="submit" name="publish" value="1">
            {pick(lang, m('บันทึกและเผยแพร่', 'Save and publish'))}
          </button>
        </form>
      ) : (
        <div>
          {(state.publishedText ?? state.draft)
            .split('\n')
            .filter((line) => line.trim() !== '')
            .map((line) => (
              <p>{line}</p>
            ))}
        </div>
      )}
    </Layout>
  );
}
