import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { openDatabase } from '../platform/db/database.js';
import { migrateToLatest } from '../platform/db/migrate.js';
import { createFixedClock, randomIds } from '../platform/infra/clock.js';
import { seedDemo } from '../app/demo.js';
import { runExportCommand } from './export.command.js';
import { main } from './main.js';
import type { Io } from './output.js';

function bufferIo(interactive: boolean) {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (t) => out.push(t), err: (t) => err.push(t), interactive };
  return { io, out, err };
}

describe('prongsai export open-data', () => {
  const dir = mkdtempSync(join(tmpdir(), 'prongsai-export-'));
  const config = loadConfig({ DATABASE_URL: `file:${join(dir, 'demo.db')}` });

  beforeAll(async () => {
    const db = openDatabase(config.DATABASE_URL);
    await migrateToLatest(db);
    const clock = createFixedClock('2026-11-26T03:00:00.000Z');
    await seedDemo({ db, clock, ids: randomIds }, { year: 2569 });
    await db.close();
  }, 120_000);

  it('writes the published results of a year as CSV, with progress on a terminal', async () => {
    const out = join(dir, 'open-2568.csv');
    const { io, err } = bufferIo(true);
    const code = await runExportCommand(['open-data', '--year', '2568', '--out', out], io, {
      config,
    });
    expect(code).toBe(0);
    const lines = readFileSync(out, 'utf8')
      .split('\r\n')
      .filter((l) => l !== '');
    expect(lines[0]).toBe(
      '\uFEFFagency_code,agency_name,agency_type,year,iit,eit,oit,total,level_code,level_name_th,note,level_name_en,withheld',
    );
    expect(lines.length).toBeGreaterThan(2);
    expect(lines.some((l) => l.startsWith('D01,'))).toBe(true);
    expect(err.join('')).toMatch(/\d+\/\d+ \(100%\)\n$/);
  });

  it('writes JSON without progress when not on a terminal', async () => {
    const out = join(dir, 'open-2568.json');
    const { io, err, out: said } = bufferIo(false);
    expect(
      await runExportCommand(
        ['open-data', '--year', '2568', '--format', 'json', '--out', out],
        io,
        { config },
      ),
    ).toBe(0);
    const json = JSON.parse(readFileSync(out, 'utf8')) as {
      year: number;
      count: number;
      records: { year: number }[];
    };
    expect(json.year).toBe(2568);
    expect(json.records).toHaveLength(json.count);
    expect(json.records.every((r) => r.year === 2568)).toBe(true);
    expect(err).toEqual([]);
    expect(said.join('')).toContain(`${json.count}`);
  });

  it('refuses a missing year or an unknown format with the usage', async () => {
    const { io, err } = bufferIo(false);
    expect(await main(['export', 'open-data', '--out', 'x.csv'], io)).toBe(2);
    expect(
      await runExportCommand(['open-data', '--year', '2568', '--format', 'xml', '--out', 'x'], io, {
        config,
      }),
    ).toBe(2);
    expect(err.join('')).toContain('prongsai export open-data');
  });
});
