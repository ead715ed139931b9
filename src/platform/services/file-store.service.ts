import { createHash } from 'node:crypto';
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

/** A file the tables refer to, with the sha256 recorded for it (uploads record one). */
interface Referenced {
  storedName: string;
  sha256: string | null;
}

/** Every stored name a table refers to: evidence files, kept uploads, measure files, link copies. */
export async function listReferencedFiles(db: Db): Promise<Referenced[]> {
  const k = db.kysely;
  const uploads = [
    ...(await k.selectFrom('oit_file').select(['stored_name', 'sha256']).execute()),
    ...(await k.selectFrom('oit_pending_upload').select(['stored_name', 'sha256']).execute()),
    ...(await k.selectFrom('measure_file').select(['stored_name', 'sha256']).execute()),
  ];
  // a link copy's sha256 is the page's as fetched, not always the stored body's: not compared
  const copies = await k
    .selectFrom('oit_snapshot')
    .select(['stored_name'])
    .where('stored_name', 'is not', null)
    .execute();
  const byName = new Map<string, Referenced>();
  for (const row of uploads)
    if (!byName.has(row.stored_name))
      byName.set(row.stored_name, { storedName: row.stored_name, sha256: row.sha256 });
  for (const row of copies)
    if (row.stored_name && !byName.has(row.stored_name))
      byName.set(row.stored_name, { storedName: row.stored_name, sha256: null });
  return [...byName.values()].sort((a, b) => a.storedName.localeCompare(b.storedName));
}

/** What moving the files did. */
export interface MoveOutcome {
  referenced: number;
  moved: number;
  movedBytes: number;
  /** Already in the database (an earlier run): left as they are. */
  alreadyThere: number;
  /** Referred to but on disk nowhere (nor in the database). */
  missing: string[];
  /** On disk with another sha256 than the one recorded: not moved. */
  differing: string[];
  /** Disk copies deleted (with `deleteFromDisk`, once the database holds the same bytes). */
  deleted: number;
}

async function sha256Of(disk: DiskFileStore, storedName: string): Promise<string | null> {
  const opened = await disk.open(storedName);
  if (!opened) return null;
  const hash = createHash('sha256');
  for await (const chunk of opened.stream) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * Copies every file the tables refer to from disk (FILES_DIR) into the database store, under
 * the same names; idempotent (a name already in the database is skipped), each file checked
 * against the sha256 recorded and, once written, against the disk copy's. Disk copies are
 * deleted only when asked, and only when the database holds the same bytes.
 */
export async function moveFilesToDatabase(
  db: Db,
  filesDir: string,
  options: {
    deleteFromDisk?: boolean;
    onProgress?: (done: number, total: number, bytes: number) => void;
  } = {},
): Promise<MoveOutcome> {
  const disk = new DiskFileStore(filesDir);
  const store = databaseFileStore(db);
  const files = await listReferencedFiles(db);
  const outcome: MoveOutcome = {
    referenced: files.length,
    moved: 0,
    movedBytes: 0,
    alreadyThere: 0,
    missing: [],
    differing: [],
    deleted: 0,
  };
  let done = 0;
  for (const file of files) {
    const onDisk = await sha256Of(disk, file.storedName);
    if (await store.exists(file.storedName)) {
      outcome.alreadyThere += 1;
      if (options.deleteFromDisk && onDisk !== null) {
        const inDatabase = await store.open(file.storedName);
        const hash = createHash('sha256');
        for await (const chunk of inDatabase?.stream ?? []) hash.update(chunk as Buffer);
        if (hash.digest('hex') === onDisk) {
          await disk.delete(file.storedName);
          outcome.deleted += 1;
        }
      }
    } else if (onDisk === null) outcome.missing.push(file.storedName);
    else if (file.sha256 !== null && file.sha256 !== onDisk)
      outcome.differing.push(file.storedName);
    else {
      const opened = await disk.open(file.storedName);
      if (!opened) outcome.missing.push(file.storedName);
      else {
        // the sha256 of what is written must be the disk copy's just read
        const written = await store.import(file.storedName, opened.stream, onDisk);
        outcome.moved += 1;
        outcome.movedBytes += written.size;
        if (options.deleteFromDisk) {
          await disk.delete(file.storedName);
          outcome.deleted += 1;
        }
      }
    }
    done += 1;
    options.onProgress?.(done, files.length, outcome.movedBytes);
  }
  return outcome;
}
