import { z } from 'zod';

/**
 * The zod schemas of the agency pages: what their links and forms read. A form's fields are read
 * leniently (an absent or repeated field reads as not given) and judged by the agency's own input
 * schema, so a mistake comes back on the form beside its field, never as an error page.
 */

/** A text field of a form or a link's query: absent, or not one text, reads as not given. */
const FormText = z.string().optional().catch(undefined);

/** A posted form with these fields (a request without a body reads as an empty form). */
function form<Shape extends Record<string, typeof FormText>>(shape: Shape) {
  return z.preprocess((body) => body ?? {}, z.object(shape));
}

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
