import { z } from 'zod';
import { ROUND_STATES } from '../../rounds/feature.js';
import { IdParams } from '../../../platform/http/typed-routes.js';
import type { ClarificationView } from '../services/oit-review-clarify.service.js';
import type { ReviewItemDetail } from '../services/oit-review-item.service.js';
import type { OitScoreSummary } from '../services/oit-review-score.service.js';
import type { ReviewRoundOverview } from '../services/oit-review.service.js';
import { FormText as text, looseFormOf as formOf } from '../../../platform/http/typed-routes.js';

/**
 * The zod schemas of the OIT review routes: what their forms, links and JSON API read, and what
 * the API answers. A form's fields are read leniently (an absent or repeated field reads as not
 * given); the service's own rules decide what is valid and the page shows its refusals.
 */

/** `/review/rounds/:id/items/:item`. */
export const ItemParams = IdParams.extend({ item: z.string() });

/** `/review/rounds/:id/snapshots/:snapshot`. */
export const SnapshotParams = IdParams.extend({ snapshot: z.string() });

/** `?done=saved` after an answer. */
export const DoneQuery = z.object({ done: text });

/** The form that assigns an assessor (role: primary unless "second"). */
export const AssignForm = formOf({ email: text, role: text });

/** The decision form: outcome, partial score, advice template and element, free text. */
export const DecisionForm = formOf({
  outcome: text,
  partialScore: text,
  template: text,
  element: text,
  reason: text,
  advice: text,
});
export type DecisionFormValues = z.output<typeof DecisionForm>;

const Text = z.object({ th: z.string(), en: z.string() });
const AssessorRole = z.enum(['primary', 'second']);

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

const OitItemJson = z.object({
  code: z.string(),
  name: Text,
  indicatorCode: z.string(),
  elements: z.array(z.object({ code: z.string(), text: Text })),
  partialCredit: z.boolean(),
});

const DecisionJson = z.object({
  id: z.string(),
  roundId: z.string(),
  itemCode: z.string(),
  assessorUserId: z.string(),
  stage: z.enum(['initial', 'final']),
  score: z.number(),
  reason: z.string(),
  advice: z.string(),
  decidedAt: z.string(),
});

const AssignmentJson = z.object({
  roundId: z.string(),
  userId: z.string(),
  email: z.string(),
  displayName: z.string(),
  role: AssessorRole,
  assignedAt: z.string(),
});

const ClarificationJson = z.object({
  id: z.string(),
  roundId: z.string(),
  itemCode: z.string(),
  text: z.string(),
  newUrl: z.string().nullable(),
  fileId: z.string().nullable(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
});

const FileJson = z.object({
  id: z.string(),
  originalName: z.string(),
  storedName: z.string(),
  contentType: z.string(),
  size: z.number(),
  sha256: z.string(),
  addedIn: z.string(),
});

/** The OIT score, its indicators and the total, from the engine. */
const ScoresJson = z.object({
  oit: z.object({ score: z.number().nullable(), shown: z.number().nullable() }).nullable(),
  indicators: z.array(z.object({ code: z.string(), name: Text, shown: z.number().nullable() })),
  total: z.number().nullable(),
  level: z.object({ code: z.string(), name: Text }).nullable(),
  withheld: z
    .boolean()
    .describe(
      'The total and level are withheld (null): a survey score rests on too few respondents (ข้อมูลไม่พอ / not enough respondents)',
    ),
  decided: z.number().int(),
  items: z.number().int(),
});

/** Rounds assigned to the caller, with the role held on each. */
export const ReviewRoundsJson = z.object({
  rounds: z.array(z.object({ round: RoundJson, role: AssessorRole })),
});

/** A round under review: items with the latest decisions, agreement and scores. */
export const ReviewRoundJson = z.object({
  round: RoundJson,
  role: AssessorRole.nullable(),
  mayAssign: z.boolean(),
  assignments: z.array(AssignmentJson),
  items: z.array(
    z.object({
      item: OitItemJson,
      evidenceStatus: z.string().nullable(),
      primary: DecisionJson.nullable(),
      mine: DecisionJson.nullable(),
    }),
  ),
  agreement: z
    .object({
      items: z.number().int(),
      agreed: z.number().int(),
      percent: z.number().nullable(),
      kappa: z.number().nullable(),
    })
    .nullable(),
  scores: ScoresJson,
});

/** One item side by side: evidence, links with their snapshots, files, elements, decisions. */
export const ReviewItemJson = z.object({
  round: RoundJson,
  role: AssessorRole.nullable(),
  item: OitItemJson,
  evidence: z
    .object({
      id: z.string(),
      itemCode: z.string(),
      status: z.string(),
      ownerUserId: z.string().nullable(),
      explanation: z.string(),
      elementsJson: z.string(),
      submittedAt: z.string().nullable(),
    })
    .nullable(),
  links: z.array(
    z.object({
      id: z.string(),
      url: z.string(),
      addedIn: z.string(),
      snapshots: z.array(
        z.object({
          id: z.string(),
          linkId: z.string(),
          kind: z.string(),
          takenAt: z.string(),
          status: z.number().nullable(),
          contentType: z.string().nullable(),
          finalUrl: z.string().nullable(),
          sha256: z.string().nullable(),
          storedName: z.string().nullable(),
          truncated: z.boolean(),
          error: z.string().nullable(),
        }),
      ),
    }),
  ),
  files: z.array(FileJson),
  elements: z.array(
    z.object({ code: z.string(), text: Text, done: z.boolean(), where: z.string() }),
  ),
  decisions: z.array(DecisionJson),
  clarifications: z.array(ClarificationJson),
});

/** The failed items of a round with reasons and advice, and the agency's answers. */
export const ClarificationViewJson = z.object({
  round: RoundJson,
  mayAnswer: z.boolean(),
  allowNewLinks: z.boolean(),
  underReview: z.boolean(),
  items: z.array(
    z.object({
      item: OitItemJson,
      decision: DecisionJson,
      answers: z.array(ClarificationJson),
      files: z.array(FileJson),
    }),
  ),
});

export const AssignmentsJson = z.object({ assignments: z.array(AssignmentJson) });
export const DecisionOneJson = z.object({ decision: DecisionJson });
export const ClarificationOneJson = z.object({ clarification: ClarificationJson });
export const ConfirmedJson = z.object({ scores: ScoresJson });

// Compile-time: each answer's schema lists exactly the fields its service returns (a field
// added to a service and not here would otherwise be dropped from the answer without a word).
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameShape = <A, B>(proof: Same<A, B>) => proof;
sameShape<z.output<typeof ReviewRoundJson>, ReviewRoundOverview & { scores: OitScoreSummary }>(
  true,
);
sameShape<z.output<typeof ReviewItemJson>, ReviewItemDetail>(true);
sameShape<z.output<typeof ClarificationViewJson>, ClarificationView>(true);
