import { beforeAll, expect, it } from 'vitest';
import { DomainError } from '../../../core/errors.js';
import { listAuditEntries } from '../../audit/feature.js';
import type { Db } from '../../../platform/db/database.js';
import { findEditionSource, insertEdition, listEditions } from '../../editions/feature.js';
import { describeEachDialect } from '../../../platform/db/test-databases.js';
import { randomIds, systemClock } from '../../../platform/infra/clock.js';
import type { Actor, ServiceContext } from '../../../platform/services/context.js';
import { MINISTRY_TREE, worldAt, type AgencySeed } from '../../../app/test-world.js';
import { readEditionFile } from '../../editions/feature.js';
import {
  ensureEditionStored,
  getVisibleRound,
  listVisibleRounds,
  moveRound,
  openRounds,
} from './round.service.js';
import { step } from '../../../app/test-steps.js';

const NOW = '2026-11-26T03:00:00.000Z';
const { seedActor, seedAgencies } = worldAt(NOW);

/** The ministry tree with a third unit and a second, unrelated parent. */
const TREE: AgencySeed[] = [
  ...MINISTRY_TREE,
  { id: 'u3', parentId: 'min', path: '/min/u3/' },
  { id: 'other', parentId: null, path: '/other/' },
];

async function auditActions(db: Db, action: string) {
  return (await listAuditEntries(db.kysely, 0, 1000)).filter((e) => e.action === action);
}

