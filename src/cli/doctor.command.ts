import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createConnection } from 'node:net';
import { existsSync, readdirSync, statfsSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { loadConfig, type Config } from '../config.js';
import { openDatabase } from '../platform/db/database.js';
import { createPdfRenderer, sarabunDataUrls } from '../platform/infra/pdf-renderer.js';
import {
  checkAppUrl,
  checkChromium,
  checkDatabase,
  checkDisk,
  checkFileStore,
  checkReportFonts,
  checkSecret,
  checkSystemThaiFonts,
  checkTrustProxy,
  doctorExitCode,
  formatDoctorReport,
  type ChromiumFacts,
  type CheckResult,
  type DatabaseFacts,
  type DiskFacts,
  type FileStoreFacts,
} from './doctor.js';
import type { Io } from './output.js';

/**
 * `prongsai doctor`: gathers the facts (database, Chromium, fonts, settings, file store, disk)
 * and prints doctor.ts's verdicts. It changes nothing: no migration, no folder made, no file
 * left behind (the write probe is removed at once).
 */

const TIMEOUT_MS = 15_000;

function within<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer in ${ms / 1000} s`)), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The migrations this version has: the files of platform/db/migrations (one per migration). */
export function knownMigrations(): string[] {
  const dir = new URL('../platform/db/migrations/', import.meta.url);
  return readdirSync(dir)
    .filter((f) => /^\d{12}_\w+\.(ts|js)$/.test(f))
    .map((f) => f.replace(/\.(ts|js)$/, ''))
    .sort();
}

/**
 * Whether the PostgreSQL server's port takes a TCP connection within the time limit: a host that
 * drops packets would otherwise hold a pool's connection attempt (and the process) for minutes.
 */
function reachable(url: string): Promise<string | undefined> {
  const { hostname, port } = new URL(url);
  if (hostname === '') return Promise.resolve(undefined); // a Unix socket named in the query
  return new Promise((done) => {
    const socket = createConnection({
      host: hostname.replace(/^\[|\]$/g, ''),
      port: Number(port || 5432),
    });
    socket.setTimeout(TIMEOUT_MS, () => {
      socket.destroy();
      done(`${hostname}:${port || 5432}: no answer in ${TIMEOUT_MS / 1000} s`);
    });
    socket.once('connect', () => {
      socket.destroy();
      done(undefined);
    });
    socket.once('error', (error) => done(error.message));
  });
}

/** Connects, then reads which migrations ran; never creates a missing SQLite file. */
export async function gatherDatabaseFacts(url: string): Promise<DatabaseFacts> {
  const dialect = url.startsWith('postgres') ? 'postgres' : 'sqlite';
  const known = knownMigrations();
  if (dialect === 'sqlite' && url.startsWith('file:') && !existsSync(url.slice('file:'.length)))
    return { dialect, known, applied: [] };
  const unreachable = dialect === 'postgres' ? await reachable(url) : undefined;
  if (unreachable !== undefined) return { dialect, known, applied: [], error: unreachable };
  const db = openDatabase(url);
  try {
    await within(sql`select 1`.execute(db.kysely), TIMEOUT_MS, 'database');
  } catch (error) {
    void db.close().catch(() => {});
    return { dialect, known, applied: [], error: messageOf(error) };
  }
  try {
    const { rows } = await sql<{ name: string }>`select name from kysely_migration`.execute(
      db.kysely,
    );
    return { dialect, known, applied: rows.map((r) => r.name) };
  } catch {
    return { dialect, known, applied: [] }; // no migration table yet: nothing ran
  } finally {
    await db.close();
  }
}

/** Launches the renderer's Chromium (same path and flags) and prints one Thai page. */
export async function gatherChromiumFacts(path: string): Promise<ChromiumFacts> {
  if (!existsSync(path)) return { path, exists: false };
  const renderer = createPdfRenderer({ chromiumPath: path, pages: 1, timeoutMs: 30_000 });
  try {
    const pdf = await renderer.render(
      '<!doctype html><html lang="th"><meta charset="utf-8"><title>doctor</title><p>ทดสอบ test</p></html>',
    );
    if (pdf.subarray(0, 5).toString('latin1') !== '%PDF-')
      return { path, exists: true, error: 'the output is not a PDF' };
    return { path, exists: true };
  } catch (error) {
    return { path, exists: true, error: messageOf(error) };
  } finally {
    await renderer.close();
  }
}

/** The Sarabun files the renderer embeds, read the way it reads them. */
function gatherSarabun(): Array<{ file: string; ok: boolean }> {
  try {
    const urls = sarabunDataUrls();
    return Object.entries(urls).map(([weight, url]) => {
      const head = Buffer.from(url.slice(url.indexOf(',') + 1, 12 + url.indexOf(',')), 'base64');
      // TrueType files start with 00 01 00 00 (or 'true'), OpenType CFF ones with 'OTTO'
      const magic = head.subarray(0, 4).toString('hex');
      return {
        file: `Sarabun ${weight}`,
        ok: ['00010000', '74727565', '4f54544f'].includes(magic),
      };
    });
  } catch (error) {
    return [{ file: messageOf(error), ok: false }];
  }
}

/** Thai font families fontconfig knows; null when fc-list is not installed. */
function gatherThaiFamilies(): Promise<string[] | null> {
  return new Promise((done) => {
    execFile('fc-list', [':lang=th', 'family'], { timeout: TIMEOUT_MS }, (error, stdout) => {
      if (error) return done((error as NodeJS.ErrnoException).code === 'ENOENT' ? null : []);
      const families = stdout
        .split('\n')
        .map((line) => line.split(',')[0]?.trim() ?? '')
        .filter((name) => name !== '');
      done([...new Set(families)].sort());
    });
  });
}

/** Folders served as they are: the app's own static files and fonts, and common web roots. */
function webRoots(): string[] {
  const fonts = dirname(
    createRequire(import.meta.url).resolve('@expo-google-fonts/sarabun/package.json'),
  );
  const own = fileURLToPath(new URL('../platform/http/public/', import.meta.url));
  return [own, fonts, '/var/www', '/usr/share/nginx/html'];
}

function gatherFileStore(config: Config & { FILE_STORE?: string }): FileStoreFacts {
  const postgres = config.DATABASE_URL.startsWith('postgres');
  const wanted = config.FILE_STORE ?? 'disk';
  const kind =
    wanted === 'database' || (wanted === 'auto' && postgres) ? ('database' as const) : 'disk';
  const dir = resolve(config.FILES_DIR);
  const exists = existsSync(dir) && statSync(dir).isDirectory();
  const facts: FileStoreFacts = { kind, dir, exists, webRoots: webRoots() };
  if (kind === 'disk' && exists) {
    const probe = resolve(dir, `.prongsai-doctor-${randomBytes(6).toString('hex')}`);
    try {
      writeFileSync(probe, 'doctor', { flag: 'wx' });
      unlinkSync(probe);
    } catch (error) {
      facts.writeError = messageOf(error);
    }
  }
  return facts;
}

/** The nearest folder of `path` that exists (the disk it will be on). */
function existingAncestor(path: string): string {
  let at = resolve(path);
  while (!existsSync(at) && dirname(at) !== at) at = dirname(at);
  return at;
}

function gatherDisks(config: Config, filesOnDisk: boolean): DiskFacts[] {
  const places: string[] = [];
  if (config.DATABASE_URL.startsWith('file:'))
    places.push(dirname(resolve(config.DATABASE_URL.slice('file:'.length))));
  if (filesOnDisk) places.push(resolve(config.FILES_DIR));
  if (places.length === 0) places.push(process.cwd());
  const seen = new Set<number>();
  const disks: DiskFacts[] = [];
  for (const place of places) {
    const at = existingAncestor(place);
    const device = statSync(at).dev;
    if (seen.has(device)) continue;
    seen.add(device);
    const fs = statfsSync(at);
    disks.push({ path: place, freeBytes: fs.bavail * fs.bsize, totalBytes: fs.blocks * fs.bsize });
  }
  return disks;
}

export interface DoctorOptions {
  /** Settings (the environment's when absent). */
  config?: Config;
}

const USAGE = `วิธีใช้ / usage: prongsai doctor [--production]
  --production   ตรวจแบบระบบใช้งานจริง (ถือว่าเป็นเช่นนั้นเมื่อใช้ PostgreSQL หรือ SECURE_COOKIES=1)
                 production rules (assumed on PostgreSQL or with SECURE_COOKIES=1)
`;

/** `prongsai doctor [--production]`: exit 0 when every required check passes, 1 otherwise. */
export async function runDoctorCommand(
  args: string[],
  io: Io,
  options: DoctorOptions = {},
): Promise<number> {
  const { values } = parseArgs({
    args,
    strict: true,
    options: { production: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    io.out(USAGE);
    return 0;
  }
  let config: Config;
  try {
    config = options.config ?? loadConfig();
  } catch (error) {
    io.out(`✗ ${messageOf(error)}\n`);
    return 1;
  }
  const production =
    values.production === true ||
    config.DATABASE_URL.startsWith('postgres') ||
    config.SECURE_COOKIES;
  io.out(
    production
      ? 'ตรวจแบบระบบใช้งานจริง / production checks\n\n'
      : 'ตรวจแบบทั่วไป (--production สำหรับระบบใช้งานจริง) / general checks (--production for a live system)\n\n',
  );
  const files = gatherFileStore(config);
  const [database, chromium, thai] = await Promise.all([
    gatherDatabaseFacts(config.DATABASE_URL),
    gatherChromiumFacts(config.CHROMIUM_PATH),
    gatherThaiFamilies(),
  ]);
  const results: CheckResult[] = [
    checkDatabase(database),
    checkChromium(chromium),
    checkReportFonts({ sarabun: gatherSarabun() }),
    checkSystemThaiFonts(thai),
    checkSecret(config.PRONGSAI_SECRET, production),
    checkAppUrl({
      appUrl: config.APP_URL,
      secureCookies: config.SECURE_COOKIES,
      production,
    }),
    checkTrustProxy({ trustProxy: config.TRUST_PROXY, host: config.HOST, appUrl: config.APP_URL }),
    checkFileStore(files),
    ...gatherDisks(config, files.kind === 'disk').map(checkDisk),
  ];
  io.out(formatDoctorReport(results));
  return doctorExitCode(results);
}
