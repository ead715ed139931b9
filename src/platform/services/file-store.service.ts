import type { Kysely } from 'kysely';
import type { Config } from '../../config.js';
import type { Db } from '../db/database.js';
import { DiskFileStore } from '../infra/file-store-disk.js';
import { DatabaseFileStore, type StoredFileTables } from '../infra/file-store-database.js';
import type { FileStore } from '../infra/file-store.js';

export type FileStoreSettings = Partial<Pick<Config, 'FILE_STORE' | 'FILES_DIR'>>;

/** Which store the settings choose on this database: `auto` is the database on PostgreSQL. */
export function fileStoreKind(db: Db, settings: FileStoreSettings): 'disk' | 'database' {
  const wanted = settings.FILE_STORE ?? 'auto';
  if (wanted === 'auto') return db.dialect === 'postgres' ? 'database' : 'disk';
  return wanted;
}

/** The database store's view of the database (its two tables). */
export function databaseFileStore(db: Db): DatabaseFileStore {
  return new DatabaseFileStore(db.kysely as unknown as Kysely<StoredFileTables>);
}

/**
 * The file store of the settings and the database: the one place one is built. On SQLite the
 * database store is refused: a file arriving slowly would hold SQLite's only writer meanwhile.
 */
export function openFileStore(db: Db, settings: FileStoreSettings): FileStore {
  const kind = fileStoreKind(db, settings);
  if (kind === 'disk') return new DiskFileStore(settings.FILES_DIR ?? './data/files');
  if (db.dialect !== 'postgres')
    throw new Error(
      'FILE_STORE=database ใช้ได้กับ PostgreSQL เท่านั้น / FILE_STORE=database needs PostgreSQL (SQLite keeps files on disk)',
    );
  return databaseFileStore(db);
}
