import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { loadConfig } from '../../config.js';
import { openDatabase } from './database.js';
import { migrateToLatest } from './migrate.js';

/**
 * Test support: the PostgreSQL databases of a test run on the server named by TEST_PG_URL
 * (127.0.0.1:5432 by default). A run migrates one template database (`prongsai_tpl_…`, made
 * by the first test file that needs it); every test database (`prongsai_t_…`) is a copy of it
 * (`CREATE DATABASE … TEMPLATE …`), dropped after its file. The names carry their creation
 * time, so databases left by a killed run are dropped by a later run.
 */

export const adminUrl = (): string => loadConfig().TEST_PG_URL;

/** The URL of another database on the TEST_PG_URL server. */
export function databaseUrl(name: string): string {
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

/** Test databases and templates older than this, with nobody connected, are left-overs. */
const LEFTOVER_AFTER_MS = 3 * 60 * 60 * 1000;

const TEST_PREFIX = 'prongsai_t_';
const TEMPLATE_PREFIX = 'prongsai_tpl_';
const STAMPED = /^prongsai_(?:t|tpl)_([0-9a-z]+)_[0-9a-f]+(?:_b)?$/;

/** A fresh database name with the given prefix: the creation time (base 36) and random hex. */
function stampedName(prefix: string): string {
  return `${prefix}${Date.now().toString(36)}_${randomBytes(5).toString('hex')}`;
}

/** The name of a run's template database (nothing is created yet). */
export const newTemplateName = (): string => stampedName(TEMPLATE_PREFIX);

/** A connection to the TEST_PG_URL database; fails with how to start the server when it is down. */
export async function connectAdmin(): Promise<pg.Client> {
  const admin = new pg.Client({ connectionString: adminUrl() });
  try {
    await admin.connect();
  } catch (error) {
    await admin.end().catch(() => {});
    throw new Error(
      `PostgreSQL does not answer at ${adminUrl()} (${String(error)}). Start it, e.g. ` +
        `pg_ctlcluster --skip-systemctl-redirect 15 main start, or set TEST_PG_URL.`,
    );
  }
  return admin;
}

/** Drops the test databases and templates that killed runs left behind (old, unused ones). */
async function dropLeftovers(admin: pg.Client): Promise<void> {
  const { rows } = await admin.query<{ datname: string }>(
    `SELECT datname FROM pg_database WHERE datname LIKE 'prongsai\\_t\\_%' OR datname LIKE 'prongsai\\_tpl\\_%'`,
  );
  for (const { datname } of rows) {
    const stamp = STAMPED.exec(datname)?.[1];
    if (!stamp || Date.now() - parseInt(stamp, 36) < LEFTOVER_AFTER_MS) continue;
    // Without FORCE: a database someone is still connected to stays.
    await admin.query(`DROP DATABASE IF EXISTS ${datname}`).catch(() => {});
  }
}

/**
 * Makes sure the run's template exists and is migrated. Workers race for it under an advisory
 * lock; it is built under another name and renamed when complete, so a template that exists is
 * a whole one.
 */
export async function ensureTemplate(name: string): Promise<void> {
  const admin = await connectAdmin();
  try {
    await admin.query('SELECT pg_advisory_lock(hashtext($1))', [name]);
    const found = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount) return;
    await dropLeftovers(admin);
    const building = `${name}_b`;
    await admin.query(`DROP DATABASE IF EXISTS ${building} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${building}`);
    const db = openDatabase(databaseUrl(building));
    try {
      await migrateToLatest(db);
    } finally {
      await db.close();
    }
    await admin.query(`ALTER DATABASE ${building} RENAME TO ${name}`);
  } finally {
    await admin.end();
  }
}

/** Drops a database if it exists (ending its connections). */
export async function dropDatabase(name: string): Promise<void> {
  const admin = await connectAdmin();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

/**
 * Creates a database for one test file, a copy of the template when given (else empty), and
 * returns its URL and how to drop it.
 */
export async function createDatabase(
  template?: string,
): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = stampedName(TEST_PREFIX);
  const admin = await connectAdmin();
  try {
    await admin.query(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ''}`);
  } finally {
    await admin.end();
  }
  return { url: databaseUrl(name), drop: () => dropDatabase(name) };
}
