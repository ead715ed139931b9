import { appendFileSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadConfig, type Config } from '../config.js';
import { openDatabase } from '../platform/db/database.js';
import { migrateToLatest } from '../platform/db/migrate.js';
import { randomIds, systemClock } from '../platform/infra/clock.js';
import {
  formatCheckpoint,
  parseCheckpoints,
  takeAuditCheckpoint,
  verifyAuditLog,
} from '../features/audit/feature.js';
import type { Io } from './output.js';

const USAGE =
  'วิธีใช้ / usage: prongsai audit verify [--checkpoints FILE] | prongsai audit checkpoint [--append FILE]\n';

/**
 * `prongsai audit verify` checks the hash chain and, with `--checkpoints FILE`, that it still
 * reaches every checkpoint in the file; `prongsai audit checkpoint` prints the chain's head as a
 * checkpoint line (and appends it to `--append FILE`): keep that line outside the database (a
 * file on another machine, a printed memo, the agency's notice board).
 */
export async function runAuditCommand(
  args: string[],
  io: Io,
  options: { config?: Config } = {},
): Promise<number> {
  const { positionals, values } = parseArgs({
    args,
    strict: true,
    allowPositionals: true,
    options: { checkpoints: { type: 'string' }, append: { type: 'string' } },
  });
  const action = positionals[0];
  if (action !== 'verify' && action !== 'checkpoint') {
    io.err(USAGE);
    return 2;
  }
  const db = openDatabase((options.config ?? loadConfig()).DATABASE_URL);
  try {
    await migrateToLatest(db);
    const ctx = { db, clock: systemClock, ids: randomIds };
    if (action === 'checkpoint') {
      const checkpoint = await takeAuditCheckpoint(ctx);
      if (!checkpoint) {
        io.out('บันทึกการตรวจสอบยังว่าง / the audit log is empty: nothing to checkpoint\n');
        return 0;
      }
      const line = formatCheckpoint(checkpoint);
      io.out(`${line}\n`);
      if (values.append) appendFileSync(values.append, `${line}\n`);
      return 0;
    }
    const { checkpoints, badLines } = values.checkpoints
      ? parseCheckpoints(readFileSync(values.checkpoints, 'utf8'))
      : { checkpoints: [], badLines: [] };
    if (badLines.length > 0) {
      io.err(`✗ บรรทัดจุดตรวจอ่านไม่ได้ / unreadable checkpoint line(s): ${badLines.join(', ')}\n`);
      return 1;
    }
    const result = await verifyAuditLog(ctx, checkpoints);
    if (result.brokenAt !== null) {
      io.out(
        `✗ บันทึกการตรวจสอบถูกแก้ไขที่ลำดับ ${result.brokenAt} / audit log broken at entry ${result.brokenAt}\n`,
      );
      return 1;
    }
    if (result.missedCheckpoint) {
      const { seq, at } = result.missedCheckpoint;
      io.out(
        `✗ บันทึกการตรวจสอบไม่ถึงจุดตรวจลำดับ ${seq} (${at}): รายการล่าสุดถูกลบหรือแก้ไข / the audit log no longer reaches checkpoint ${seq} (${at}): its newest entries were removed or rewritten\n`,
      );
      return 1;
    }
    const reached = checkpoints.length > 0 ? `, ${checkpoints.length} checkpoint(s) reached` : '';
    io.out(
      `✓ บันทึกการตรวจสอบครบถ้วน ${result.entries} รายการ / audit log intact: ${result.entries} entries${reached}\n`,
    );
    return 0;
  } finally {
    await db.close();
  }
}
