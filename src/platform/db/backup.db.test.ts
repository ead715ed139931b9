import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from './database.js';
import { migrateToLatest } from './migrate.js';
import { insertAgency, listAgencies } from '../../features/agencies/feature.js';
import { backupSqlite, inspectSqliteBackup, restoreSqlite } from './backup.js';
import { DomainError } from '../../core/errors.js';

const agency = (id: string) => ({
  id,
  parentId: null,
  path: `/${id}/`,
  code: id.toUpperCase(),
  type: 'ministry',
  nameTh: `หน่วยงาน ${id}`,
  nameEn: id,
  website: null,
  eligibleStaff: 10,
});

describe('SQLite backup and restore', () => {
  it('round-trips: what was there at backup time comes back, later changes go', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'prongsai-backup-'));
    const url = `file:${join(dir, 'live.db')}`;
    const db = openDatabase(url);
    await migrateToLatest(db);
    await insertAgency(db.kysely, agency('a1'), '2026-01-01T00:00:00.000Z');
    await insertAgency(db.kysely, agency('a2'), '2026-01-01T00:00:00.000Z');
    const before = await listAgencies(db.kysely, null);
    const file = join(dir, 'backup.db');
    expect((await backupSqlite(db, file)).pages).toBeGreaterThan(0);
    await expect(backupSqlite(db, file)).rejects.toBeInstanceOf(DomainError);
    await insertAgency(db.kysely, agency('a3'), '2026-01-02T00:00:00.000Z');
    await db.close();

    expect(restoreSqlite(url, file)).toEqual({ users: 0, agencies: 2 });
    const reopened = openDatabase(url);
    expect(await listAgencies(reopened.kysely, null)).toEqual(before);
    await reopened.close();
  });

  it('refuses a file that is not a Prongsai backup and leaves the database alone', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'prongsai-backup-'));
    const junk = join(dir, 'junk.db');
    writeFileSync(junk, 'not a database');
    expect(() => inspectSqliteBackup(junk)).toThrow(DomainError);
    const url = `file:${join(dir, 'live.db')}`;
    const db = openDatabase(url);
    await migrateToLatest(db);
    await insertAgency(db.kysely, agency('keep'), '2026-01-01T00:00:00.000Z');
    await db.close();
    expect(() => restoreSqlite(url, junk)).toThrow(/backup|SQLite/);
    const reopened = openDatabase(url);
    expect((await listAgencies(reopened.kysely, null)).map((a) => a.id)).toEqual(['keep']);
    await reopened.close();
  });

  it('says to use pg_dump for PostgreSQL', () => {
    expect(() => restoreSqlite('postgres://x/y', '/tmp/none')).toThrow(/pg_dump/);
  });
});
