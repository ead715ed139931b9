import { nextLevelGap, type NextLevelGap } from '../../../core/analysis/next-level.js';
import type { AnswerLabels } from '../../../core/analysis/answer-labels.js';
import type { DisclosedWeaknessReport } from '../../../core/disclosure/disclosure.js';
import { findRatingScheme, type CompiledEdition } from '../../../core/framework/compile-edition.js';
import type { Round } from '../../rounds/feature.js';
import type { ReportDocument } from '../../../platform/reports/report-document.js';
import { buildAnalysisReport } from './analysis-report-builder.js';
import type { Actor, ServiceContext } from '../../../platform/services/context.js';
import { nowIso } from '../../../platform/services/context.js';
import { getMeasuresDocument, type MeasureView } from '../../measures/feature.js';
import { buildResultReport } from './result-report-builder.js';
import { getRoundResults, type ResultNode, type RoundResults } from './results.service.js';
import { loadRoundEdition } from '../../surveys/feature.js';
import { voiceReportBlocks } from '../../voice/feature.js';

export { buildAnalysisReport } from './analysis-report-builder.js';
export { buildResultReport } from './result-report-builder.js';

/** What the reports say of a round: the result as disclosed (core/disclosure) and its analysis. */
export interface ReportFacts {
  round: Round;
  source: RoundResults['source'];
  result: RoundResults['result'];
  weaknesses: DisclosedWeaknessReport;
  /** Measures the agency set from this round's weak points (dropped ones left out). */
  measures: MeasureView[];
  /** The next better level of the edition's rating scheme and what is missing to reach it. */
  nextLevel: NextLevelGap | null;
  /** Answer option labels of the edition, so tallies read in words ("มี 6 คน ไม่มี 29 คน"). */
  answerLabels?: AnswerLabels;
}

/** What separates a result from the next level of the scheme it was rated with. */
export function nextLevelOf(
  compiled: CompiledEdition,
  result: RoundResults['result'],
): NextLevelGap | null {
  if (!result.level) return null;
  return nextLevelGap(findRatingScheme(compiled.edition, result.level.scheme), {
    total: result.total,
    levelCode: result.level.code,
    instruments: result.instruments,
  });
}

/**
 * How numbers, dates and score bases are worded: given by the web layer, which owns the
 * wording (Buddhist-era dates, the explanation of each basis), so reports say what screens say.
 */
export interface ReportWording {
  lang: 'th' | 'en';
  formatDate: (iso: string) => string;
  formatScore: (score: number | null) => string;
  describeBasis: (node: ResultNode, labels?: AnswerLabels) => string;
}

/** The facts of a round for someone who may see it (as the results page): not found otherwise. */
async function signedInFacts(
  ctx: ServiceContext,
  actor: Actor,
  roundId: string,
  withMeasures: boolean,
): Promise<ReportFacts> {
  const results = await getRoundResults(ctx, actor, roundId);
  const measures = withMeasures ? (await getMeasuresDocument(ctx, actor, roundId)).measures : [];
  return {
    round: results.round,
    source: results.source,
    result: results.result,
    weaknesses: results.weaknesses,
    measures,
    nextLevel: nextLevelOf(await loadRoundEdition(ctx, results.round.editionId), results.result),
    answerLabels: results.answerLabels,
  };
}

/** The result report of a round, for someone who may see the round's results. */
export async function getResultReport(
  ctx: ServiceContext,
  actor: Actor,
  roundId: string,
  wording: ReportWording,
): Promise<ReportDocument> {
  const facts = await signedInFacts(ctx, actor, roundId, false);
  return buildResultReport(facts, wording, nowIso(ctx));
}

/** The analysis report of a round, for someone who may see the round's results. */
export async function getAnalysisReport(
  ctx: ServiceContext,
  actor: Actor,
  roundId: string,
  wording: ReportWording,
): Promise<ReportDocument> {
  const facts = await signedInFacts(ctx, actor, roundId, true);
  const voice = await voiceReportBlocks(ctx, facts.round, wording.lang);
  return buildAnalysisReport(facts, wording, nowIso(ctx), voice);
}
