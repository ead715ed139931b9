import type { CompiledEdition, CompiledSurveyItem } from '../framework/compile-edition.js';
import type { Message } from '../errors.js';

/**
 * Answers of one instrument for one agency, kept as counts per option. Counts (not running
 * sums) make the scores independent of the order respondents answered in, and keep memory
 * bounded by the number of items, not the number of respondents.
 */
export interface SurveyTally {
  instrumentCode: string;
  respondents: number;
  /** Count per option of every item, end to end (item.offset + option index). */
  counts: Uint32Array;
}

/** A problem with one field of one response. */
export interface AnswerProblem {
  field: string;
  code: 'unknown_item' | 'wrong_instrument' | 'unknown_option';
  message: Message;
}

/** Starts an empty tally for one survey instrument of an edition. */
export function createSurveyTally(compiled: CompiledEdition, instrumentCode: string): SurveyTally {
  const size = compiled.surveySizes.get(instrumentCode) ?? 0;
  return { instrumentCode, respondents: 0, counts: new Uint32Array(size) };
}

/** The count of each option of one item in a tally, by option code. */
export function readItemCounts(tally: SurveyTally | undefined, item: CompiledSurveyItem): number[] {
  return item.optionCodes.map((_, index) => tally?.counts[item.offset + index] ?? 0);
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
    } else if (!isUnanswered(value) && item.optionIndex[String(value)] === undefined) {
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
 * any answer is invalid. This is the hot path of national scoring: one pass, no copies.
 */
export function addSurveyResponse(
  compiled: CompiledEdition,
  tally: SurveyTally,
  answers: Record<string, unknown>,
): AnswerProblem[] {
  const counted: number[] = [];
  const surveyItems = compiled.surveyItems;
  for (const field in answers) {
    const item = surveyItems.get(field);
    const value = answers[field];
    if (item === undefined || item.instrumentCode !== tally.instrumentCode) {
      return findAnswerProblems(compiled, tally.instrumentCode, answers);
    }
    if (isUnanswered(value)) continue;
    const index = item.optionIndex[typeof value === 'string' ? value : String(value)];
    if (index === undefined) return findAnswerProblems(compiled, tally.instrumentCode, answers);
    counted.push(item.offset + index);
  }
  const counts = tally.counts;
  for (const position of counted) counts[position] = (counts[position] ?? 0) + 1;
  tally.respondents += 1;
  return [];
}

/**
 * Counts one response into a tally of the counter's instrument when its answers are all valid:
 * blank (null or "") or a string or number naming an option of an item of that instrument; returns
 * true. Anything else (an unknown item, an item of another instrument, an unknown option, a value
 * of another type, even undefined; a tally of another instrument) returns false with the tally as
 * it was, for the caller to describe it with the schema and addSurveyResponse.
 */
export type ResponseCounter = (tally: SurveyTally, answers: object) => boolean;

/**
 * National scoring's hot path: one pass and no allocation; counts are added as the answers are
 * read and taken back if a later answer is refused. The counter remembers which item each
 * position named in the responses before: rows of one export list their answers in the same
 * order, so most answers are matched by one comparison of the field name instead of a lookup.
 */
export function createResponseCounter(
  compiled: CompiledEdition,
  instrumentCode: string,
): ResponseCounter {
  const surveyItems = compiled.surveyItems;
  /** The field name seen at each position, and its item (of this instrument). */
  const fields: string[] = [];
  const items: CompiledSurveyItem[] = [];
  return (tally, answers) => {
    if (tally.instrumentCode !== instrumentCode) return false;
    const counts = tally.counts;
    const values = answers as Record<string, unknown>;
    let read = 0;
    for (const field in values) {
      let item: CompiledSurveyItem | undefined;
      if (fields[read] === field) item = items[read]!;
      else {
        item = surveyItems.get(field);
        if (item === undefined || item.instrumentCode !== instrumentCode) {
          return uncount(compiled, counts, values, read);
        }
        fields[read] = field;
        items[read] = item;
      }
      const value = values[field];
      if (value !== null && value !== '') {
        const index =
          typeof value === 'string'
            ? item.optionIndex[value]
            : typeof value === 'number'
              ? item.optionIndex[String(value)]
              : undefined;
        if (index === undefined) return uncount(compiled, counts, values, read);
        const position = item.offset + index;
        counts[position] = (counts[position] ?? 0) + 1;
      }
      read += 1;
    }
    tally.respondents += 1;
    return true;
  };
}

/** Takes back what a ResponseCounter counted of the first `read` answers; returns false. */
function uncount(
  compiled: CompiledEdition,
  counts: Uint32Array,
  values: Record<string, unknown>,
  read: number,
): false {
  let left = read;
  for (const field in values) {
    if (left === 0) break;
    left -= 1;
    const value = values[field];
    if (value === null || value === '') continue;
    const item = compiled.surveyItems.get(field)!;
    const position = item.offset + item.optionIndex[String(value)]!;
    counts[position] = (counts[position] ?? 0) - 1;
  }
  return false;
}

/** Adds the counts of one tally into another of the same instrument (e.g. answers imported from paper). */
export function mergeSurveyTally(into: SurveyTally, from: SurveyTally): void {
  if (into.instrumentCode !== from.instrumentCode || into.counts.length !== from.counts.length) {
    throw new RangeError(
      `cannot merge a ${from.instrumentCode} tally into a ${into.instrumentCode} tally`,
    );
  }
  into.respondents += from.respondents;
  from.counts.forEach((count, i) => (into.counts[i] = (into.counts[i] ?? 0) + count));
}
