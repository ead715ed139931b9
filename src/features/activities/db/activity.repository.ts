import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { SatisfactionQuestion } from '../core/satisfaction.js';
import type { Database } from '../../../platform/db/schema.js';

/** An activity (KM) report of an agency. */
export interface Activity {
  id: string;
  agencyId: string;
  title: string;
  heldOn: string;
  place: string;
  objectives: string;
  method: string;
  keyKnowledge: string;
  bestPractices: string;
  attended: number | null;
  invited: number | null;
  satisfaction: SatisfactionQuestion[];
  published: boolean;
  publishedAt: string | null;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
}

const SatisfactionJson = z.array(
  z.object({ text: z.string(), counts: z.array(z.number().int().nonnegative()).length(5) }),
);

type Row = Database['activity'];

function toActivity(r: Row): Activity {
  const parsed = SatisfactionJson.safeParse(JSON.parse(r.satisfaction_json));
  return {
    id: r.id,
    agencyId: r.agency_id,
    title: r.title,
    heldOn: r.held_on,
    place: r.place,
    objectives: r.objectives,
    method: r.method,
    keyKnowledge: r.key_knowledge,
    bestPractices: r.best_practices,
    attended: r.attended === null ? null : Number(r.attended),
    invited: r.invited === null ? null : Number(r.invited),
    satisfaction: parsed.success ? parsed.data : [],
    published: Number(r.published) === 1,
    publishedAt: r.published_at,
    createdBy: r.created_by,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

function toRow(a: Activity): Row {
  return {
    id: a.id,
    agency_id: a.agencyId,
    title: a.title,
    held_on: a.heldOn,
    place: a.place,
    objectives: a.objectives,
    method: a.method,
    key_knowledge: a.keyKnowledge,
    best_practices: a.bestPractices,
    attended: a.attended,
    invited: a.invited,
    satisfaction_json: JSON.stringify(a.satisfaction),
    published: a.published ? 1 : 0,
    published_at: a.publishedAt,
    created_by: a.createdBy,
    created_at: a.createdAt,
    updated_at: a.updatedAt,
  };
}

export async function insertActivity(db: Kysely<Database>, a: Activity): Promise<void> {
  await db.insertInto('activity').values(toRow(a)).execute();
}

export async function updateActivity(db: Kysely<Database>, a: Activity): Promise<void> {
  const { id: _id, agency_id: _agency, created_by: _by, created_at: _at, ...changes } = toRow(a);
  await db.updateTable('activity').set(changes).where('id', '=', a.id).execute();
}

export async function findActivity(db: Kysely<Database>, id: string): Promise<Activity | null> {
  const row = await db.selectFrom('activity').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toActivity(row) : null;
}

/** An agency's activities, latest first (only published ones when asked). */
export async function listActivities(
  db: Kysely<Database>,
  agencyId: string,
  onlyPublished = false,
): Promise<Activity[]> {
  let query = db.selectFrom('activity').selectAll().where('agency_id', '=', agencyId);
  if (onlyPublished) query = query.where('published', '=', 1);
  const rows = await query.orderBy('held_on', 'desc').orderBy('created_at', 'desc').execute();
  return rows.map(toActivity);
}

export async function deleteActivity(db: Kysely<Database>, id: string): Promise<void> {
  await db.deleteFrom('activity').where('id', '=', id).execute();
}
