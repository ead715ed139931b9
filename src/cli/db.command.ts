import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import { openDatabase } from '../platform/db/database.js';
import { migrateToLatest } from '../platform/db/migrate.js';
import { backupSqlite, restoreSqlite } from '../platform/db/backup.js';
import type { Io } from './output.js';

/** Runs work on the configured database, its schema brought up to date first. */
async function withDb<T>(work: (db: ReturnType<typeof openDatabase>) => Promise<T>): Promise<T> {
  return withOpenDb(async (db) => {
    await migrateToLatest(db);
    return work(db);
  });
}

async function withOpenDb<T>(
  work: (db: ReturnType<typeof openDatabase>) => Promise<T>,
): Promise<T> {
  const db = openDatabase(loadConfig().DATABASE_URL);
  try {
    return await work(db);
  } finally {
    await db.close();
  }
}

/** `prongsai migrate`, `backup FILE` and `restore FILE`. */
export async function runDbCommand(command: string, args: string[], io: Io): Promise<number> {
  const { positionals } = parseArgs({ args, strict: true, allowPositionals: true });
  if (command === 'migrate') {
    // migrated here and only here, so the names of what ran are the ones printed
    const ran = await withOpenDb((db) => migrateToLatest(db));
    io.out(
      ran.length ? `migrated: ${ran.join(', ')}\n` : 'ฐานข้อมูลเป็นปัจจุบันแล้ว / already up to date\n',
    );
    return 0;
  }
  if (command === 'backup' && positionals[0]) {
    const file = positionals[0];
    const { pages } = await withDb((db) => backupSqlite(db, file));
    io.out(`สำรองข้อมูลแล้ว / backed up to ${file} (${pages} pages)\n`);
    return 0;
  }
  if (command === 'restore' && positionals[0]) {
    const summary = restoreSqlite(loadConfig().DATABASE_URL, positionals[0]);
    io.out(`กู้คืนแล้ว / restored: ${summary.agencies} หน่วยงาน/agencies, ${summary.users} ผู้ใช้/users\n`);
    return 0;
  }
  io.err('วิธีใช้ / usage: prongsai migrate | backup FILE | restore FILE\n');
  return 2;
}
