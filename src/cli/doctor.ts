import { isAbsolute, relative, resolve } from 'node:path';
import type { Message } from '../core/errors.js';

/**
 * `prongsai doctor`'s judgements: each check turns facts gathered by the command (the database's
 * migrations, whether Chromium printed, the settings, the file store, the disk) into a verdict in
 * Thai and English and, when it fails, what to do. No I/O here: doctor.command.ts gathers.
 */

export interface CheckResult {
  /** Stable name (`database`, `chromium`…), for tests and scripts. */
  id: string;
  ok: boolean;
  /** A failed required check makes `prongsai doctor` exit 1; an optional one only warns. */
  required: boolean;
  /** What was found. */
  said: Message;
  /** What to do (failed checks only). */
  fix?: Message;
}

/** Less free space than this on a disk Prongsai writes to fails the disk check. */
export const MIN_FREE_BYTES = 1024 ** 3;

/** Shortest PRONGSAI_SECRET accepted (the settings refuse shorter ones too). */
export const MIN_SECRET_LENGTH = 32;

const pass = (id: string, said: Message, required = true): CheckResult => ({
  id,
  ok: true,
  required,
  said,
});

const fail = (id: string, said: Message, fix: Message, required = true): CheckResult => ({
  id,
  ok: false,
  required,
  said,
  fix,
});

export interface DatabaseFacts {
  dialect: 'sqlite' | 'postgres';
  /** Why no connection was made; absent when connected. */
  error?: string;
  /** Migrations this version of Prongsai has. */
  known: readonly string[];
  /** Migrations the database records as run. */
  applied: readonly string[];
}

/** The database answers and its schema is exactly what this version expects. */
export function checkDatabase(facts: DatabaseFacts): CheckResult {
  const engine = facts.dialect === 'postgres' ? 'PostgreSQL' : 'SQLite';
  if (facts.error !== undefined)
    return fail(
      'database',
      {
        th: `เชื่อมต่อฐานข้อมูล ${engine} ไม่ได้: ${facts.error}`,
        en: `cannot connect to the ${engine} database: ${facts.error}`,
      },
      {
        th: 'ตรวจ DATABASE_URL (ที่อยู่ ชื่อผู้ใช้ รหัสผ่าน) และว่าเซิร์ฟเวอร์ฐานข้อมูลทำงานอยู่',
        en: 'check DATABASE_URL (host, user, password) and that the database server is running',
      },
    );
  const applied = new Set(facts.applied);
  const known = new Set(facts.known);
  const pending = facts.known.filter((name) => !applied.has(name));
  const unknown = facts.applied.filter((name) => !known.has(name));
  if (unknown.length > 0)
    return fail(
      'database',
      {
        th: `ฐานข้อมูล ${engine} ถูกปรับโดย Prongsai รุ่นที่ใหม่กว่า (${unknown.join(', ')})`,
        en: `the ${engine} database was migrated by a newer Prongsai (${unknown.join(', ')})`,
      },
      {
        th: 'ติดตั้ง Prongsai รุ่นเดียวกับที่ปรับฐานข้อมูลนี้ หรือกู้คืนสำเนาก่อนปรับ',
        en: 'install the Prongsai version that migrated this database, or restore a backup from before',
      },
    );
  if (pending.length > 0)
    return fail(
      'database',
      {
        th: `ฐานข้อมูล ${engine} ยังไม่ได้ปรับโครงสร้าง ${pending.length} ขั้น (${pending.join(', ')})`,
        en: `the ${engine} database lacks ${pending.length} migration(s) (${pending.join(', ')})`,
      },
      {
        th: 'สำรองข้อมูลแล้วรัน prongsai migrate (prongsai serve ก็ปรับให้เมื่อเริ่ม)',
        en: 'back up, then run prongsai migrate (prongsai serve also migrates at start)',
      },
    );
  return pass('database', {
    th: `เชื่อมต่อฐานข้อมูล ${engine} ได้ โครงสร้างเป็นปัจจุบัน (${facts.known.length} ขั้น)`,
    en: `${engine} database connected, schema up to date (${facts.known.length} migrations)`,
  });
}

export interface ChromiumFacts {
  path: string;
  exists: boolean;
  /** Why a test page could not be printed; absent when it printed. */
  error?: string;
}

