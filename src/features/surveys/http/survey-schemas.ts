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

/** A post of the survey: the fields it carries, and every text field of the form. */
export interface SurveyFormFields {
  nonce?: string;
  k?: string;
  kiosk?: string;
  comment?: string;
  step?: string;
  go?: string;
  /** The form's text fields (the answers are named by item code); repeated fields left out. */
  values: Record<string, string>;
}

const textOf = (value: unknown) => (typeof value === 'string' ? value : undefined);

/**
 * Reads a survey post as `FormText` fields do (absent, repeated or not text reads as not
 * given), in one pass over the form and with no copy when every field is text (as a browser
 * sends it): every answer of every step goes through here.
 */
export function readSurveyForm(body: unknown): SurveyFormFields {
  const form = asForm(body) as Record<string, unknown>;
  let values = form as Record<string, string>;
  for (const key of Object.keys(form))
    if (typeof form[key] !== 'string') {
      values = {};
      for (const [name, value] of Object.entries(form))
        if (typeof value === 'string') values[name] = value;
      break;
    }
  return {
    nonce: textOf(form.nonce),
    k: textOf(form.k),
    kiosk: textOf(form.kiosk),
    comment: textOf(form.comment),
    step: textOf(form.step),
    go: textOf(form.go),
    values,
  };
}

/**
 * The fields every post of the survey carries; the answers, named by item code, pass through
 * as posted in `values`.
 */
export const SurveyForm = z.unknown().transform(readSurveyForm);

export { FormText };
