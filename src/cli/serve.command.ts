import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import { openDatabase } from '../platform/db/database.js';
import { migrateToLatest } from '../platform/db/migrate.js';
import { openFileStore } from '../platform/services/file-store.service.js';
import { createApp } from '../app/create-app.js';
import { registerScheduledJobs } from '../app/scheduled-jobs.js';
import { reshuffleRecentResponses, RESHUFFLE_EVERY_MS } from '../features/surveys/feature.js';
import { randomIds, systemClock } from '../platform/infra/clock.js';
import type { Io } from './output.js';

/** `prongsai serve`: migrates the database and serves the web application until stopped. */
export async function runServeCommand(args: string[], io: Io): Promise<number> {
  const { values } = parseArgs({
    args,
    strict: true,
    options: { port: { type: 'string' }, host: { type: 'string' } },
  });
  const loaded = loadConfig();
  const port = values.port ? Number(values.port) : loaded.PORT;
  const host = values.host ?? loaded.HOST;
  // absolute links are built from APP_URL only; without it, from the address served here
  const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
  const config = { ...loaded, APP_URL: loaded.APP_URL ?? `http://${shown}:${port}` };
  if (!loaded.APP_URL)
    io.err(
      `APP_URL ไม่ได้ตั้ง ลิงก์แบบเต็มจะใช้ ${config.APP_URL} / APP_URL is not set: absolute links use ${config.APP_URL}\n`,
    );
  const db = openDatabase(config.DATABASE_URL);
  const ran = await migrateToLatest(db);
  if (ran.length > 0) io.err(`ปรับโครงสร้างฐานข้อมูล / migrated: ${ran.join(', ')}\n`);
  const ctx = { db, clock: systemClock, ids: randomIds, files: openFileStore(db, config) };
  const app = await createApp({ ctx, config });
  // background jobs: this process works the queue (on PostgreSQL with every other process) and
  // registers the scheduled jobs (SCHEDULED_JOBS); app.close() stops it
  await registerScheduledJobs(app.jobs, ctx, config, (line) => app.log.info(line));
  await app.jobs.start();
  // every hour: PostgreSQL keeps rows in arrival order, so recent answers are rewritten in random
  // order; and on both engines, ended arrival windows that were not bursts are deleted
  const reshuffle = setInterval(() => {
    reshuffleRecentResponses(ctx).catch((error: unknown) => app.log.error(error));
  }, RESHUFFLE_EVERY_MS).unref();
  const address = await app.listen({ port, host });
  io.err(
    `Prongsai พร้อมใช้งานที่ / is running at ${address.replace('127.0.0.1', 'localhost')}  (${db.dialect})\n`,
  );
  io.err(
    config.SCHEDULED_JOBS
      ? `งานตามเวลา / scheduled jobs: ตรวจลิงก์ 02:30, อีเมลแจ้งเตือน 07:00 (Asia/Bangkok) / link check 02:30, reminders 07:00 (${app.jobs.kind})\n`
      : 'งานตามเวลาปิดอยู่ (SCHEDULED_JOBS=off) / scheduled jobs are off\n',
  );
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  clearInterval(reshuffle);
  await app.close();
  await db.close();
  return 0;
}
