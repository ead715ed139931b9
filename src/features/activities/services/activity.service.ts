import { assertPlausibleDays, bangkokDay, dayField } from '../../../core/thai-calendar.js';
import { z } from 'zod';
import { summariseSatisfaction, type SatisfactionSummary } from '../core/satisfaction.js';
import { DomainError } from '../../../core/errors.js';
import { findAgencyByCode, type Agency } from '../../agencies/feature.js';
import {
  deleteActivity,
  findActivity,
  insertActivity,
  listActivities,
  updateActivity,
  type Activity,
} from '../db/activity.repository.js';
import { agencyByCode, forbidden, loadVisibleAgency, mayActOn } from '../../agencies/feature.js';
import { inTransaction, recordAudit } from '../../audit/feature.js';
import { nowIso, type Actor, type ServiceContext } from '../../../platform/services/context.js';

export type { Activity } from '../db/activity.repository.js';

const text = (max: number) => z.string().trim().max(max, { message: 'ข้อความยาวเกินไป / too long' });
const optionalCount = z.preprocess(
  (v) => (v === '' || v === undefined ? null : v),
  z.coerce
    .number({ message: 'ต้องเป็นจำนวนเต็ม 0 ขึ้นไป / a whole number, 0 or more' })
    .int({ message: 'ต้องเป็นจำนวนเต็ม 0 ขึ้นไป / a whole number, 0 or more' })
    .min(0, { message: 'ต้องเป็นจำนวนเต็ม 0 ขึ้นไป / a whole number, 0 or more' })
    .max(1_000_000)
    .nullable(),
);
const count = z.coerce
  .number({ message: 'จำนวนคำตอบต้องเป็นจำนวนเต็ม 0 ขึ้นไป / answer counts are whole numbers' })
  .int({ message: 'จำนวนคำตอบต้องเป็นจำนวนเต็ม 0 ขึ้นไป / answer counts are whole numbers' })
  .min(0, { message: 'จำนวนคำตอบต้องเป็นจำนวนเต็ม 0 ขึ้นไป / answer counts are whole numbers' })
  .max(1_000_000);

/** What a person enters for an activity. */
export const ActivityInputSchema = z
  .object({
    title: z
      .string()
      .trim()
      .min(1, { message: 'กรุณาระบุชื่อกิจกรรม / enter a title' })
      .max(300, { message: 'ชื่อกิจกรรมยาวเกินไป / the title is too long' }),
    heldOn: z
      .string({ message: 'กรุณาระบุวันที่จัดกิจกรรม / enter the date held' })
      .trim()
      .min(1, { message: 'กรุณาระบุวันที่จัดกิจกรรม / enter the date held' })
      .pipe(dayField()),
    place: text(500).default(''),
    objectives: text(5000).default(''),
    method: text(2000).default(''),
    keyKnowledge: text(10000).default(''),
    bestPractices: text(10000).default(''),
    attended: optionalCount.default(null),
    invited: optionalCount.default(null),
    satisfaction: z
      .array(z.object({ text: text(300), counts: z.array(count).length(5) }))
      .max(20)
      .default([]),
  })
  .refine((a) => a.attended === null || a.invited === null || a.attended <= a.invited, {
    message: 'ผู้เข้าร่วมต้องไม่มากกว่าผู้ได้รับเชิญ / attended cannot exceed invited',
    path: ['attended'],
  })
  .refine((a) => a.satisfaction.every((q) => q.text !== ''), {
    message: 'กรุณาระบุข้อคำถามของแบบประเมินความพึงพอใจ / name each satisfaction question',
    path: ['satisfaction'],
  });
export type ActivityInput = z.input<typeof ActivityInputSchema>;

function activityNotFound(): DomainError {
  return new DomainError('not_found', { th: 'ไม่พบกิจกรรม', en: 'Activity not found' });
}

/** An activity with its satisfaction result. */
export interface ActivityView extends Activity {
  summary: SatisfactionSummary;
}

function viewOf(activity: Activity): ActivityView {
  return { ...activity, summary: summariseSatisfaction(activity.satisfaction) };
}

/** An agency's activities for anyone who may see the agency. */
export async function listAgencyActivities(
  ctx: ServiceContext,
  actor: Actor,
  agencyId: string,
): Promise<{ agency: Agency; mayEdit: boolean; activities: ActivityView[] }> {
  const agency = await loadVisibleAgency(ctx.db.kysely, actor, agencyId);
  return {
    agency,
    mayEdit: mayActOn(actor, 'activity.manage', agency),
    activities: (await listActivities(ctx.db.kysely, agencyId)).map(viewOf),
  };
}

/** One activity of an agency the actor may see. */
export async function getActivity(
  ctx: ServiceContext,
  actor: Actor,
  agencyId: string,
  activityId: string,
): Promise<{ agency: Agency; mayEdit: boolean; activity: ActivityView }> {
  const agency = await loadVisibleAgency(ctx.db.kysely, actor, agencyId);
  const activity = await findActivity(ctx.db.kysely, activityId);
  if (!activity || activity.agencyId !== agency.id) throw activityNotFound();
  return {
    agency,
    mayEdit: mayActOn(actor, 'activity.manage', agency),
    activity: viewOf(activity),
  };
}