/** The Chromium that prints PDF reports is there and prints (PDF only: DOCX and HTML work without). */
export function checkChromium(facts: ChromiumFacts): CheckResult {
  if (!facts.exists)
    return fail(
      'chromium',
      {
        th: `ไม่พบ Chromium ที่ ${facts.path}: รายงาน PDF จะตอบ 503 (DOCX และ HTML ยังใช้ได้)`,
        en: `no Chromium at ${facts.path}: PDF reports answer 503 (DOCX and HTML still work)`,
      },
      {
        th: 'ติดตั้ง: apt-get install chromium หรือตั้ง CHROMIUM_PATH ให้ชี้ไปที่ Chromium',
        en: 'install it (apt-get install chromium) or point CHROMIUM_PATH at a Chromium',
      },
      false,
    );
  if (facts.error !== undefined)
    return fail(
      'chromium',
      {
        th: `Chromium ที่ ${facts.path} เปิดหรือพิมพ์ PDF ไม่ได้: ${facts.error}`,
        en: `Chromium at ${facts.path} did not start or print: ${facts.error}`,
      },
      {
        th: 'ลองรัน "CHROMIUM --headless --no-sandbox --print-to-pdf=/tmp/x.pdf about:blank" ด้วยผู้ใช้เดียวกับระบบ แล้วแก้ตามข้อความ (เช่น ไลบรารีที่ขาด)',
        en: 'run "CHROMIUM --headless --no-sandbox --print-to-pdf=/tmp/x.pdf about:blank" as the service user and fix what it says (e.g. missing libraries)',
      },
      false,
    );
  return pass(
    'chromium',
    {
      th: `Chromium ที่ ${facts.path} เปิดและพิมพ์ PDF ได้`,
      en: `Chromium at ${facts.path} starts and prints a PDF`,
    },
    false,
  );
}

export interface FontFacts {
  /** The bundled Sarabun files the renderer embeds, and whether each is a readable font. */
  sarabun: ReadonlyArray<{ file: string; ok: boolean }>;
}

/** The Sarabun files every report embeds (PDF, DOCX charts, page numbers) are present. */
export function checkReportFonts(facts: FontFacts): CheckResult {
  const broken = facts.sarabun.filter((f) => !f.ok).map((f) => f.file);
  if (facts.sarabun.length === 0 || broken.length > 0)
    return fail(
      'fonts',
      {
        th: `ไม่พบแบบอักษร Sarabun ที่รายงานใช้: ${broken.join(', ') || '(ไม่มีไฟล์)'}`,
        en: `the Sarabun font files reports embed are missing or broken: ${broken.join(', ') || '(none)'}`,
      },
      {
        th: 'ติดตั้งแพ็กเกจใหม่: npm ci --omit=dev (แพ็กเกจ @expo-google-fonts/sarabun)',
        en: 'reinstall the packages: npm ci --omit=dev (package @expo-google-fonts/sarabun)',
      },
    );
  return pass('fonts', {
    th: `แบบอักษร Sarabun สำหรับรายงานครบ (${facts.sarabun.length} ไฟล์)`,
    en: `the Sarabun font files for reports are present (${facts.sarabun.length} files)`,
  });
}

/** Thai fonts installed on the system (fc-list :lang=th); null: fc-list is not there. */
export function checkSystemThaiFonts(families: readonly string[] | null): CheckResult {
  if (families === null || families.length === 0)
    return fail(
      'thai-fonts',
      {
        th:
          families === null
            ? 'ตรวจแบบอักษรของระบบไม่ได้ (ไม่มีคำสั่ง fc-list)'
            : 'ไม่มีแบบอักษรไทยในระบบ: ข้อความที่ Sarabun ไม่มีจะแสดงเป็นกล่องใน PDF',
        en:
          families === null
            ? 'cannot list the system fonts (no fc-list)'
            : 'no Thai font on the system: text Sarabun lacks prints as boxes in PDFs',
      },
      {
        th: 'ติดตั้ง: apt-get install fontconfig fonts-thai-tlwg-ttf',
        en: 'install them: apt-get install fontconfig fonts-thai-tlwg-ttf',
      },
      false,
    );
  const shown = families.slice(0, 4).join(', ') + (families.length > 4 ? ', …' : '');
  return pass(
    'thai-fonts',
    {
      th: `มีแบบอักษรไทยในระบบ ${families.length} ชุด (${shown})`,
      en: `${families.length} Thai font famil${families.length === 1 ? 'y' : 'ies'} installed (${shown})`,
    },
    false,
  );
}

/** Text an operator copies from an example instead of making a secret. */
const PLACEHOLDER = /change|example|secret|password|prongsai|replace|todo|xxxx|0123|1234|abcd/i;

