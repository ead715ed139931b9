import { expect, it } from 'vitest';
import { describeEachDialect } from '../../../platform/db/test-databases.js';
import { randomIds, systemClock } from '../../../platform/infra/clock.js';
import { inTransaction, recordAudit, verifyAuditLog } from './audit.service.js';
import { step } from '../../../app/test-steps.js';

describeEachDialect('audit log', (getDb) => {
  const ctx = () => ({ db: getDb(), clock: systemClock, ids: randomIds });
  /** Twelve entries written at once, once per database (app/test-steps.ts). */
  const written = step(() =>
    Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        inTransaction(ctx(), (trx) =>
          recordAudit(trx, ctx(), null, {
            action: 'test.write',
            entityType: 'test',
            entityId: `e${i}`,
            agencyId: null,
            details: { i, name: 'ทดสอบ' },
          }),
        ),
      ),
    ),
  );

  it('chains entries, also when many are written at once', async () => {
    await written();
    expect(await verifyAuditLog(ctx())).toEqual({
      entries: 12,
      brokenAt: null,
      missedCheckpoint: null,
      head: { seq: 12, hash: expect.stringMatching(/^[0-9a-f]{64}$/) },
    });
  });

  it('names the first entry that was edited behind the application', async () => {
    await written();
    await getDb()
      .kysely.updateTable('audit_log')
      .set({ details_json: '{"i":99}' })
      .where('seq', '=', 5)
      .execute();
    expect(await verifyAuditLog(ctx())).toMatchObject({ brokenAt: 5 });
  });

  it('notices a deleted entry', async () => {
    await written();
    await getDb().kysely.deleteFrom('audit_log').where('seq', '=', 3).execute();
    expect((await verifyAuditLog(ctx())).brokenAt).toBe(4);
  });
});
