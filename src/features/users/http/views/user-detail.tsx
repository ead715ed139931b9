import type { Role } from '../../../../core/access/roles.js';
import type { Message } from '../../../../core/errors.js';
import type { Agency, VisibleUser } from '../../services/user.service.js';
import { formatDate, m, pick, type Lang } from '../../../../platform/http/i18n.js';
import { CsrfField, ErrorSummary, type FieldErrors } from '../../../../platform/http/views/form.js';
import { Layout, type PageContext } from '../../../../platform/http/views/layout.js';
import { RoleFields } from './user-form.js';
import { DisabledTag, roleLabel } from './user-list.js';

/** Everything the page of one user shows. */
export interface UserDetailProps {
  page: PageContext;
  visible: VisibleUser;
  /** Membership ids the actor may take away. */
  revocable: ReadonlySet<string>;
  agencies: readonly Agency[];
  roles: readonly Role[];
  systemWide: boolean;
  errors: FieldErrors;
  values: Partial<Record<string, string>>;
  notice: Message | null;
}

function RolesTable({ lang, csrf, props }: { lang: Lang; csrf: string; props: UserDetailProps }) {
  const { user, roles } = props.visible;
  return (
    <div class="table-scroll">
      <table>
        <thead>
          <tr>
            <th scope="col">{pick(lang, m('บทบาท', 'Role'))}</th>
            <th scope="col">{pick(lang, m('จัดการ', 'Action'))}</th>
          </tr>
        </thead>
        <tbody>
          {roles.map((r) => (
            <tr>
              <td>{roleLabel(lang, r)}</td>
              <td>
                {props.revocable.has(r.id) && (
                  <form
                    method="post"
                    action={`/users/${user.id}/roles/${r.id}/revoke`}
                    class="inline"
                  >
                    <CsrfField token={csrf} />
                    <button class="warning" type="submit">
                      {pick(lang, m('ถอนบทบาท', 'Remove role'))}
                    </button>
                  </form>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function DisableForm({ lang, csrf, props }: { lang: Lang; csrf: string; props: UserDetailProps }) {
  const { user } = props.visible;
  if (user.id === props.page.actor?.user.id) return null;
  const label = user.disabled
    ? m('เปิดใช้งานบัญชีอีกครั้ง', 'Enable the account again')
    : m('ปิดการใช้งานบัญชี', 'Disable the account');
  return (
    <form method="post" action={`/users/${user.id}/disabled`}>
      <CsrfField token={csrf} />
      <input type="hidden" name="disabled" value={user.disabled ? '0' : '1'} />
      <button class={user.disabled ? 'button' : 'warning'} type="submit">
        {pick(lang, label)}
      </button>
    </form>
  );
}

/**
 * The button that issues a one-time password reset link. Shown as the disable button is (never
 * on one's own page: one's own password is changed with the current one); it works only for
 * whoever manages every role of the person, else it is refused like disabling.
 */
function ResetLinkForm({
  lang,
  csrf,
  props,
}: {
  lang: Lang;
  csrf: string;
  props: UserDetailProps;
}) {
  const { user } = props.visible;
  if (user.id === props.page.actor?.user.id) return null;
  return (
    <form method="post" action={`/users/${user.id}/reset-link`}>
      <CsrfField token={csrf} />
      <p class="hint">
        {pick(
          lang,
          m(
            'ลิงก์ใช้ได้ครั้งเดียวภายใน 24 ชั่วโมง แสดงให้คุณเห็นเพียงครั้งเดียว และไม่ต้องใช้อีเมล',
            'The link works once within 24 hours, is shown to you only once, and needs no e-mail',
          ),
        )}
      </p>
      <button class="button" type="submit">
        {pick(lang, m('สร้างลิงก์ตั้งรหัสผ่านใหม่', 'Make a password reset link'))}
      </button>
    </form>
  );
}

/** One user: account, roles with remove buttons, a form to give a role, disable/enable. */
export function UserDetailPage(props: UserDetailProps) {
  const { page, visible, errors } = props;
  const { lang, csrfToken } = page;
  const { user } = visible;
  const self = user.id === page.actor?.user.id;
  return (
    <Layout
      page={page}
      title={{ th: user.displayName, en: user.displayName }}
      notice={props.notice}
    >
      <ErrorSummary lang={lang} errors={errors} />
      <p>
        {user.email} · <DisabledTag lang={lang} disabled={user.disabled} />
        {/* The account's age only to a system administrator: to an agency's administrator it
            would tell that a newcomer's address already had an account at another agency. */}
        {props.systemWide && (
          <span class="muted">
            {' · '}
            {pick(lang, m('สร้างเมื่อ', 'Created'))} {formatDate(lang, user.createdAt)}
          </span>
        )}
      </p>
      <h2>{pick(lang, m('บทบาท', 'Roles'))}</h2>
      <RolesTable lang={lang} csrf={csrfToken} props={props} />
      {self && (
        <p class="muted">
          {pick(
            lang,
            m('บทบาทของคุณเองต้องให้โดยผู้ดูแลคนอื่น', 'Your own roles are given by another administrator'),
          )}
        </p>
      )}
      {!self && props.roles.length > 0 && (
        <>
          <h2>{pick(lang, m('ให้บทบาทเพิ่ม', 'Give a role'))}</h2>
          <form method="post" action={`/users/${user.id}/roles`} novalidate>
            <CsrfField token={csrfToken} />
            <RoleFields
              lang={lang}
              agencies={props.agencies}
              roles={props.roles}
              errors={errors}
              values={props.values}
              systemWide={props.systemWide}
            />
            <button class="button" type="submit">
              {pick(lang, m('ให้บทบาท', 'Give the role'))}
            </button>
          </form>
        </>
      )}
      <h2>{pick(lang, m('บัญชีผู้ใช้', 'Account'))}</h2>
      <DisableForm lang={lang} csrf={csrfToken} props={props} />
      <ResetLinkForm lang={lang} csrf={csrfToken} props={props} />
      <p>
        <a href="/users">{pick(lang, m('กลับไปรายชื่อผู้ใช้', 'Back to the users'))}</a>
      </p>
    </Layout>
  );
}
