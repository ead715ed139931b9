import { beforeAll, expect, it } from 'vitest';
import { createTransport } from 'nodemailer';
import { parseIcsEvents } from '../core/ics.js';
import { listAuditEntries } from '../../audit/feature.js';
import { listRoundTasks } from '../db/calendar.repository.js';
import { describeEachDialect } from '../../../platform/db/test-databases.js';
import { createFixedClock, randomIds } from '../../../platform/infra/clock.js';
import { createMailer } from '../../../platform/infra/mailer.js';
import {
  getFeedInfo,
  getMyCalendar,
  regenerateFeedToken,
  renderFeed,
} from './calendar-feed.service.js';
import {
  createTask,
  editTask,
  getRoundCalendar,
  planRoundCalendar,
  setTaskDone,
} from './calendar.service.js';
import type { Actor, ServiceContext } from '../../../platform/services/context.js';
import { openU1Round, worldAt } from '../../../app/test-world.js';
import { createMeasure } from '../../measures/feature.js';
import { sendReminderEmails } from './reminder-mail.service.js';
import { calendarReminders } from '../reminders.js';
import { measuresReminders } from '../../measures/feature.js';
import type { Reminder } from '../../kit.js';
import { step } from '../../../app/test-steps.js';

/** This feature's reminders only, ordered as listReminders orders them (other features' data may vary). */
async function listReminders(ctx: ServiceContext, actor: Actor): Promise<Reminder[]> {
  const all = [...(await calendarReminders(ctx, actor)), ...(await measuresReminders(ctx, actor))];
  return all.sort(
    (a, b) =>
      Number(b.overdue) - Number(a.overdue) || (a.dueOn ?? '9999').localeCompare(b.dueOn ?? '9999'),
  );
}

const NOW = '2026-03-20T03:00:00.000Z';
const { seedActor, seedAgencies } = worldAt(NOW);
const DAY = 86_400_000;

/** Sends through nodemailer's JSON transport (no network) and keeps what was sent. */
function recordingMailer() {
  const json = createTransport({ jsonTransport: true });
  const sent: { to: string; subject: string; text: string }[] = [];
  const mailer = createMailer(
    {
      sendMail: async (message) => {
        const info = await json.sendMail(message);
        const parsed = JSON.parse(String(info.message)) as {
          to: { address: string }[];
          subject: string;
          text: string;
        };
        sent.push({ to: parsed.to[0]?.address ?? '', subject: parsed.subject, text: parsed.text });
        return info;
      },
    },
    'Prongsai <prongsai@example.org>',
  );
  return { mailer, sent };
}