/** PRONGSAI_SECRET (the HMAC key of single-use survey codes) is set and hard to guess. */
export function checkSecret(secret: string | undefined, production: boolean): CheckResult {
  const make = {
    th: 'ตั้ง PRONGSAI_SECRET เป็นค่าสุ่ม เช่น จาก openssl rand -base64 48 แล้วเก็บไว้นอกฐานข้อมูล',
    en: 'set PRONGSAI_SECRET to a random value, e.g. from openssl rand -base64 48, kept outside the database',
  };
  if (secret === undefined) {
    const said = {
      th: 'ไม่ได้ตั้ง PRONGSAI_SECRET: ระบบสร้างและเก็บไว้ในฐานข้อมูล (ผู้ได้สำเนาฐานข้อมูลได้กุญแจไปด้วย)',
      en: 'PRONGSAI_SECRET is not set: one is made and kept in the database (a copy of the database carries the key)',
    };
    return production ? fail('secret', said, make) : pass('secret', said);
  }
  const distinct = new Set(secret).size;
  if (secret.length < MIN_SECRET_LENGTH || distinct < 12 || PLACEHOLDER.test(secret))
    return fail(
      'secret',
      {
        th: `PRONGSAI_SECRET เดาได้ง่าย (ยาว ${secret.length} ตัว ต่างกัน ${distinct} ตัว${PLACEHOLDER.test(secret) ? ' มีคำตัวอย่าง' : ''})`,
        en: `PRONGSAI_SECRET is guessable (${secret.length} characters, ${distinct} distinct${PLACEHOLDER.test(secret) ? ', placeholder text' : ''})`,
      },
      make,
    );
  return pass('secret', {
    th: `ตั้ง PRONGSAI_SECRET แล้ว (${secret.length} ตัวอักษร)`,
    en: `PRONGSAI_SECRET is set (${secret.length} characters)`,
  });
}

export interface AddressFacts {
  appUrl: string | undefined;
  secureCookies: boolean;
  production: boolean;
}

/** APP_URL is set and HTTPS in production with SECURE_COOKIES on, and agrees with SECURE_COOKIES. */
export function checkAppUrl(facts: AddressFacts): CheckResult {
  const https = facts.appUrl?.startsWith('https://') ?? false;
  if (facts.appUrl === undefined || (facts.production && !https)) {
    const said = facts.appUrl
      ? {
          th: `APP_URL เป็น ${facts.appUrl} ไม่ใช่ https:// ในระบบใช้งานจริง`,
          en: `APP_URL is ${facts.appUrl}, not https://, in production`,
        }
      : {
          th: 'ไม่ได้ตั้ง APP_URL: ลิงก์ในอีเมลและหลักฐานที่เผยแพร่จะใช้ที่อยู่ที่เปิดระบบ',
          en: 'APP_URL is not set: links in e-mails and published evidence use the served address',
        };
    const fix = {
      th: 'ตั้ง APP_URL เป็นที่อยู่ที่ผู้ใช้เปิด เช่น https://ita.example.go.th',
      en: 'set APP_URL to the address people open, e.g. https://ita.example.go.th',
    };
    return facts.production ? fail('app-url', said, fix) : pass('app-url', said);
  }
  if (facts.secureCookies && !https)
    return fail(
      'app-url',
      {
        th: `SECURE_COOKIES=1 แต่ APP_URL เป็น http:// (${facts.appUrl}): เบราว์เซอร์จะไม่ส่งคุกกี้ จึงเข้าสู่ระบบไม่ได้`,
        en: `SECURE_COOKIES=1 but APP_URL is http:// (${facts.appUrl}): browsers will not send the cookie, nobody signs in`,
      },
      {
        th: 'เปิดระบบผ่าน HTTPS และตั้ง APP_URL=https://… หรือตั้ง SECURE_COOKIES=0',
        en: 'serve over HTTPS with APP_URL=https://…, or set SECURE_COOKIES=0',
      },
    );
  if (facts.production && !facts.secureCookies)
    return fail(
      'app-url',
      {
        th: `APP_URL เป็น ${facts.appUrl} แต่ SECURE_COOKIES ปิด: คุกกี้เข้าสู่ระบบอาจถูกส่งผ่าน HTTP ธรรมดา`,
        en: `APP_URL is ${facts.appUrl} but SECURE_COOKIES is off: the sign-in cookie may travel over plain HTTP`,
      },
      { th: 'ตั้ง SECURE_COOKIES=1', en: 'set SECURE_COOKIES=1' },
    );
  return pass('app-url', { th: `APP_URL คือ ${facts.appUrl}`, en: `APP_URL is ${facts.appUrl}` });
}

