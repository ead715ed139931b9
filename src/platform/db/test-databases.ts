import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe } from 'vitest';
import { loadConfig } from '../../config.js';
import { openDatabase, type Db, type Dialect } from './database.js';
import { migrateToLatest } from './migrate.js';

/**
 * Test support: runs a suite once per engine, each on a fresh, migrated database. PostgreSQL
 * is the real server named by TEST_PG_URL (127.0.0.1:5432 by default); when it does not
 * answer, its suite fails with a message saying how to start it: never a silent skip.
 */

const adminUrl = () => loadConfig().TEST_PG_URL;

/** Creates an empty PostgreSQL database for one test file and returns its URL. */
export async function createPostgresDatabase(): Promise<{
  url: string;
  drop: () => Promise<void>;
}> {
  const name = `prongsai_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl() });
  try {
    await admin.connect();
  } catch (error) {
    throw new Error(
      `PostgreSQL does not answer at ${adminUrl()} (${String(error)}). Start it, e.g. ` +
        `pg_ctlcluster --skip-systemctl-redirect 15 main start, or set TEST_PG_URL.`,
    );
  }
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: adminUrl() });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

/** Opens a fresh, migrated database of the given engine. */
export async function openTestDatabase(
  dialect: Dialect,
): Promise<{ db: Db; dispose: () => Promise<void> }> {
  if (dialect === 'sqlite') {
    const db = openDatabase(':memory:');
    await migrateToLatest(db);
    return { db, dispose: () => db.close() };
  }
  const { url, drop } = await createPostgresDatabase();
  const db = openDatabase(url);
  await migrateToLatest(db);
  return {
    db,
    dispose: async () => {
      await db.close();
      await drop();
    },
  };
}

export const DIALECTS: Dialect[] = ['sqlite', 'postgres'];

/**
 * The columns a stored survey response may have, sorted: none identifies a respondent. The
 * free-text `comment` (stakeholder voice) is stored masked, see core/voice/comment-text.ts.
 */
export const SURVEY_RESPONSE_COLUMNS: readonly string[] = [
  'agency_id',
  'answers_json',
  'comment',
  'id',
  'instrument',
  'round_id',
  'source',
  'submitted_on',
];

/** Declares the suite once per engine; `getDb()` gives that engine's database inside tests. */
export function describeEachDialect(
  name: string,
  suite: (getDb: () => Db, dialect: Dialect) => void,
): void {
  for (const dialect of DIALECTS) {
    describe(`${name} [${dialect}]`, () => {
      let handle: { db: Db; dispose: () => Promise<void> } | undefined;
      beforeAll(async () => {
        handle = await openTestDatabase(dialect);
      });
      afterAll(async () => {
        await handle?.dispose();
      });
      suite(() => {
        if (!handle) throw new Error(`the ${dialect} test database did not open`);
        return handle.db;
      }, dialect);
    });
  }
}
