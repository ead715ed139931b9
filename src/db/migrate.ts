import { Migrator, type Migration, type MigrationProvider } from 'kysely';
import type { Db } from './database.js';
import * as platform from './migrations/202611261300_platform.js';
import * as surveys from './migrations/202611261400_surveys.js';
import * as oit from './migrations/202611261500_oit.js';
import * as measures from './migrations/202611261600_measures.js';

/** Every migration, in order: a static list (no file scanning), the same for both engines. */
const MIGRATIONS: Record<string, Migration> = {
  '202611261300_platform': platform,
  '202611261400_surveys': surveys,
  '202611261500_oit': oit,
  '202611261600_measures': measures,
};

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

/** Brings the schema up to date; returns the names of the migrations it ran. */
export async function migrateToLatest(db: Db): Promise<string[]> {
  const migrator = new Migrator({ db: db.kysely, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
