import type { Kysely } from 'kysely';
import type { MeasureStatus, MeasureTargetType } from '../core/measure-rules.js';
import type { Database } from '../../../platform/db/schema.js';

/** One improvement measure, with its owner's name and latest progress. */
export interface Measure {
  id: string;
  roundId: string;
  targetType: MeasureTargetType;
  targetCode: string;
  title: string;
  description: string;
  ownerUserId: string | null;
  ownerName: string | null;
  dueOn: string | null;
  status: MeasureStatus;
  createdAt: string;
  updatedAt: string;
}

/** A progress note on a measure. */
export interface MeasureProgress {
  id: string;
  measureId: string;
  note: string;
  percent: number;
  createdBy: string | null;
  createdByName: string | null;
  createdAt: string;
}

export type MeasureRow = Omit<Measure, 'ownerName'>;

const TYPES: readonly string[] = ['indicator', 'question', 'oit_item'];
const STATUSES: readonly string[] = ['planned', 'in_progress', 'done', 'dropped'];

export async function insertMeasure(db: Kysely<Database>, m: MeasureRow): Promise<void> {
  await db
    .insertInto('improvement_measure')
    .values({
      id: m.id,
      round_id: m.roundId,
      target_type: m.targetType,
      target_code: m.targetCode,
      title: m.title,
      description: m.description,
      owner_user_id: m.ownerUserId,
      due_on: m.dueOn,
      status: m.status,
      created_at: m.createdAt,
      updated_at: m.updatedAt,
    })
    .execute();
}

export async function updateMeasure(db: Kysely<Database>, m: MeasureRow): Promise<void> {
  await db
    .updateTable('improvement_measure')
    .set({
      target_type: m.targetType,
      target_code: m.targetCode,
      title: m.title,
      description: m.description,
      owner_user_id: m.ownerUserId,
      due_on: m.dueOn,
      status: m.status,
      updated_at: m.updatedAt,
    })
    .where('id', '=', m.id)
    .execute();
}

function measureQuery(db: Kysely<Database>) {
  return db
    .selectFrom('improvement_measure as m')
    .leftJoin('app_user as u', 'u.id', 'm.owner_user_id')
    .selectAll('m')
    .select('u.display_name as owner_name');
}

type MeasureSelect = Awaited<
  ReturnType<ReturnType<typeof measureQuery>['executeTakeFirstOrThrow']>
>;

function toMeasure(r: MeasureSelect): Measure {
  return {
    id: r.id,
    roundId: r.round_id,
    targetType: (TYPES.includes(r.target_type) ? r.target_type : 'indicator') as MeasureTargetType,
    targetCode: r.target_code,
    title: r.title,
    description: r.description,
    ownerUserId: r.owner_user_id,
    ownerName: r.owner_name,
    dueOn: r.due_on,
    status: (STATUSES.includes(r.status) ? r.status : 'planned') as MeasureStatus,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** The measures of a round, by due date (undated last), then by creation. */
export async function listMeasures(db: Kysely<Database>, roundId: string): Promise<Measure[]> {
  const rows = await measureQuery(db)
    .where('m.round_id', '=', roundId)
    .orderBy('m.created_at')
    .orderBy('m.id')
    .execute();
  const measures = rows.map(toMeasure);
  return measures.sort((a, b) => (a.dueOn ?? '9999').localeCompare(b.dueOn ?? '9999'));
}

export async function findMeasure(db: Kysely<Database>, id: string): Promise<Measure | null> {
  const row = await measureQuery(db).where('m.id', '=', id).executeTakeFirst();
  return row ? toMeasure(row) : null;
}

export async function insertProgress(
  db: Kysely<Database>,
  p: Omit<MeasureProgress, 'createdByName'>,
): Promise<void> {
  await db
    .insertInto('measure_progress')
    .values({
      id: p.id,
      measure_id: p.measureId,
      note: p.note,
      percent: p.percent,
      created_by: p.createdBy,
      created_at: p.createdAt,
    })
    .execute();
}

/** Progress notes of the given measures, oldest first. */
export async function listProgress(
  db: Kysely<Database>,
  measureIds: readonly string[],
): Promise<MeasureProgress[]> {
  if (measureIds.length === 0) return [];
  const rows = await db
    .selectFrom('measure_progress as p')
    .leftJoin('app_user as u', 'u.id', 'p.created_by')
    .selectAll('p')
    .select('u.display_name as created_by_name')
    .where('p.measure_id', 'in', [...measureIds])
    .orderBy('p.created_at')
    .orderBy('p.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    measureId: r.measure_id,
    note: r.note,
    percent: Number(r.percent),
    createdBy: r.created_by,
    createdByName: r.created_by_name,
    createdAt: r.created_at,
  }));
}
