import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { openDatabase } from '../platform/db/database.js';
import { migrateToLatest } from '../platform/db/migrate.js';
import { createPostgresDatabase } from '../platform/db/test-databases.js';
import { gatherDatabaseFacts, knownMigrations, runDoctorCommand } from './doctor.command.js';
import { main } from './main.js';
import type { Io } from './output.js';

function capture(): Io & { text: () => string } {
  let out = '';
  return {
    out: (t) => (out += t),
    err: (t) => (out += t),
    interactive: false,
    text: () => out,
  };
}

const dir = mkdtempSync(join(tmpdir(), 'prongsai-doctor-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function migrated(url: string): Promise<void> {
  const db = openDatabase(url);
  await migrateToLatest(db);
  await db.close();
}

describe('prongsai doctor: the database facts', () => {
  it('knows every migration of this version', () => {
    const known = knownMigrations();
    expect(known[0]).toBe('202611261300_platform');
    expect(known.length).toBeGreaterThan(10);
  });

  it('[sqlite] reads a missing file as nothing migrated, without creating it', async () => {
    const file = join(dir, 'missing.db');
    const facts = await gatherDatabaseFacts(`file:${file}`);
    expect(facts).toMatchObject({ dialect: 'sqlite', applied: [] });
    expect(facts.error).toBeUndefined();
    expect(existsSync(file)).toBe(false);
  });

  it('[sqlite] sees a migrated database as up to date', async () => {
    const url = `file:${join(dir, 'migrated.db')}`;
    await migrated(url);
    const facts = await gatherDatabaseFacts(url);
    expect(facts.applied).toEqual(facts.known);
  });

  it('[postgres] sees an empty database as nothing migrated, then up to date', async () => {
    const { url, drop } = await createPostgresDatabase();
    try {
      expect(await gatherDatabaseFacts(url)).toMatchObject({ dialect: 'postgres', applied: [] });
      await migrated(url);
      const facts = await gatherDatabaseFacts(url);
      expect(facts.error).toBeUndefined();
      expect([...facts.applied].sort()).toEqual(facts.known);
    } finally {
      await drop();
    }
  });

  it('[postgres] reports a server that does not answer', async () => {
    const facts = await gatherDatabaseFacts('postgres://nobody@127.0.0.1:1/none');
    expect(facts.error).toMatch(/ECONNREFUSED/);
  });
});

describe('prongsai doctor', () => {
  it('is a prongsai command', async () => {
    const io = capture();
    expect(await main(['doctor', '--help'], io)).toBe(0);
    expect(io.text()).toContain('prongsai doctor [--production]');
  });

  it('passes a ready SQLite installation (Chromium prints, files writable) and exits 0', async () => {
    const url = `file:${join(dir, 'ready.db')}`;
    await migrated(url);
    const files = join(dir, 'files');
    mkdirSync(files);
    const io = capture();
    const config = loadConfig({ DATABASE_URL: url, FILES_DIR: files });
    const code = await runDoctorCommand([], io, { config });
    const text = io.text();
    expect(text).toContain('✓ เชื่อมต่อฐานข้อมูล SQLite ได้ โครงสร้างเป็นปัจจุบัน');
    expect(text).toContain('Chromium at /usr/bin/chromium starts and prints a PDF');
    expect(text).toContain(`FILES_DIR (${files}) is writable and outside the web root`);
    expect(text).toMatch(/free space at .*GB/);
    expect(text).toContain('พร้อมใช้งาน / ready');
    expect(code).toBe(0);
    expect(readdirSync(files)).toEqual([]); // the write probe is gone
  });

  it('fails an unmigrated database and production settings, saying what to do, and exits 1', async () => {
    const io = capture();
    const config = loadConfig({
      DATABASE_URL: `file:${join(dir, 'new.db')}`,
      FILES_DIR: join(dir, 'no-such-folder'),
      CHROMIUM_PATH: join(dir, 'no-chromium'),
      APP_URL: 'http://ita.example.go.th',
    });
    const code = await runDoctorCommand(['--production'], io, { config });
    const text = io.text();
    expect(code).toBe(1);
    expect(text).toContain('ตรวจแบบระบบใช้งานจริง / production checks');
    expect(text).toContain('→ back up, then run prongsai migrate');
    expect(text).toContain('✗ ไม่พบ Chromium');
    expect(text).toContain('(ไม่บังคับ / optional)');
    expect(text).toContain('PRONGSAI_SECRET is not set');
    expect(text).toContain('not https://, in production');
    expect(text).toContain('does not exist');
    expect(text).toMatch(/ต้องแก้ \d+ ข้อก่อนใช้งาน/);
    expect(existsSync(join(dir, 'new.db'))).toBe(false);
  });
});
