import { DomainError } from '../core/errors.js';
import { isAllowed } from '../core/access/roles.js';
import { findRound } from '../db/round.repository.js';
import {
  insertSurveyLink,
  listSurveyLinksOfRound,
  type SurveyLink,
} from '../db/survey.repository.js';
import { inTransaction, recordAudit } from './audit.service.js';
import { nowIso, type Actor, type ServiceContext } from './context.js';
import { loadRoundEdition, newLinkCode } from './survey.service.js';

/** Refusal for a round the actor may not see (never says whether it exists). */
function roundNotFound(): DomainError {
  return new DomainError('not_found', {
    th: 'ไม่พบรอบการประเมินนี้',
    en: 'Assessment round not found',
  });
}

/**
 * Makes sure the round has one public link per survey instrument (IIT, EIT), creating the
 * missing ones; the agency's administrators (and those above) may do this.
 */
export async function ensureSurveyLinks(
  ctx: ServiceContext,
  actor: Actor,
  roundId: string,
): Promise<SurveyLink[]> {
  const round = await findRound(ctx.db.kysely, roundId);
  if (!round || !isAllowed(actor.grants, 'round.view', round.agencyPath)) throw roundNotFound();
  if (!isAllowed(actor.grants, 'agency.edit', round.agencyPath)) {
    throw new DomainError('forbidden', {
      th: 'คุณไม่มีสิทธิ์จัดการลิงก์แบบวัดของหน่วยงานนี้',
      en: 'You may not manage the survey links of this agency',
    });
  }
  const compiled = await loadRoundEdition(ctx, round.editionId);
  const surveys = compiled.edition.instruments
    .filter((i) => i.kind === 'survey')
    .map((i) => i.code);
  return inTransaction(ctx, async (trx) => {
    const existing = await listSurveyLinksOfRound(trx, roundId);
    for (const instrument of surveys) {
      if (existing.some((l) => l.instrument === instrument)) continue;
      const link = {
        id: ctx.ids.uuid(),
        roundId,
        instrument,
        code: newLinkCode(),
        requiresCode: false,
        closesOn: null,
      };
      await insertSurveyLink(trx, link, nowIso(ctx));
      await recordAudit(trx, ctx, actor, {
        action: 'survey_link.create',
        entityType: 'survey_link',
        entityId: link.id,
        agencyId: round.agencyId,
        details: { roundId, instrument, code: link.code },
      });
    }
    return listSurveyLinksOfRound(trx, roundId);
  });
}
