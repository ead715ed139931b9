import { renderIcs, type IcsEvent } from '../core/ics.js';
import {
  findFeedTokenByUser,
  findFeedTokenUser,
  listOwnedTasks,
  replaceFeedToken,
} from '../db/calendar.repository.js';
import { findRound, type Round } from '../../rounds/feature.js';
import { inTransaction, recordAudit } from '../../audit/feature.js';
import { hashToken, loadActor } from '../../users/feature.js';
import { listActorRounds } from '../../rounds/feature.js';
import { milestonesOf, taskViews, type MilestoneView, type TaskView } from './calendar-support.js';
import { isAllowed } from '../../../core/access/roles.js';
import { nowIso, type Actor, type ServiceContext } from '../../../platform/services/context.js';
import { bangkokDay } from '../../../core/thai-calendar.js';

/** A task of the person's, with the round it belongs to. */
export interface MyTask extends TaskView {
  round: Round;
}

/** One person's calendar: their tasks in every agency and the milestones of their rounds. */
export interface MyCalendar {
  today: string;
  tasks: MyTask[];
  milestones: MilestoneView[];
  rounds: Round[];
}

/** The tasks a person owns (in rounds they may still see) and their running rounds' milestones. */
export async function getMyCalendar(ctx: ServiceContext, actor: Actor): Promise<MyCalendar> {
  const today = bangkokDay(ctx.clock.now());
  const rounds = await listActorRounds(ctx, actor, true);
  const byId = new Map(rounds.map((r) => [r.id, r]));
  const tasks: MyTask[] = [];
  for (const task of taskViews(await listOwnedTasks(ctx.db.kysely, actor.user.id), today)) {
    let round = byId.get(task.roundId) ?? null;
    if (!round) {
      round = await findRound(ctx.db.kysely, task.roundId);
      if (!round || !isAllowed(actor.grants, 'round.view', round.agencyPath)) continue;
      byId.set(round.id, round);
    }
    tasks.push({ ...task, round });
  }
  const milestones = new Map<string, MilestoneView>();
  for (const round of rounds) {
    for (const ms of await milestonesOf(ctx, round, today))
      milestones.set(`${ms.editionCode}:${ms.code}`, ms);
  }
  return {
    today,
    tasks,
    milestones: [...milestones.values()].sort((a, b) => a.start.localeCompare(b.start)),
    rounds,
  };
}

/** When the person's feed address was made, or null when they have none. */
export async function getFeedInfo(
  ctx: ServiceContext,
  actor: Actor,
): Promise<{ createdAt: string } | null> {
  return findFeedTokenByUser(ctx.db.kysely, actor.user.id);
}

/**
 * Makes a new secret feed address for the person; the old one stops working. Only the hash is
 * kept, so the returned token is shown once. Audited.
 */
export async function regenerateFeedToken(ctx: ServiceContext, actor: Actor): Promise<string> {
  const token = ctx.ids.token(24);
  await inTransaction(ctx, async (trx) => {
    const had = await findFeedTokenByUser(trx, actor.user.id);
    await replaceFeedToken(trx, actor.user.id, hashToken(token), nowIso(ctx));
    await recordAudit(trx, ctx, actor, {
      action: had ? 'calendar.feed_regenerate' : 'calendar.feed_create',
      entityType: 'app_user',
      entityId: actor.user.id,
      agencyId: null,
    });
  });
  return token;
}

function taskEvent(task: MyTask, baseUrl: string | null): IcsEvent {
  const path = `/rounds/${task.roundId}/calendar`;
  const done = task.status === 'done' ? '✓ ' : '';
  const english = task.titleEn ? `${task.titleEn}\n` : '';
  return {
    uid: `task-${task.id}@prongsai`,
    start: task.dueOn,
    end: task.dueOn,
    summary: `${done}${task.title} (${task.round.agencyCode})`,
    description: `${english}${task.round.agencyCode} ${task.round.agencyNameTh}\n${baseUrl ?? ''}${path}`,
    categories: 'ITA',
    ...(baseUrl ? { url: `${baseUrl}${path}` } : {}),
  };
}

function milestoneEvent(ms: MilestoneView): IcsEvent {
  const note = ms.provisional ? '\nกำหนดการชั่วคราว / provisional dates' : '';
  return {
    uid: `milestone-${ms.editionCode}-${ms.code}@prongsai`,
    start: ms.start,
    end: ms.end,
    summary: `ITA ${ms.editionYear}: ${ms.name.th}`,
    description: `${ms.name.en}${note}`,
    categories: 'ITA',
  };
}

/**
 * The iCalendar feed behind a secret token: the person's tasks and their rounds' milestones;
 * null when the token is unknown (regenerated or never made) or the account is disabled.
 */
export async function renderFeed(
  ctx: ServiceContext,
  token: string,
  baseUrl: string | null,
): Promise<string | null> {
  const userId = await findFeedTokenUser(ctx.db.kysely, hashToken(token));
  const actor = userId ? await loadActor(ctx.db.kysely, userId) : null;
  if (!actor) return null;
  const calendar = await getMyCalendar(ctx, actor);
  return renderIcs({
    name: `Prongsai ITA · ${actor.user.displayName}`,
    stamp: ctx.clock.now(),
    events: [
      ...calendar.milestones.map(milestoneEvent),
      ...calendar.tasks.map((t) => taskEvent(t, baseUrl)),
    ],
  });
}