export interface ProxyFacts {
  /** TRUST_PROXY as the settings read it: false (none), a number of hops, or addresses. */
  trustProxy: false | number | string;
  /** Where `prongsai serve` listens (HOST). */
  host: string;
  appUrl: string | undefined;
}

const LOOPBACK = /^(127\.|::1$|::ffff:127\.|localhost$)/;

/** TRUST_PROXY agrees with where the server listens and with an HTTPS APP_URL. */
export function checkTrustProxy(facts: ProxyFacts): CheckResult {
  const { trustProxy, host } = facts;
  if (trustProxy === false) {
    if (facts.appUrl?.startsWith('https://'))
      return fail(
        'trust-proxy',
        {
          th: 'APP_URL เป็น https:// (จึงมีพร็อกซีรับ HTTPS อยู่หน้าระบบ) แต่ TRUST_PROXY ปิดอยู่: ทุกคนนับรวมในขีดจำกัดเดียวของพร็อกซี',
          en: 'APP_URL is https:// (so a proxy terminates HTTPS in front) but TRUST_PROXY is off: every client shares the proxy’s rate limit',
        },
        {
          th: 'ตั้ง TRUST_PROXY เป็นที่อยู่ของพร็อกซี เช่น 127.0.0.1',
          en: 'set TRUST_PROXY to the proxy’s address, e.g. 127.0.0.1',
        },
      );
    return pass('trust-proxy', {
      th: 'TRUST_PROXY ปิด: ขีดจำกัดใช้ที่อยู่ของผู้เชื่อมต่อโดยตรง',
      en: 'TRUST_PROXY is off: rate limits see the connecting address',
    });
  }
  const listensLocally = LOOPBACK.test(host);
  if (typeof trustProxy === 'number') {
    if (!listensLocally)
      return fail(
        'trust-proxy',
        {
          th: `TRUST_PROXY=${trustProxy} เชื่อพร็อกซีตามจำนวน แต่ระบบรับการเชื่อมต่อที่ ${host}: ผู้ที่ต่อตรงปลอม X-Forwarded-For ได้`,
          en: `TRUST_PROXY=${trustProxy} trusts proxies by count but the server listens on ${host}: a client connecting directly can forge X-Forwarded-For`,
        },
        {
          th: 'ตั้ง TRUST_PROXY เป็นที่อยู่ของพร็อกซี หรือให้ระบบฟังที่ 127.0.0.1 หลังพร็อกซี',
          en: 'name the proxy’s address in TRUST_PROXY, or listen on 127.0.0.1 behind the proxy',
        },
      );
    return pass('trust-proxy', {
      th: `TRUST_PROXY=${trustProxy} และระบบฟังเฉพาะที่ ${host}`,
      en: `TRUST_PROXY=${trustProxy} and the server listens only on ${host}`,
    });
  }
  const proxies = trustProxy.split(',').map((p) => p.trim());
  if (listensLocally && !proxies.some((p) => LOOPBACK.test(p)))
    return fail(
      'trust-proxy',
      {
        th: `ระบบฟังที่ ${host} จึงมีแต่พร็อกซีบนเครื่องเดียวกันที่ต่อได้ แต่ TRUST_PROXY (${trustProxy}) ไม่มี 127.0.0.1`,
        en: `the server listens on ${host}, so only a proxy on this machine can reach it, but TRUST_PROXY (${trustProxy}) names no loopback address`,
      },
      {
        th: 'ใส่ 127.0.0.1 ใน TRUST_PROXY หรือตั้ง HOST ให้พร็อกซีต่อได้',
        en: 'add 127.0.0.1 to TRUST_PROXY, or set HOST where the proxy can reach it',
      },
    );
  return pass('trust-proxy', {
    th: `เชื่อ X-Forwarded-For จากพร็อกซี ${trustProxy} เท่านั้น`,
    en: `X-Forwarded-For believed from ${trustProxy} only`,
  });
}

export interface FileStoreFacts {
  /** Where new uploads go. */
  kind: 'disk' | 'database';
  /** FILES_DIR, resolved. */
  dir: string;
  exists: boolean;
  /** Why a probe file could not be written and removed; absent when it could. */
  writeError?: string;
  /** Folders a web server or the app serves as they are. */
  webRoots: readonly string[];
}

