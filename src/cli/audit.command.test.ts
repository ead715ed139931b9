import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { openDatabase } from '../platform/db/database.js';
import { migrateToLatest } from '../platform/db/migrate.js';
import { randomIds, systemClock } from '../platform/infra/clock.js';
import { inTransaction, recordAudit } from '../features/audit/feature.js';
import { runAuditCommand } from './audit.command.js';
import type { Io } from './output.js';

function capture(): Io & { text: () => string } {
  let out = '';
  return { out: (t) => (out += t), err: (t) => (out += t), interactive: false, text: () => out };
}

describe('prongsai audit checkpoint and verify [sqlite]', () => {
  const dir = mkdtempSync(join(tmpdir(), 'prongsai-audit-'));
  const config = loadConfig({ DATABASE_URL: `file:${join(dir, 'audit.db')}` });
  const file = join(dir, 'checkpoints.txt');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function withDb(work: (db: ReturnType<typeof openDatabase>) => Promise<void>) {
    const db = openDatabase(config.DATABASE_URL);
    try {
      await migrateToLatest(db);
      await work(db);
    } finally {
      await db.close();
    }
  }

  it('keeps a checkpoint in a file and fails verify once the newest entries are deleted', async () => {
    await withDb(async (db) => {
      const ctx = { db, clock: systemClock, ids: randomIds };
      for (let i = 0; i < 5; i++)
        await inTransaction(ctx, (trx) =>
          recordAudit(trx, ctx, null, {
            action: 'test.write',
            entityType: 'test',
            entityId: `e${i}`,
            agencyId: null,
          }),
        );
    });
    writeFileSync(file, '# checkpoints of the test log\n');
    const taken = capture();
    expect(await runAuditCommand(['checkpoint', '--append', file], taken, { config })).toBe(0);
    expect(taken.text()).toMatch(/^prongsai-audit-checkpoint seq=5 hash=[0-9a-f]{64} at=\S+\n$/);
    expect(readFileSync(file, 'utf8')).toContain(taken.text().trim());

    const intact = capture();
    expect(await runAuditCommand(['verify', '--checkpoints', file], intact, { config })).toBe(0);
    expect(intact.text()).toContain('1 checkpoint(s) reached');

    await withDb(async (db) => {
      await db.kysely.deleteFrom('audit_log').where('seq', '>=', 4).execute();
    });
    const plain = capture();
    expect(await runAuditCommand(['verify'], plain, { config })).toBe(0);
    const checked = capture();
    expect(await runAuditCommand(['verify', '--checkpoints', file], checked, { config })).toBe(1);
    expect(checked.text()).toContain('no longer reaches checkpoint 5');
  });

  it('refuses other sub-commands', async () => {
    const io = capture();
    expect(await runAuditCommand(['rewrite'], io, { config })).toBe(2);
    expect(io.text()).toContain('prongsai audit verify');
  });
});
