import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import { openDatabase } from '../platform/db/database.js';
import { migrateToLatest } from '../platform/db/migrate.js';
import { openFileStore } from '../platform/services/file-store.service.js';
import { randomIds, systemClock } from '../platform/infra/clock.js';
import { DEFAULT_FETCH_LIMITS } from '../platform/infra/link-fetcher.js';
import { checkSubmittedLinks, type LinkCheckOutcome } from '../features/oit-evidence/feature.js';
import type { Io } from './output.js';

const USAGE = 'วิธีใช้ / usage: prongsai oit check-links [--round ID]\n';

function printOutcome(outcome: LinkCheckOutcome, io: Io): void {
  io.out(`ตรวจลิงก์ ${outcome.checked} ลิงก์ / checked ${outcome.checked} link(s)\n`);
  if (outcome.warnings.length === 0) {
    io.out('✓ ทุกลิงก์ยังเปิดได้และไม่เปลี่ยนแปลง / every link still opens, unchanged\n');
    return;
  }
  for (const w of outcome.warnings) {
    const owner = w.ownerEmail ?? 'ไม่มีผู้รับผิดชอบ / no owner';
    io.out(
      `! ${w.agencyCode} ${w.itemCode} (${owner}) ${w.url}\n  ${w.message.th}\n  ${w.message.en}\n`,
    );
  }
}

/** `prongsai oit check-links [--round ID]`: re-checks submitted evidence links and prints warnings. */
export async function runOitCommand(args: string[], io: Io): Promise<number> {
  const { positionals, values } = parseArgs({
    args,
    strict: true,
    allowPositionals: true,
    options: { round: { type: 'string' } },
  });
  if (positionals[0] !== 'check-links' || positionals.length > 1) {
    io.err(USAGE);
    return 2;
  }
  const config = loadConfig();
  const db = openDatabase(config.DATABASE_URL);
  try {
    await migrateToLatest(db);
    const outcome = await checkSubmittedLinks(
      { db, clock: systemClock, ids: randomIds, files: openFileStore(db, config) },
      {
        limits: { ...DEFAULT_FETCH_LIMITS, allowPrivate: config.FETCH_ALLOW_PRIVATE },
        roundId: values.round ?? null,
      },
    );
    printOutcome(outcome, io);
    return 0;
  } finally {
    await db.close();
  }
}
