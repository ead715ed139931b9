import { remindedAgencyIds } from '../../core/access/roles.js';
import { findAgencyById } from '../agencies/feature.js';
import { listAcknowledgements, listLatestPublished } from './db/integrity.repository.js';
import { listGifts } from './db/gift-report.repository.js';
import type { Reminder, ReminderProvider } from '../kit.js';

/**
 * A member who has not acknowledged their agency's latest published No Gift declaration; for
 * the head, each flagged gift still waiting for a decision.
 */
export const integrityReminders: ReminderProvider = async (ctx, actor) => {
  const db = ctx.db.kysely;
  const memberOf = new Map<string, string | null>();
  for (const id of remindedAgencyIds(actor.grants, 'integrity.declaration.acknowledge'))
    memberOf.set(id, (await findAgencyById(db, id))?.code ?? null);
  const reminders: Reminder[] = [];
  for (const declaration of await listLatestPublished(db, [...memberOf.keys()])) {
    const acks = await listAcknowledgements(db, declaration.id);
    if (acks.some((a) => a.userId === actor.user.id)) continue;
    reminders.push({
      kind: 'no_gift_ack',
      title: {
        th: `รับทราบประกาศเจตนารมณ์ No Gift Policy ปีงบประมาณ พ.ศ. ${declaration.fiscalYear}`,
        en: `Acknowledge the No Gift Policy declaration for fiscal year ${declaration.fiscalYear}`,
      },
      href: `/agencies/${declaration.agencyId}/no-gift?year=${declaration.fiscalYear}`,
      dueOn: null,
      overdue: false,
      agencyCode: memberOf.get(declaration.agencyId) ?? null,
    });
  }
  for (const agencyId of remindedAgencyIds(actor.grants, 'gift.decide')) {
    for (const gift of await listGifts(db, agencyId, { awaitingDecision: true })) {
      reminders.push({
        kind: 'gift',
        title: {
          th: `วินิจฉัยการรับทรัพย์สินมูลค่า ${gift.valueBaht.toLocaleString('en-US')} บาท (${gift.description})`,
          en: `Decide on a gift worth ${gift.valueBaht.toLocaleString('en-US')} baht (${gift.description})`,
        },
        href: `/agencies/${gift.agencyId}/gifts#gift-${gift.id}`,
        dueOn: null,
        overdue: false,
        agencyCode: memberOf.get(gift.agencyId) ?? null,
      });
    }
  }
  return reminders;
};
