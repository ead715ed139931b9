import { dayAfter, liveRelease, type LiveRelease } from '../../../core/disclosure/live-release.js';
import { disclosureRuleOf } from '../../../core/disclosure/disclosure.js';
import type { CompiledEdition } from '../../../core/framework/compile-edition.js';
import {
  addSurveyResponse,
  createSurveyTally,
  type SurveyTally,
} from '../../../core/scoring/survey-tally.js';
import { bangkokDay } from '../../../core/thai-calendar.js';
import type { ServiceContext } from '../../../platform/services/context.js';
import type { Round } from '../../rounds/feature.js';
import { countResponsesByDay, listResponseAnswers } from '../db/survey.repository.js';

/** The answers of one survey instrument that may be scored now, tallied. */
export interface ReleasedAnswers {
  tally: SurveyTally;
  /** Answers the edition could not count (e.g. an answer no longer among the options). */
  uncounted: number;
  /** What is scored: `through` null and `waiting` 0 once collection has ended (every answer). */
  release: LiveRelease & { final: boolean };
}

/**
 * What may be scored of each survey instrument of a round right now (core/disclosure): while the
 * round collects answers, only whole days before today, in steps of at least the minimum group
 * size, once that many more answers have arrived after the step; once collection has ended,
 * every answer (the result that will be confirmed). The one place live scores come from: the
 * survey cockpit and the round's results (through scoreRound) both read it.
 */
export async function releaseOfRound(
  ctx: ServiceContext,
  compiled: CompiledEdition,
  round: Pick<Round, 'id' | 'state'>,
): Promise<Map<string, ReleasedAnswers['release']>> {
  const rule = disclosureRuleOf(compiled.edition);
  const today = bangkokDay(ctx.clock.now());
  const byDay = await countResponsesByDay(ctx.db.kysely, round.id);
  const out = new Map<string, ReleasedAnswers['release']>();
  for (const instrument of compiled.edition.instruments) {
    if (instrument.kind !== 'survey') continue;
    const counts = byDay.filter((d) => d.instrument === instrument.code);
    const all = counts.reduce((sum, d) => sum + d.count, 0);
    out.set(
      instrument.code,
      round.state === 'collecting'
        ? { ...liveRelease(counts, today, rule), final: false }
        : { through: null, scored: all, waiting: 0, final: true },
    );
  }
  return out;
}

/** The released answers of every survey instrument of a round, tallied by the engine. */
export async function tallyReleasedAnswers(
  ctx: ServiceContext,
  compiled: CompiledEdition,
  round: Pick<Round, 'id' | 'state'>,
): Promise<Map<string, ReleasedAnswers>> {
  const out = new Map<string, ReleasedAnswers>();
  for (const [code, release] of await releaseOfRound(ctx, compiled, round)) {
    const tally = createSurveyTally(compiled, code);
    let uncounted = 0;
    const released = release.final || release.through !== null;
    const before = release.through === null ? undefined : dayAfter(release.through);
    const answers = released
      ? await listResponseAnswers(ctx.db.kysely, round.id, code, before)
      : [];
    for (const a of answers) if (addSurveyResponse(compiled, tally, a).length > 0) uncounted += 1;
    out.set(code, { tally, uncounted, release });
  }
  return out;
}
