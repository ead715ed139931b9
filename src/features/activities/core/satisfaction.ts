/**
 * Satisfaction of an activity's participants, from answer counts per level (1 = least satisfied,
 * 5 = most). The seed's summary reports "ความพึงพอใจคิดเป็นร้อยละ 88.60"; that figure is a mean
 * on a five-level scale expressed as a share of the top level: percent = mean ÷ 5 × 100
 * (a mean of 4.43 gives 88.60). The overall figure pools every answer of every question, so a
 * question answered by more people weighs more, as in a paper form tallied as one pile.
 */

/** Levels of the satisfaction scale, lowest first. */
export const SATISFACTION_LEVELS = [1, 2, 3, 4, 5] as const;

/** One question of the survey with how many answers each level received (index 0 = level 1). */
export interface SatisfactionQuestion {
  text: string;
  counts: number[];
}

/** Mean and percentage of a set of answers; null when nobody answered. */
export interface SatisfactionScore {
  answers: number;
  /** Mean level, rounded to two decimals. */
  mean: number | null;
  /** Mean ÷ 5 × 100, rounded half up to two decimals. */
  percent: number | null;
}

/** Result per question and overall. */
export interface SatisfactionSummary {
  questions: Array<SatisfactionQuestion & SatisfactionScore>;
  overall: SatisfactionScore;
}

/** x ÷ y rounded half up to a whole number, for non-negative integers (exact, no float drift). */
function divideRounded(x: number, y: number): number {
  return Math.floor((2 * x + y) / (2 * y));
}

function scoreOf(points: number, answers: number): SatisfactionScore {
  if (answers === 0) return { answers, mean: null, percent: null };
  // hundredths: mean × 100 = points × 100 / answers; percent × 100 = points × 2000 / answers
  return {
    answers,
    mean: divideRounded(points * 100, answers) / 100,
    percent: divideRounded(points * 2000, answers) / 100,
  };
}

function tally(counts: readonly number[]): { points: number; answers: number } {
  let points = 0;
  let answers = 0;
  SATISFACTION_LEVELS.forEach((level, i) => {
    const n = counts[i] ?? 0;
    points += n * level;
    answers += n;
  });
  return { points, answers };
}

/** Mean and percentage of each question and of all answers together. */
export function summariseSatisfaction(
  questions: readonly SatisfactionQuestion[],
): SatisfactionSummary {
  let points = 0;
  let answers = 0;
  const rows = questions.map((q) => {
    const t = tally(q.counts);
    points += t.points;
    answers += t.answers;
    return { ...q, ...scoreOf(t.points, t.answers) };
  });
  return { questions: rows, overall: scoreOf(points, answers) };
}

/** Share of the invited who attended, in percent with two decimals; null when unknown. */
export function attendanceShare(attended: number | null, invited: number | null): number | null {
  if (attended === null || invited === null || invited <= 0) return null;
  return divideRounded(attended * 10000, invited) / 100;
}

/** A percentage with two decimals, as the seed prints it ("88.60"). */
export function formatPercent(value: number): string {
  return value.toFixed(2);
}
