import type { Kysely } from 'kysely';

/** Placeholder: filled by the feature that owns this migration. */
export async function up(_db: Kysely<unknown>): Promise<void> {}
