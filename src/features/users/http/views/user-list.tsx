import { ROLE_NAMES } from '../../../../core/access/roles.js';
import type { UserRole, VisibleUser } from '../../services/user.service.js';
import { m, pick, type Lang } from '../../../../platform/http/i18n.js';
import { Layout, type PageContext } from '../../../../platform/http/views/layout.js';

/** A role as people read it: Thai role name and the agency it is held for. */
export function roleLabel(lang: Lang, role: UserRole): string {
  const where =
    role.agencyId === null
      ? pick(lang, m('ทุกหน่วยงาน', 'all agencies'))
      : `${role.agencyCode ?? ''} ${role.agencyNameTh ?? ''}`.trim();
  return `${pick(lang, ROLE_NAMES[role.role])} · ${where}`;
}

/** Whether the account is switched off, as a tag. */
export function DisabledTag({ lang, disabled }: { lang: Lang; disabled: boolean }) {
  if (!disabled) return <span class="muted">{pick(lang, m('ใช้งานได้', 'Active'))}</span>;
  return <span class="tag">{pick(lang, m('ปิดการใช้งาน', 'Disabled'))}</span>;
}

/** The users a person may manage, with their roles. */
export function UserListPage({
  page,
  users,
  canCreate,
}: {
  page: PageContext;
  users: VisibleUser[];
  canCreate: boolean;
}) {
  const { lang } = page;
  return (
    <Layout page={page} title={m('ผู้ใช้และสิทธิ์', 'Users and roles')}>
      {canCreate && (
        <p>
          <a class="button" href="/users/new">
            {pick(lang, m('เพิ่มผู้ใช้', 'Add a user'))}
          </a>
        </p>
      )}
      {users.length === 0 ? (
        <p class="muted">
          {pick(lang, m('ยังไม่มีผู้ใช้ที่คุณดูแล', 'There are no users in your care yet'))}
        </p>
      ) : (
        <div class="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{pick(lang, m('ชื่อ', 'Name'))}</th>
                <th scope="col">{pick(lang, m('อีเมล', 'E-mail'))}</th>
                <th scope="col">{pick(lang, m('บทบาท', 'Roles'))}</th>
                <th scope="col">{pick(lang, m('สถานะ', 'Status'))}</th>
              </tr>
            </thead>
            <tbody>
              {users.map(({ user, roles }) => (
                <tr>
                  <td>
                    <a href={`/users/${user.id}`}>{user.displayName}</a>
                  </td>
                  <td>{user.email}</td>
                  <td>
                    {roles.map((r) => (
                      <div>{roleLabel(lang, r)}</div>
                    ))}
                  </td>
                  <td>
                    <DisabledTag lang={lang} disabled={user.disabled} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  );
}
