import { Migrator, type Migration, type MigrationProvider } from 'kysely';
import type { Db } from './database.js';
import * as platform from './migrations/202611261300_platform.js';
import * as surveys from './migrations/202611261400_surveys.js';
import * as oit from './migrations/202611261500_oit.js';
import * as measures from './migrations/202611261600_measures.js';
import * as calendar from './migrations/202611261700_calendar.js';
import * as measureEvidence from './migrations/202611261710_measure_evidence.js';
import * as activities from './migrations/202611261720_activities.js';
import * as integrity from './migrations/202611261800_integrity.js';
import * as assets from './migrations/202611261810_assets.js';
import * as manuals from './migrations/202611261820_manuals.js';
import * as voice from './migrations/202611261830_voice.js';
import * as responseOrder from './migrations/202612060900_response_order.js';
import * as signIn from './migrations/202612120900_sign_in.js';
import * as surveyGuard from './migrations/202612140900_survey_guard.js';
import * as snapshotAgency from './migrations/202612150900_snapshot_agency.js';
import * as oitHandoff from './migrations/202612161000_oit_handoff.js';
import * as importMapping from './migrations/202612200900_import_mapping.js';
import * as storedFiles from './migrations/202612201000_stored_files.js';
import * as backgroundJobs from './migrations/202612201100_background_jobs.js';

/** Every migration, in order: a static list (no file scanning), the same for both engines. */
const MIGRATIONS: Record<string, Migration> = {
  '202611261300_platform': platform,
  '202611261400_surveys': surveys,
  '202611261500_oit': oit,
  '202611261600_measures': measures,
  '202611261700_calendar': calendar,
  '202611261710_measure_evidence': measureEvidence,
  '202611261720_activities': activities,
  '202611261800_integrity': integrity,
  '202611261810_assets': assets,
  '202611261820_manuals': manuals,
  '202611261830_voice': voice,
  '202612060900_response_order': responseOrder,
  '202612120900_sign_in': signIn,
  '202612140900_survey_guard': surveyGuard,
  '202612150900_snapshot_agency': snapshotAgency,
  '202612161000_oit_handoff': oitHandoff,
  '202612200900_import_mapping': importMapping,
  '202612201000_stored_files': storedFiles,
  '202612201100_background_jobs': backgroundJobs,
};

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

/** Brings the schema up to date; returns the names of the migrations it ran. */
export async function migrateToLatest(db: Db): Promise<string[]> {
  const migrator = new Migrator({ db: db.kysely, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
