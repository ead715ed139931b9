import { describe, expect, it } from 'vitest';
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
  isInside,
  MIN_FREE_BYTES,
  type CheckResult,
} from './doctor.js';

const KNOWN = ['202611261300_platform', '202611261400_surveys'];

describe('checkDatabase', () => {
  it('passes when every known migration ran', () => {
    const r = checkDatabase({ dialect: 'postgres', known: KNOWN, applied: KNOWN });
    expect(r).toMatchObject({ id: 'database', ok: true, required: true });
    expect(r.said.en).toContain('PostgreSQL database connected, schema up to date (2 migrations)');
  });

  it('fails on no connection, naming the error and DATABASE_URL', () => {
    const r = checkDatabase({
      dialect: 'postgres',
      known: KNOWN,
      applied: [],
      error: 'ECONNREFUSED 127.0.0.1:5999',
    });
    expect(r.ok).toBe(false);
    expect(r.said.th).toContain('ECONNREFUSED');
    expect(r.fix?.en).toContain('DATABASE_URL');
  });

  it('fails with the pending migrations and says to run prongsai migrate', () => {
    const r = checkDatabase({ dialect: 'sqlite', known: KNOWN, applied: KNOWN.slice(0, 1) });
    expect(r.ok).toBe(false);
    expect(r.said.en).toBe('the SQLite database lacks 1 migration(s) (202611261400_surveys)');
    expect(r.fix?.en).toContain('prongsai migrate');
  });

  it('fails when the database was migrated by a newer version', () => {
    const r = checkDatabase({
      dialect: 'sqlite',
      known: KNOWN,
      applied: [...KNOWN, '209901010000_future'],
    });
    expect(r.ok).toBe(false);
    expect(r.said.en).toContain('newer Prongsai (209901010000_future)');
  });
});

describe('checkChromium', () => {
  it('passes when it printed, as an optional check', () => {
    const r = checkChromium({ path: '/usr/bin/chromium', exists: true });
    expect(r).toMatchObject({ ok: true, required: false });
  });

  it('fails (optional) when missing, saying PDF answers 503 and how to install', () => {
    const r = checkChromium({ path: '/opt/none', exists: false });
    expect(r).toMatchObject({ ok: false, required: false });
    expect(r.said.en).toContain('/opt/none');
    expect(r.fix?.en).toContain('apt-get install chromium');
  });

  it('fails (optional) when it does not start', () => {
    const r = checkChromium({ path: '/usr/bin/chromium', exists: true, error: 'libnss3.so' });
    expect(r.ok).toBe(false);
    expect(r.said.en).toContain('libnss3.so');
  });
});

describe('fonts', () => {
  it('requires both Sarabun files the reports embed', () => {
    const good = [
      { file: 'Sarabun regular', ok: true },
      { file: 'Sarabun bold', ok: true },
    ];
    expect(checkReportFonts({ sarabun: good })).toMatchObject({ ok: true, required: true });
    const r = checkReportFonts({ sarabun: [good[0]!, { file: 'Sarabun bold', ok: false }] });
    expect(r.ok).toBe(false);
    expect(r.said.en).toContain('Sarabun bold');
    expect(r.fix?.en).toContain('npm ci --omit=dev');
    expect(checkReportFonts({ sarabun: [] }).ok).toBe(false);
  });

  it('lists the system Thai fonts, and says how to install them when there are none', () => {
    const r = checkSystemThaiFonts(['Garuda', 'Kinnari', 'Laksaman', 'Loma', 'Norasi']);
    expect(r).toMatchObject({ ok: true, required: false });
    expect(r.said.en).toBe('5 Thai font families installed (Garuda, Kinnari, Laksaman, Loma, …)');
    const none = checkSystemThaiFonts([]);
    expect(none.ok).toBe(false);
    expect(none.fix?.en).toContain('fonts-thai-tlwg-ttf');
    expect(checkSystemThaiFonts(null).said.en).toContain('no fc-list');
  });
});

describe('checkSecret', () => {
  const strong = 'q7Vt0mZ2Lx9pRk4sWb8nYc1dHf6gJa3e';

  it('passes a long random secret', () => {
    expect(checkSecret(strong, true)).toMatchObject({ ok: true });
  });

  it('accepts none outside production but fails it in production', () => {
    expect(checkSecret(undefined, false).ok).toBe(true);
    const r = checkSecret(undefined, true);
    expect(r.ok).toBe(false);
    expect(r.fix?.en).toContain('openssl rand');
  });

  it('fails short, repetitive and placeholder secrets', () => {
    expect(checkSecret(strong.slice(0, 20), false).ok).toBe(false);
    expect(checkSecret('ab'.repeat(20), false).said.en).toContain('2 distinct');
    const placeholder = checkSecret('please-change-me-before-going-live-0987', false);
    expect(placeholder.ok).toBe(false);
    expect(placeholder.said.en).toContain('placeholder');
  });
});