describeEachDialect('calendar service', (getDb) => {
  let ctx: ServiceContext;
  let clock: ReturnType<typeof createFixedClock>;
  let admin: Actor;
  let head: Actor;
  let owner: Actor;
  let viewer: Actor;
  let outsider: Actor;
  let roundId: string;

  beforeAll(async () => {
    const db = getDb();
    clock = createFixedClock(NOW);
    ctx = { db, clock, ids: randomIds };
    await seedAgencies(db);
    const parent = await seedActor(db, 'min@example.org', 'parent_admin', 'min');
    admin = await seedActor(db, 'u1-admin@example.org', 'agency_admin', 'u1');
    head = await seedActor(db, 'u1-head@example.org', 'head_of_agency', 'u1');
    owner = await seedActor(db, 'u1-owner@example.org', 'item_owner', 'u1');
    viewer = await seedActor(db, 'u1-viewer@example.org', 'viewer', 'u1');
    outsider = await seedActor(db, 'u2-admin@example.org', 'agency_admin', 'u2');
    roundId = await openU1Round(ctx, parent);
  });

  // The story's steps (app/test-steps.ts): the plan, the owner's task, a late measure.
  const planned = step(() => planRoundCalendar(ctx, admin, roundId));
  const lateMeasure = step(() =>
    createMeasure(ctx, admin, roundId, {
      targetType: 'oit_item',
      targetCode: 'O1',
      title: 'ปรับปรุงโครงสร้างหน่วยงานบนเว็บไซต์',
      ownerUserId: owner.user.id,
      dueOn: '2026-03-01',
    }),
  );

  /** The owner's task (due 24 March) added, moved, done and reopened. */
  const ownerTaskThrough = step(async () => {
    const task = await createTask(ctx, head, roundId, {
      title: 'ประชุมคณะทำงาน ITA',
      titleEn: 'ITA working group meeting',
      dueOn: '2026-03-25',
      ownerUserId: owner.user.id,
      milestoneCode: 'oit_entry',
    });
    const moved = await editTask(ctx, head, roundId, task.id, {
      title: task.title,
      titleEn: task.titleEn,
      dueOn: '2026-03-24',
      ownerUserId: owner.user.id,
      milestoneCode: 'oit_entry',
    });
    expect(moved.dueOn).toBe('2026-03-24');
    await expect(setTaskDone(ctx, viewer, roundId, task.id, true)).rejects.toMatchObject({
      code: 'forbidden',
    });
    const done = await setTaskDone(ctx, owner, roundId, task.id, true);
    expect(done).toMatchObject({ status: 'done', doneBy: owner.user.id, doneAt: NOW });
    const reopened = await setTaskDone(ctx, admin, roundId, task.id, false);
    expect(reopened).toMatchObject({ status: 'todo', doneAt: null });
    const actions = (await listAuditEntries(ctx.db.kysely, 0, 1000))
      .filter((e) => e.entityId === task.id)
      .map((e) => e.action);
    expect(actions).toEqual([
      'calendar.task_create',
      'calendar.task_update',
      'calendar.task_done',
      'calendar.task_reopen',
    ]);
  });

  it('plans backwards from the milestones once, giving each task to a member of its role', async () => {
    expect(await planned()).toBe(9);
    expect(await planRoundCalendar(ctx, head, roundId)).toBe(0);
    const calendar = await getRoundCalendar(ctx, viewer, roundId);
    expect(calendar.mayManage).toBe(false);
    expect(calendar.unplanned).toBe(0);
    expect(calendar.milestones.map((ms) => ms.code)).toContain('oit_entry');
    const byKey = new Map(calendar.tasks.map((t) => [t.planKey, t]));
    expect(byKey.get('enter_counts')).toMatchObject({
      dueOn: '2026-02-21',
      ownerUserId: admin.user.id,
      urgency: 'overdue',
    });
    expect(byKey.get('oit_head_approval')).toMatchObject({
      dueOn: '2026-04-25',
      ownerUserId: head.user.id,
      urgency: 'later',
    });
    expect(byKey.get('oit_evidence_ready')?.ownerUserId).toBe(owner.user.id);
    const plans = (await listAuditEntries(ctx.db.kysely, 0, 1000)).filter(
      (e) => e.action === 'calendar.plan',
    );
    expect(plans).toHaveLength(1);
  });

  it('lets members see but not plan, and hides the round from other agencies', async () => {
    await expect(planRoundCalendar(ctx, viewer, roundId)).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(getRoundCalendar(ctx, outsider, roundId)).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(
      createTask(ctx, outsider, roundId, { title: 'x', dueOn: '2026-04-01' }),
    ).rejects.toMatchObject({ code: 'not_found' });
  });

  it('refuses bad input and writes nothing', async () => {
    const before = (await listRoundTasks(ctx.db.kysely, roundId)).length;
    await expect(
      createTask(ctx, admin, roundId, {
        title: 'งาน',
        dueOn: '2026-04-01',
        ownerUserId: outsider.user.id,
      }),
    ).rejects.toMatchObject({ code: 'unknown_owner' });
    await expect(
      createTask(ctx, admin, roundId, { title: 'งาน', dueOn: '2026-02-30' }),
    ).rejects.toThrow(/not a day of the calendar/);
    // 2569 typed into a Christian-era picker, and a year too far from today (20 Mar 2026)
    await expect(
      createTask(ctx, admin, roundId, { title: 'งาน', dueOn: '2569-04-01' }),
    ).rejects.toThrow(/too far from today/);
    await expect(
      createTask(ctx, admin, roundId, { title: 'งาน', dueOn: '2032-04-01' }),
    ).rejects.toThrow(/outside the years accepted, 2021–2031/);
    await expect(createTask(ctx, admin, roundId, { title: 'งาน', dueOn: '' })).rejects.toThrow(
      /enter a date/,
    );
    await expect(
      createTask(ctx, admin, roundId, { title: '', dueOn: '2026-04-01' }),
    ).rejects.toThrow(/enter a task/);
    await expect(
      createTask(ctx, admin, roundId, { title: 'งาน', dueOn: '2026-04-01', milestoneCode: 'x' }),
    ).rejects.toMatchObject({ code: 'unknown_milestone' });
    expect(await listRoundTasks(ctx.db.kysely, roundId)).toHaveLength(before);
  });

  it('lets the head add and edit tasks, and the owner mark their own task done', () =>
    ownerTaskThrough());

  it('reminds each person of their own late and coming work, overdue first', async () => {
    await planned();
    await ownerTaskThrough();
    await lateMeasure();
    const mine = await listReminders(ctx, owner);
    expect(mine.map((r) => [r.kind, r.overdue, r.dueOn])).toEqual([
      ['measure', true, '2026-03-01'],
      ['task', false, '2026-03-24'],
    ]);
    const adminReminders = await listReminders(ctx, admin);
    expect(adminReminders.filter((r) => r.kind === 'task').map((r) => r.dueOn)).toEqual([
      '2025-12-18',
      '2026-02-08',
      '2026-02-21',
    ]);
    expect(adminReminders.some((r) => r.kind === 'measure')).toBe(true);
    expect(adminReminders.every((r) => r.agencyCode === 'U1')).toBe(true);
    expect(await listReminders(ctx, viewer)).toEqual([]);
    expect(await listReminders(ctx, outsider)).toEqual([]);
  });

  it('serves a feed of the person’s tasks and milestones that a new address revokes', async () => {
    await planned();
    await ownerTaskThrough();
    expect(await getFeedInfo(ctx, owner)).toBeNull();
    const first = await regenerateFeedToken(ctx, owner);
    expect(await getFeedInfo(ctx, owner)).toEqual({ createdAt: NOW });
    const ics = await renderFeed(ctx, first, 'https://ita.example.org');
    const events = parseIcsEvents(ics ?? '');
    const uids = events.map((e) => e.get('UID')?.value);
    expect(uids).toContain('milestone-ita-2569-oit_entry@prongsai');
    const mine = (await getMyCalendar(ctx, owner)).tasks;
    expect(mine.length).toBeGreaterThan(0);
    for (const task of mine) expect(uids).toContain(`task-${task.id}@prongsai`);
    expect(events).toHaveLength(mine.length + 7);
    const second = await regenerateFeedToken(ctx, owner);
    expect(second).not.toBe(first);
    expect(await renderFeed(ctx, first, null)).toBeNull();
    expect(await renderFeed(ctx, second, null)).not.toBeNull();
    expect(await renderFeed(ctx, 'made-up', null)).toBeNull();
  });

  it('e-mails reminders once a day', async () => {
    await planned();
    await ownerTaskThrough();
    await lateMeasure();
    const { mailer, sent } = recordingMailer();
    const first = await sendReminderEmails(ctx, mailer, 'https://ita.example.org', listReminders);
    expect(first.failed).toEqual([]);
    const to = sent.map((s) => s.to).sort();
    // the ministry's administrator edits the unit's measures, so the late measure reaches them too
    expect(to).toEqual(['min@example.org', 'u1-admin@example.org', 'u1-owner@example.org']);
    const ownerMail = sent.find((s) => s.to === 'u1-owner@example.org');
    expect(ownerMail?.subject).toContain('1 overdue, 1 due soon');
    expect(ownerMail?.text).toContain('ปรับปรุงโครงสร้างหน่วยงานบนเว็บไซต์');
    expect(ownerMail?.text).toContain('https://ita.example.org/rounds/');
    expect(ownerMail?.text).toContain('24 มี.ค. 2569');

    const again = await sendReminderEmails(ctx, mailer, null, listReminders);
    expect(again.emailed).toBe(0);
    expect(sent).toHaveLength(3);

    clock.advance(DAY);
    const nextDay = await sendReminderEmails(ctx, mailer, null, listReminders);
    expect(nextDay.emailed).toBe(3);
    expect(sent).toHaveLength(6);
    clock.advance(-DAY);
  });
});
