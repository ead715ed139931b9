import { z } from 'zod';
import { DomainError } from '../../../core/errors.js';
import { isAllowed } from '../../../core/access/roles.js';
import { bangkokDay } from '../../../core/thai-calendar.js';
import {
  answerSetFingerprint,
  answerSetHash,
  findBursts,
  IDENTICAL_MIN_SETS,
  sweepBefore,
  type Burst,
} from '../core/ballot-guard.js';
import {
  countWebAnswerSet,
  insertExclusion,
  listBurstWindows,
  listExclusions,
  listIdenticalGroups,
  sweepArrivals,
} from '../db/survey-guard.repository.js';
import { listSurveyLinksOfRound } from '../db/survey.repository.js';
import { findRound, type Round } from '../../rounds/feature.js';
import { inTransaction, recordAudit } from '../../audit/feature.js';
import { getSetting, putSettingOnce } from '../../../platform/db/setting.repository.js';
import type { Actor, ServiceContext } from '../../../platform/services/context.js';

/** Identical answer sets of one day, flagged for review (their content is never shown). */
export interface IdenticalSets {
  day: string;
  count: number;
  /** Names the group in the exclusion form (keyed: no one can test a guess of the answers). */
  fingerprint: string;
}

/** Identical answer sets the agency excluded: all but one left the scores and counts. */
export interface ExcludedSets {
  day: string;
  /** Identical web answers of that day now; `excluded` of them are not counted. */
  identical: number;
  excluded: number;
  reason: string;
}

/** What one instrument's cockpit panel shows for review. */
export interface InstrumentReview {
  bursts: Burst[];
  identical: IdenticalSets[];
  excluded: ExcludedSets[];
}

/** Unusual arrivals of a round's surveys, per instrument code. */
export interface SurveyReview {
  canExclude: boolean;
  instruments: Map<string, InstrumentReview>;
}

function roundNotFound(): DomainError {
  return new DomainError('not_found', {
    th: 'ไม่พบรอบการประเมินนี้',
    en: 'Assessment round not found',
  });
}

async function visibleRound(ctx: ServiceContext, actor: Actor, roundId: string): Promise<Round> {
  const round = await findRound(ctx.db.kysely, roundId);
  if (!round || !isAllowed(actor.grants, 'round.view', round.agencyPath)) throw roundNotFound();
  return round;
}

/** The key of the answer-set fingerprints on pages: made once, kept in the app settings. */
async function reviewKey(ctx: ServiceContext): Promise<string> {
  return (
    (await getSetting(ctx.db.kysely, 'survey_review_key')) ??
    putSettingOnce(ctx.db.kysely, 'survey_review_key', ctx.ids.token(32))
  );
}

/** Rounds whose scores are fixed (confirmed, published, withdrawn): nothing can be excluded. */
const SCORES_FIXED: readonly Round['state'][] = ['confirmed', 'published', 'withdrawn'];

/**
 * The round's unusual arrivals, for its cockpit (anyone who may see the round): per instrument,
 * the bursts (at least BURST_MIN_ANSWERS answers in a five-minute window, back-to-back windows
 * merged) and the identical answer sets of a day (at least IDENTICAL_MIN_SETS, days before
 * today only, like the live scores), with the exclusions made so far. Ended windows below a
 * burst are deleted on the way.
 */
export async function getSurveyReview(
  ctx: ServiceContext,
  actor: Actor,
  roundId: string,
): Promise<SurveyReview> {
  const round = await visibleRound(ctx, actor, roundId);
  const db = ctx.db.kysely;
  const now = ctx.clock.now();
  await sweepArrivals(db, sweepBefore(now));
  const today = bangkokDay(now);
  const links = await listSurveyLinksOfRound(db, roundId);
  const windows = await listBurstWindows(
    db,
    links.map((l) => l.id),
  );
  const exclusions = await listExclusions(db, roundId);
  const key = await reviewKey(ctx);
  const instruments = new Map<string, InstrumentReview>();
  for (const link of links) {
    const mine = exclusions.filter((e) => e.instrument === link.instrument);
    const groups = await listIdenticalGroups(db, roundId, link.instrument, {
      min: IDENTICAL_MIN_SETS,
      beforeDay: today,
    });
    const excluded: ExcludedSets[] = [];
    for (const e of mine) {
      const identical = await countWebAnswerSet(db, roundId, e.instrument, e.day, e.answersJson);
      excluded.push({
        day: e.day,
        identical,
        excluded: Math.max(0, identical - 1),
        reason: e.reason,
      });
    }
    const done = new Set(mine.map((e) => `${e.day}\n${e.answersJson}`));
    instruments.set(link.instrument, {
      bursts: findBursts(windows.filter((w) => w.linkId === link.id)),
      identical: groups
        .filter((g) => !done.has(`${g.day}\n${g.answersJson}`))
        .map((g) => ({
          day: g.day,
          count: g.count,
          fingerprint: answerSetFingerprint(key, g.day, g.answersJson),
        })),
      excluded,
    });
  }
  const canExclude =
    isAllowed(actor.grants, 'survey.manage', round.agencyPath) &&
    !SCORES_FIXED.includes(round.state);
  return { canExclude, instruments };
}

