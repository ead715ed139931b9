import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/db/schema.js';

/** An assessor assigned to a round. */
export interface OitAssignment {
  roundId: string;
  userId: string;
  email: string;
  displayName: string;
  role: 'primary' | 'second';
  assignedAt: string;
}

/** One decision on one item (decisions are appended, never changed). */
export interface OitDecisionRow {
  id: string;
  roundId: string;
  itemCode: string;
  assessorUserId: string;
  stage: 'initial' | 'final';
  score: number;
  reason: string;
  advice: string;
  decidedAt: string;
}

/** An agency's answer to a failed item during clarification. */
export interface OitClarificationRow {
  id: string;
  roundId: string;
  itemCode: string;
  text: string;
  newUrl: string | null;
  fileId: string | null;
  createdBy: string | null;
  createdAt: string;
}

/** Assigns a user to a round in a role, replacing whoever held that role before. */
export async function replaceAssignment(
  db: Kysely<Database>,
  row: { roundId: string; userId: string; role: 'primary' | 'second'; now: string },
): Promise<void> {
  await db
    .deleteFrom('oit_assignment')
    .where('round_id', '=', row.roundId)
    .where((eb) => eb.or([eb('role', '=', row.role), eb('assessor_user_id', '=', row.userId)]))
    .execute();
  await db
    .insertInto('oit_assignment')
    .values({
      round_id: row.roundId,
      assessor_user_id: row.userId,
      role: row.role,
      assigned_at: row.now,
    })
    .execute();
}

/** Assessors of a round (or of every round assigned to one user when `userId` is given). */
export async function listAssignments(
  db: Kysely<Database>,
  filter: { roundId?: string; userId?: string },
): Promise<OitAssignment[]> {
  let query = db
    .selectFrom('oit_assignment as a')
    .innerJoin('app_user as u', 'u.id', 'a.assessor_user_id')
    .select(['a.round_id', 'a.assessor_user_id', 'a.role', 'a.assigned_at', 'u.email'])
    .select('u.display_name');
  if (filter.roundId) query = query.where('a.round_id', '=', filter.roundId);
  if (filter.userId) query = query.where('a.assessor_user_id', '=', filter.userId);
  const rows = await query.orderBy('a.role').execute();
  return rows.map((r) => ({
    roundId: r.round_id,
    userId: r.assessor_user_id,
    email: r.email,
    displayName: r.display_name,
    role: r.role === 'second' ? 'second' : 'primary',
    assignedAt: r.assigned_at,
  }));
}

export async function insertDecision(db: Kysely<Database>, d: OitDecisionRow): Promise<void> {
  await db
    .insertInto('oit_decision')
    .values({
      id: d.id,
      round_id: d.roundId,
      item_code: d.itemCode,
      assessor_user_id: d.assessorUserId,
      stage: d.stage,
      score: d.score,
      reason: d.reason,
      advice: d.advice,
      decided_at: d.decidedAt,
    })
    .execute();
}

/** Every decision of a round, oldest first (initial before final at the same instant). */
export async function listDecisions(
  db: Kysely<Database>,
  roundId: string,
): Promise<OitDecisionRow[]> {
  const rows = await db
    .selectFrom('oit_decision')
    .selectAll()
    .where('round_id', '=', roundId)
    .orderBy('decided_at')
    .orderBy('stage', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    roundId: r.round_id,
    itemCode: r.item_code,
    assessorUserId: r.assessor_user_id,
    stage: r.stage === 'final' ? 'final' : 'initial',
    score: Number(r.score),
    reason: r.reason,
    advice: r.advice,
    decidedAt: r.decided_at,
  }));
}

export async function insertClarification(
  db: Kysely<Database>,
  c: OitClarificationRow,
): Promise<void> {
  await db
    .insertInto('oit_clarification')
    .values({
      id: c.id,
      round_id: c.roundId,
      item_code: c.itemCode,
      text: c.text,
      new_url: c.newUrl,
      file_id: c.fileId,
      created_by: c.createdBy,
      created_at: c.createdAt,
    })
    .execute();
}

/** Clarification answers of a round, oldest first. */
export async function listClarifications(
  db: Kysely<Database>,
  roundId: string,
): Promise<OitClarificationRow[]> {
  const rows = await db
    .selectFrom('oit_clarification')
    .selectAll()
    .where('round_id', '=', roundId)
    .orderBy('created_at')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    roundId: r.round_id,
    itemCode: r.item_code,
    text: r.text,
    newUrl: r.new_url,
    fileId: r.file_id,
    createdBy: r.created_by,
    createdAt: r.created_at,
  }));
}
