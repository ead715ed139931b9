import { Readable } from 'node:stream';
import type { Kysely } from 'kysely';
import {
  assertStoredName,
  CHUNK_BYTES,
  newStoredName,
  pourContent,
  type FileContent,
  type FileStore,
  type OpenedFile,
  type SavedFile,
  type SaveOptions,
  type StoredFile,
  type StoreFolder,
} from './file-store.js';

/** The two tables of the database store (declared with the others in db/schema.ts). */
export interface StoredFileTables {
  stored_file: { name: string; size: number; sha256: string; created_at: string };
  stored_file_chunk: { name: string; seq: number; data: Uint8Array };
}

const asBuffer = (data: Uint8Array) =>
  Buffer.isBuffer(data) ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength);

/**
 * Files in the database, in pieces of at most CHUNK_BYTES (`stored_file_chunk`, numbered from
 * 0), under one row of `stored_file` with the size and sha256. A file is written in one
 * transaction as it arrives (a refusal or a failure rolls everything back) and read back one
 * piece per query, only as fast as the reader takes them.
 */
export class DatabaseFileStore implements FileStore {
  readonly kind = 'database' as const;

  constructor(
    private readonly db: Kysely<StoredFileTables>,
    private readonly now: () => string = () => new Date().toISOString(),
  ) {}

  async save(
    folder: StoreFolder,
    content: FileContent,
    options: SaveOptions = {},
  ): Promise<SavedFile> {
    const name = newStoredName(folder);
    return this.db.transaction().execute(async (trx) => {
      return { storedName: name, ...(await this.write(trx, name, content, options)) };
    });
  }

  /** Writes a file's row and pieces inside the caller's transaction. */
  private async write(
    trx: Kysely<StoredFileTables>,
    name: string,
    content: FileContent,
    options: SaveOptions,
  ) {
    // the file's row first (its pieces refer to it); size and sha256 once all is in
    await trx
      .insertInto('stored_file')
      .values({ name, size: 0, sha256: '', created_at: this.now() })
      .execute();
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    let seq = 0;
    const flush = async () => {
      if (pendingBytes === 0) return;
      const data = Buffer.concat(pending, pendingBytes);
      pending = [];
      pendingBytes = 0;
      await trx.insertInto('stored_file_chunk').values({ name, seq, data }).execute();
      seq += 1;
    };
    const poured = await pourContent(content, options, async (chunk) => {
      let rest = chunk;
      while (rest.length > 0) {
        const piece = rest.subarray(0, CHUNK_BYTES - pendingBytes);
        pending.push(piece);
        pendingBytes += piece.length;
        rest = rest.subarray(piece.length);
        if (pendingBytes === CHUNK_BYTES) await flush();
      }
    });
    await flush();
    await trx
      .updateTable('stored_file')
      .set({ size: poured.size, sha256: poured.sha256 })
      .where('name', '=', name)
      .execute();
    return poured;
  }

  async open(storedName: string): Promise<OpenedFile | null> {
    assertStoredName(storedName);
    const row = await this.db
      .selectFrom('stored_file')
      .select('size')
      .where('name', '=', storedName)
      .executeTakeFirst();
    if (!row) return null;
    const db = this.db;
    let next = 0;
    // read() is called again only once the reader has taken what was pushed: one piece in
    // flight, at most one or two waiting, whatever the size of the file
    const stream = new Readable({
      highWaterMark: CHUNK_BYTES,
      read() {
        db.selectFrom('stored_file_chunk')
          .select(['seq', 'data'])
          .where('name', '=', storedName)
          .where('seq', '>=', next)
          .orderBy('seq')
          .limit(1)
          .executeTakeFirst()
          .then(
            (piece) => {
              if (!piece) {
                this.push(null);
                return;
              }
              next = Number(piece.seq) + 1;
              this.push(asBuffer(piece.data));
            },
            (error: unknown) => this.destroy(error as Error),
          );
      },
    });
    return { size: Number(row.size), stream };
  }

  async delete(storedName: string): Promise<void> {
    assertStoredName(storedName);
    await this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('stored_file_chunk').where('name', '=', storedName).execute();
      await trx.deleteFrom('stored_file').where('name', '=', storedName).execute();
    });
  }

  async exists(storedName: string): Promise<boolean> {
    assertStoredName(storedName);
    const row = await this.db
      .selectFrom('stored_file')
      .select('name')
      .where('name', '=', storedName)
      .executeTakeFirst();
    return row !== undefined;
  }

  /**
   * Writes a file under a name it already has (moving files from disk keeps their names, which
   * the tables refer to); refused when the sha256 differs from the one expected.
   */
  async import(storedName: string, content: FileContent, sha256?: string): Promise<StoredFile> {
    assertStoredName(storedName);
    return this.db.transaction().execute(async (trx) => {
      const poured = await this.write(trx, storedName, content, {});
      if (sha256 !== undefined && poured.sha256 !== sha256)
        throw new Error(`${storedName}: sha256 ${poured.sha256} is not the ${sha256} recorded`);
      return { storedName, size: poured.size, sha256: poured.sha256 };
    });
  }
}
