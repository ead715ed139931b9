import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { loadConfig, type Config } from '../config.js';
import { openDatabase } from '../platform/db/database.js';
import { migrateToLatest } from '../platform/db/migrate.js';
import { randomIds, systemClock } from '../platform/infra/clock.js';
import { openDataCsv, openDataJson } from '../features/results/feature.js';
import { listOpenData } from '../features/results/feature.js';
import type { Io } from './output.js';

const USAGE =
  'วิธีใช้ / usage: prongsai export open-data --year 2569 [--format csv|json] --out FILE\n';

/** A one-line progress count on an interactive terminal (at most five redraws a second). */
function progressLine(io: Io, label: string): (done: number, total: number) => void {
  let last = 0;
  return (done, total) => {
    const now = Date.now();
    if (!io.interactive || (now - last < 200 && done < total)) return;
    last = now;
    const share = total > 0 ? Math.floor((done / total) * 100) : 100;
    io.err(`\r${label} ${done}/${total} (${share}%)${done >= total ? '\n' : ''}`);
  };
}

/**
 * `prongsai export open-data`: every published result of a year (all agencies) as the same
 * CSV or JSON the public site serves at /public/open-data/YEAR.csv|json, written to a file.
 */
export async function runExportCommand(
  args: string[],
  io: Io,
  options: { config?: Config } = {},
): Promise<number> {
  const [what, ...rest] = args;
  const { values } = parseArgs({
    args: rest,
    options: {
      year: { type: 'string' },
      format: { type: 'string', default: 'csv' },
      out: { type: 'string' },
    },
  });
  const year = values.year?.trim() ?? '';
  if (what !== 'open-data' || !/^\d{4}$/.test(year) || !values.out) {
    io.err(USAGE);
    return 2;
  }
  if (values.format !== 'csv' && values.format !== 'json') {
    io.err(`รูปแบบต้องเป็น csv หรือ json / --format must be csv or json\n${USAGE}`);
    return 2;
  }
  const config = options.config ?? loadConfig();
  const db = openDatabase(config.DATABASE_URL);
  try {
    await migrateToLatest(db);
    const ctx = { db, clock: systemClock, ids: randomIds };
    const rows = await listOpenData(
      ctx,
      Number(year),
      progressLine(io, 'อ่านผลการประเมิน / reading results'),
    );
    const body =
      values.format === 'json'
        ? `${JSON.stringify(openDataJson(Number(year), rows), null, 2)}\n`
        : openDataCsv(rows);
    await writeFile(values.out, body);
    io.out(
      `บันทึกผลที่เผยแพร่ ${rows.length} หน่วยงาน ปี ${year} ลง ${values.out} / wrote ${rows.length} published result(s) of ${year} to ${values.out}\n`,
    );
    return 0;
  } finally {
    await db.close();
  }
}
