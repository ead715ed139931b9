import { z } from 'zod';
import { IdParams } from '../../../platform/http/typed-routes.js';
import { BeDate, FormText as text, formOf } from '../../../platform/http/typed-routes.js';

/**
 * The zod schemas of the asset routes: what the pages, links and forms read. A form's fields
 * are read leniently as text; the service's own schema judges them, so a mistake comes back on
 * the form beside its field.
 */

/** `/agencies/:id/assets/:assetId`. */
export const AssetParams = IdParams.extend({ assetId: z.string().min(1).max(200) });

/** `/agencies/:id/loans/:loanId/:action`. */
export const LoanActionParams = IdParams.extend({
  loanId: z.string().min(1).max(200),
  action: z.string(),
});

/** `/public/:agencyCode/…` and `/public/:agencyCode/:year/…`. */
export const PublicAgencyParams = z.object({ agencyCode: z.string() });
export const PublicYearParams = PublicAgencyParams.extend({ year: z.string() });

/** The register's search: words, category and status. */
export const RegisterQuery = z.object({ q: text, kind: text, status: text });

/** The notice of an asset's page after a change (`?added=1` …). */
export const AssetNoticeQuery = z.object({
  added: text,
  retired: text,
  requested: text,
  refused: text,
});

/** The notice of the loans board after an action (`?done=approve` …). */
export const DoneQuery = z.object({ done: text });

/** The notice of the guideline page after saving (`?saved=1`, `?published=1`). */
export const GuidelineQuery = z.object({ saved: text, published: text });

/** `?year=` of the yearly report (a fiscal year; default: this one). */
export const ReportYearQuery = z.object({ year: text });

/** `?created=` after an import. */
export const CreatedQuery = z.object({ created: text });

/** The form that adds an asset to the register. */
export const AssetForm = formOf({
  assetNumber: text,
  name: text,
  category: text,
  location: text,
  custodianUnit: text,
  acquiredOn: BeDate,
});

/** The loan request form. */
export const LoanForm = formOf({
  purposeCategory: text,
  purpose: text,
  fromOn: BeDate,
  toOn: BeDate,
});

/** The fields of a loan action: the reason of a refusal, the condition of a return. */
export const LoanActionForm = formOf({ reason: text, condition: text });

/** The guideline form: its text, and `publish=1` to publish it. */
export const GuidelineForm = formOf({ text, publish: text });
