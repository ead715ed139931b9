import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { readWhole } from '../platform/infra/file-store.js';
import { DiskFileStore } from '../platform/infra/file-store-disk.js';
import { filesOf, type ServiceContext } from '../platform/services/context.js';
import { databaseFileStore, openFileStore } from '../platform/services/file-store.service.js';
import { received } from '../platform/services/file-store.test-support.js';
import { saveItemEvidence } from '../features/oit-evidence/feature.js';
import { openOitTestContext } from '../features/oit-evidence/services/oit-evidence.test-support.js';
import { runFilesCommand } from './files.command.js';
import type { Io } from './output.js';

function bufferIo(interactive = false) {
  let out = '';
  let err = '';
  const io: Io = { out: (t) => (out += t), err: (t) => (err += t), interactive };
  return { io, out: () => out, err: () => err };
}

const MAX = 2 * 1024 * 1024;
/** A PDF of 600 KB: three chunks in the database. */
const BIG = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(600 * 1024, 0x41)]);

describe('prongsai files move-to-database [postgres]', () => {
  let ctx: ServiceContext;
  let dispose: () => Promise<void>;
  let dir: string;
  let config: ReturnType<typeof loadConfig>;
  const names: string[] = [];
  let orphan: string;

  beforeAll(async () => {
    const opened = await openOitTestContext('postgres');
    dir = await mkdtemp(join(tmpdir(), 'prongsai-move-'));
    // files kept on disk, as before the database store: the state the command starts from
    ctx = {
      ...opened.ctx,
      files: openFileStore(opened.ctx.db, { FILE_STORE: 'disk', FILES_DIR: dir }),
    };
    dispose = opened.dispose;
    const agency = await opened.actorOf('agency@example.org');
    const input = { urls: [], explanation: 'หลักฐาน', elements: {} };
    for (const [item, name, bytes] of [
      ['O1', 'คำสั่ง.pdf', BIG],
      ['O2', 'รายชื่อ.txt', Buffer.from('ชื่อ นามสกุล\n')],
    ] as const) {
      const upload = await received(ctx, name, bytes, MAX);
      names.push(upload.stored?.storedName ?? '');
      await saveItemEvidence(
        ctx,
        agency,
        { roundId: opened.roundId, itemCode: item },
        input,
        upload,
      );
    }
    // a file no table refers to stays where it is
    orphan = (await filesOf(ctx).save('uploads', Buffer.from('orphan'))).storedName;
    config = loadConfig({ DATABASE_URL: ctx.db.url, FILES_DIR: dir });
  }, 120_000);
  afterAll(async () => {
    await dispose();
    await rm(dir, { recursive: true, force: true });
  });

  it('copies every referenced file into the database once, checked, and says what comes next', async () => {
    const first = bufferIo(true);
    expect(await runFilesCommand(['move-to-database'], first.io, { config })).toBe(0);
    expect(first.out()).toContain('moved into the database: 2 (0.6 MB)');
    expect(first.out()).toContain('already in the database, skipped: 0');
    expect(first.out()).toMatch(/--delete/);
    expect(first.err()).toMatch(/files 2\/2, ย้ายแล้ว \/ moved 0\.6 MB\n$/);
    const store = databaseFileStore(ctx.db);
    const big = await store.open(names[0] ?? '');
    expect(big && (await readWhole(big)).equals(BIG)).toBe(true);
    expect(await store.exists(orphan)).toBe(false);
    // nothing deleted without --delete
    expect((await readdir(join(dir, 'uploads'))).length).toBe(3);

    // again: nothing to move
    const again = bufferIo();
    expect(await runFilesCommand(['move-to-database'], again.io, { config })).toBe(0);
    expect(again.out()).toContain('moved into the database: 0');
    expect(again.out()).toContain('already in the database, skipped: 2');
    expect(again.err()).toBe('');
  });

  it('refuses a disk copy whose sha256 is not the one recorded, and deletes only with --delete', async () => {
    const agency = ctx.db.kysely;
    const upload = await received(ctx, 'แก้ไข.pdf', Buffer.from('%PDF-1.7\nfirst'), MAX);
    const name = upload.stored?.storedName ?? '';
    const evidence = await agency.selectFrom('oit_evidence').select('id').executeTakeFirstOrThrow();
    await agency
      .insertInto('oit_file')
      .values({
        id: 'changed-file',
        evidence_id: evidence.id,
        original_name: 'แก้ไข.pdf',
        stored_name: name,
        content_type: 'application/pdf',
        size: upload.stored?.size ?? 0,
        sha256: upload.stored?.sha256 ?? '',
        added_in: 'evidence',
        uploaded_by: null,
        uploaded_at: '2026-05-20T03:00:00.000Z',
      })
      .execute();
    await writeFile(new DiskFileStore(dir).pathOf(name), '%PDF-1.7\nchanged');
    const run = bufferIo();
    expect(await runFilesCommand(['move-to-database', '--delete'], run.io, { config })).toBe(1);
    expect(run.out()).toContain(`! ไม่ตรง / differs: ${name}`);
    expect(run.out()).toContain('disk copies deleted: 2');
    expect(await databaseFileStore(ctx.db).exists(name)).toBe(false);
    // left on disk: the orphan and the file that differs
    expect((await readdir(join(dir, 'uploads'))).sort()).toEqual(
      [orphan, name].map((n) => n.slice('uploads/'.length)).sort(),
    );
  });

  it('refuses a SQLite database and a wrong usage', async () => {
    const sqlite = bufferIo();
    const onSqlite = loadConfig({ DATABASE_URL: ':memory:', FILES_DIR: dir });
    expect(await runFilesCommand(['move-to-database'], sqlite.io, { config: onSqlite })).toBe(1);
    expect(sqlite.err()).toContain('SQLite');
    const usage = bufferIo();
    expect(await runFilesCommand(['move'], usage.io, { config })).toBe(2);
    expect(usage.err()).toContain('usage');
  });
});
