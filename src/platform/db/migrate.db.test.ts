import { expect, it } from 'vitest';
import { sql } from 'kysely';
import { describeEachDialect } from './test-databases.js';
import { migrateToLatest } from './migrate.js';

describeEachDialect('migrations', (getDb, dialect) => {
  it('creates every table and is idempotent', async () => {
    const db = getDb();
    expect(await migrateToLatest(db)).toEqual([]);
    const tables = await db.kysely.introspection.getTables();
    const names = tables.map((t) => t.name);
    for (const table of [
      'agency',
      'app_user',
      'membership',
      'assessment_round',
      'edition',
      'session',
      'audit_log',
      'rate_limit',
    ]) {
      expect(names).toContain(table);
    }
    expect(db.dialect).toBe(dialect);
  });

  it('round-trips Thai text and enforces foreign keys', async () => {
    const db = getDb();
    const now = new Date().toISOString();
    await db.kysely
      .insertInto('agency')
      .values({
        id: 'a1',
        parent_id: null,
        path: '/a1/',
        code: 'A1',
        type: 'ministry',
        name_th: 'กระทรวงทดสอบ ผู้ใหญ่ ปั้น',
        name_en: 'Test',
        website: null,
        eligible_staff: 12,
        created_at: now,
        updated_at: now,
      })
      .execute();
    const row = await db.kysely
      .selectFrom('agency')
      .selectAll()
      .where('id', '=', 'a1')
      .executeTakeFirstOrThrow();
    expect(row.name_th).toBe('กระทรวงทดสอบ ผู้ใหญ่ ปั้น');
    await expect(
      db.kysely
        .insertInto('agency')
        .values({ ...row, id: 'a2', code: 'A2', parent_id: 'missing' })
        .execute(),
    ).rejects.toThrow();
    const count = await sql<{ n: number | string }>`select count(*) as n from agency`.execute(
      db.kysely,
    );
    expect(Number(count.rows[0]?.n)).toBe(1);
  });
});
