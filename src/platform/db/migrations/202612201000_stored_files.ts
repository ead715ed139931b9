import { PostgresAdapter, type Kysely } from 'kysely';

/**
 * Uploaded files and link snapshots in the database (issue 15, part 1): one row per file with its
 * size and sha256, and its bytes in numbered pieces of at most 256 KB. PostgreSQL keeps the
 * store here by default (FILE_STORE), so every process on the database sees every file; SQLite
 * keeps files on disk and has the (empty) tables only so that both engines share one schema.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const bytes = db.getExecutor().adapter instanceof PostgresAdapter ? 'bytea' : 'blob';
  await db.schema
    .createTable('stored_file')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('stored_file_chunk')
    .addColumn('name', 'text', (c) => c.notNull().references('stored_file.name'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('data', bytes, (c) => c.notNull())
    .addPrimaryKeyConstraint('stored_file_chunk_pk', ['name', 'seq'])
    .execute();
}
