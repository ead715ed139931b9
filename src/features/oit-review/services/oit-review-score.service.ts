import type { Kysely } from 'kysely';
import type { Text } from '../../../core/framework/edition.schema.js';
import type { CompiledEdition } from '../../../core/framework/compile-edition.js';
import { isAllowed } from '../../../core/access/roles.js';
import { DomainError } from '../../../core/errors.js';
import type { ScoreResult } from '../../../core/scoring/evaluate-scores.js';
import { scoreAgency } from '../../../core/scoring/score-agency.js';
import type { OitDecision } from '../../../core/scoring/score-leaves.js';
import type { SurveyTally } from '../../../core/scoring/survey-tally.js';
import {
  disclosedSnapshotColumns,
  discloseResult,
  disclosureRuleOf,
} from '../../../core/disclosure/disclosure.js';
import { findRound, upsertScoreSnapshot, type Round } from '../../rounds/feature.js';
import { tallyReleasedAnswers } from '../../surveys/feature.js';
import type { Database } from '../../../platform/db/schema.js';
import { nowIso, type Actor, type ServiceContext } from '../../../platform/services/context.js';
import { latestPrimaryDecisions, loadVisibleRound, reviewNotFound } from './oit-review-access.js';
import { moveRound } from '../../rounds/feature.js';
import { loadRoundEdition } from '../../surveys/feature.js';

/** A round's OIT, its indicators (9, 10) and the total, from the engine. */
export interface OitScoreSummary {
  oit: { score: number | null; shown: number | null } | null;
  indicators: { code: string; name: Text; shown: number | null }[];
  total: number | null;
  level: { code: string; name: Text } | null;
  /** The total and level are withheld: a survey score rests on too few people (core/disclosure). */
  withheld: boolean;
  decided: number;
  items: number;
}

async function tallySurveys(
  ctx: ServiceContext,
  compiled: CompiledEdition,
  round: Round,
): Promise<Record<string, SurveyTally>> {
  // while answers still come in, only those the disclosure module releases (whole days before
  // today, in steps of the minimum group size, as in the survey cockpit): watching a score move
  // would otherwise reveal a few people's answers; after collection, every answer
  const released = await tallyReleasedAnswers(ctx, compiled, round);
  return Object.fromEntries([...released].map(([code, r]) => [code, r.tally]));
}

/** Scores a round with the engine from its survey answers and the primary assessor's latest decisions. */
export async function scoreRound(ctx: ServiceContext, round: Round): Promise<ScoreResult> {
  const compiled = await loadRoundEdition(ctx, round.editionId);
  const decisions = await latestPrimaryDecisions(ctx.db.kysely, round.id);
  const oit: Record<string, OitDecision> = {};
  for (const [code, d] of decisions) if (compiled.oitItems.has(code)) oit[code] = d.score;
  const surveys = await tallySurveys(ctx, compiled, round);
  return scoreAgency(compiled, { surveys, oit });
}

/** The parts of a score result the review screens show. */
export function summariseOit(
  result: ScoreResult,
  compiled: CompiledEdition,
  decided: number,
): OitScoreSummary {
  const checklist = compiled.edition.instruments.find((i) => i.kind === 'checklist');
  const node = result.tree.children.find((n) => n.code === checklist?.code);
  const shown = discloseResult(result, disclosureRuleOf(compiled.edition));
  return {
    oit: node ? { score: node.score, shown: node.shown } : null,
    indicators: (node?.children ?? []).map((n) => ({ code: n.code, name: n.name, shown: n.shown })),
    total: shown.total,
    level: shown.level ? { code: shown.level.code, name: shown.level.name } : null,
    withheld: shown.withheld !== null,
    decided,
    items: compiled.oitItems.size,
  };
}

/** The OIT score, indicators and total of a round the actor may see. */
export async function getRoundOitScores(
  ctx: ServiceContext,
  actor: Actor,
  roundId: string,
): Promise<OitScoreSummary> {
  const { round } = await loadVisibleRound(ctx.db.kysely, actor, roundId);
  const compiled = await loadRoundEdition(ctx, round.editionId);
  const decided = (await latestPrimaryDecisions(ctx.db.kysely, roundId)).size;
  return summariseOit(await scoreRound(ctx, round), compiled, decided);
}

function notInClarification(): DomainError {
  return new DomainError('invalid_transition', {
    th: 'ยืนยันผลได้หลังช่วงชี้แจงเพิ่มเติมเท่านั้น',
    en: 'A round can be confirmed only from clarification',
  });
}

/**
 * What the confirmation page of a round shows before it is confirmed: the round and the scores
 * that confirming would store now. Only for who may confirm it, and only in clarification.
 */
export async function prepareConfirmation(
  ctx: ServiceContext,
  actor: Actor,
  roundId: string,
): Promise<{ round: Round; scores: OitScoreSummary }> {
  const { round } = await loadVisibleRound(ctx.db.kysely, actor, roundId);
  if (!isAllowed(actor.grants, 'round.confirm', round.agencyPath)) {
    throw new DomainError('forbidden', {
      th: 'คุณไม่มีสิทธิ์ยืนยันผลของรอบนี้: ผู้ดูแลหน่วยงานต้นสังกัดหรือผู้ดูแลระบบเป็นผู้ยืนยัน',
      en: "You may not confirm this round: the parent body's administrators or a system administrator confirm it",
    });
  }
  if (round.state !== 'clarification') throw notInClarification();
  return { round, scores: await getRoundOitScores(ctx, actor, roundId) };
}

/**
 * Confirms and locks a round after clarification, storing its score snapshot from the engine:
 * by who may confirm it (`round.confirm`: the parent body over its units, or the system
 * administrator), never its assessors.
 */
export async function confirmOitRound(
  ctx: ServiceContext,
  actor: Actor,
  roundId: string,
): Promise<OitScoreSummary> {
  const before = await findRound(ctx.db.kysely, roundId);
  if (!before || !isAllowed(actor.grants, 'round.view', before.agencyPath)) throw reviewNotFound();
  if (before.state !== 'clarification') throw notInClarification();
  // scored inside the move's transaction: no decision can slip in between, and a confirmed
  // round always has its snapshot
  let result: ScoreResult | null = null;
  const afterMove = async (trx: Kysely<Database>) => {
    const scored = await scoreRound({ ...ctx, db: { ...ctx.db, kysely: trx } }, before);
    result = scored;
    const compiled = await loadRoundEdition(ctx, before.editionId);
    // the row's total and level are read as they are (e.g. into a withdrawal's audit entry):
    // only disclosed ones; the engine's full result stays in its JSON, read through the module
    await upsertScoreSnapshot(
      trx,
      {
        roundId,
        engineVersion: scored.engineVersion,
        ...disclosedSnapshotColumns(scored, disclosureRuleOf(compiled.edition)),
        resultJson: JSON.stringify(scored),
      },
      nowIso(ctx),
    );
  };
  const round = await moveRound(ctx, actor, roundId, 'confirmed', { afterMove });
  if (!result) throw new Error('the round was confirmed without a score');
  const compiled = await loadRoundEdition(ctx, round.editionId);
  const decided = (await latestPrimaryDecisions(ctx.db.kysely, roundId)).size;
  return summariseOit(result, compiled, decided);
}