/** Whether `dir` is `root` or inside it. */
export function isInside(dir: string, root: string): boolean {
  const rel = relative(resolve(root), resolve(dir));
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** Evidence files have a home: in PostgreSQL, or a writable FILES_DIR outside any web root. */
export function checkFileStore(facts: FileStoreFacts): CheckResult {
  if (facts.kind === 'database')
    return pass('files', {
      th: 'ไฟล์หลักฐานเก็บในฐานข้อมูล PostgreSQL (ทุกกระบวนการเห็นเหมือนกัน)',
      en: 'evidence files are kept in PostgreSQL (every process sees them)',
    });
  const root = facts.webRoots.find((r) => isInside(facts.dir, r));
  if (root !== undefined)
    return fail(
      'files',
      {
        th: `FILES_DIR (${facts.dir}) อยู่ใต้โฟลเดอร์ที่เว็บเปิดให้อ่าน (${root}): ใครก็ดาวน์โหลดหลักฐานได้โดยไม่ผ่านสิทธิ์`,
        en: `FILES_DIR (${facts.dir}) is inside a served folder (${root}): anyone could fetch evidence without a permission check`,
      },
      {
        th: 'ย้ายไปไว้นอกโฟลเดอร์เว็บ เช่น /srv/prongsai-files แล้วตั้ง FILES_DIR',
        en: 'move it outside any web root, e.g. /srv/prongsai-files, and set FILES_DIR',
      },
    );
  if (!facts.exists)
    return fail(
      'files',
      { th: `ไม่มีโฟลเดอร์ FILES_DIR (${facts.dir})`, en: `FILES_DIR (${facts.dir}) does not exist` },
      {
        th: `สร้างให้ผู้ใช้ของระบบเขียนได้: mkdir -p ${facts.dir}`,
        en: `create it, writable by the service user: mkdir -p ${facts.dir}`,
      },
    );
  if (facts.writeError !== undefined)
    return fail(
      'files',
      {
        th: `เขียนไฟล์ใน FILES_DIR (${facts.dir}) ไม่ได้: ${facts.writeError}`,
        en: `cannot write in FILES_DIR (${facts.dir}): ${facts.writeError}`,
      },
      {
        th: `ให้ผู้ใช้ของระบบเป็นเจ้าของ: chown -R USER ${facts.dir}`,
        en: `give it to the service user: chown -R USER ${facts.dir}`,
      },
    );
  return pass('files', {
    th: `FILES_DIR (${facts.dir}) เขียนได้ และอยู่นอกโฟลเดอร์เว็บ`,
    en: `FILES_DIR (${facts.dir}) is writable and outside the web root`,
  });
}

export interface DiskFacts {
  /** What lives on that disk (the SQLite file, FILES_DIR). */
  path: string;
  freeBytes: number;
  totalBytes: number;
}

const gb = (bytes: number) => (bytes / 1024 ** 3).toFixed(1);

/** Enough free space where Prongsai writes. */
export function checkDisk(facts: DiskFacts): CheckResult {
  const share = facts.totalBytes > 0 ? Math.round((facts.freeBytes / facts.totalBytes) * 100) : 0;
  const said = {
    th: `พื้นที่ว่างที่ ${facts.path}: ${gb(facts.freeBytes)} GB จาก ${gb(facts.totalBytes)} GB (${share}%)`,
    en: `free space at ${facts.path}: ${gb(facts.freeBytes)} GB of ${gb(facts.totalBytes)} GB (${share}%)`,
  };
  if (facts.freeBytes < MIN_FREE_BYTES)
    return fail('disk', said, {
      th: `เพิ่มพื้นที่ให้ว่างอย่างน้อย ${gb(MIN_FREE_BYTES)} GB (ลบสำรองเก่า ขยายดิสก์)`,
      en: `free at least ${gb(MIN_FREE_BYTES)} GB (remove old backups, grow the disk)`,
    });
  return pass('disk', said);
}

/** The report people read: ✓/✗, Thai then English, and what to do under each failure. */
export function formatDoctorReport(results: readonly CheckResult[]): string {
  const lines: string[] = [];
  for (const r of results) {
    const mark = r.ok ? '✓' : '✗';
    const optional = r.required ? '' : ' (ไม่บังคับ / optional)';
    lines.push(`${mark} ${r.said.th}${r.ok ? '' : optional}`, `  ${r.said.en}`);
    if (!r.ok && r.fix) lines.push(`  → ${r.fix.th}`, `  → ${r.fix.en}`);
  }
  const failed = results.filter((r) => !r.ok && r.required).length;
  lines.push(
    '',
    failed === 0
      ? 'พร้อมใช้งาน / ready'
      : `ต้องแก้ ${failed} ข้อก่อนใช้งาน / ${failed} required check(s) failed`,
  );
  return lines.join('\n') + '\n';
}

/** 0 when every required check passed, else 1. */
export function doctorExitCode(results: readonly CheckResult[]): number {
  return results.some((r) => !r.ok && r.required) ? 1 : 0;
}
