import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from './sqlite-driver.js';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.js';

export type Dialect = 'sqlite' | 'postgres';

/** A Kysely handle and what it runs on. */
export interface Db {
  kysely: Kysely<Database>;
  dialect: Dialect;
  url: string;
  /** The better-sqlite3 handle (SQLite only): backups use it. */
  sqlite?: SQLite.Database;
  close: () => Promise<void>;
}

/** Statements kept prepared per connection (Kysely asks for the same SQL text again and again). */
const STATEMENT_CACHE_SIZE = 500;

/** The connection Kysely sees: `prepare` reuses a prepared statement for the same SQL text. */
function withStatementCache(sqlite: SQLite.Database) {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare: (text: string) => {
      let statement = cache.get(text);
      if (!statement) {
        statement = sqlite.prepare(text);
        if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value as string);
        cache.set(text, statement);
      }
      return statement;
    },
  };
}

function openSqlite(url: string): Db {
  const path = url === ':memory:' ? ':memory:' : url.slice('file:'.length);
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const sqlite = new SQLite(path);
  // WAL + FULL: an acknowledged answer survives a crash or a power cut (DESIGN.md §4).
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const kysely = new Kysely<Database>({
    dialect: new SqliteDialect({ database: withStatementCache(sqlite) }),
  });
  return { kysely, dialect: 'sqlite', url, sqlite, close: () => kysely.destroy() };
}

function openPostgres(url: string): Db {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle connection the server ends (restart, failover, a dropped test database) must not
  // crash the process: the pool discards it and opens a new one on the next query.
  pool.on('error', () => {});
  const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { kysely, dialect: 'postgres', url, close: () => kysely.destroy() };
}

/** Opens the database named by a URL: `file:PATH` or `:memory:` (SQLite) or `postgres://…`. */
export function openDatabase(url: string): Db {
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) return openPostgres(url);
  return openSqlite(url);
}
