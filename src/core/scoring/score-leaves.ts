import type { CompiledEdition, CompiledSurveyItem } from '../framework/compile-edition.js';
import { DomainError } from '../errors.js';
import { readItemCounts, type SurveyTally } from './survey-tally.js';

/** An assessor's decision on one OIT item: pass/fail, or a score 0–100 where partial credit is allowed. */
export type OitDecision = 'pass' | 'fail' | boolean | number;

/** What one agency brings to scoring: survey tallies per instrument and OIT decisions per item. */
export interface AgencyInput {
  surveys: Record<string, SurveyTally | undefined>;
  oit: Record<string, OitDecision | undefined>;
}

/** How a leaf score was obtained. */
export type LeafBasis =
  | {
      kind: 'answers';
      answered: number;
      excluded: number;
      distribution: { option: string; count: number; score: number | null }[];
    }
  | { kind: 'decision'; decision: 'pass' | 'fail' | 'partial' | 'missing' };

export interface LeafScore {
  score: number | null;
  basis: LeafBasis;
}

/** Leaf scores by item code: the inputs of every aggregation, what-if and weakness analysis. */
export type LeafScores = Map<string, LeafScore>;

function scoreSurveyItem(item: CompiledSurveyItem, counts: number[]): LeafScore {
  let answered = 0;
  let excluded = 0;
  let sum = 0;
  const distribution = item.optionCodes.map((option, index) => {
    const count = counts[index] ?? 0;
    const score = item.optionScores[option] ?? null;
    if (score === null) excluded += count;
    else {
      answered += count;
      sum += count * score;
    }
    return { option, count, score };
  });
  return {
    score: answered > 0 ? sum / answered : null,
    basis: { kind: 'answers', answered, excluded, distribution },
  };
}

/** Converts an OIT decision to a 0–100 score, refusing partial scores the edition does not allow. */
export function scoreOitDecision(
  code: string,
  decision: OitDecision | undefined,
  partialCredit: boolean,
): LeafScore {
  if (decision === undefined) return { score: 0, basis: { kind: 'decision', decision: 'missing' } };
  if (decision === 'pass' || decision === true) {
    return { score: 100, basis: { kind: 'decision', decision: 'pass' } };
  }
  if (decision === 'fail' || decision === false) {
    return { score: 0, basis: { kind: 'decision', decision: 'fail' } };
  }
  const valid = typeof decision === 'number' && decision >= 0 && decision <= 100;
  if (!valid || (!partialCredit && decision !== 0 && decision !== 100)) {
    throw new DomainError(
      'invalid_oit_decision',
      {
        th: `ผลการตรวจข้อ ${code} ต้องเป็น pass หรือ fail${partialCredit ? ' หรือคะแนน 0–100' : ''} (ได้รับ ${String(decision)})`,
        en: `The decision on ${code} must be pass or fail${partialCredit ? ' or a score 0–100' : ''} (got ${String(decision)})`,
      },
      { item: code },
    );
  }
  const kind = decision === 100 ? 'pass' : decision === 0 ? 'fail' : 'partial';
  return { score: decision, basis: { kind: 'decision', decision: kind } };
}

/**
 * Computes every leaf: a survey item is the mean over the respondents who answered it
 * (excluded options and blanks left out); an OIT item is its decision, 0 when none was made.
 */
export function computeLeafScores(compiled: CompiledEdition, input: AgencyInput): LeafScores {
  const leaves: LeafScores = new Map();
  for (const item of compiled.surveyItems.values()) {
    const tally = input.surveys[item.instrumentCode];
    leaves.set(item.code, scoreSurveyItem(item, readItemCounts(tally, item)));
  }
  for (const code of Object.keys(input.oit)) {
    if (!compiled.oitItems.has(code)) {
      throw new DomainError(
        'unknown_oit_item',
        {
          th: `ไม่มีข้อ OIT "${code}" ในฉบับ ${compiled.edition.id}`,
          en: `There is no OIT item "${code}" in edition ${compiled.edition.id}`,
        },
        { item: code },
      );
    }
  }
  for (const item of compiled.oitItems.values()) {
    leaves.set(item.code, scoreOitDecision(item.code, input.oit[item.code], item.partialCredit));
  }
  return leaves;
}
