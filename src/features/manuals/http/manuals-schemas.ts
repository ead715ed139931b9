import { z } from 'zod';
import { IdParams } from '../../../platform/http/typed-routes.js';
import { BeDate, FormText as text, formOf } from '../../../platform/http/typed-routes.js';

/**
 * The zod schemas of the manual routes: what the pages, links and forms read. A form's fields
 * are read leniently as text; the service's own schema judges them, so a mistake comes back on
 * the form beside its field.
 */

/** `/agencies/:id/manuals/:manualId`. */
export const ManualParams = IdParams.extend({ manualId: z.string().min(1).max(200) });

/** `/agencies/:id/manuals/:manualId/cases/:caseId/delete`. */
export const CaseParams = ManualParams.extend({ caseId: z.string().min(1).max(200) });

/** `/agencies/:id/manuals/:manualId/document.:format`. */
export const DocumentParams = ManualParams.extend({ format: z.string() });

/** `/public/:agencyCode/manuals` and `/public/:agencyCode/manuals/:manualId` (`.pdf`, `.docx`). */
export const PublicAgencyParams = z.object({ agencyCode: z.string() });
export const PublicManualParams = PublicAgencyParams.extend({ manualId: z.string() });

/** `?add=n`: blank step rows to show (after "add a step"). */
export const AddRowsQuery = z.object({ add: text });

/** The form that starts a manual. */
export const NewManualForm = formOf({ kind: text, title: text, fiscalYear: text });

/**
 * The edit form: its fields, its step rows (`step_description_0`, `step_amount_0` …, as many
 * as were shown) and the button pressed (`action`). Its field list grows with the rows, so it
 * is read as text fields by name; any field that is not one text is left out.
 */
export const ManualEditForm = z.preprocess(
  (body) => body ?? {},
  z.record(z.string(), z.unknown()).transform((fields) =>
    Object.fromEntries(
      Object.entries(fields).filter((field): field is [string, string] => {
        return typeof field[1] === 'string';
      }),
    ),
  ),
);

/** The publication button (`publish=1` publishes, anything else takes back to draft). */
export const PublishForm = formOf({ publish: text, action: text });

/** The form that records one service case. */
export const CaseForm = formOf({ receivedOn: BeDate, completedOn: BeDate });
