import type { Message } from '../../../core/errors.js';
import type { CompiledEdition } from '../../../core/framework/compile-edition.js';
import type { Instrument, Text } from '../../../core/framework/edition.schema.js';
import { computeMinSample } from '../../../core/sampling/min-sample.js';
import type { ScoreNode } from '../../../core/scoring/evaluate-scores.js';
import { scoreAgency } from '../../../core/scoring/score-agency.js';
import {
  addSurveyResponse,
  createSurveyTally,
  type SurveyTally,
} from '../../../core/scoring/survey-tally.js';
import {
  MIN_GROUP_SIZE,
  projectResponses,
  suppressBelow,
  type DayCount,
} from '../core/progress.js';
import { listResponseAnswers, type SurveyLink } from '../db/survey.repository.js';
import type { ServiceContext } from '../../../platform/services/context.js';
import { bangkokDay } from '../../../core/thai-calendar.js';

/** A question's live score; null when fewer than 5 people answered it. */
export interface LiveQuestionScore {
  code: string;
  text: Text;
  score: number | null;
  answered: number;
}

/** An indicator's live score with its questions. */
export interface LiveIndicatorScore {
  code: string;
  name: Text;
  score: number | null;
  questions: LiveQuestionScore[];
}

/** Live scores of one instrument: either the scores or why they are withheld, never both. */
export interface LiveScores {
  respondents: number;
  /** Stored responses the edition could not count (e.g. an answer no longer among the options). */
  uncounted: number;
  scores: { score: number | null; indicators: LiveIndicatorScore[] } | null;
  suppressed: Message | null;
}

const TOO_FEW: Message = {
  th: `ยังไม่แสดงคะแนน: มีผู้ตอบน้อยกว่า ${MIN_GROUP_SIZE} คน เพื่อไม่ให้ระบุตัวผู้ตอบได้`,
  en: `Scores are withheld: fewer than ${MIN_GROUP_SIZE} respondents, so no one can be identified`,
};

/** People who answered every line of a question (the smallest count among its lines). */
function answeredOf(node: ScoreNode): number {
  if (node.basis.kind === 'answers') return node.basis.answered;
  if (node.children.length === 0) return 0;
  return Math.min(...node.children.map(answeredOf));
}

function summariseQuestion(node: ScoreNode): LiveQuestionScore {
  const answered = answeredOf(node);
  const score = suppressBelow(answered) ? null : node.shown;
  return { code: node.code, text: node.name, score, answered };
}

function summariseInstrument(node: ScoreNode): NonNullable<LiveScores['scores']> {
  const indicators = node.children.map((indicator) => ({
    code: indicator.code,
    name: indicator.name,
    score: indicator.shown,
    questions: indicator.children.map(summariseQuestion),
  }));
  return { score: node.shown, indicators };
}

async function tallyInstrument(
  ctx: ServiceContext,
  compiled: CompiledEdition,
  roundId: string,
  instrumentCode: string,
): Promise<{ tally: SurveyTally; uncounted: number }> {
  const tally = createSurveyTally(compiled, instrumentCode);
  let uncounted = 0;
  // Answers of today are left out: watching the scores move after each answer (e.g. at a
  // kiosk) would otherwise reveal one person's answers.
  const today = bangkokDay(ctx.clock.now());
  for (const answers of await listResponseAnswers(ctx.db.kysely, roundId, instrumentCode, today)) {
    if (addSurveyResponse(compiled, tally, answers).length > 0) uncounted += 1;
  }
  return { tally, uncounted };
}

/**
 * Scores a round's survey answers so far with the engine (ita-rules A4–A5): instrument,
 * indicator and question scores, withheld for an instrument of fewer than 5 respondents.
 */
export async function scoreLiveSurveys(
  ctx: ServiceContext,
  compiled: CompiledEdition,
  roundId: string,
  instrumentCodes: readonly string[],
): Promise<Map<string, LiveScores>> {
  const tallies = new Map<string, { tally: SurveyTally; uncounted: number }>();
  for (const code of instrumentCodes)
    tallies.set(code, await tallyInstrument(ctx, compiled, roundId, code));
  const surveys = Object.fromEntries([...tallies].map(([code, t]) => [code, t.tally]));
  const result = scoreAgency(compiled, { surveys, oit: {} });
  const live = new Map<string, LiveScores>();
  for (const [code, { tally, uncounted }] of tallies) {
    const node = result.tree.children.find((n) => n.code === code);
    const respondents = tally.respondents;
    const hidden = suppressBelow(respondents) || !node;
    live.set(code, {
      respondents,
      uncounted,
      scores: hidden ? null : summariseInstrument(node),
      suppressed: hidden ? TOO_FEW : null,
    });
  }
  return live;
}

/** One survey instrument of a round as its cockpit shows it. */
export interface CockpitInstrument {
  code: string;
  name: Text;
  respondents: Text | null;
  /** Null until someone who may manage the round's links opens the cockpit. */
  link: Pick<SurveyLink, 'id' | 'code' | 'requiresCode' | 'closesOn'> | null;
  codes: { issued: number; used: number };
  responses: number;
  /** People who may answer (IIT: the agency's eligible staff); null when unknown (EIT). */
  eligible: number | null;
  minimumSample: number | null;
  /** Responses ÷ minimum sample (may pass 1); null without a minimum. */
  reached: number | null;
  /** Responses expected by the closing date at today's pace; null without a date or data. */
  projection: number | null;
  live: LiveScores;
}

const NO_RESPONSES: LiveScores = { respondents: 0, uncounted: 0, scores: null, suppressed: null };

/** Puts together the cockpit numbers of one instrument from what the database holds. */
export function describeCockpitInstrument(
  compiled: CompiledEdition,
  survey: Instrument,
  eligibleStaff: number | null,
  facts: {
    link: SurveyLink | null;
    codes: { issued: number; used: number };
    countsByDay: readonly DayCount[];
    today: string;
    live: LiveScores | undefined;
  },
): CockpitInstrument {
  const { link, countsByDay, today } = facts;
  const responses = countsByDay.reduce((sum, d) => sum + d.count, 0);
  // The agency enters only the IIT population (its eligible staff, ita-rules A7); EIT has none.
  const eligible = survey.code === 'IIT' ? eligibleStaff : null;
  const rule = compiled.edition.min_sample;
  const minimum =
    eligible === null ? null : (computeMinSample(rule, survey.code, eligible)?.required ?? null);
  return {
    code: survey.code,
    name: survey.name,
    respondents: survey.respondents ?? null,
    link: link && {
      id: link.id,
      code: link.code,
      requiresCode: link.requiresCode,
      closesOn: link.closesOn,
    },
    codes: facts.codes,
    responses,
    eligible,
    minimumSample: minimum,
    reached: minimum ? responses / minimum : null,
    projection: projectResponses({ countsByDay, today, closesOn: link?.closesOn ?? null }),
    live: facts.live ?? NO_RESPONSES,
  };
}