async function editableAgency(
  trx: Parameters<typeof loadVisibleAgency>[0],
  actor: Actor,
  agencyId: string,
): Promise<Agency> {
  const agency = await loadVisibleAgency(trx, actor, agencyId);
  if (!mayActOn(actor, 'activity.manage', agency))
    throw forbidden('You may see the activities but not change them', 'คุณดูกิจกรรมได้ แต่แก้ไขไม่ได้');
  return agency;
}

/** Records a new activity (agency administrators); audited. */
export async function createActivity(
  ctx: ServiceContext,
  actor: Actor,
  agencyId: string,
  input: ActivityInput,
): Promise<ActivityView> {
  const data = ActivityInputSchema.parse(input);
  assertPlausibleDays(bangkokDay(ctx.clock.now()), { heldOn: data.heldOn });
  return inTransaction(ctx, async (trx) => {
    const agency = await editableAgency(trx, actor, agencyId);
    const now = nowIso(ctx);
    const activity: Activity = {
      id: ctx.ids.uuid(),
      agencyId: agency.id,
      ...data,
      published: false,
      publishedAt: null,
      createdBy: actor.user.id,
      createdAt: now,
      updatedAt: now,
    };
    await insertActivity(trx, activity);
    await recordAudit(trx, ctx, actor, {
      action: 'activity.create',
      entityType: 'activity',
      entityId: activity.id,
      agencyId: agency.id,
      details: { title: activity.title, heldOn: activity.heldOn },
    });
    return viewOf(activity);
  });
}

async function change(
  ctx: ServiceContext,
  actor: Actor,
  ref: { agencyId: string; activityId: string },
  action: string,
  apply: (before: Activity, now: string) => Activity,
): Promise<ActivityView> {
  return inTransaction(ctx, async (trx) => {
    const agency = await editableAgency(trx, actor, ref.agencyId);
    const before = await findActivity(trx, ref.activityId);
    if (!before || before.agencyId !== agency.id) throw activityNotFound();
    const after = apply(before, nowIso(ctx));
    await updateActivity(trx, after);
    await recordAudit(trx, ctx, actor, {
      action,
      entityType: 'activity',
      entityId: after.id,
      agencyId: agency.id,
      details: { title: after.title, published: after.published },
    });
    return viewOf(after);
  });
}

/** Changes an activity's report (agency administrators); audited. */
export async function editActivity(
  ctx: ServiceContext,
  actor: Actor,
  ref: { agencyId: string; activityId: string },
  input: ActivityInput,
): Promise<ActivityView> {
  const data = ActivityInputSchema.parse(input);
  assertPlausibleDays(bangkokDay(ctx.clock.now()), { heldOn: data.heldOn });
  return change(ctx, actor, ref, 'activity.update', (before, now) => ({
    ...before,
    ...data,
    updatedAt: now,
  }));
}

/** Publishes an activity's report on the public site, or takes it down; audited. */
export async function setActivityPublished(
  ctx: ServiceContext,
  actor: Actor,
  ref: { agencyId: string; activityId: string },
  published: boolean,
): Promise<ActivityView> {
  return change(
    ctx,
    actor,
    ref,
    published ? 'activity.publish' : 'activity.unpublish',
    (b, now) => ({
      ...b,
      published,
      publishedAt: published ? now : b.publishedAt,
      updatedAt: now,
    }),
  );
}

/** A published activity of the agency with this code, for the public page; else not found. */
export async function loadPublicActivity(
  ctx: ServiceContext,
  agencyCode: string,
  activityId: string,
): Promise<{ agency: Agency; activity: ActivityView }> {
  const agency = await findAgencyByCode(ctx.db.kysely, agencyCode);
  const activity = await findActivity(ctx.db.kysely, activityId);
  if (!agency || !activity || activity.agencyId !== agency.id || !activity.published)
    throw activityNotFound();
  return { agency, activity: viewOf(activity) };
}

/** The published activities of an agency (no access check: they are public). */
export async function listPublishedActivities(
  ctx: ServiceContext,
  agencyId: string,
): Promise<Activity[]> {
  return listActivities(ctx.db.kysely, agencyId, true);
}

/** An agency's published activities for its public list; not found for an unknown code. */
export async function loadPublicActivities(
  ctx: ServiceContext,
  agencyCode: string,
): Promise<{ agency: Agency; activities: ActivityView[] }> {
  const agency = await agencyByCode(ctx.db.kysely, agencyCode);
  return { agency, activities: (await listActivities(ctx.db.kysely, agency.id, true)).map(viewOf) };
}

/** Removes an activity recorded by mistake (agency administrators); audited with its title. */
export async function removeActivity(
  ctx: ServiceContext,
  actor: Actor,
  ref: { agencyId: string; activityId: string },
): Promise<void> {
  await inTransaction(ctx, async (trx) => {
    const agency = await editableAgency(trx, actor, ref.agencyId);
    const found = await findActivity(trx, ref.activityId);
    if (!found || found.agencyId !== agency.id) throw activityNotFound();
    await deleteActivity(trx, found.id);
    await recordAudit(trx, ctx, actor, {
      action: 'activity.delete',
      entityType: 'activity',
      entityId: found.id,
      agencyId: agency.id,
      details: { title: found.title, heldOn: found.heldOn, wasPublished: found.published },
    });
  });
}
