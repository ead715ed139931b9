import { expect, it } from 'vitest';
import { describeEachDialect } from '../platform/db/test-databases.js';
import { createFixedClock, randomIds } from '../platform/infra/clock.js';
import { listAgencies } from '../features/agencies/feature.js';
import { listRounds, findScoreSnapshot, type Round } from '../features/rounds/feature.js';
import type { Db } from '../platform/db/database.js';
import { listUsers } from '../features/users/feature.js';
import { DEMO_ACCOUNTS, DEMO_AGENCIES, seedDemo } from './demo.js';
import { login } from '../features/users/feature.js';
import { verifyAuditLog } from '../features/audit/feature.js';
import { step } from './test-steps.js';
import { listReminders } from './reminders.js';
import { demoActor } from '../features/users/feature.js';

/** The rounds of the database, by assessment year. */
async function roundsByYear(db: Db): Promise<(year: number) => Round[]> {
  const rounds = await listRounds(db.kysely, null);
  return (year: number) => rounds.filter((r) => r.editionYear === year);
}

describeEachDialect('demo seed', (getDb) => {
  // 6 December 2026: fiscal year 2569 ended on 30 September, the year running is 2570
  const clock = createFixedClock('2026-12-06T03:00:00.000Z');
  const ctx = () => ({ db: getDb(), clock, ids: randomIds });
  /** The demo data, seeded once per database (app/test-steps.ts). */
  const seeded = step(() => seedDemo(ctx(), { oitProgress: true }));

  it('creates a ministry with its units, one account per role and two years of rounds', async () => {
    const summary = await seeded();
    expect(summary.seeded).toBe(true);
    expect(summary.years).toEqual({ current: 2570, last: 2569 });
    const agencies = await listAgencies(getDb().kysely, null);
    expect(agencies).toHaveLength(DEMO_AGENCIES.length + 1);
    expect(DEMO_AGENCIES.length).toBeGreaterThanOrEqual(12);
    expect(new Set(agencies.map((a) => a.eligibleStaff)).size).toBeGreaterThan(10);
    expect((await listUsers(getDb().kysely, null)).map((u) => u.email).sort()).toEqual(
      DEMO_ACCOUNTS.map((a) => a.email).sort(),
    );
    const byYear = await roundsByYear(getDb());
    expect(byYear(2570)).toHaveLength(agencies.length);
    expect(
      byYear(2570).every((r) => r.state === 'collecting' && r.editionCode === 'ita-2570'),
    ).toBe(true);
    expect(byYear(2569)).toHaveLength(agencies.length);
    expect(byYear(2569).every((r) => r.state === 'published')).toBe(true);
    expect(byYear(2568)).toEqual([]);
    const snapshot = await findScoreSnapshot(getDb().kysely, byYear(2569)[0]!.id);
    expect(snapshot?.total).toBeGreaterThan(0);
    expect(snapshot?.levelCode).toBeTruthy();
    const links = await getDb()
      .kysely.selectFrom('survey_link')
      .select(['round_id', 'instrument'])
      .execute();
    expect(links).toHaveLength(byYear(2570).length * 2);
    const perRound = await getDb()
      .kysely.selectFrom('survey_response')
      .select(['round_id', (eb) => eb.fn.countAll().as('n')])
      .groupBy('round_id')
      .execute();
    expect(perRound.some((r) => Number(r.n) < 5)).toBe(true);
    expect(perRound.some((r) => Number(r.n) >= 20)).toBe(true);
    const evidence = await getDb().kysely.selectFrom('oit_evidence').select('status').execute();
    expect(evidence).toHaveLength(6);
    expect(evidence.filter((e) => e.status === 'approved')).toHaveLength(3);
    // the ministry's assessor reviews every unit's round, not the ministry's own (issue 12)
    const assigned = await getDb().kysely.selectFrom('oit_assignment').select('round_id').execute();
    expect(assigned).toHaveLength(byYear(2570).length - 1);
    expect((await verifyAuditLog(ctx())).brokenAt).toBeNull();
  });

  it('opens a year just begun: no planned step is late, the first ones lie ahead', async () => {
    await seeded();
    const tasksOf = async (email: string) =>
      (await listReminders(ctx(), await demoActor(ctx(), email))).filter((r) => r.kind === 'task');
    expect((await tasksOf('agency@example.org')).filter((r) => r.overdue)).toEqual([]);
    // the owner's one reminder is the working group meeting in three days
    expect((await tasksOf('owner@example.org')).map((r) => [r.dueOn, r.overdue])).toEqual([
      ['2026-12-09', false],
    ]);
    // the national calendar of 2570 starts with registration in January 2027
    const planned = await getDb()
      .kysely.selectFrom('calendar_task')
      .select(['due_on', 'done_at'])
      .where('plan_key', 'is not', null)
      .execute();
    expect(planned.length).toBeGreaterThan(5);
    expect(planned.every((t) => t.due_on > '2026-12-06' && t.done_at === null)).toBe(true);
    // the No Gift Policy is this year's; the gifts and their published report are last year's,
    // this year's (December to April) being still to come
    const years = async (
      table: 'no_gift_declaration' | 'gift_report' | 'gift_report_publication',
    ) =>
      (await getDb().kysely.selectFrom(table).select('fiscal_year').execute()).map((r) =>
        Number(r.fiscal_year),
      );
    expect(await years('no_gift_declaration')).toEqual([2570]);
    expect(await years('gift_report')).toEqual([2569, 2569, 2569]);
    expect(await years('gift_report_publication')).toEqual([2569]);
  });

  it('leaves an existing database alone and every demo account can sign in', async () => {
    await seeded();
    const again = await seedDemo(ctx());
    expect(again.seeded).toBe(false);
    expect(again.years).toEqual({ current: 2570, last: 2569 });
    expect(await listAgencies(getDb().kysely, null)).toHaveLength(DEMO_AGENCIES.length + 1);
    for (const account of DEMO_ACCOUNTS) {
      const session = await login(ctx(), account.email, 'demo-ita-2569', 1);
      expect(session.token.length).toBeGreaterThan(20);
    }
  });
});

describeEachDialect('demo seed on the last day of a fiscal year', (getDb) => {
  // 30 September 2026 (Bangkok): still fiscal year 2569
  const clock = createFixedClock('2026-09-30T16:00:00.000Z');

  it('collects 2569 and has 2568 published', async () => {
    const summary = await seedDemo({ db: getDb(), clock, ids: randomIds });
    expect(summary.years).toEqual({ current: 2569, last: 2568 });
    const byYear = await roundsByYear(getDb());
    expect(byYear(2569).length).toBe(DEMO_AGENCIES.length + 1);
    expect(byYear(2569).every((r) => r.state === 'collecting')).toBe(true);
    expect(byYear(2568).length).toBe(DEMO_AGENCIES.length + 1);
    expect(byYear(2568).every((r) => r.state === 'published')).toBe(true);
    expect(byYear(2570)).toEqual([]);
  });
});
