#!/usr/bin/env node
// Lints the JSON API's OpenAPI document with Redocly (rules in redocly.yaml at the root). The
// document is the one /api/v1/openapi.json serves: the app is built on an empty in-memory SQLite
// database, without a server, and asked for it; it is written to a temporary file and checked.
// Usage: node scripts/lint-openapi.mjs [--keep FILE]   exits non-zero on any error of the linter
// (and when the document cannot be built); --keep also writes the document to FILE.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
register();
const { openDatabase } = await import('../src/platform/db/database.ts');
const { migrateToLatest } = await import('../src/platform/db/migrate.ts');
const { randomIds, systemClock } = await import('../src/platform/infra/clock.ts');
const { openFileStore } = await import('../src/platform/services/file-store.service.ts');
const { createApp } = await import('../src/app/create-app.ts');

/** The document as the app serves it (files, none of which is touched, in `filesDir`). */
async function servedDocument(filesDir) {
  const db = openDatabase(':memory:');
  try {
    await migrateToLatest(db);
    const app = await createApp({
      ctx: {
        db,
        clock: systemClock,
        ids: randomIds,
        files: openFileStore(db, { FILES_DIR: filesDir }),
      },
      config: {
        SESSION_TTL_HOURS: 12,
        TRUST_PROXY: false,
        SECURE_COOKIES: false,
        LOG_LEVEL: 'silent',
      },
    });
    try {
      const answer = await app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
      if (answer.statusCode !== 200)
        throw new Error(`/api/v1/openapi.json answered ${answer.statusCode}: ${answer.body}`);
      return answer.body;
    } finally {
      await app.close();
    }
  } finally {
    await db.close();
  }
}

const keep = process.argv.indexOf('--keep');
const dir = mkdtempSync(join(tmpdir(), 'prongsai-openapi-'));
const document = await servedDocument(join(dir, 'files'));
if (keep !== -1 && process.argv[keep + 1]) writeFileSync(process.argv[keep + 1], document);
const file = join(dir, 'openapi.json');
writeFileSync(file, document);
const lint = spawnSync(
  join(root, 'node_modules', '.bin', 'redocly'),
  ['lint', file, '--config', join(root, 'redocly.yaml')],
  { stdio: 'inherit' },
);
rmSync(dir, { recursive: true, force: true });
if (lint.error) console.error(`lint-openapi: could not run redocly: ${lint.error.message}`);
const status = lint.status ?? 1;
console.log(
  status === 0
    ? 'lint-openapi: /api/v1/openapi.json passes redocly lint'
    : `lint-openapi: /api/v1/openapi.json fails redocly lint (exit ${status})`,
);
// the app may leave timers behind; the answer is known
process.exit(status);