describe('checkAppUrl', () => {
  it('passes an https address in production', () => {
    const r = checkAppUrl({
      appUrl: 'https://ita.example.go.th',
      secureCookies: true,
      production: true,
    });
    expect(r.ok).toBe(true);
  });

  it('fails a missing or http address in production only', () => {
    expect(checkAppUrl({ appUrl: undefined, secureCookies: false, production: false }).ok).toBe(
      true,
    );
    expect(checkAppUrl({ appUrl: undefined, secureCookies: false, production: true }).ok).toBe(
      false,
    );
    const http = checkAppUrl({ appUrl: 'http://ita', secureCookies: false, production: true });
    expect(http.ok).toBe(false);
    expect(http.said.en).toContain('not https://');
  });

  it('fails an https address in production without secure cookies', () => {
    const r = checkAppUrl({
      appUrl: 'https://ita.example.go.th',
      secureCookies: false,
      production: true,
    });
    expect(r.ok).toBe(false);
    expect(r.fix?.en).toBe('set SECURE_COOKIES=1');
  });

  it('fails secure cookies on an http address (nobody could sign in)', () => {
    const r = checkAppUrl({ appUrl: 'http://ita:3000', secureCookies: true, production: false });
    expect(r.ok).toBe(false);
    expect(r.said.en).toContain('SECURE_COOKIES=1');
  });
});

describe('checkTrustProxy', () => {
  it('passes no proxy on plain HTTP, fails it behind an https APP_URL', () => {
    expect(checkTrustProxy({ trustProxy: false, host: '0.0.0.0', appUrl: undefined }).ok).toBe(
      true,
    );
    const r = checkTrustProxy({
      trustProxy: false,
      host: '127.0.0.1',
      appUrl: 'https://ita.example.go.th',
    });
    expect(r.ok).toBe(false);
    expect(r.fix?.en).toContain('TRUST_PROXY');
  });

  it('fails a hop count while listening on every interface', () => {
    expect(checkTrustProxy({ trustProxy: 1, host: '127.0.0.1', appUrl: undefined }).ok).toBe(true);
    const r = checkTrustProxy({ trustProxy: 1, host: '0.0.0.0', appUrl: undefined });
    expect(r.ok).toBe(false);
    expect(r.said.en).toContain('forge X-Forwarded-For');
  });

  it('fails named proxies that could not reach a server listening on loopback', () => {
    expect(
      checkTrustProxy({ trustProxy: '127.0.0.1', host: '127.0.0.1', appUrl: undefined }).ok,
    ).toBe(true);
    expect(checkTrustProxy({ trustProxy: '10.0.0.5', host: '0.0.0.0', appUrl: undefined }).ok).toBe(
      true,
    );
    const r = checkTrustProxy({ trustProxy: '10.0.0.5', host: '127.0.0.1', appUrl: undefined });
    expect(r.ok).toBe(false);
    expect(r.said.en).toContain('names no loopback address');
  });
});

describe('checkFileStore', () => {
  const base = { kind: 'disk' as const, dir: '/srv/files', exists: true, webRoots: ['/var/www'] };

  it('passes a writable folder outside the web roots, and the database store', () => {
    expect(checkFileStore(base).ok).toBe(true);
    expect(checkFileStore({ ...base, kind: 'database', exists: false }).ok).toBe(true);
  });

  it('fails a folder inside a web root', () => {
    const r = checkFileStore({ ...base, dir: '/var/www/html/files' });
    expect(r.ok).toBe(false);
    expect(r.said.en).toContain('inside a served folder (/var/www)');
  });

  it('fails a missing or read-only folder', () => {
    expect(checkFileStore({ ...base, exists: false }).fix?.en).toContain('mkdir -p /srv/files');
    const r = checkFileStore({ ...base, writeError: 'EACCES: permission denied' });
    expect(r.ok).toBe(false);
    expect(r.said.en).toContain('EACCES');
  });

  it('tells inside from beside', () => {
    expect(isInside('/var/www', '/var/www')).toBe(true);
    expect(isInside('/var/www/a', '/var/www/')).toBe(true);
    expect(isInside('/var/www2', '/var/www')).toBe(false);
    expect(isInside('/var', '/var/www')).toBe(false);
  });
});

describe('checkDisk', () => {
  it('passes enough free space and fails less than the minimum', () => {
    const total = 100 * 1024 ** 3;
    const ok = checkDisk({ path: '/srv', freeBytes: 40 * 1024 ** 3, totalBytes: total });
    expect(ok.ok).toBe(true);
    expect(ok.said.en).toBe('free space at /srv: 40.0 GB of 100.0 GB (40%)');
    const low = checkDisk({ path: '/srv', freeBytes: MIN_FREE_BYTES - 1, totalBytes: total });
    expect(low.ok).toBe(false);
    expect(low.fix?.en).toContain('free at least 1.0 GB');
  });
});

describe('the report and the exit code', () => {
  const ok: CheckResult = { id: 'a', ok: true, required: true, said: { th: 'ดี', en: 'good' } };
  const optional: CheckResult = {
    id: 'b',
    ok: false,
    required: false,
    said: { th: 'ขาด', en: 'missing' },
    fix: { th: 'ติดตั้ง', en: 'install' },
  };
  const required: CheckResult = { ...optional, id: 'c', required: true };

  it('prints ✓/✗, Thai then English, and the fix under a failure', () => {
    expect(formatDoctorReport([ok, optional])).toBe(
      '✓ ดี\n  good\n✗ ขาด (ไม่บังคับ / optional)\n  missing\n  → ติดตั้ง\n  → install\n\nพร้อมใช้งาน / ready\n',
    );
    expect(formatDoctorReport([required])).toContain('1 required check(s) failed');
  });

  it('exits 1 only when a required check failed', () => {
    expect(doctorExitCode([ok, optional])).toBe(0);
    expect(doctorExitCode([ok, required])).toBe(1);
  });
});
