import { isRemindedOf } from '../../core/access/roles.js';
import { findAgencyById } from '../agencies/feature.js';
import { listManuals, listSteps } from './db/manual.repository.js';
import { currentRoundOf } from './services/manual-support.js';
import { viewsOf } from './services/manual.service.js';
import type { Reminder, ReminderProvider } from '../kit.js';

/**
 * For the head of an agency, each complete draft manual waiting to be published; for an agency
 * administrator, each published manual that covers a fiscal year older than the current round.
 */
export const manualsReminders: ReminderProvider = async (ctx, actor) => {
  const db = ctx.db.kysely;
  const reminders: Reminder[] = [];
  const seen = new Set<string>();
  for (const grant of actor.grants) {
    const publishes = isRemindedOf('manual.publish', grant.role);
    const updates = isRemindedOf('manual.edit', grant.role);
    if (!grant.agencyId || (!publishes && !updates)) continue;
    const agency = await findAgencyById(db, grant.agencyId);
    if (!agency) continue;
    const manuals = await listManuals(db, agency.id);
    const views = viewsOf(
      manuals,
      await listSteps(
        db,
        manuals.map((m) => m.id),
      ),
    );
    const href = (id: string) => `/agencies/${agency.id}/manuals/${id}`;
    const add = (reminder: Reminder) => {
      if (seen.has(reminder.href + reminder.kind)) return;
      seen.add(reminder.href + reminder.kind);
      reminders.push(reminder);
    };
    if (publishes)
      for (const v of views.filter((x) => x.status === 'draft' && x.problems.length === 0))
        add({
          kind: 'manual_publish',
          title: { th: `พิจารณาเผยแพร่คู่มือ "${v.title}"`, en: `Review and publish "${v.title}"` },
          href: href(v.id),
          dueOn: null,
          overdue: false,
          agencyCode: agency.code,
        });
    if (!updates) continue;
    const year = (await currentRoundOf(db, agency))?.editionYear;
    if (year === undefined) continue;
    for (const v of views.filter((x) => x.status === 'published' && x.fiscalYear < year))
      add({
        kind: 'manual_stale',
        title: {
          th: `ปรับปรุงคู่มือ "${v.title}" ให้เป็นปีงบประมาณ พ.ศ. ${year}`,
          en: `Bring "${v.title}" up to fiscal year ${year}`,
        },
        href: href(v.id),
        dueOn: null,
        overdue: false,
        agencyCode: agency.code,
      });
  }
  return reminders;
};
