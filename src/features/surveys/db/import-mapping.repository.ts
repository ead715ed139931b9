import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/db/schema.js';

/** Whose mapping: one per agency, edition and survey instrument. */
export interface ImportMappingKey {
  agencyId: string;
  editionId: string;
  instrument: string;
}

/**
 * The saved column mapping of survey imports (header → item code, 'date', 'comment' or
 * 'ignore'); empty when none was saved. Headers and codes only, never answers.
 */
export async function findImportMapping(
  db: Kysely<Database>,
  key: ImportMappingKey,
): Promise<Record<string, string>> {
  const row = await db
    .selectFrom('import_mapping')
    .select('mapping_json')
    .where('agency_id', '=', key.agencyId)
    .where('edition_id', '=', key.editionId)
    .where('instrument', '=', key.instrument)
    .executeTakeFirst();
  if (!row) return {};
  const parsed: unknown = JSON.parse(row.mapping_json);
  if (typeof parsed !== 'object' || parsed === null) return {};
  return Object.fromEntries(
    Object.entries(parsed).filter(
      (entry): entry is [string, string] => typeof entry[1] === 'string',
    ),
  );
}

/** Saves (replaces) the mapping of an agency, edition and instrument. */
export async function saveImportMapping(
  db: Kysely<Database>,
  key: ImportMappingKey,
  mapping: Record<string, string>,
  now: string,
): Promise<void> {
  const mappingJson = JSON.stringify(mapping);
  await db
    .insertInto('import_mapping')
    .values({
      agency_id: key.agencyId,
      edition_id: key.editionId,
      instrument: key.instrument,
      mapping_json: mappingJson,
      updated_at: now,
    })
    .onConflict((oc) =>
      oc
        .columns(['agency_id', 'edition_id', 'instrument'])
        .doUpdateSet({ mapping_json: mappingJson, updated_at: now }),
    )
    .execute();
}
