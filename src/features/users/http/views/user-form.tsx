import { ROLE_NAMES, type Role } from '../../../../core/access/roles.js';
import type { Agency } from '../../services/user.service.js';
import { m, pick, type Lang } from '../../../../platform/http/i18n.js';
import {
  CsrfField,
  ErrorSummary,
  Field,
  type FieldErrors,
  agencyOptions,
  SelectField,
} from '../../../../platform/http/views/form.js';
import { Layout, type PageContext } from '../../../../platform/http/views/layout.js';

/** The agency and role choices of a role form (only what the actor may give). */
export function RoleFields({
  lang,
  agencies,
  roles,
  errors,
  values,
  systemWide,
}: {
  lang: Lang;
  agencies: readonly Agency[];
  roles: readonly Role[];
  errors: FieldErrors;
  values: Partial<Record<string, string>>;
  systemWide: boolean;
}) {
  const none = systemWide
    ? m('ทุกหน่วยงาน (เฉพาะบทบาทผู้ดูแลระบบ)', 'All agencies (system administrator role only)')
    : m('เลือกหน่วยงาน', 'Choose an agency');
  return (
    <>
      <SelectField
        lang={lang}
        name="agencyId"
        label={m('หน่วยงาน', 'Agency')}
        options={agencyOptions(lang, agencies)}
        placeholder={none}
        value={values.agencyId}
        errors={errors}
      />
      <SelectField
        lang={lang}
        name="role"
        label={m('บทบาท', 'Role')}
        options={roles.map((r) => ({ value: r, label: pick(lang, ROLE_NAMES[r]) }))}
        placeholder={m('เลือกบทบาท', 'Choose a role')}
        value={values.role}
        errors={errors}
      />
    </>
  );
}

/** The form that creates a personal account with its first role. */
export function NewUserPage({
  page,
  agencies,
  roles,
  errors,
  values,
  systemWide,
}: {
  page: PageContext;
  agencies: readonly Agency[];
  roles: readonly Role[];
  errors: FieldErrors;
  values: Partial<Record<string, string>>;
  systemWide: boolean;
}) {
  const { lang } = page;
  return (
    <Layout page={page} title={m('เพิ่มผู้ใช้', 'Add a user')}>
      <ErrorSummary lang={lang} errors={errors} />
      <form method="post" action="/users/new" novalidate>
        <CsrfField token={page.csrfToken} />
        <Field
          lang={lang}
          name="displayName"
          label={m('ชื่อ-นามสกุล', 'Full name')}
          value={values.displayName}
          errors={errors}
          autocomplete="off"
        />
        <Field
          lang={lang}
          name="email"
          type="email"
          label={m('อีเมล', 'E-mail')}
          value={values.email}
          errors={errors}
          autocomplete="off"
        />
        <Field
          lang={lang}
          name="password"
          type="password"
          label={m('รหัสผ่านเริ่มต้น', 'Initial password')}
          hint={m(
            'อย่างน้อย 12 ตัวอักษร ไม่ใช่อีเมลและไม่ใช่รหัสผ่านที่ใช้กันทั่วไป แจ้งผู้ใช้ทางช่องทางที่ปลอดภัย (ถ้าผู้ใช้มีบัญชีอยู่แล้ว จะใช้รหัสผ่านเดิมของตน)',
            'At least 12 characters, not the e-mail and not a common password; tell the person through a safe channel (someone who already has an account keeps their own password)',
          )}
          errors={errors}
          autocomplete="new-password"
        />
        <RoleFields
          lang={lang}
          agencies={agencies}
          roles={roles}
          errors={errors}
          values={values}
          systemWide={systemWide}
        />
        <button class="button" type="submit">
          {pick(lang, m('สร้างบัญชี', 'Create the account'))}
        </button>
      </form>
    </Layout>
  );
}
