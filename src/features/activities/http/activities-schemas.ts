import { z } from 'zod';
import { IdParams } from '../../../platform/http/typed-routes.js';
import { BeDate, FormText as text } from '../../../platform/http/typed-routes.js';

/** The zod schemas of the activity routes: what each reads of the path and the posted form. */

/** `/agencies/:id/activities/:activityId`. */
export const ActivityParams = IdParams.extend({ activityId: z.string().min(1).max(200) });

/** `/public/:agencyCode/activities`. */
export const PublicAgencyParams = z.object({ agencyCode: z.string() });

/** `/public/:agencyCode/activities/:activityId`. */
export const PublicActivityParams = PublicAgencyParams.extend({ activityId: z.string() });

/**
 * The activity form: its fixed fields, and the satisfaction rows (`q<n>_text`, `q<n>_<level>`)
 * as further text fields.
 */
export const ActivityForm = z.preprocess(
  (body) => body ?? {},
  z
    .object({
      title: text,
      // typed as day/month/BE year
      heldOn: BeDate,
      place: text,
      objectives: text,
      method: text,
      keyKnowledge: text,
      bestPractices: text,
      attended: text,
      invited: text,
    })
    .catchall(text),
);

/** The publish button (`published=1` publishes, anything else withdraws). */
export const PublishForm = z.preprocess(
  (body) => body ?? {},
  z.object({ published: text }).loose(),
);