describeEachDialect('round service', (getDb) => {
  let ctx: ServiceContext;
  let parentAdmin: Actor;
  let unitAdmin: Actor;
  let assessor: Actor;

  beforeAll(async () => {
    const db = getDb();
    ctx = { db, clock: systemClock, ids: randomIds };
    await seedAgencies(db, TREE);
    parentAdmin = await seedActor(db, 'min@example.org', 'parent_admin', 'min');
    unitAdmin = await seedActor(db, 'u1@example.org', 'agency_admin', 'u1');
    assessor = await seedActor(db, 'assessor@example.org', 'assessor', 'min');
  });

  // The story's steps (app/test-steps.ts): the units' rounds, then the ministry's and last year's.
  const unitsOpened = step(() =>
    openRounds(ctx, parentAdmin, { parentAgencyId: 'min', editionCode: 'ita-2569' }),
  );

  /** The ministry's own 2569 round and every 2568 round opened as well. */
  const allRoundsOpened = step(async () => {
    await unitsOpened();
    const input = { parentAgencyId: 'min', editionCode: 'ita-2569', includeParent: true };
    const result = await openRounds(ctx, parentAdmin, input);
    expect(result.created.map((r) => r.agencyCode)).toEqual(['MIN']);
    expect(result.skipped.map((r) => r.agencyCode)).toEqual(['U1', 'U2', 'U3']);
    const all = await listVisibleRounds(ctx, parentAdmin);
    expect(all.length).toBe(4);
    const fresh = await openRounds(ctx, parentAdmin, { ...input, editionCode: 'ita-2568' });
    expect(fresh.created.length).toBe(4);
  });

  it('stores a bundled edition once, with its sha256 and text', async () => {
    const file = readEditionFile('ita-2569');
    const first = await ensureEditionStored(ctx, 'ita-2569');
    const second = await ensureEditionStored(ctx, 'ita-2569');
    expect(second.id).toBe(first.id);
    expect(first).toMatchObject({ code: 'ita-2569', year: 2569, version: 1, sha256: file.sha256 });
    expect(await findEditionSource(ctx.db.kysely, first.id)).toBe(file.text);
    expect((await listEditions(ctx.db.kysely)).length).toBe(1);
    expect((await auditActions(ctx.db, 'edition.store')).length).toBe(1);
  });

  it('refuses a changed edition under the same code and version, and unknown editions', async () => {
    const fake = { id: 'fake', code: 'ita-2567', year: 2567, version: 1, status: 'confirmed' };
    await insertEdition(ctx.db.kysely, { ...fake, sha256: 'f'.repeat(64), sourceText: 'x' }, NOW);
    await expect(ensureEditionStored(ctx, 'ita-2567')).rejects.toMatchObject({
      code: 'edition_changed',
    });
    await expect(ensureEditionStored(ctx, '/etc/passwd')).rejects.toMatchObject({
      code: 'edition_not_found',
    });
  });

  it('opens a round for every unit of a ministry at once, one audit entry per round', async () => {
    const result = await unitsOpened();
    expect(result.created.map((r) => r.agencyCode)).toEqual(['U1', 'U2', 'U3']);
    expect(result.skipped).toEqual([]);
    expect((await auditActions(ctx.db, 'round.open')).length).toBe(3);
  });

  it('skips agencies that already have a round on that edition', () => allRoundsOpened());

  it('refuses opening rounds to an agency admin and to anyone outside the tree', async () => {
    await expect(
      openRounds(ctx, unitAdmin, { parentAgencyId: 'u1', editionCode: 'ita-2569' }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await expect(
      openRounds(ctx, parentAdmin, { parentAgencyId: 'other', editionCode: 'ita-2569' }),
    ).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('shows each person only the rounds in reach, filtered by state', async () => {
    await allRoundsOpened();
    const mine = await listVisibleRounds(ctx, unitAdmin);
    expect(mine.map((r) => r.agencyCode)).toEqual(['U1', 'U1']);
    expect(await listVisibleRounds(ctx, parentAdmin, { state: 'collecting' })).toEqual([]);
  });

  it('moves a round along valid transitions and audits from and to', async () => {
    await allRoundsOpened();
    const [round] = await listVisibleRounds(ctx, unitAdmin);
    const id = round?.id ?? '';
    // the parent body moves the round (an assessor reviews it, never moves it: issue 12)
    const moved = await moveRound(ctx, parentAdmin, id, 'collecting');
    expect(moved.state).toBe('collecting');
    expect((await getVisibleRound(ctx, unitAdmin, id)).state).toBe('collecting');
    await moveRound(ctx, parentAdmin, id, 'setup');
    const moves = await auditActions(ctx.db, 'round.move');
    expect(moves.map((e) => e.details)).toEqual([
      { from: 'setup', to: 'collecting' },
      { from: 'collecting', to: 'setup' },
    ]);
  });

  it('refuses an invalid transition, a move without the right and a move out of reach', async () => {
    await allRoundsOpened();
    const [round] = await listVisibleRounds(ctx, unitAdmin);
    const id = round?.id ?? '';
    await expect(moveRound(ctx, parentAdmin, id, 'published')).rejects.toMatchObject({
      code: 'invalid_transition',
      messages: { th: expect.stringContaining('เปลี่ยนสถานะจาก "เตรียมการ"') },
    });
    await expect(moveRound(ctx, unitAdmin, id, 'collecting')).rejects.toMatchObject({
      code: 'forbidden',
    });
    // an assessor over the unit sees its round but moves it nowhere (issue 12)
    await expect(moveRound(ctx, assessor, id, 'collecting')).rejects.toMatchObject({
      code: 'forbidden',
    });
    const [other] = await listVisibleRounds(ctx, parentAdmin);
    const outsider = await seedActor(getDb(), 'o@example.org', 'parent_admin', 'other');
    await expect(moveRound(ctx, outsider, other?.id ?? '', 'collecting')).rejects.toMatchObject({
      code: 'not_found',
    });
  });

  it('lets exactly one of two concurrent moves win', async () => {
    await allRoundsOpened();
    const [round] = await listVisibleRounds(ctx, unitAdmin);
    const id = round?.id ?? '';
    const outcomes = await Promise.allSettled([
      moveRound(ctx, parentAdmin, id, 'collecting'),
      moveRound(ctx, parentAdmin, id, 'collecting'),
    ]);
    expect(outcomes.filter((o) => o.status === 'fulfilled').length).toBe(1);
    const lost = outcomes.find((o) => o.status === 'rejected');
    expect(lost?.status === 'rejected' && lost.reason instanceof DomainError).toBe(true);
    expect((await getVisibleRound(ctx, unitAdmin, id)).state).toBe('collecting');
  });
});
