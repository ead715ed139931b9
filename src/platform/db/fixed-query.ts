import { CompiledQuery, PostgresAdapter, type Kysely, type QueryResult } from 'kysely';
import type SQLite from './sqlite-driver.js';
import type { Database } from './schema.js';

/**
 * Kysely handles bound to the one SQLite connection while the write batcher holds it (its
 * transaction is open and nothing else can use the connection until it is released): a fixed
 * statement run on one of these goes straight to better-sqlite3.
 */
const heldConnections = new WeakMap<object, SQLite.Database>();

/**
 * Says that `conn` is bound to the SQLite connection `sqlite` and held (by the write batcher,
 * for the length of one batch): fixed statements run on it skip Kysely's executor.
 */
export function holdConnection(conn: Kysely<Database>, sqlite: SQLite.Database): void {
  heldConnections.set(conn, sqlite);
}

/** Statements prepared on each SQLite connection, by text (for the held connections). */
const prepared = new WeakMap<SQLite.Database, Map<string, SQLite.Statement>>();

function preparedOn(sqlite: SQLite.Database, text: string): SQLite.Statement {
  let statements = prepared.get(sqlite);
  if (!statements) {
    statements = new Map();
    prepared.set(sqlite, statements);
  }
  let statement = statements.get(text);
  if (!statement) {
    statement = sqlite.prepare(text);
    statements.set(text, statement);
  }
  return statement;
}

/**
 * Runs a statement on a held SQLite connection as Kysely's SQLite driver would (rows of a
 * statement that returns rows, else the number of rows changed), without its executor.
 */
function runOnHeld<Row>(
  sqlite: SQLite.Database,
  text: string,
  parameters: unknown[] = [],
): QueryResult<Row> {
  const statement = preparedOn(sqlite, text);
  if (statement.reader) return { rows: statement.all(parameters) as Row[] };
  const { changes } = statement.run(parameters);
  return { numAffectedRows: BigInt(changes), rows: [] };
}

/**
 * A statement of fixed SQL text, run with new parameters and no query building: for the few
 * statements a hot path runs on every request (a survey answer, a rate-limit counter), where
 * building and compiling the same Kysely query each time costs more CPU than running it. The
 * text is written once with `?` placeholders (SQLite's) and numbered `$1, $2, …` for PostgreSQL;
 * it must be the same on both engines otherwise, and hold no `?` of its own. Each engine's text
 * is one string kept here, so the SQLite statement cache (database.ts) finds it at once. Inside
 * a batch of the write batcher (SQLite), it runs on the held connection directly.
 */
export class FixedQuery<Row = never> {
  private readonly sqlite: string;
  private readonly postgres: string;

  constructor(text: string) {
    this.sqlite = text;
    let n = 0;
    this.postgres = text.replace(/\?/g, () => `$${(n += 1)}`);
  }

  /** The statement's text on the engine behind `db`. */
  textFor(db: Kysely<Database>): string {
    return db.getExecutor().adapter instanceof PostgresAdapter ? this.postgres : this.sqlite;
  }

  /** Runs the statement on `db` (a transaction or connection runs it there). */
  async run(db: Kysely<Database>, parameters: unknown[]): Promise<QueryResult<Row>> {
    const held = heldConnections.get(db);
    if (held) return runOnHeld<Row>(held, this.sqlite, parameters);
    return db.executeQuery<Row>(CompiledQuery.raw(this.textFor(db), parameters));
  }
}
