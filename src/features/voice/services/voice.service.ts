import type { Text } from '../../../core/framework/edition.schema.js';
import { summariseVoice, type VoiceSummary } from '../core/voice-summary.js';
import type { Round } from '../../rounds/feature.js';
import { listRoundComments } from '../db/voice.repository.js';
import type { Actor, ServiceContext } from '../../../platform/services/context.js';
import { loadVisibleRound } from '../../oit-review/feature.js';
import { loadRoundEdition } from '../../surveys/feature.js';
import { bangkokDay } from '../../../core/thai-calendar.js';
import { disclosureRuleOf } from '../../../core/disclosure/disclosure.js';

/** What the comments to one survey instrument of a round say (or that they are withheld). */
export interface InstrumentVoice {
  code: string;
  name: Text;
  question: Text;
  summary: VoiceSummary;
}

/** The stakeholder voice of a round: one entry per survey instrument that asks for comments. */
export interface RoundVoice {
  round: Round;
  /** While collecting, today's responses are left out (as for live scores). */
  countedBefore: string | null;
  instruments: InstrumentVoice[];
}

/** The voice of a round already loaded (access checked by the caller). */
export async function summariseRoundVoice(ctx: ServiceContext, round: Round): Promise<RoundVoice> {
  const { edition } = await loadRoundEdition(ctx, round.editionId);
  const countedBefore = round.state === 'collecting' ? bangkokDay(ctx.clock.now()) : null;
  const groups = await listRoundComments(ctx.db.kysely, round.id, countedBefore ?? undefined);
  const instruments = edition.instruments.flatMap((instrument): InstrumentVoice[] => {
    const question = instrument.comment;
    if (instrument.kind !== 'survey' || !question) return [];
    const group = groups.find((g) => g.instrument === instrument.code);
    const summary = summariseVoice({
      respondents: group?.respondents ?? 0,
      comments: group?.comments ?? [],
      question,
      indicators: instrument.indicators,
      rule: disclosureRuleOf(edition),
    });
    return [{ code: instrument.code, name: instrument.name, question: question.text, summary }];
  });
  return { round, countedBefore, instruments };
}

/**
 * The stakeholder voice of a round for someone who may see its results (members of the agency
 * and of its parent bodies); anyone else gets "not found". Groups below the minimum size are
 * withheld whole.
 */
export async function getRoundVoice(
  ctx: ServiceContext,
  actor: Actor,
  roundId: string,
): Promise<RoundVoice> {
  const { round } = await loadVisibleRound(ctx.db.kysely, actor, roundId);
  return summariseRoundVoice(ctx, round);
}
