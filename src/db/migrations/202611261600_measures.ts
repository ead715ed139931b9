import type { Kysely } from 'kysely';

/** Improvement measures (มาตรการ) linked to weak points of a round. */
export async function up(_db: Kysely<unknown>): Promise<void> {
  // tables are added by the measures work
}
