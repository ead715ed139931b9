import { z } from 'zod';
import { IdParams } from '../../../platform/http/typed-routes.js';
import { FormText } from '../../../platform/http/typed-routes.js';

/**
 * The zod schemas the surveys feature's routes share: path params, and the lenient reading of
 * forms and links (an absent or repeated field reads as not given; the service's own schema
 * judges the values, so a mistake comes back on the form, never as an error page).
 */

/** A posted body as a form: anything but an object of fields (no body at all) is an empty form. */
export const asForm = (body: unknown) =>
  body !== null && typeof body === 'object' && !Array.isArray(body) ? body : {};

/** A posted form with these fields. */
export function form<Shape extends Record<string, z.ZodType>>(shape: Shape) {
  return z.preprocess(asForm, z.object(shape));
}

/** A round's survey instrument: `/rounds/:id/surveys/:instrument/…`. */
export const SurveyPathParams = IdParams.extend({ instrument: z.string().min(1).max(200) });

/** The notice of a page after a change (?done=saved). */
export const DoneQuery = z.object({ done: FormText });

/** The public address of a survey: `/s/:code` (an unknown code gets the "not found" page). */
export const CodeParams = z.object({ code: z.string() });

/** A link to a survey: a single-use code to fill in (`k`), kiosk mode (`kiosk=1`). */
export const SurveyLinkQuery = z.object({ k: FormText, kiosk: FormText });

/**
 * The fields every post of the survey carries; the answers, named by item code, pass through
 * as posted and are read from the whole form.
 */
export const SurveyForm = z.preprocess(
  asForm,
  z
    .object({
      nonce: FormText,
      k: FormText,
      kiosk: FormText,
      comment: FormText,
      step: FormText,
      go: FormText,
    })
    .loose(),
);
export type SurveyFormFields = z.output<typeof SurveyForm>;

export { FormText };
