import { z } from 'zod';
import { MEASURE_STATUSES, TARGET_TYPES } from '../core/measure-rules.js';
import {
  MeasuresReportSchema,
  PUBLICATION_KINDS,
  type MeasuresReport,
  type PublicationKind,
} from '../services/measure-report.service.js';
import type { Measure, MeasureRegister } from '../services/measure.service.js';
import { ROUND_STATES } from '../../rounds/feature.js';
import { IdParams } from '../../../platform/http/typed-routes.js';
import {
  BeDate,
  FormText as text,
  looseFormOf as formOf,
} from '../../../platform/http/typed-routes.js';

/**
 * The zod schemas of the measures routes: what their forms, links and JSON API read, and what
 * the API answers. A form's fields are read leniently (an absent or repeated field reads as not
 * given) and judged by the service's own schema, so a mistake comes back on the form.
 */

/** `/rounds/:id/measures/:measureId`. */
export const MeasureParams = IdParams.extend({ measureId: z.string() });

/** `/rounds/:id/measures/:measureId/files/:fileId`. */
export const MeasureFileParams = MeasureParams.extend({ fileId: z.string() });

/** `/public/:agencyCode/:year/measures…`. */
export const PublicParams = z.object({ agencyCode: z.string(), year: z.string() });

/** The measure form (add and edit); the due day is typed as day/month/BE year. */
export const MeasureForm = formOf({
  targetType: text,
  targetCode: text,
  title: text,
  description: text,
  ownerUserId: text,
  dueOn: BeDate,
  status: text,
});

/** A progress note on a measure. */
export const ProgressForm = formOf({ note: text, percent: text, status: text });

/** The "publish" button of the measures document or the progress report. */
export const PublishForm = formOf({ kind: z.enum(PUBLICATION_KINDS) });

/** The "carry over" button of last year's finished measure. */
export const CarryForm = formOf({ fromMeasureId: text });

const Text = z.object({ th: z.string(), en: z.string() });

const RoundJson = z.object({
  id: z.string(),
  agencyId: z.string(),
  agencyCode: z.string(),
  agencyNameTh: z.string(),
  agencyPath: z.string(),
  editionId: z.string(),
  editionCode: z.string(),
  editionYear: z.number().int(),
  state: z.enum(ROUND_STATES),
  createdAt: z.string(),
  updatedAt: z.string(),
});

const MeasureJson = z.object({
  id: z.string(),
  roundId: z.string(),
  targetType: z.enum(TARGET_TYPES),
  targetCode: z.string(),
  title: z.string(),
  description: z.string(),
  ownerUserId: z.string().nullable(),
  ownerName: z.string().nullable(),
  dueOn: z.string().nullable(),
  status: z.enum(MEASURE_STATUSES),
  createdAt: z.string(),
  updatedAt: z.string(),
});

const ProgressJson = z.object({
  id: z.string(),
  measureId: z.string(),
  note: z.string(),
  percent: z.number(),
  createdBy: z.string().nullable(),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
});

/** A measure with its target's name, latest progress and whether it is late. */
const MeasureViewJson = MeasureJson.extend({
  targetName: Text.nullable(),
  latest: ProgressJson.nullable(),
  overdue: z.boolean(),
});

const SuggestionJson = z.object({
  targetType: z.enum(TARGET_TYPES),
  targetCode: z.string(),
  targetName: Text,
  score: z.number(),
  lost: z.number(),
  title: Text,
  description: Text,
});

/** A round's measures register as the API answers it. */
export const RegisterJson = z.object({
  round: RoundJson,
  mayEdit: z.boolean(),
  today: z.string(),
  measures: z.array(MeasureViewJson),
  suggestions: z.array(SuggestionJson),
});

export const MeasureOneJson = z.object({ measure: MeasureJson });

/** A published measures document or progress report (the snapshot, as published). */
export const PublicMeasuresJson = z.object({
  kind: z.enum(PUBLICATION_KINDS),
  publishedAt: z.string(),
  ...MeasuresReportSchema.shape,
});

// Compile-time: each answer's schema lists exactly the fields its service returns (a field
// added to a service and not here would otherwise be dropped from the answer without a word).
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameShape = <A, B>(proof: Same<A, B>) => proof;
sameShape<
  z.output<typeof RegisterJson>,
  Pick<MeasureRegister, 'round' | 'mayEdit' | 'today' | 'measures' | 'suggestions'>
>(true);
sameShape<z.output<typeof MeasureOneJson>['measure'], Measure>(true);
sameShape<
  z.output<typeof PublicMeasuresJson>,
  MeasuresReport & { kind: PublicationKind; publishedAt: string }
>(true);
