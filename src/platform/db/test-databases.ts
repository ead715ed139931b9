import { afterAll, beforeAll, describe, inject } from 'vitest';
import { openDatabase, type Db, type Dialect } from './database.js';
import { migrateToLatest } from './migrate.js';
import { createDatabase, ensureTemplate } from './test-postgres.js';

/**
 * Test support: runs a suite once per engine, each on a fresh, migrated database. PostgreSQL
 * is the real server named by TEST_PG_URL (127.0.0.1:5432 by default); when it does not
 * answer, its suite fails with a message saying how to start it: never a silent skip. Its
 * databases are copies of the run's migrated template (test-postgres.ts).
 */

/** Creates an empty PostgreSQL database for one test file and returns its URL. */
export function createPostgresDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  return createDatabase();
}

/** This process's promise of the run's template (undefined outside a run with the setup). */
let template: Promise<string | undefined> | undefined;

function runTemplate(): Promise<string | undefined> {
  template ??= (async () => {
    const name = inject('pgTemplate');
    if (name) await ensureTemplate(name);
    return name;
  })();
  return template;
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
  const copyOf = await runTemplate();
  const { url, drop } = await createDatabase(copyOf);
  const db = openDatabase(url);
  // A copy of the template is migrated already: this only checks it (or migrates an empty one).
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
