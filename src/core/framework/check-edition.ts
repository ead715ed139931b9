import { EditionSchema, type Edition } from './edition.schema.js';
import { describeSchemaIssue } from './describe-schema-issue.js';
import type { EditionProblem } from './edition-problem.js';
import { listDuplicateProblems } from './check-edition-codes.js';
import { listShapeProblems, listWeightProblems } from './check-edition-structure.js';
import { listScaleProblems } from './check-edition-scales.js';
import { listCommentProblems } from './check-edition-comments.js';
import {
  listCalendarProblems,
  listMinSampleProblems,
  listRatingProblems,
} from './check-edition-rules.js';

export type { EditionProblem } from './edition-problem.js';

/** The parsed edition (null when the file does not match the format) and every problem found. */
export interface EditionCheck {
  edition: Edition | null;
  problems: EditionProblem[];
}

/** Parses an edition file's content and reports every structural and cross-node problem with its path. */
export function checkEdition(raw: unknown): EditionCheck {
  const parsed = EditionSchema.safeParse(raw);
  if (!parsed.success) {
    return {
      edition: null,
      problems: parsed.error.issues.map((issue) => describeSchemaIssue(issue, raw)),
    };
  }
  const edition = parsed.data;
  const problems = [
    ...listDuplicateProblems(edition),
    ...listWeightProblems(edition),
    ...listShapeProblems(edition),
    ...listScaleProblems(edition),
    ...listRatingProblems(edition),
    ...listMinSampleProblems(edition),
    ...listCalendarProblems(edition),
    ...listCommentProblems(edition),
  ];
  return { edition, problems };
}
