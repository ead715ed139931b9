import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DomainError } from '../../core/errors.js';
import type { Db } from '../db/database.js';
import { describeEachDialect } from '../db/test-databases.js';
import { DiskFileStore } from '../infra/file-store-disk.js';
import { DatabaseFileStore } from '../infra/file-store-database.js';
import { CHUNK_BYTES, readWhole, type FileStore } from '../infra/file-store.js';
import { databaseFileStore, openFileStore } from './file-store.service.js';

const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** Bytes that differ from one position to the next (a shifted piece would show). */
function patterned(size: number, start = 0x25): Buffer {
  const bytes = Buffer.alloc(size);
  for (let i = 0; i < size; i += 1) bytes[i] = (start + i * 7 + (i >> 10)) & 0xff;
  return bytes;
}

/** A PDF of `size` bytes. */
const pdfOf = (size: number) =>
  Buffer.concat([Buffer.from('%PDF-1.7\n'), patterned(size - 9)]).subarray(0, size);

/** A source that hands out `pieces` of `size` bytes and counts how many were taken. */
function source(first: Buffer, size: number, pieces: number) {
  const taken = { count: 0 };
  async function* generate() {
    for (let i = 0; i < pieces; i += 1) {
      taken.count += 1;
      yield i === 0 ? first : patterned(size, i);
    }
  }
  return { content: generate(), taken };
}

/** What each store holds: files on disk, or rows of the database store's tables. */
async function held(db: Db, store: FileStore): Promise<number> {
  if (store instanceof DiskFileStore) {
    const names = await Promise.all(
      ['uploads', 'snapshots'].map((f) => readdir(join(store.root, f)).catch(() => [])),
    );
    return names.flat().length;
  }
  const files = await db.kysely
    .selectFrom('stored_file')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const chunks = await db.kysely
    .selectFrom('stored_file_chunk')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(files.n) + Number(chunks.n);
}

