import type { Message } from '../../../../core/errors.js';
import { formatDate, m, pick } from '../../../../platform/http/i18n.js';
import {
  CsrfField,
  ErrorSummary,
  Field,
  type FieldErrors,
} from '../../../../platform/http/views/form.js';
import { Layout, type PageContext } from '../../../../platform/http/views/layout.js';

/** The new password twice, with the policy as the hint. */
function NewPasswordFields({
  page,
  errors,
  hint,
}: {
  page: PageContext;
  errors: FieldErrors;
  hint: Message;
}) {
  const { lang } = page;
  return (
    <>
      <Field
        lang={lang}
        name="password"
        type="password"
        label={m('รหัสผ่านใหม่', 'New password')}
        hint={hint}
        errors={errors}
        autocomplete="new-password"
      />
      <Field
        lang={lang}
        name="confirm"
        type="password"
        label={m('รหัสผ่านใหม่อีกครั้ง', 'New password again')}
        errors={errors}
        autocomplete="new-password"
      />
    </>
  );
}

/** Changing one's own password: the current one, then the new one twice. */
export function ChangePasswordPage({
  page,
  errors,
  hint,
  notice,
}: {
  page: PageContext;
  errors: FieldErrors;
  hint: Message;
  notice: Message | null;
}) {
  const { lang } = page;
  return (
    <Layout page={page} title={m('เปลี่ยนรหัสผ่าน', 'Change password')} notice={notice}>
      <p>
        {pick(
          lang,
          m(
            'เมื่อเปลี่ยนรหัสผ่านแล้ว การเข้าสู่ระบบของคุณที่เครื่องอื่นทั้งหมดจะสิ้นสุดลง เครื่องนี้ยังใช้งานต่อได้',
            'Once the password is changed, you are signed out everywhere else; this browser stays signed in.',
          ),
        )}
      </p>
      <ErrorSummary lang={lang} errors={errors} />
      <form method="post" action="/account/password" novalidate>
        <CsrfField token={page.csrfToken} />
        <Field
          lang={lang}
          name="current"
          type="password"
          label={m('รหัสผ่านปัจจุบัน', 'Current password')}
          errors={errors}
          autocomplete="current-password"
        />
        <NewPasswordFields page={page} errors={errors} hint={hint} />
        <button class="button" type="submit">
          {pick(lang, m('เปลี่ยนรหัสผ่าน', 'Change the password'))}
        </button>
      </form>
    </Layout>
  );
}

/** The reset link just issued, shown this once. */
export function ResetLinkIssuedPage({
  page,
  userId,
  displayName,
  email,
  url,
  expiresAt,
}: {
  page: PageContext;
  userId: string;
  displayName: string;
  email: string;
  url: string;
  expiresAt: string;
}) {
  const { lang } = page;
  return (
    <Layout page={page} title={m('ลิงก์ตั้งรหัสผ่านใหม่', 'Password reset link')}>
      <p>
        {pick(lang, m('สำหรับ', 'For'))} {displayName} ({email})
      </p>
      <div class="once-warning" role="status">
        <p>
          <strong>
            {pick(
              lang,
              m(
                'คัดลอกลิงก์นี้ส่งให้เจ้าของบัญชีทางช่องทางที่ปลอดภัย ระบบจะแสดงเพียงครั้งเดียว',
                'Copy this link and give it to the person through a safe channel: it is shown only once',
              ),
            )}
          </strong>
        </p>
        <label for="reset-url">{pick(lang, m('ลิงก์', 'Link'))}</label>
        <input id="reset-url" class="code" type="text" readOnly value={url} />
      </div>
      <p>
        {pick(lang, m('ลิงก์ใช้ได้ครั้งเดียว จนถึง', 'The link works once, until'))}{' '}
        {formatDate(lang, expiresAt, true)}.{' '}
        {pick(
          lang,
          m(
            'เมื่อใช้แล้ว การเข้าสู่ระบบทุกเครื่องของผู้ใช้นี้จะสิ้นสุดลง ลิงก์เดิมที่ยังไม่ได้ใช้ถูกยกเลิกแล้ว',
            'When it is used, the person is signed out everywhere. Any earlier unused link no longer works.',
          ),
        )}
      </p>
      <p>
        <a href={`/users/${userId}`}>{pick(lang, m('กลับไปหน้าผู้ใช้', 'Back to the user'))}</a>
      </p>
    </Layout>
  );
}

/** The page a reset link opens: a new password, twice. */
export function ResetPasswordPage({
  page,
  token,
  action,
  displayName,
  errors,
  hint,
}: {
  page: PageContext;
  token: string;
  action: string;
  displayName: string;
  errors: FieldErrors;
  hint: Message;
}) {
  const { lang } = page;
  return (
    <Layout page={page} title={m('ตั้งรหัสผ่านใหม่', 'Set a new password')}>
      <p>
        {pick(lang, m('บัญชีของ', 'The account of'))} {displayName}
      </p>
      <ErrorSummary lang={lang} errors={errors} />
      <form method="post" action={action} novalidate>
        <CsrfField token={token} />
        <NewPasswordFields page={page} errors={errors} hint={hint} />
        <button class="button" type="submit">
          {pick(lang, m('ตั้งรหัสผ่านใหม่', 'Set the password'))}
        </button>
      </form>
    </Layout>
  );
}
