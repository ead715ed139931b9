import type { Kysely } from 'kysely';
import type { RoundState } from '../core/round-state.js';
import type { Database } from '../../../platform/db/schema.js';

/** An assessment round with the names a screen needs. */
export interface Round {
  id: string;
  agencyId: string;
  agencyCode: string;
  agencyNameTh: string;
  agencyPath: string;
  editionId: string;
  editionCode: string;
  editionYear: number;
  state: RoundState;
  createdAt: string;
  updatedAt: string;
}

export async function insertRound(
  db: Kysely<Database>,
  round: { id: string; agencyId: string; editionId: string; openedBy: string | null },
  now: string,
): Promise<void> {
  await db
    .insertInto('assessment_round')
    .values({
      id: round.id,
      agency_id: round.agencyId,
      edition_id: round.editionId,
      state: 'setup',
      opened_by: round.openedBy,
      created_at: now,
      updated_at: now,
    })
    .execute();
}

function roundQuery(db: Kysely<Database>) {
  return db
    .selectFrom('assessment_round as r')
    .innerJoin('agency as a', 'a.id', 'r.agency_id')
    .innerJoin('edition as e', 'e.id', 'r.edition_id')
    .select([
      'r.id',
      'r.agency_id',
      'r.edition_id',
      'r.state',
      'r.created_at',
      'r.updated_at',
      'a.code as agency_code',
      'a.name_th as agency_name_th',
      'a.path as agency_path',
      'e.code as edition_code',
      'e.year as edition_year',
    ]);
}

type RoundRow = Awaited<ReturnType<ReturnType<typeof roundQuery>['executeTakeFirstOrThrow']>>;

function toRound(r: RoundRow): Round {
  return {
    id: r.id,
    agencyId: r.agency_id,
    agencyCode: r.agency_code,
    agencyNameTh: r.agency_name_th,
    agencyPath: r.agency_path,
    editionId: r.edition_id,
    editionCode: r.edition_code,
    editionYear: Number(r.edition_year),
    state: r.state as RoundState,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export async function findRound(db: Kysely<Database>, id: string): Promise<Round | null> {
  const row = await roundQuery(db).where('r.id', '=', id).executeTakeFirst();
  return row ? toRound(row) : null;
}

/** Rounds of agencies whose path starts with one of the prefixes (all when null). */
export async function listRounds(
  db: Kysely<Database>,
  prefixes: readonly string[] | null,
): Promise<Round[]> {
  let query = roundQuery(db);
  if (prefixes !== null) {
    if (prefixes.length === 0) return [];
    query = query.where((eb) => eb.or(prefixes.map((p) => eb('a.path', 'like', `${p}%`))));
  }
  const rows = await query.orderBy('e.year', 'desc').orderBy('a.code').execute();
  return rows.map(toRound);
}

/** Moves a round only if it is still in `from` (so two concurrent moves cannot both win). */
export async function updateRoundState(
  db: Kysely<Database>,
  id: string,
  from: RoundState,
  to: RoundState,
  now: string,
): Promise<boolean> {
  const result = await db
    .updateTable('assessment_round')
    .set({ state: to, updated_at: now })
    .where('id', '=', id)
    .where('state', '=', from)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The agency of a round as a snapshot keeps it: names and type at the time. */
export interface SnapshotAgency {
  nameTh: string;
  nameEn: string;
  type: string;
}

async function roundAgencyNow(db: Kysely<Database>, roundId: string) {
  return db
    .selectFrom('assessment_round as r')
    .innerJoin('agency as a', 'a.id', 'r.agency_id')
    .select(['a.name_th', 'a.name_en', 'a.type'])
    .where('r.id', '=', roundId)
    .executeTakeFirst();
}

/**
 * Stores a score snapshot of a round (engine version kept so old reports reproduce), with the
 * agency's names and type as they are now.
 */
export async function upsertScoreSnapshot(
  db: Kysely<Database>,
  snapshot: {
    roundId: string;
    engineVersion: string;
    total: number | null;
    levelCode: string | null;
    resultJson: string;
  },
  now: string,
): Promise<void> {
  const agency = await roundAgencyNow(db, snapshot.roundId);
  await db.deleteFrom('score_snapshot').where('round_id', '=', snapshot.roundId).execute();
  await db
    .insertInto('score_snapshot')
    .values({
      round_id: snapshot.roundId,
      engine_version: snapshot.engineVersion,
      total: snapshot.total,
      level_code: snapshot.levelCode,
      result_json: snapshot.resultJson,
      created_at: now,
      agency_name_th: agency?.name_th ?? null,
      agency_name_en: agency?.name_en ?? null,
      agency_type: agency?.type ?? null,
    })
    .execute();
}

/** Writes the agency's present names and type into a round's snapshot (done on publication). */
export async function stampSnapshotAgency(db: Kysely<Database>, roundId: string): Promise<void> {
  const agency = await roundAgencyNow(db, roundId);
  if (!agency) return;
  await db
    .updateTable('score_snapshot')
    .set({
      agency_name_th: agency.name_th,
      agency_name_en: agency.name_en,
      agency_type: agency.type,
    })
    .where('round_id', '=', roundId)
    .execute();
}

export async function findScoreSnapshot(db: Kysely<Database>, roundId: string) {
  const row = await db
    .selectFrom('score_snapshot')
    .selectAll()
    .where('round_id', '=', roundId)
    .executeTakeFirst();
  return row
    ? {
        roundId: row.round_id,
        engineVersion: row.engine_version,
        total: row.total === null ? null : Number(row.total),
        levelCode: row.level_code,
        resultJson: row.result_json,
        agency:
          row.agency_name_th === null
            ? null
            : ({
                nameTh: row.agency_name_th,
                nameEn: row.agency_name_en ?? row.agency_name_th,
                type: row.agency_type ?? '',
              } satisfies SnapshotAgency),
      }
    : null;
}
