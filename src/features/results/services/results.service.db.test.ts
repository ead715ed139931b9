import { expect, it } from 'vitest';
import { DomainError } from '../../../core/errors.js';
import { findScoreSnapshot, listRounds } from '../../rounds/feature.js';
import { describeEachDialect } from '../../../platform/db/test-databases.js';
import { randomIds, systemClock } from '../../../platform/infra/clock.js';
import { demoActor } from '../../users/feature.js';
import { seedDemo } from '../../../app/demo.js';
import { getRoundResults, type ResultNode } from './results.service.js';
import { step } from '../../../app/test-steps.js';

function nodes(node: ResultNode, type: ResultNode['type'], out: ResultNode[] = []): ResultNode[] {
  if (node.type === type) out.push(node);
  for (const child of node.children) nodes(child, type, out);
  return out;
}

describeEachDialect('round results', (getDb) => {
  const ctx = () => ({ db: getDb(), clock: systemClock, ids: randomIds });
  /** The demo data, seeded once per database (app/test-steps.ts). */
  const seeded = step(() => seedDemo(ctx(), { year: 2569 }));
  const round = async (year: number, agency: string) => {
    const rounds = await listRounds(getDb().kysely, null);
    const found = rounds.find((r) => r.editionYear === year && r.agencyCode === agency);
    if (!found) throw new Error(`no ${year} round of ${agency}`);
    return found;
  };

  it('shows the stored snapshot of a published round, with weak points and a what-if', async () => {
    await seeded();
    const ministry = await demoActor(ctx(), 'ministry@example.org');
    const r = await round(2568, 'D01');
    const snapshot = await findScoreSnapshot(getDb().kysely, r.id);
    const results = await getRoundResults(ctx(), ministry, r.id);
    expect(results.source).toBe('snapshot');
    expect(results.result.total).toBe(snapshot?.total);
    expect(results.result.level?.code).toBe(snapshot?.levelCode);
    expect(nodes(results.result.tree, 'indicator')).toHaveLength(10);
    expect(results.weaknesses.indicators.length).toBeGreaterThan(0);
    const weakest = results.weaknesses.indicators[0]!;
    expect(weakest.lost).toBeGreaterThan(0);
    // setting the weakest indicator to 100 gives the total the weakness analysis promised
    const raised = await getRoundResults(ctx(), ministry, r.id, {
      raw: { [`i.${weakest.code}`]: '100' },
    });
    expect(raised.whatIf?.total).toBe(weakest.totalIfFixed);
    expect(raised.whatIf?.totalDelta).toBeGreaterThan(0);
    const bad = await getRoundResults(ctx(), ministry, r.id, { raw: { 'i.1': '150' } });
    expect(bad.whatIf).toBeNull();
    expect(bad.whatIfError?.en).toMatch(/between 0 and 100/);
  });

  it('scores a collecting round from the answers released so far, and withholds a round of too few', async () => {
    await seeded();
    const ministry = await demoActor(ctx(), 'ministry@example.org');
    const big = await getRoundResults(ctx(), ministry, (await round(2569, 'D01')).id);
    expect(big.source).toBe('live');
    expect(nodes(big.result.tree, 'question').some((q) => !q.withheld && q.shown !== null)).toBe(
      true,
    );
    // E02 has 3 answers this year (core/disclosure): every survey figure is withheld, with the
    // total and level, the weak points' totals, never shown as 0 or as "no answers"
    const small = await getRoundResults(ctx(), ministry, (await round(2569, 'E02')).id);
    const withheld = small.result.tree.children.filter((i) => i.withheld);
    expect(withheld.map((i) => i.code)).toEqual(small.result.withheld?.instruments);
    expect(withheld.length).toBeGreaterThan(0);
    const questions = withheld.flatMap((i) => nodes(i, 'question'));
    expect(questions.length).toBeGreaterThan(0);
    expect(questions.every((q) => q.withheld && q.shown === null && q.lost === null)).toBe(true);
    expect(questions.every((q) => q.basis.kind === 'withheld')).toBe(true);
    expect(small.result).toMatchObject({ total: null, level: null });
    expect(small.result.withheld?.text).toBe('ข้อมูลไม่พอ / not enough respondents');
    expect(small.result.instruments.find((i) => i.code === 'OIT')?.withheld).toBe(false);
    expect(small.weaknesses).toMatchObject({ withheld: true, total: null, level: null });
    expect(small.weaknesses.questions).toEqual([]);
    expect(JSON.stringify(withheld)).not.toContain('distribution');
  });

  it('answers not found for a round out of reach', async () => {
    await seeded();
    const agency = await demoActor(ctx(), 'agency@example.org');
    const other = await round(2568, 'D02');
    await expect(getRoundResults(ctx(), agency, other.id)).rejects.toBeInstanceOf(DomainError);
    await expect(getRoundResults(ctx(), agency, other.id)).rejects.toMatchObject({
      code: 'not_found',
    });
  });
});
