import { z } from 'zod';
import { FormText, formOf as form } from '../../../platform/http/typed-routes.js';

/**
 * The zod schemas of the agency pages: what their links and forms read. A form's fields are read
 * leniently (an absent or repeated field reads as not given) and judged by the agency's own input
 * schema, so a mistake comes back on the form beside its field, never as an error page.
 */

/** The agency to add under or import into (`?parent=`; none: top level). */
export const ParentQuery = z.object({ parent: FormText });

/** The notice after a change: `?created=1`, `?saved=1` or `?imported=12`. */
export const NoticeQuery = z.object({ created: FormText, saved: FormText, imported: FormText });

/** The fields of the agency form (add and edit). */
export const AgencyForm = form({
  code: FormText,
  type: FormText,
  nameTh: FormText,
  nameEn: FormText,
  website: FormText,
  eligibleStaff: FormText,
});

/** The CSV import form: the pasted text, and `mode=import` to import after the check. */
export const ImportForm = form({ csv: FormText, mode: FormText });
