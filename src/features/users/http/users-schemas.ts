import { z } from 'zod';
import { ROLES } from '../../../core/access/roles.js';
import { UserJsonSchema } from '../../../platform/http/api.routes.js';
import { FormText, formOf as form, IdParams } from '../../../platform/http/typed-routes.js';

/**
 * The zod schemas of the users feature's routes: what its forms, links and JSON API read, and
 * what the API answers. A form's fields are read leniently (an absent or repeated field reads as
 * not given) and its values are judged by the service's own schema, so a mistake comes back on
 * the form beside its field, never as an error page.
 */

/** The first-run form (and the token of the forms used before signing in). */
export const SetupForm = form({
  _csrf: FormText,
  displayName: FormText,
  email: FormText,
  password: FormText,
});

/** The sign-in form. */
export const LoginForm = form({ _csrf: FormText, email: FormText, password: FormText });

/** Where to go after signing in. */
export const NextQuery = z.object({ next: FormText });

/** The sign-in page's query: where to go next, and a notice (?done=reset). */
export const LoginQuery = NextQuery.extend({ done: FormText });

/** The form that changes one's own password. */
export const ChangePasswordForm = form({
  _csrf: FormText,
  current: FormText,
  password: FormText,
  confirm: FormText,
});

/** The form behind a reset link (the token of the forms used before signing in, twice the password). */
export const ResetPasswordForm = form({ _csrf: FormText, password: FormText, confirm: FormText });

/** A reset link's token. */
export const ResetParams = z.object({ token: z.string().min(1).max(200) });

/** The form that creates an account with its first role. */
export const NewUserForm = form({
  displayName: FormText,
  email: FormText,
  password: FormText,
  agencyId: FormText,
  role: FormText,
});

/** The form that gives a user a role at an agency. */
export const GrantRoleForm = form({ agencyId: FormText, role: FormText });

/** The button that disables ('1') or enables an account. */
export const DisabledForm = form({ disabled: FormText });

/** The notice of a user's page after a change (?done=granted …). */
export const DoneQuery = z.object({ done: FormText });

/** A user and one of their roles. */
export const MembershipParams = IdParams.extend({ membershipId: z.string().min(1).max(200) });

/** A user as the users API lists them: the account and the roles within the caller's reach. */
export const VisibleUserJson = UserJsonSchema.extend({
  roles: z.array(
    z.object({
      membershipId: z.string(),
      agencyId: z.string().nullable(),
      agencyCode: z.string().nullable(),
      role: z.enum(ROLES),
    }),
  ),
});

export { FormText };
