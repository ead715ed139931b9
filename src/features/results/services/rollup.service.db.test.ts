import { expect, it } from 'vitest';
import { DomainError } from '../../../core/errors.js';
import { findAgencyByCode } from '../../agencies/feature.js';
import { describeEachDialect } from '../../../platform/db/test-databases.js';
import { randomIds, systemClock } from '../../../platform/infra/clock.js';
import { demoActor } from '../../users/feature.js';
import { seedDemo } from '../../../app/demo.js';
import { agencyHistory, rollUp } from './rollup.service.js';
import { step } from '../../../app/test-steps.js';

describeEachDialect('roll-up and history', (getDb) => {
  const ctx = () => ({ db: getDb(), clock: systemClock, ids: randomIds });
  /** The demo data, seeded once per database (app/test-steps.ts). */
  const seeded = step(() => seedDemo(ctx(), { year: 2569 }));
  const agencyId = async (code: string) => {
    const found = await findAgencyByCode(getDb().kysely, code);
    if (!found) throw new Error(`no agency ${code}`);
    return found.id;
  };

  it('rolls up the ministry’s units from stored snapshots', async () => {
    await seeded();
    const ministry = await demoActor(ctx(), 'ministry@example.org');
    const r = await rollUp(ctx(), ministry, await agencyId('M00'), 2568);
    expect(r.ranking).toHaveLength(13);
    expect(r.pending).toHaveLength(0);
    expect(r.levels.reduce((s, l) => s + l.count, 0)).toBe(13);
    expect(r.weakest).toHaveLength(3);
    expect(r.years).toContain(2568);
    const totals = r.ranking.map((u) => u.total);
    expect(totals).toEqual([...totals].sort((a, b) => b - a));
    const provinces = await rollUp(ctx(), ministry, await agencyId('M00'), 2568, 'province');
    expect(provinces.ranking.map((u) => u.code).sort()).toEqual(['P01', 'P02']);
    // this year's rounds are not all confirmed: those without a snapshot have no result yet
    const now = await rollUp(ctx(), ministry, await agencyId('M00'), 2569);
    expect(now.ranking.length + now.pending.length).toBe(13);
  });

  it('gives an agency its history and hides other agencies', async () => {
    await seeded();
    const agency = await demoActor(ctx(), 'agency@example.org');
    const history = await agencyHistory(ctx(), agency, await agencyId('D01'));
    const last = history.years.find((y) => y.editionYear === 2568);
    expect(last?.hasResult).toBe(true);
    expect(last?.total).not.toBeNull();
    expect(last?.instruments.length).toBeGreaterThan(0);
    await expect(rollUp(ctx(), agency, await agencyId('M00'), 2568)).rejects.toBeInstanceOf(
      DomainError,
    );
    await expect(agencyHistory(ctx(), agency, await agencyId('D02'))).rejects.toThrow(
      'Agency not found',
    );
  });
});
