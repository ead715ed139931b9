import { parseArgs } from 'node:util';
import { loadConfig, type Config } from '../config.js';
import { openDatabase } from '../platform/db/database.js';
import { migrateToLatest } from '../platform/db/migrate.js';
import { moveFilesToDatabase, type MoveOutcome } from '../platform/services/file-store.service.js';
import type { Io } from './output.js';

const USAGE = 'วิธีใช้ / usage: prongsai files move-to-database [--delete]\n';

const mb = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;

/** The progress line on an interactive terminal (at most five redraws a second). */
function progress(io: Io): (done: number, total: number, bytes: number) => void {
  let last = 0;
  return (done, total, bytes) => {
    const now = Date.now();
    if (!io.interactive || (now - last < 200 && done < total)) return;
    last = now;
    const line = `ไฟล์ / files ${done}/${total}, ย้ายแล้ว / moved ${mb(bytes)}`;
    io.err(`\r${line}${done >= total ? '\n' : ''}`);
  };
}

function printOutcome(io: Io, outcome: MoveOutcome, config: Config, deleted: boolean): void {
  io.out(
    [
      `ไฟล์ที่ตารางอ้างถึง / files referred to: ${outcome.referenced}`,
      `ย้ายเข้าฐานข้อมูล / moved into the database: ${outcome.moved} (${mb(outcome.movedBytes)})`,
      `มีในฐานข้อมูลแล้ว ข้ามไป / already in the database, skipped: ${outcome.alreadyThere}`,
      `ไม่พบบนดิสก์ / not found on disk: ${outcome.missing.length}`,
      `เนื้อไฟล์ไม่ตรงกับ sha256 ที่บันทึกไว้ ไม่ได้ย้าย / sha256 differs from the one recorded, not moved: ${outcome.differing.length}`,
      ...(deleted ? [`ลบสำเนาบนดิสก์แล้ว / disk copies deleted: ${outcome.deleted}`] : []),
    ].join('\n') + '\n',
  );
  for (const name of outcome.missing) io.out(`! ไม่พบ / missing: ${name}\n`);
  for (const name of outcome.differing) io.out(`! ไม่ตรง / differs: ${name}\n`);
  if (!deleted)
    io.out(
      `ต่อไป: เก็บ FILE_STORE=auto (หรือ database) ไว้ ระบบจะอ่านไฟล์จากฐานข้อมูลแทน ${config.FILES_DIR}` +
        ` เมื่อสำรองฐานข้อมูลและตรวจการกู้คืนแล้ว จึงลบสำเนาบนดิสก์ (หรือสั่งซ้ำด้วย --delete)\n` +
        `Next: keep FILE_STORE=auto (or database): files are now read from the database, not from ${config.FILES_DIR}.` +
        ` Once a backup of the database has been restored and checked, delete the disk copies (or run this again with --delete).\n`,
    );
}

/**
 * `prongsai files move-to-database [--delete]`: copies every uploaded file and link copy the
 * tables refer to from FILES_DIR into the PostgreSQL database (idempotent, sha256 checked),
 * then says what to do with the disk copies; `--delete` removes those the database now holds.
 */
export async function runFilesCommand(
  args: string[],
  io: Io,
  options: { config?: Config } = {},
): Promise<number> {
  const { positionals, values } = parseArgs({
    args,
    strict: true,
    allowPositionals: true,
    options: { delete: { type: 'boolean', default: false } },
  });
  if (positionals[0] !== 'move-to-database' || positionals.length > 1) {
    io.err(USAGE);
    return 2;
  }
  const config = options.config ?? loadConfig();
  const db = openDatabase(config.DATABASE_URL);
  try {
    if (db.dialect !== 'postgres') {
      io.err(
        'ฐานข้อมูลนี้เป็น SQLite: ไฟล์อยู่บนดิสก์ตามเดิม ย้ายได้เฉพาะเข้า PostgreSQL / This database is SQLite: files stay on disk; they can be moved into PostgreSQL only\n',
      );
      return 1;
    }
    await migrateToLatest(db);
    const outcome = await moveFilesToDatabase(db, config.FILES_DIR, {
      deleteFromDisk: values.delete,
      onProgress: progress(io),
    });
    printOutcome(io, outcome, config, values.delete);
    return outcome.missing.length > 0 || outcome.differing.length > 0 ? 1 : 0;
  } finally {
    await db.close();
  }
}
