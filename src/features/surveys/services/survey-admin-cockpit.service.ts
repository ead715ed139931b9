import type { Message } from '../../../core/errors.js';
import {
  discloseResult,
  disclosureRuleOf,
  WITHHELD_LABEL,
  type DisclosedNode,
} from '../../../core/disclosure/disclosure.js';
import type { CompiledEdition } from '../../../core/framework/compile-edition.js';
import type { Instrument, Text } from '../../../core/framework/edition.schema.js';
import { computeMinSample } from '../../../core/sampling/min-sample.js';
import { scoreAgency } from '../../../core/scoring/score-agency.js';
import { projectResponses, type DayCount } from '../core/progress.js';
import type { SurveyLink } from '../db/survey.repository.js';
import type { ServiceContext } from '../../../platform/services/context.js';
import type { Round } from '../../rounds/feature.js';
import { tallyReleasedAnswers } from './released-answers.service.js';

/** A question's live score (null: nobody answered it) and the fewest answers among its lines. */
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
  /** Respondents whose answers are scored. */
  respondents: number;
  /** Stored responses the edition could not count (e.g. an answer no longer among the options). */
  uncounted: number;
  /** Answers of the days up to this one are scored (null: none yet, or every answer). */
  through: string | null;
  /** Answers counted but not scored (yet): today's, and those since the last step. */
  waiting: number;
  scores: { score: number | null; indicators: LiveIndicatorScore[] } | null;
  suppressed: Message | null;
}

function tooFewMessage(minimum: number): Message {
  return {
    th: `${WITHHELD_LABEL}: ยังไม่แสดงคะแนน เพราะคำตอบที่นำมาคิดคะแนนได้มาจากผู้ตอบน้อยกว่า ${minimum} คน เพื่อไม่ให้ระบุตัวผู้ตอบได้ (คะแนนระหว่างเก็บข้อมูลขยับทีละอย่างน้อย ${minimum} คน)`,
    en: `${WITHHELD_LABEL}: scores are withheld, as the answers that may be scored come from fewer than ${minimum} respondents, so no one can be identified (live scores move by at least ${minimum} people at a time)`,
  };
}

/** The fewest answers among the answered lines of a question (0 when none was answered). */
function answeredOf(node: DisclosedNode): number {
  const counts: number[] = [];
  const visit = (n: DisclosedNode) => {
    if (n.children.length === 0) {
      if (n.basis.kind === 'answers' && n.basis.answered > 0) counts.push(n.basis.answered);
    } else n.children.forEach(visit);
  };
  visit(node);
  return counts.length ? Math.min(...counts) : 0;
}

function summariseInstrument(node: DisclosedNode): NonNullable<LiveScores['scores']> {
  const indicators = node.children.map((indicator) => ({
    code: indicator.code,
    name: indicator.name,
    score: indicator.shown,
    questions: indicator.children.map((q) => ({
      code: q.code,
      text: q.name,
      score: q.shown,
      answered: answeredOf(q),
    })),
  }));
  return { score: node.shown, indicators };
}

/**
 * Scores a round's survey answers so far with the engine (ita-rules A4–A5), as far as the
 * disclosure module lets them be seen: the answers released now (core/disclosure/live-release),
 * and the instrument withheld whole when any of its figures rests on fewer people than the
 * edition's minimum group size.
 */
export async function scoreLiveSurveys(
  ctx: ServiceContext,
  compiled: CompiledEdition,
  round: Pick<Round, 'id' | 'state'>,
): Promise<Map<string, LiveScores>> {
  const rule = disclosureRuleOf(compiled.edition);
  const released = await tallyReleasedAnswers(ctx, compiled, round);
  const surveys = Object.fromEntries([...released].map(([code, r]) => [code, r.tally]));
  const result = discloseResult(scoreAgency(compiled, { surveys, oit: {} }), rule);
  const live = new Map<string, LiveScores>();
  for (const [code, { tally, uncounted, release }] of released) {
    const node = result.tree.children.find((n) => n.code === code);
    const respondents = tally.respondents;
    const none = release.scored + release.waiting === 0;
    const hidden = !node || node.withheld || respondents < rule.minimum;
    live.set(code, {
      respondents,
      uncounted,
      through: release.through,
      waiting: release.waiting,
      scores: hidden ? null : summariseInstrument(node),
      suppressed: hidden && !none ? tooFewMessage(rule.minimum) : null,
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

const NO_RESPONSES: LiveScores = {
  respondents: 0,
  uncounted: 0,
  through: null,
  waiting: 0,
  scores: null,
  suppressed: null,
};

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
