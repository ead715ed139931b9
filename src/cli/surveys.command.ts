import { loadConfig, type Config } from '../config.js';
import { openDatabase } from '../platform/db/database.js';
import { migrateToLatest } from '../platform/db/migrate.js';
import { randomIds, systemClock } from '../platform/infra/clock.js';
import { reshuffleRecentResponses } from '../features/surveys/feature.js';
import type { Io } from './output.js';

/**
 * `prongsai surveys reshuffle`: rewrites the answers of today and yesterday in random order
 * (PostgreSQL; `prongsai serve` also does it every hour). Nothing to do on SQLite.
 */
export async function runSurveysCommand(
  args: string[],
  io: Io,
  options: { config?: Config } = {},
): Promise<number> {
  if (args[0] !== 'reshuffle' || args.length > 1) {
    io.err('วิธีใช้ / usage: prongsai surveys reshuffle\n');
    return 2;
  }
  const db = openDatabase((options.config ?? loadConfig()).DATABASE_URL);
  try {
    await migrateToLatest(db);
    const count = await reshuffleRecentResponses({ db, clock: systemClock, ids: randomIds });
    io.out(
      db.dialect === 'sqlite'
        ? 'SQLite เก็บคำตอบตามคีย์สุ่มอยู่แล้ว / SQLite keeps answers in random-key order already\n'
        : `สลับลำดับคำตอบ ${count} รายการ / rewrote ${count} answer(s) in random order\n`,
    );
    return 0;
  } finally {
    await db.close();
  }
}
