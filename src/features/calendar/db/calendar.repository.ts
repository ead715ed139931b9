import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/db/schema.js';

/** A task of a round's calendar, with its owner's name. */
export interface CalendarTask {
  id: string;
  roundId: string;
  planKey: string | null;
  milestoneCode: string | null;
  title: string;
  titleEn: string | null;
  dueOn: string;
  ownerUserId: string | null;
  ownerName: string | null;
  status: 'todo' | 'done';
  doneAt: string | null;
  doneBy: string | null;
  createdAt: string;
  updatedAt: string;
}

export type CalendarTaskRow = Omit<CalendarTask, 'ownerName'>;

function taskQuery(db: Kysely<Database>) {
  return db
    .selectFrom('calendar_task as t')
    .leftJoin('app_user as u', 'u.id', 't.owner_user_id')
    .selectAll('t')
    .select('u.display_name as owner_name');
}

type TaskSelect = Awaited<ReturnType<ReturnType<typeof taskQuery>['executeTakeFirstOrThrow']>>;

function toTask(r: TaskSelect): CalendarTask {
  return {
    id: r.id,
    roundId: r.round_id,
    planKey: r.plan_key,
    milestoneCode: r.milestone_code,
    title: r.title,
    titleEn: r.title_en,
    dueOn: r.due_on,
    ownerUserId: r.owner_user_id,
    ownerName: r.owner_name,
    status: r.status === 'done' ? 'done' : 'todo',
    doneAt: r.done_at,
    doneBy: r.done_by,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export async function insertTask(db: Kysely<Database>, t: CalendarTaskRow): Promise<void> {
  await db
    .insertInto('calendar_task')
    .values({
      id: t.id,
      round_id: t.roundId,
      plan_key: t.planKey,
      milestone_code: t.milestoneCode,
      title: t.title,
      title_en: t.titleEn,
      due_on: t.dueOn,
      owner_user_id: t.ownerUserId,
      status: t.status,
      done_at: t.doneAt,
      done_by: t.doneBy,
      created_at: t.createdAt,
      updated_at: t.updatedAt,
    })
    .execute();
}

export async function updateTask(db: Kysely<Database>, t: CalendarTaskRow): Promise<void> {
  await db
    .updateTable('calendar_task')
    .set({
      milestone_code: t.milestoneCode,
      title: t.title,
      title_en: t.titleEn,
      due_on: t.dueOn,
      owner_user_id: t.ownerUserId,
      status: t.status,
      done_at: t.doneAt,
      done_by: t.doneBy,
      updated_at: t.updatedAt,
    })
    .where('id', '=', t.id)
    .execute();
}

export async function findTask(db: Kysely<Database>, id: string): Promise<CalendarTask | null> {
  const row = await taskQuery(db).where('t.id', '=', id).executeTakeFirst();
  return row ? toTask(row) : null;
}

/** The tasks of a round by due date. */
export async function listRoundTasks(
  db: Kysely<Database>,
  roundId: string,
): Promise<CalendarTask[]> {
  const rows = await taskQuery(db)
    .where('t.round_id', '=', roundId)
    .orderBy('t.due_on')
    .orderBy('t.created_at')
    .orderBy('t.id')
    .execute();
  return rows.map(toTask);
}

/** Plan keys a round already has tasks for. */
export async function listPlanKeys(db: Kysely<Database>, roundId: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('calendar_task')
    .select('plan_key')
    .where('round_id', '=', roundId)
    .where('plan_key', 'is not', null)
    .execute();
  return new Set(rows.map((r) => r.plan_key as string));
}

/**
 * Open tasks of the given rounds that a person owns, or (for rounds in `managed`) that have no
 * owner: what their reminders list.
 */
export async function listOpenTasksFor(
  db: Kysely<Database>,
  userId: string,
  managedRoundIds: readonly string[],
): Promise<CalendarTask[]> {
  const rows = await taskQuery(db)
    .where('t.status', '=', 'todo')
    .where((eb) =>
      eb.or([
        eb('t.owner_user_id', '=', userId),
        ...(managedRoundIds.length > 0
          ? [
              eb.and([
                eb('t.owner_user_id', 'is', null),
                eb('t.round_id', 'in', [...managedRoundIds]),
              ]),
            ]
          : []),
      ]),
    )
    .orderBy('t.due_on')
    .orderBy('t.id')
    .execute();
  return rows.map(toTask);
}

/** Every task a person owns (open or done), by due date. */
export async function listOwnedTasks(
  db: Kysely<Database>,
  userId: string,
): Promise<CalendarTask[]> {
  const rows = await taskQuery(db)
    .where('t.owner_user_id', '=', userId)
    .orderBy('t.due_on')
    .orderBy('t.id')
    .execute();
  return rows.map(toTask);
}

/** Replaces a person's feed token hash (the old address stops working). */
export async function replaceFeedToken(
  db: Kysely<Database>,
  userId: string,
  tokenHash: string,
  now: string,
): Promise<void> {
  await db.deleteFrom('calendar_feed_token').where('user_id', '=', userId).execute();
  await db
    .insertInto('calendar_feed_token')
    .values({ user_id: userId, token_hash: tokenHash, created_at: now })
    .execute();
}

export async function findFeedTokenByUser(
  db: Kysely<Database>,
  userId: string,
): Promise<{ createdAt: string } | null> {
  const row = await db
    .selectFrom('calendar_feed_token')
    .select('created_at')
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row ? { createdAt: row.created_at } : null;
}

/** The person a feed token hash belongs to, or null. */
export async function findFeedTokenUser(
  db: Kysely<Database>,
  tokenHash: string,
): Promise<string | null> {
  const row = await db
    .selectFrom('calendar_feed_token')
    .select('user_id')
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
  return row?.user_id ?? null;
}

/** Reminder keys already e-mailed to a person on a day. */
export async function listSentReminderKeys(
  db: Kysely<Database>,
  userId: string,
  day: string,
): Promise<Set<string>> {
  const rows = await db
    .selectFrom('reminder_email')
    .select('reminder_key')
    .where('user_id', '=', userId)
    .where('day', '=', day)
    .execute();
  return new Set(rows.map((r) => r.reminder_key));
}

/** Records reminders e-mailed to a person on a day (a key already there is left as it is). */
export async function recordSentReminders(
  db: Kysely<Database>,
  userId: string,
  day: string,
  keys: readonly string[],
  now: string,
): Promise<void> {
  if (keys.length === 0) return;
  await db
    .insertInto('reminder_email')
    .values(keys.map((key) => ({ user_id: userId, reminder_key: key, day, sent_at: now })))
    .onConflict((oc) => oc.columns(['user_id', 'reminder_key', 'day']).doNothing())
    .execute();
}

/** Ids of active accounts holding at least one role: the people reminders may go to. */
export async function listReminderRecipients(
  db: Kysely<Database>,
): Promise<{ id: string; email: string; displayName: string }[]> {
  const rows = await db
    .selectFrom('app_user as u')
    .select(['u.id', 'u.email', 'u.display_name'])
    .where('u.disabled', '=', 0)
    .where((eb) =>
      eb.exists(
        eb.selectFrom('membership as ms').select('ms.id').whereRef('ms.user_id', '=', 'u.id'),
      ),
    )
    .orderBy('u.email')
    .execute();
  return rows.map((r) => ({ id: r.id, email: r.email, displayName: r.display_name }));
}

/** Roles held at exactly this agency by active accounts, for giving planned tasks an owner. */
export async function listAgencyRoleHolders(
  db: Kysely<Database>,
  agencyId: string,
): Promise<{ userId: string; role: string }[]> {
  const rows = await db
    .selectFrom('membership as ms')
    .innerJoin('app_user as u', 'u.id', 'ms.user_id')
    .select(['ms.user_id', 'ms.role'])
    .where('ms.agency_id', '=', agencyId)
    .where('u.disabled', '=', 0)
    .orderBy('ms.created_at')
    .orderBy('u.email')
    .execute();
  return rows.map((r) => ({ userId: r.user_id, role: r.role }));
}
