import { computeMinSample } from '../core/sampling/min-sample.js';
import { findAgencyById } from '../features/agencies/feature.js';
import { listOitItems, listRoundEvidence } from '../features/oit-evidence/feature.js';
import {
  latestPrimaryDecisions,
  listAssignments,
  listClarifications,
} from '../features/oit-review/feature.js';
import type { Round, RoundFacts } from '../features/rounds/feature.js';
import { loadRoundEdition, releaseOfRound } from '../features/surveys/feature.js';
import type { ServiceContext } from '../platform/services/context.js';

/**
 * What the round's step list counts, gathered from the features that hold it through their
 * doors (composed here: those features read rounds, so rounds cannot import them). Counts only:
 * the survey responses of each instrument (every stored one, excluded copies not counted) and
 * its minimum sample (IIT from the agency's eligible staff, as the survey cockpit says; none
 * for EIT, whose population nobody enters), the OIT evidence statuses, the assessors, the
 * primary assessor's latest decisions and the items answered in clarification. The caller has
 * checked that the person may see the round.
 */
export async function countRoundFacts(ctx: ServiceContext, round: Round): Promise<RoundFacts> {
  const db = ctx.db.kysely;
  const compiled = await loadRoundEdition(ctx, round.editionId);
  const release = await releaseOfRound(ctx, compiled, round);
  const agency = await findAgencyById(db, round.agencyId);
  const surveys = [...release].map(([code, r]) => {
    const population = code === 'IIT' ? (agency?.eligibleStaff ?? null) : null;
    const minimum =
      population === null
        ? null
        : (computeMinSample(compiled.edition.min_sample, code, population)?.required ?? null);
    return { code, responses: r.scored + r.waiting, minimum };
  });
  const evidence = await listRoundEvidence(db, round.id);
  const assessors = await listAssignments(db, { roundId: round.id });
  const decisions = await latestPrimaryDecisions(db, round.id);
  const clarified = await listClarifications(db, round.id);
  return {
    surveys,
    oitItems: listOitItems(compiled.edition).length,
    evidence: evidence.map((e) => ({ itemCode: e.itemCode, status: e.status })),
    assessors: assessors.map((a) => ({ userId: a.userId, role: a.role })),
    decisions: [...decisions.values()].map((d) => ({
      itemCode: d.itemCode,
      stage: d.stage,
      score: d.score,
    })),
    clarified: [...new Set(clarified.map((c) => c.itemCode))],
  };
}
