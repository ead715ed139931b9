import { isIP } from 'node:net';
import { z } from 'zod';

/** An IPv4/IPv6 address, or a network written address/prefix. */
function isIpOrNetwork(text: string): boolean {
  const [address = '', prefix, extra] = text.split('/');
  const family = isIP(address);
  if (family === 0 || extra !== undefined) return false;
  if (prefix === undefined) return true;
  return /^\d+$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

/** Settings read from the environment at start; the only place that reads process.env. */
export const ConfigSchema = z.object({
  DATABASE_URL: z
    .string()
    .regex(
      /^(file:|postgres:\/\/|postgresql:\/\/|:memory:$)/,
      'file:PATH, :memory: or postgres://…',
    )
    .default('file:./data/prongsai.db'),
  /** Database of `prongsai demo`, kept apart from real data. */
  DEMO_DATABASE_URL: z
    .string()
    .regex(
      /^(file:|postgres:\/\/|postgresql:\/\/|:memory:$)/,
      'file:PATH, :memory: or postgres://…',
    )
    .default('file:./data/demo.db'),
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Secret for HMACs (access codes); set it in production, the demo makes one per data folder. */
  PRONGSAI_SECRET: z.string().min(32).optional(),
  SESSION_TTL_HOURS: z.coerce.number().positive().default(12),
  /**
   * The reverse proxies whose X-Forwarded-For is believed, so rate limits see each client's own
   * address: their addresses or networks (`127.0.0.1`, `10.0.0.0/8,192.0.2.7`), or the number of
   * proxies in front (`1`). `0` (the default): none, the connection's address counts. Trusting
   * every sender (`true`) is refused: anyone could then pick the address the limits see.
   */
  TRUST_PROXY: z
    .string()
    .trim()
    .default('0')
    .refine((v) => !['true', 'yes', 'all', '*'].includes(v.toLowerCase()), {
      message:
        'name the proxies (addresses or networks, comma-separated) or give their number, e.g. 127.0.0.1 or 1',
    })
    .refine((v) => /^\d+$/.test(v) || v.split(',').every((part) => isIpOrNetwork(part.trim())), {
      message: 'addresses or networks (10.0.0.0/8), comma-separated, or a number of proxies',
    })
    .transform((v): false | number | string =>
      v === '0' || v.toLowerCase() === 'false' ? false : /^\d+$/.test(v) ? Number(v) : v,
    ),
  /** Set to 1 behind HTTPS so cookies are marked Secure. */
  SECURE_COOKIES: z
    .enum(['0', '1', 'true', 'false'])
    .default('0')
    .transform((v) => v === '1' || v === 'true'),
  /** Requests a minute one client may make to any page (shared by every process). */
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(300),
  /** Survey steps a minute one client may send (an office behind one address shares it). */
  SURVEY_STEPS_PER_MINUTE: z.coerce.number().int().positive().default(120),
  /** Public pages (results, OIT, measures, registers) a minute one client may open. */
  PUBLIC_PAGES_PER_MINUTE: z.coerce.number().int().positive().default(120),
  /** Generated public files (PDF, DOCX, XLSX) a minute one client may download: each costs far more than a page. */
  PUBLIC_FILES_PER_MINUTE: z.coerce.number().int().positive().default(20),
  /** Folder for uploaded evidence files and link snapshots: outside the web root. */
  FILES_DIR: z.string().default('./data/files'),
  /**
   * Where uploads and link snapshots live: `database` (in PostgreSQL, shared by every process),
   * `disk` (under FILES_DIR), or `auto` (the default): the database on PostgreSQL, disk on SQLite.
   */
  FILE_STORE: z.enum(['auto', 'disk', 'database']).default('auto'),
  /** Largest evidence file an agency may upload, in MB. */
  OIT_MAX_UPLOAD_MB: z.coerce.number().positive().max(500).default(20),
  /** Let the evidence link checker reach private addresses (intranet-only deployments). */
  FETCH_ALLOW_PRIVATE: z
    .enum(['0', '1', 'true', 'false'])
    .default('0')
    .transform((v) => v === '1' || v === 'true'),
  /** Chromium used to print reports as PDF (Debian's package by default). */
  CHROMIUM_PATH: z.string().min(1).default('/usr/bin/chromium'),
  /** SMTP server for reminder e-mails (smtp://user:pass@host:587 or smtps://…); none: no e-mail. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'smtp://… or smtps://…')
    .optional(),
  /** Sender of reminder e-mails. */
  MAIL_FROM: z.string().min(3).default('Prongsai <prongsai@localhost>'),
  /** The address people open Prongsai at (https://ita.example.go.th): links in e-mails and in published evidence. */
  APP_URL: z
    .string()
    .regex(/^https?:\/\/[^/]+/, 'http(s)://host')
    .transform((v) => v.replace(/\/+$/, ''))
    .optional(),
  /**
   * `on` (the default): `prongsai serve` registers the scheduled jobs at start (evidence link
   * check 02:30, reminder e-mails 07:00, Asia/Bangkok); `off` removes their schedules.
   */
  SCHEDULED_JOBS: z
    .enum(['on', 'off'])
    .default('on')
    .transform((v) => v === 'on'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** PostgreSQL server used by the database tests of both dialects. */
  TEST_PG_URL: z.string().default('postgres://postgres@127.0.0.1:5432/postgres'),
});
export type Config = z.infer<typeof ConfigSchema>;

/** Parses the environment, with a readable message for every wrong setting. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`การตั้งค่าไม่ถูกต้อง / invalid settings:\n${lines.join('\n')}`);
  }
  return parsed.data;
}
