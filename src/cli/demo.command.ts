import { createWriteStream, mkdirSync } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import { compileEdition } from '../core/framework/compile-edition.js';
import { createSeededRandom, generateBundleRecords } from '../core/demo/generate-bundle.js';
import { openDatabase } from '../platform/db/database.js';
import { migrateToLatest } from '../platform/db/migrate.js';
import { openFileStore } from '../platform/services/file-store.service.js';
import { createApp } from '../app/create-app.js';
import { randomIds, systemClock } from '../platform/infra/clock.js';
import { listBundledEditions, loadEdition } from '../features/editions/feature.js';
import { chooseDemoYears } from '../core/demo/demo-years.js';
import { bangkokDay } from '../core/thai-calendar.js';
import { DEMO_AGENCIES, seedDemo, type DemoSummary } from '../app/demo.js';
import { ROLE_NAMES } from '../core/access/roles.js';
import { runScoreCommand } from './score.command.js';
import { formatTable, type Io } from './output.js';

/** `prongsai demo score`: writes a generated bundle for the demo ministry and scores it. */
async function runScoreDemo(args: string[], io: Io): Promise<number> {
  const { values } = parseArgs({
    args,
    strict: true,
    options: {
      edition: { type: 'string' },
      out: { type: 'string', default: join('data', 'demo-bundle.ndjson') },
      seed: { type: 'string' },
    },
  });
  // by default the edition of the assessment year running today, as the served demo
  const edition =
    values.edition ??
    chooseDemoYears(bangkokDay(systemClock.now()), listBundledEditions()).currentEdition;
  const compiled = compileEdition(loadEdition(edition).edition);
  mkdirSync(join(values.out, '..'), { recursive: true });
  const file = createWriteStream(values.out);
  const records = generateBundleRecords(compiled, {
    agencies: DEMO_AGENCIES.map((a) => ({ id: a.code, name: a.nameTh })),
    responses: 2400,
    iitShare: 0.4,
    random: createSeededRandom(Number(values.seed ?? compiled.edition.year)),
  });
  for (const record of records) {
    if (!file.write(JSON.stringify(record) + '\n')) await once(file, 'drain');
  }
  file.end();
  await once(file, 'finish');
  io.out(`ข้อมูลตัวอย่าง / demo bundle: ${values.out}\n\n`);
  return runScoreCommand(['--edition', edition, '--input', values.out], io);
}

function printAccounts(io: Io, summary: DemoSummary, url: string, serving: boolean): void {
  const rows = summary.accounts.map((a) => [
    a.email,
    ROLE_NAMES[a.role].th,
    ROLE_NAMES[a.role].en,
    a.at ?? '*',
  ]);
  io.out(
    `\nProngsai demo: ${url}\n` +
      `${summary.seeded ? 'สร้างข้อมูลตัวอย่างแล้ว / demo data created' : 'ใช้ข้อมูลตัวอย่างเดิม / demo data already there'}: ` +
      `${summary.agencies} หน่วยงาน/agencies` +
      (summary.years
        ? `, รอบปี ${summary.years.last} (ประกาศผลแล้ว/published) และ ${summary.years.current} (เก็บข้อมูล/collecting)`
        : '') +
      `\n\n` +
      `บัญชีตัวอย่าง / demo accounts (รหัสผ่าน / password: ${summary.password})\n`,
  );
  io.out(formatTable(['อีเมล / e-mail', 'บทบาท', 'role', 'หน่วยงาน/agency'], rows));
  if (serving) io.out('\nกด Ctrl-C เพื่อหยุด / press Ctrl-C to stop\n');
}

/** `prongsai demo`: seeds the demo database once, then serves it; `demo score` scores a generated bundle. */
export async function runDemoCommand(args: string[], io: Io): Promise<number> {
  if (args[0] === 'score') return runScoreDemo(args.slice(1), io);
  const { values } = parseArgs({
    args,
    strict: true,
    options: { port: { type: 'string' }, 'seed-only': { type: 'boolean', default: false } },
  });
  const config = loadConfig();
  const db = openDatabase(config.DEMO_DATABASE_URL);
  await migrateToLatest(db);
  const ctx = { db, clock: systemClock, ids: randomIds, files: openFileStore(db, config) };
  io.err('กำลังเตรียมข้อมูลตัวอย่าง / preparing the demo …\n');
  const summary = await seedDemo(ctx, { oitProgress: true });
  if (values['seed-only']) {
    printAccounts(io, summary, config.DEMO_DATABASE_URL, false);
    await db.close();
    return 0;
  }
  const port = values.port ? Number(values.port) : config.PORT;
  const shown = config.HOST === '0.0.0.0' || config.HOST === '::' ? 'localhost' : config.HOST;
  // absolute links (QR codes, feeds) come from APP_URL, else from the address served here
  const appUrl = config.APP_URL ?? `http://${shown}:${port}`;
  const app = await createApp({ ctx, config: { ...config, APP_URL: appUrl, LOG_LEVEL: 'warn' } });
  const address = await app.listen({ port, host: config.HOST });
  printAccounts(io, summary, `${address.replace('127.0.0.1', 'localhost')}/login`, true);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
  await app.close();
  await db.close();
  return 0;
}