async function refusalOf(work: Promise<unknown>): Promise<DomainError> {
  try {
    await work;
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describeEachDialect('file store', (getDb, dialect) => {
  let dir: string;
  const stores: Record<'disk' | 'database', () => FileStore> = {
    disk: () => new DiskFileStore(dir),
    database: () => databaseFileStore(getDb()),
  };
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'prongsai-store-'));
  });
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  it('chooses the database on PostgreSQL and disk on SQLite; FILE_STORE may say otherwise', () => {
    const db = getDb();
    const auto = openFileStore(db, { FILES_DIR: dir });
    expect(auto.kind).toBe(dialect === 'postgres' ? 'database' : 'disk');
    expect(openFileStore(db, { FILE_STORE: 'disk', FILES_DIR: dir }).kind).toBe('disk');
    if (dialect === 'postgres')
      expect(openFileStore(db, { FILE_STORE: 'database' })).toBeInstanceOf(DatabaseFileStore);
    else expect(() => openFileStore(db, { FILE_STORE: 'database' })).toThrow(/PostgreSQL/);
  });

  for (const kind of ['disk', 'database'] as const) {
    it(`[${kind}] saves a file of many chunks as it arrives and reads it back the same`, async () => {
      const store = stores[kind]();
      const bytes = pdfOf(3 * CHUNK_BYTES + 12_345);
      // arriving in pieces that do not line up with the store's chunks
      const pieces = async function* () {
        for (let at = 0; at < bytes.length; at += 100_000) yield bytes.subarray(at, at + 100_000);
      };
      const stored = await store.save('uploads', pieces(), {
        fileName: 'รายงาน.pdf',
        maxBytes: 4 * CHUNK_BYTES,
      });
      expect(stored).toMatchObject({
        size: bytes.length,
        sha256: sha(bytes),
        contentType: 'application/pdf',
      });
      expect(stored.storedName).toMatch(/^uploads\/[0-9a-f]{32}$/);
      if (kind === 'database') {
        const chunks = await getDb()
          .kysely.selectFrom('stored_file_chunk')
          .select(['seq'])
          .where('name', '=', stored.storedName)
          .orderBy('seq')
          .execute();
        expect(chunks.map((c) => Number(c.seq))).toEqual([0, 1, 2, 3]);
      }
      expect(await store.exists(stored.storedName)).toBe(true);
      const opened = await store.open(stored.storedName);
      expect(opened?.size).toBe(bytes.length);
      expect(opened && (await readWhole(opened)).equals(bytes)).toBe(true);
      await store.delete(stored.storedName);
      expect(await store.exists(stored.storedName)).toBe(false);
      expect(await store.open(stored.storedName)).toBeNull();
      // a snapshot body at hand, no type check
      const body = Buffer.from('<h1>หน้าเว็บ</h1>');
      const snapshot = await store.save('snapshots', body);
      expect(snapshot.storedName).toMatch(/^snapshots\//);
      const back = await store.open(snapshot.storedName);
      expect(back && (await readWhole(back)).toString()).toBe('<h1>หน้าเว็บ</h1>');
    });

    it(`[${kind}] refuses a file over the limit while it streams, keeping nothing`, async () => {
      const store = stores[kind]();
      const before = await held(getDb(), store);
      const { content, taken } = source(pdfOf(CHUNK_BYTES), CHUNK_BYTES, 40);
      const error = await refusalOf(
        store.save('uploads', content, { fileName: 'big.pdf', maxBytes: 2 * CHUNK_BYTES }),
      );
      expect(error.code).toBe('upload_too_large');
      expect(error.messages.th).toContain('ไฟล์ใหญ่เกินไป');
      // stopped at the third piece of forty: never read (nor held) the whole file
      expect(taken.count).toBe(3);
      expect(await held(getDb(), store)).toBe(before);
    });

    it(`[${kind}] refuses a file whose first chunk is not its type, reading no further`, async () => {
      const store = stores[kind]();
      const before = await held(getDb(), store);
      const { content, taken } = source(Buffer.from('MZ\x90\x00 not a pdf'), 1024, 10);
      const error = await refusalOf(
        store.save('uploads', content, { fileName: 'virus.pdf', maxBytes: CHUNK_BYTES }),
      );
      expect(error.code).toBe('upload_type_refused');
      expect(taken.count).toBe(1);
      const text = source(Buffer.from('ข้อความ'), 16, 3);
      const binary = async function* () {
        yield* text.content;
        yield Buffer.from([0xff, 0xfe, 0x00]);
      };
      const notText = await refusalOf(store.save('uploads', binary(), { fileName: 'a.txt' }));
      expect(notText.code).toBe('upload_type_refused');
      expect(await held(getDb(), store)).toBe(before);
    });

    it(`[${kind}] reads a 5 MB file chunk by chunk, only as fast as the reader takes them`, async () => {
      const store = stores[kind]();
      const bytes = pdfOf(5 * 1024 * 1024);
      const stored = await store.save('uploads', bytes, { fileName: 'big.pdf' });
      const opened = await store.open(stored.storedName);
      if (!opened) throw new Error('not stored');
      const sizes: number[] = [];
      const hash = createHash('sha256');
      let most = 0;
      for await (const chunk of opened.stream) {
        sizes.push((chunk as Buffer).length);
        hash.update(chunk as Buffer);
        // a slow reader: the store must not run ahead and hold the file meanwhile
        if (sizes.length <= 3) await sleep(30);
        most = Math.max(most, opened.stream.readableLength);
      }
      expect(hash.digest('hex')).toBe(sha(bytes));
      expect(sizes.reduce((a, b) => a + b, 0)).toBe(bytes.length);
      expect(Math.max(...sizes)).toBeLessThanOrEqual(CHUNK_BYTES);
      expect(sizes.length).toBeGreaterThanOrEqual(20);
      expect(most).toBeLessThanOrEqual(2 * CHUNK_BYTES);
      await store.delete(stored.storedName);
    });
  }

  it('[database] imports a disk file under its own name, checking its sha256', async () => {
    const store = databaseFileStore(getDb());
    const bytes = pdfOf(CHUNK_BYTES + 1);
    const name = 'uploads/00112233445566778899aabbccddeeff';
    await expect(store.import(name, bytes, sha(Buffer.from('other')))).rejects.toThrow(/sha256/);
    expect(await store.exists(name)).toBe(false);
    expect(await store.import(name, bytes, sha(bytes))).toMatchObject({ size: bytes.length });
    const opened = await store.open(name);
    expect(opened && (await readWhole(opened)).equals(bytes)).toBe(true);
    await expect(store.open('../etc/passwd')).rejects.toThrow(/not a stored file name/);
  });
});
