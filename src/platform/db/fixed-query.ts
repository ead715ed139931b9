import { CompiledQuery, PostgresAdapter, type Kysely, type QueryResult } from 'kysely';
import type { Database } from './schema.js';

/**
 * A statement of fixed SQL text, run with new parameters and no query building: for the few
 * statements a hot path runs on every request (a survey answer, a rate-limit counter), where
 * building and compiling the same Kysely query each time costs more CPU than running it. The
 * text is written once with `?` placeholders (SQLite's) and numbered `$1, $2, …` for PostgreSQL;
 * it must be the same on both engines otherwise, and hold no `?` of its own. Each engine's text
 * is one string kept here, so the SQLite statement cache (database.ts) finds it at once.
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
  run(db: Kysely<Database>, parameters: unknown[]): Promise<QueryResult<Row>> {
    return db.executeQuery<Row>(CompiledQuery.raw(this.textFor(db), parameters));
  }
}
