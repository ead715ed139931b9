import { isAllowed } from '../../core/access/roles.js';
import { listActorRounds } from '../rounds/feature.js';
import { listOverdueMeasures } from './services/measure.service.js';
import type { ReminderProvider } from '../kit.js';

/**
 * Improvement measures past their due date in the person's rounds (a published round's measures
 * are the year's work): the ones they own, and every one in rounds whose measures they may edit.
 */
export const measuresReminders: ReminderProvider = async (ctx, actor) => {
  const rounds = await listActorRounds(ctx, actor, false);
  const lists = await Promise.all(
    rounds.map(async (round) => {
      const edits = isAllowed(actor.grants, 'measure.manage', round.agencyPath);
      const overdue = await listOverdueMeasures(ctx, actor, round.id);
      return overdue
        .filter((measure) => edits || measure.ownerUserId === actor.user.id)
        .map((measure) => ({
          kind: 'measure',
          title: { th: measure.title, en: measure.title },
          href: `/rounds/${round.id}/measures/${measure.id}`,
          dueOn: measure.dueOn,
          overdue: true,
          agencyCode: round.agencyCode,
        }));
    }),
  );
  return lists.flat();
};
