import { copyFileSync, existsSync, renameSync, rmSync } from 'node:fs';
import SQLite from './sqlite-driver.js';
import { DomainError } from '../../core/errors.js';
import type { Db } from './database.js';

const REQUIRED_TABLES = ['agency', 'app_user', 'membership', 'assessment_round', 'audit_log'];

function sqlitePathOf(url: string): string {
  if (!url.startsWith('file:')) {
    throw new DomainError('backup_not_sqlite', {
      th: 'คำสั่งนี้ใช้กับฐานข้อมูล SQLite สำหรับ PostgreSQL ให้ใช้ pg_dump และ pg_restore (ดู docs/operations.md)',
      en: 'This command is for SQLite; for PostgreSQL use pg_dump and pg_restore (see docs/operations.md)',
    });
  }
  return url.slice('file:'.length);
}

/** Writes a consistent copy of a running SQLite database (online backup: writers are not stopped). */
export async function backupSqlite(db: Db, target: string): Promise<{ pages: number }> {
  sqlitePathOf(db.url);
  if (!db.sqlite) throw new Error('SQLite handle missing');
  if (existsSync(target)) {
    throw new DomainError('backup_exists', {
      th: `มีไฟล์ ${target} อยู่แล้ว: เลือกชื่อไฟล์ใหม่ เพื่อไม่ให้ทับข้อมูลสำรองเดิม`,
      en: `${target} already exists: choose another name so no earlier backup is overwritten`,
    });
  }
  const result = await db.sqlite.backup(target);
  return { pages: result.totalPages };
}

/** Checks that a file is a Prongsai SQLite backup before anything is replaced. */
export function inspectSqliteBackup(path: string): {
  tables: string[];
  users: number;
  agencies: number;
} {
  let file: SQLite.Database;
  try {
    file = new SQLite(path, { readonly: true, fileMustExist: true });
  } catch {
    throw new DomainError('backup_unreadable', {
      th: `เปิดไฟล์สำรอง ${path} ไม่ได้ หรือไม่ใช่ฐานข้อมูล SQLite`,
      en: `Cannot open ${path}, or it is not an SQLite database`,
    });
  }
  try {
    let tables: string[];
    try {
      const rows = file.prepare("select name from sqlite_master where type = 'table'").all();
      tables = (rows as { name: string }[]).map((t) => t.name);
    } catch {
      throw new DomainError('backup_unreadable', {
        th: `ไฟล์ ${path} ไม่ใช่ฐานข้อมูล SQLite`,
        en: `${path} is not an SQLite database`,
      });
    }
    const missing = REQUIRED_TABLES.filter((t) => !tables.includes(t));
    if (missing.length > 0 || file.pragma('integrity_check', { simple: true }) !== 'ok') {
      throw new DomainError('backup_invalid', {
        th: `ไฟล์ ${path} ไม่ใช่ข้อมูลสำรองของ Prongsai ที่สมบูรณ์ (ขาดตาราง ${missing.join(', ') || '-'})`,
        en: `${path} is not a complete Prongsai backup (missing tables: ${missing.join(', ') || 'none'}, or it failed the integrity check)`,
      });
    }
    const count = (table: string) =>
      (file.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
    return { tables, users: count('app_user'), agencies: count('agency') };
  } finally {
    file.close();
  }
}

/**
 * Replaces the SQLite database file with a checked backup. The server must be stopped; the
 * current file is kept beside it as `<name>.before-restore` until the copy is complete.
 */
export function restoreSqlite(
  databaseUrl: string,
  backup: string,
): { users: number; agencies: number } {
  const target = sqlitePathOf(databaseUrl);
  const summary = inspectSqliteBackup(backup);
  const keep = `${target}.before-restore`;
  rmSync(keep, { force: true });
  if (existsSync(target)) {
    // fold the write-ahead log into the file first, so nothing in -wal is lost or mixed in
    const current = new SQLite(target);
    current.pragma('wal_checkpoint(TRUNCATE)');
    current.close();
    renameSync(target, keep);
  }
  for (const suffix of ['-wal', '-shm']) rmSync(`${target}${suffix}`, { force: true });
  const partial = `${target}.restoring`;
  copyFileSync(backup, partial);
  renameSync(partial, target);
  return { users: summary.users, agencies: summary.agencies };
}
