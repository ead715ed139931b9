import type { CompiledEdition } from '../framework/compile-edition.js';
import type { Message } from '../errors.js';

/**
 * Answers of one instrument for one agency, kept as counts per option. Counts (not running
 * sums) make the scores independent of the order respondents answered in, and keep memory
 * bounded by the number of items, not the number of respondents.
 */
export interface SurveyTally {
  instrumentCode: string;
  respondents: number;
  /** Item code → count per option code. */
  counts: Map<string, Record<string, number>>;
}

/** A problem with one field of one response. */
export interface AnswerProblem {
  field: string;
  code: 'unknown_item' | 'wrong_instrument' | 'unknown_option';
  message: Message;
}

/** Starts an empty tally for one survey instrument of an edition. */
export function createSurveyTally(compiled: CompiledEdition, instrumentCode: string): SurveyTally {
  const counts = new Map<string, Record<string, number>>();
  for (const item of compiled.surveyItems.values()) {
    if (item.instrumentCode !== instrumentCode) continue;
    const perOption: Record<string, number> = {};
    for (const option of item.optionCodes) perOption[option] = 0;
    counts.set(item.code, perOption);
  }
  return { instrumentCode, respondents: 0, counts };
}

function isUnanswered(value: unknown): boolean {
  return value === null || value === undefined || value === '';
}

/** Lists what is wrong with one response's answers (empty when it can be counted). */
export function findAnswerProblems(
  compiled: CompiledEdition,
  instrumentCode: string,
  answers: Record<string, unknown>,
): AnswerProblem[] {
  const problems: AnswerProblem[] = [];
  for (const [field, value] of Object.entries(answers)) {
    const item = compiled.surveyItems.get(field);
    if (!item) {
      problems.push({
        field,
        code: 'unknown_item',
        message: {
          th: `ไม่มีข้อคำถาม "${field}" ในแบบวัด ${instrumentCode} ของฉบับ ${compiled.edition.id}`,
          en: `There is no item "${field}" in ${instrumentCode} of edition ${compiled.edition.id}`,
        },
      });
    } else if (item.instrumentCode !== instrumentCode) {
      problems.push({
        field,
        code: 'wrong_instrument',
        message: {
          th: `ข้อ "${field}" เป็นของแบบวัด ${item.instrumentCode} ไม่ใช่ ${instrumentCode}`,
          en: `Item "${field}" belongs to ${item.instrumentCode}, not ${instrumentCode}`,
        },
      });
    } else if (!isUnanswered(value) && !(String(value) in item.optionScores)) {
      problems.push({
        field,
        code: 'unknown_option',
        message: {
          th: `คำตอบ "${String(value)}" ของข้อ ${field} ไม่อยู่ในตัวเลือก (${item.optionCodes.join(', ')})`,
          en: `Answer "${String(value)}" to ${field} is not one of the options (${item.optionCodes.join(', ')})`,
        },
      });
    }
  }
  return problems;
}

/**
 * Counts one response into the tally, or changes nothing and returns the problems when
 * any answer is invalid.
 */
export function addSurveyResponse(
  compiled: CompiledEdition,
  tally: SurveyTally,
  answers: Record<string, unknown>,
): AnswerProblem[] {
  const problems = findAnswerProblems(compiled, tally.instrumentCode, answers);
  if (problems.length > 0) return problems;
  for (const [field, value] of Object.entries(answers)) {
    if (isUnanswered(value)) continue;
    const perOption = tally.counts.get(field) as Record<string, number>;
    const option = String(value);
    perOption[option] = (perOption[option] ?? 0) + 1;
  }
  tally.respondents += 1;
  return problems;
}

/** Adds the counts of one tally into another (e.g. responses imported from paper). */
export function mergeSurveyTally(into: SurveyTally, from: SurveyTally): void {
  into.respondents += from.respondents;
  for (const [item, perOption] of from.counts) {
    const target = into.counts.get(item);
    if (!target) continue;
    for (const [option, count] of Object.entries(perOption)) {
      target[option] = (target[option] ?? 0) + count;
    }
  }
}
