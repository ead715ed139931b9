import type { CompiledEdition } from '../framework/compile-edition.js';
import { computeLeafScores, type AgencyInput } from './score-leaves.js';
import { evaluateScores, type EvaluateOptions, type ScoreResult } from './evaluate-scores.js';

/** Scores one agency: answers and decisions → items → … → total and level, with the explanation tree. */
export function scoreAgency(
  compiled: CompiledEdition,
  input: AgencyInput,
  options: EvaluateOptions = {},
): ScoreResult {
  return evaluateScores(compiled, computeLeafScores(compiled, input), options);
}