/** The reason an agency gives for excluding identical answer sets. */
export const ExclusionReasonSchema = z
  .string()
  .trim()
  .min(1, 'กรุณาระบุเหตุผล / give a reason')
  .max(500, 'เหตุผลยาวได้ไม่เกิน 500 ตัวอักษร / at most 500 characters');

/** Which identical answer sets to exclude, and why. */
export interface ExclusionRequest {
  roundId: string;
  instrument: string;
  day: string;
  fingerprint: string;
  reason: string;
}

/**
 * Excludes a flagged group of identical answer sets of one day from the round's scores and
 * counts, keeping one of them (they are the same answers: one person may well have given them),
 * with a reason; audited as `survey_response.exclude`. Only who may manage the round's survey
 * links, and only before the round's scores are confirmed. What is stored names the answer set
 * and the day, never a response or a time.
 */
export async function excludeIdenticalAnswers(
  ctx: ServiceContext,
  actor: Actor,
  request: ExclusionRequest,
): Promise<{ excluded: number }> {
  const parsed = ExclusionReasonSchema.safeParse(request.reason);
  if (!parsed.success)
    throw new DomainError(
      'invalid_reason',
      { th: 'กรุณาระบุเหตุผล (ไม่เกิน 500 ตัวอักษร)', en: 'Give a reason (at most 500 characters)' },
      { field: 'reason' },
    );
  const reason = parsed.data;
  const key = await reviewKey(ctx);
  return inTransaction(ctx, async (trx) => {
    const round = await findRound(trx, request.roundId);
    if (!round || !isAllowed(actor.grants, 'round.view', round.agencyPath)) throw roundNotFound();
    if (!isAllowed(actor.grants, 'survey.manage', round.agencyPath))
      throw new DomainError('forbidden', {
        th: 'คุณไม่มีสิทธิ์ตัดคำตอบของแบบวัดของหน่วยงานนี้',
        en: 'You may not exclude survey answers of this agency',
      });
    if (SCORES_FIXED.includes(round.state))
      throw new DomainError('survey_closed', {
        th: 'ยืนยันผลของรอบนี้แล้ว จึงตัดคำตอบออกไม่ได้',
        en: 'The results of this round are confirmed: answers can no longer be excluded',
      });
    const today = bangkokDay(ctx.clock.now());
    const groups =
      request.day < today
        ? await listIdenticalGroups(trx, round.id, request.instrument, {
            min: IDENTICAL_MIN_SETS,
            day: request.day,
          })
        : [];
    const group = groups.find(
      (g) => answerSetFingerprint(key, g.day, g.answersJson) === request.fingerprint,
    );
    if (!group)
      throw new DomainError('not_found', {
        th: 'ไม่พบกลุ่มคำตอบที่เหมือนกันนี้',
        en: 'This group of identical answers was not found',
      });
    const answersHash = answerSetHash(group.answersJson);
    const already = await listExclusions(trx, round.id, request.instrument);
    if (already.some((e) => e.day === group.day && e.answersHash === answersHash))
      throw new DomainError('already_excluded', {
        th: 'ตัดคำตอบกลุ่มนี้ออกไปแล้ว',
        en: 'This group was excluded already',
      });
    const id = ctx.ids.uuid();
    await insertExclusion(trx, {
      id,
      roundId: round.id,
      instrument: request.instrument,
      day: group.day,
      answersHash,
      answersJson: group.answersJson,
      reason,
    });
    const excluded = group.count - 1;
    await recordAudit(trx, ctx, actor, {
      action: 'survey_response.exclude',
      entityType: 'survey_exclusion',
      entityId: id,
      agencyId: round.agencyId,
      details: {
        roundId: round.id,
        instrument: request.instrument,
        day: group.day,
        identical: group.count,
        excluded,
        reason,
      },
    });
    return { excluded };
  });
}
