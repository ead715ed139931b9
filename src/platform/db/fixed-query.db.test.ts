import { expect, it, vi } from 'vitest';
import { sql } from 'kysely';
import { describeEachDialect } from './test-databases.js';
import { FixedQuery } from './fixed-query.js';
import { writeBatcherOf } from './write-batcher.js';

const UPSERT = new FixedQuery<{ count: number | string }>(
  'insert into "rate_limit" ("key", "window_start", "count") values (?, ?, ?) ' +
    'on conflict ("key") do update set "count" = "rate_limit"."count" + ? returning "count"',
);

describeEachDialect('fixed statements', (getDb) => {
  it("numbers the placeholders for the engine and runs with each call's parameters", async () => {
    const db = getDb();
    expect(UPSERT.textFor(db.kysely)).toContain(
      db.dialect === 'postgres' ? 'values ($1, $2, $3)' : 'values (?, ?, ?)',
    );
    expect(UPSERT.textFor(db.kysely)).toContain(db.dialect === 'postgres' ? '+ $4' : '+ ?');
    const at = '2026-01-01T00:00:00.000Z';
    const first = await UPSERT.run(db.kysely, ['fixed', at, 5, 1]);
    expect(first.rows.map((r) => Number(r.count))).toEqual([5]);
    const second = await UPSERT.run(db.kysely, ['fixed', at, 5, 2]);
    expect(second.rows.map((r) => Number(r.count))).toEqual([7]);
  });

  it('runs inside a transaction: rolled back with it', async () => {
    const db = getDb();
    const at = '2026-01-01T00:00:00.000Z';
    await db.kysely
      .transaction()
      .execute(async (trx) => {
        await UPSERT.run(trx, ['rolled-back', at, 1, 1]);
        throw new Error('undo');
      })
      .catch(() => undefined);
    const { rows } = await sql<{
      n: number | string;
    }>`select count(*) as n from rate_limit where key = ${'rolled-back'}`.execute(db.kysely);
    expect(Number(rows[0]?.n)).toBe(0);
  });

  it('reports the rows a statement changed', async () => {
    const db = getDb();
    const remove = new FixedQuery('delete from "rate_limit" where "key" = ?');
    await UPSERT.run(db.kysely, ['gone', '2026-01-01T00:00:00.000Z', 1, 1]);
    expect(Number((await remove.run(db.kysely, ['gone'])).numAffectedRows)).toBe(1);
    expect(Number((await remove.run(db.kysely, ['gone'])).numAffectedRows)).toBe(0);
  });

  it('runs straight on the connection the write batcher holds (SQLite), with the same results', async () => {
    const db = getDb();
    const at = '2026-01-02T00:00:00.000Z';
    const [first, second] = await Promise.all(
      [3, 3].map((add) =>
        writeBatcherOf(db).run(async (trx) => {
          const executor = vi.spyOn(trx, 'executeQuery');
          const { rows } = await UPSERT.run(trx, ['held', at, add, add]);
          // Kysely's executor is left out on SQLite's held connection only
          expect(executor).toHaveBeenCalledTimes(db.dialect === 'sqlite' ? 0 : 1);
          return Number(rows[0]?.count);
        }),
      ),
    );
    expect([first, second].sort()).toEqual([3, 6]);
    const failed = await writeBatcherOf(db)
      .run(async (trx) => {
        await UPSERT.run(trx, ['held', at, 1, 100]);
        throw new Error('undone behind its savepoint');
      })
      .catch((error: Error) => error.message);
    expect(failed).toBe('undone behind its savepoint');
    const { rows } = await UPSERT.run(db.kysely, ['held', at, 0, 0]);
    expect(Number(rows[0]?.count)).toBe(6);
  });
});
