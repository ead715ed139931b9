import { expect, it } from 'vitest';
import { describeEachDialect } from '../platform/db/test-databases.js';
import { randomIds, systemClock } from '../platform/infra/clock.js';
import { listAgencies } from '../features/agencies/feature.js';
import { listRounds, findScoreSnapshot } from '../features/rounds/feature.js';
import { listUsers } from '../features/users/feature.js';
import { DEMO_ACCOUNTS, DEMO_AGENCIES, seedDemo } from './demo.js';
import { login } from '../features/users/feature.js';
import { verifyAuditLog } from '../features/audit/feature.js';
import { step } from './test-steps.js';

describeEachDialect('demo seed', (getDb) => {
  const ctx = () => ({ db: getDb(), clock: systemClock, ids: randomIds });
  /** The demo data, seeded once per database (app/test-steps.ts). */
  const seeded = step(() => seedDemo(ctx(), { oitProgress: true }));

  it('creates a ministry with its units, one account per role and two years of rounds', async () => {
    const summary = await seeded();
    expect(summary.seeded).toBe(true);
    const agencies = await listAgencies(getDb().kysely, null);
    expect(agencies).toHaveLength(DEMO_AGENCIES.length + 1);
    expect(DEMO_AGENCIES.length).toBeGreaterThanOrEqual(12);
    expect(new Set(agencies.map((a) => a.eligibleStaff)).size).toBeGreaterThan(10);
    expect((await listUsers(getDb().kysely, null)).map((u) => u.email).sort()).toEqual(
      DEMO_ACCOUNTS.map((a) => a.email).sort(),
    );
    const rounds = await listRounds(getDb().kysely, null);
    const byYear = (year: number) => rounds.filter((r) => r.editionYear === year);
    expect(byYear(2569)).toHaveLength(agencies.length);
    expect(byYear(2569).every((r) => r.state === 'collecting')).toBe(true);
    expect(byYear(2568).every((r) => r.state === 'published')).toBe(true);
    const snapshot = await findScoreSnapshot(getDb().kysely, byYear(2568)[0]!.id);
    expect(snapshot?.total).toBeGreaterThan(0);
    expect(snapshot?.levelCode).toBeTruthy();
    const links = await getDb()
      .kysely.selectFrom('survey_link')
      .select(['round_id', 'instrument'])
      .execute();
    expect(links).toHaveLength(byYear(2569).length * 2);
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
    expect(assigned).toHaveLength(byYear(2569).length - 1);
    expect((await verifyAuditLog(ctx())).brokenAt).toBeNull();
  });

  it('leaves an existing database alone and every demo account can sign in', async () => {
    await seeded();
    expect((await seedDemo(ctx())).seeded).toBe(false);
    expect(await listAgencies(getDb().kysely, null)).toHaveLength(DEMO_AGENCIES.length + 1);
    for (const account of DEMO_ACCOUNTS) {
      const session = await login(ctx(), account.email, 'demo-ita-2569', 1);
      expect(session.token.length).toBeGreaterThan(20);
    }
  });
});
