import { z } from 'zod';
import { DECLARATION_STATUSES } from '../core/declaration-template.js';
import { DISPOSITIONS, GIVER_TYPES, HANDLINGS, HEAD_DECISIONS } from '../core/gift-rules.js';
import { IdParams } from '../../../platform/http/typed-routes.js';
import { BeDate, FormText as text, formOf } from '../../../platform/http/typed-routes.js';

/**
 * The zod schemas of the integrity routes: what the pages, forms and JSON API read, and what
 * the API answers. A form's fields are read leniently as text; the service's own schema judges
 * them, so a mistake comes back on the form beside its field.
 */

/** `?year=`: a four-digit Buddhist-era year, anything else reads as not given. */
export const YearQuery = z.object({
  year: z
    .string()
    .describe('Fiscal year (Buddhist era), e.g. 2569; anything else: the default year')
    .optional()
    .catch(undefined)
    .transform((year) => (year && /^\d{4}$/.test(year) ? Number(year) : undefined)),
});

/** `/agencies/:id/no-gift/:year/…` and `/agencies/:id/gifts/report/:year/publish`. */
export const YearParams = IdParams.extend({ year: z.string() });

/** `/agencies/:id/…/:file` (`2569.pdf`). */
export const FileParams = IdParams.extend({ file: z.string() });

/** `/agencies/:id/gifts/:giftId/decision`. */
export const GiftParams = IdParams.extend({ giftId: z.string().min(1).max(200) });

/** `/public/:agencyCode/:year/…`. */
export const PublicYearParams = z.object({ agencyCode: z.string(), year: z.string() });

export const DeclarationForm = formOf({
  fiscalYear: text,
  headName: text,
  headPosition: text,
  declaredOn: BeDate,
  thresholdBaht: text,
});

export const DeclarationEditForm = formOf({
  headName: text,
  headPosition: text,
  declaredOn: BeDate,
  thresholdBaht: text,
  body: text,
  redraft: text,
});

export const CommunicationForm = formOf({
  communicatedOn: BeDate,
  channel: text,
  audience: text,
  description: text,
  reachedCount: text,
});

export const GiftForm = formOf({
  giftOn: BeDate,
  giverType: text,
  giverName: text,
  description: text,
  valueBaht: text,
  disposition: text,
  handling: text,
  actionNote: text,
});

export const DecisionForm = formOf({ decision: text, note: text });

const ShareJson = z.object({
  acknowledged: z.number().int(),
  members: z.number().int(),
  percent: z.number().nullable(),
});

const DeclarationJson = z.object({
  id: z.string(),
  agencyId: z.string(),
  fiscalYear: z.number().int(),
  headName: z.string(),
  headPosition: z.string(),
  declaredOn: z.string(),
  thresholdBaht: z.number(),
  body: z.string(),
  status: z.enum(DECLARATION_STATUSES),
  draftedBy: z.string().nullable(),
  approvedBy: z.string().nullable(),
  approvedAt: z.string().nullable(),
  publishedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

const CommunicationJson = z.object({
  id: z.string(),
  agencyId: z.string(),
  fiscalYear: z.number().int(),
  communicatedOn: z.string(),
  channel: z.string(),
  audience: z.string(),
  description: z.string(),
  reachedCount: z.number().int().nullable(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
});

/** An agency's No Gift page of a year, as the API answers it. */
export const NoGiftJson = z.object({
  agency: z.object({ id: z.string(), code: z.string(), name: z.string() }),
  fiscalYear: z.number().int(),
  declaration: DeclarationJson.nullable(),
  share: ShareJson.nullable(),
  myAcknowledgement: z.string().nullable(),
  communications: z.array(CommunicationJson),
  may: z.object({ draft: z.boolean(), decide: z.boolean(), acknowledge: z.boolean() }),
});

/** A member's acknowledgement and the share of staff who acknowledged. */
export const AcknowledgementJson = z.object({ acknowledgedOn: z.string(), share: ShareJson });

const GiftJson = z.object({
  id: z.string(),
  agencyId: z.string(),
  reporterUserId: z.string(),
  reporterName: z.string().nullable(),
  giftOn: z.string(),
  fiscalYear: z.number().int(),
  giverType: z.enum(GIVER_TYPES),
  giverName: z.string(),
  description: z.string(),
  valueBaht: z.number(),
  disposition: z.enum(DISPOSITIONS),
  handling: z.enum(HANDLINGS),
  actionNote: z.string(),
  thresholdBaht: z.number(),
  flagged: z.boolean(),
  headDecision: z.enum(HEAD_DECISIONS).nullable(),
  headNote: z.string().nullable(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

const Tally = z.object({ count: z.number().int(), valueBaht: z.number() });
const ByDisposition = z.object({ offered: Tally, received: Tally, refused: Tally });

const GiftYearReportJson = z.object({
  fiscalYear: z.number().int(),
  total: Tally,
  byDisposition: ByDisposition,
  byGiverType: z.array(ByDisposition.extend({ giverType: z.enum(GIVER_TYPES), total: Tally })),
  byMonth: z.array(ByDisposition.extend({ month: z.string(), total: Tally })),
  flagged: z.number().int(),
  awaitingDecision: z.number().int(),
});

/** The gift register of a year as the signed-in person may see it. */
export const GiftRegisterJson = z.object({
  fiscalYear: z.number().int(),
  threshold: z.number(),
  seesAll: z.boolean(),
  gifts: z.array(GiftJson),
  awaiting: z.array(GiftJson),
  report: GiftYearReportJson.nullable(),
  publishedAt: z.string().nullable(),
});

/** A gift just reported. */
export const GiftCreatedJson = z.object({ gift: GiftJson });
