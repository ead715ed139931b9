import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runDbCommand } from './db.command.js';
import type { Io } from './output.js';

function bufferIo() {
  let out = '';
  let err = '';
  const io: Io = { out: (t) => (out += t), err: (t) => (err += t), interactive: false };
  return { io, out: () => out, err: () => err };
}

describe('prongsai migrate', () => {
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'prongsai-migrate-'));
    vi.stubEnv('DATABASE_URL', `file:${join(dir, 'fresh.db')}`);
  });

  afterAll(async () => {
    vi.unstubAllEnvs();
    await rm(dir, { recursive: true, force: true });
  });

  it('names the migrations it ran on a new database, then says the schema is up to date', async () => {
    const first = bufferIo();
    expect(await runDbCommand('migrate', [], first.io)).toBe(0);
    expect(first.out()).toMatch(/^migrated: \d{12}_/);
    expect(first.out()).toContain('202612201100_background_jobs');

    const again = bufferIo();
    expect(await runDbCommand('migrate', [], again.io)).toBe(0);
    expect(again.out()).toBe('ฐานข้อมูลเป็นปัจจุบันแล้ว / already up to date\n');
  });
});
