import { expect, it } from 'vitest';
import { describeEachDialect } from '../../../platform/db/test-databases.js';
import { createFixedClock, randomIds } from '../../../platform/infra/clock.js';
import { formatCheckpoint, parseCheckpoints } from '../core/checkpoint.js';
import {
  inTransaction,
  recordAudit,
  takeAuditCheckpoint,
  verifyAuditLog,
} from './audit.service.js';

describeEachDialect('audit checkpoints', (getDb) => {
  const ctx = () => ({
    db: getDb(),
    clock: createFixedClock('2026-12-01T03:00:00.000Z'),
    ids: randomIds,
  });

  async function write(count: number) {
    for (let i = 0; i < count; i++)
      await inTransaction(ctx(), (trx) =>
        recordAudit(trx, ctx(), null, {
          action: 'test.write',
          entityType: 'test',
          entityId: `e${i}`,
          agencyId: null,
          details: { i },
        }),
      );
  }

  it('notices that the newest entries were deleted after a checkpoint', async () => {
    await write(6);
    const checkpoint = await takeAuditCheckpoint(ctx());
    expect(checkpoint).toMatchObject({ seq: 6, at: '2026-12-01T03:00:00.000Z' });
    // the line kept outside the database reads back as the same checkpoint
    const kept = parseCheckpoints(`notes\n${formatCheckpoint(checkpoint!)}\n`).checkpoints;
    expect(kept).toEqual([checkpoint]);

    await write(2);
    expect(await verifyAuditLog(ctx(), kept)).toMatchObject({
      brokenAt: null,
      missedCheckpoint: null,
    });

    // deleting the tail keeps the remaining chain intact: only the checkpoint tells
    await getDb().kysely.deleteFrom('audit_log').where('seq', '>=', 5).execute();
    expect(await verifyAuditLog(ctx())).toMatchObject({ entries: 4, brokenAt: null });
    expect(await verifyAuditLog(ctx(), kept)).toMatchObject({
      brokenAt: null,
      missedCheckpoint: { seq: 6 },
    });
  });

  it('refuses a checkpoint of a broken chain, and has none for an empty log', async () => {
    await getDb().kysely.deleteFrom('audit_log').execute();
    expect(await takeAuditCheckpoint(ctx())).toBeNull();
    await write(3);
    await getDb()
      .kysely.updateTable('audit_log')
      .set({ details_json: '{"i":42}' })
      .where('seq', '=', 2)
      .execute();
    await expect(takeAuditCheckpoint(ctx())).rejects.toMatchObject({ code: 'audit_broken' });
  });

  it('reports lines that look like a checkpoint but are not one', () => {
    const { checkpoints, badLines } = parseCheckpoints(
      'prongsai-audit-checkpoint seq=1 hash=zz at=x\nprongsai-audit-checkpoint seq=2\n',
    );
    expect(checkpoints).toEqual([]);
    expect(badLines).toEqual([1, 2]);
  });
});
