import type { Kysely, Selectable } from 'kysely';
import { z } from 'zod';
import {
  MANUAL_KINDS,
  MANUAL_STATUSES,
  TIME_UNITS,
  type ManualKind,
  type ManualStatus,
  type TimeUnit,
} from '../core/manual-rules.js';
import type { Database, ManualTable } from '../../../platform/db/schema.js';

/** A manual as stored, with its lists decoded. */
export interface Manual {
  id: string;
  agencyId: string;
  kind: ManualKind;
  title: string;
  purpose: string;
  responsibleUnit: string;
  channels: string[];
  feeText: string;
  documents: string[];
  legalBasis: string;
  fiscalYear: number;
  status: ManualStatus;
  publishedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** One step of a manual. */
export interface ManualStep {
  id: string;
  manualId: string;
  position: number;
  description: string;
  responsible: string;
  timeAmount: number;
  timeUnit: TimeUnit;
}

/** One service case: dates only. */
export interface ManualCase {
  id: string;
  manualId: string;
  receivedOn: string;
  completedOn: string | null;
  createdAt: string;
}

const TextList = z.array(z.string());

function decodeList(json: string): string[] {
  const parsed = TextList.safeParse(JSON.parse(json));
  return parsed.success ? parsed.data : [];
}

function toManual(r: Selectable<ManualTable>): Manual {
  return {
    id: r.id,
    agencyId: r.agency_id,
    kind: (MANUAL_KINDS as readonly string[]).includes(r.kind) ? (r.kind as ManualKind) : 'work',
    title: r.title,
    purpose: r.purpose,
    responsibleUnit: r.responsible_unit,
    channels: decodeList(r.channels_json),
    feeText: r.fee_text,
    documents: decodeList(r.documents_json),
    legalBasis: r.legal_basis,
    fiscalYear: Number(r.fiscal_year),
    status: (MANUAL_STATUSES as readonly string[]).includes(r.status)
      ? (r.status as ManualStatus)
      : 'draft',
    publishedAt: r.published_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

function toRow(m: Manual) {
  return {
    agency_id: m.agencyId,
    kind: m.kind,
    title: m.title,
    purpose: m.purpose,
    responsible_unit: m.responsibleUnit,
    channels_json: JSON.stringify(m.channels),
    fee_text: m.feeText,
    documents_json: JSON.stringify(m.documents),
    legal_basis: m.legalBasis,
    fiscal_year: m.fiscalYear,
    status: m.status,
    published_at: m.publishedAt,
    created_at: m.createdAt,
    updated_at: m.updatedAt,
  };
}

export async function insertManual(db: Kysely<Database>, m: Manual): Promise<void> {
  await db
    .insertInto('manual')
    .values({ id: m.id, ...toRow(m) })
    .execute();
}

export async function updateManual(db: Kysely<Database>, m: Manual): Promise<void> {
  await db.updateTable('manual').set(toRow(m)).where('id', '=', m.id).execute();
}

export async function findManual(db: Kysely<Database>, id: string): Promise<Manual | null> {
  const row = await db.selectFrom('manual').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toManual(row) : null;
}

/** An agency's manuals (only the published ones when asked), service manuals first, by title. */
export async function listManuals(
  db: Kysely<Database>,
  agencyId: string,
  onlyPublished = false,
): Promise<Manual[]> {
  let query = db.selectFrom('manual').selectAll().where('agency_id', '=', agencyId);
  if (onlyPublished) query = query.where('status', '=', 'published');
  const rows = await query.orderBy('kind').orderBy('title').orderBy('id').execute();
  return rows.map(toManual);
}

/** Replaces all steps of a manual (the caller runs it in a transaction). */
export async function replaceSteps(
  db: Kysely<Database>,
  manualId: string,
  steps: readonly ManualStep[],
): Promise<void> {
  await db.deleteFrom('manual_step').where('manual_id', '=', manualId).execute();
  if (steps.length === 0) return;
  await db
    .insertInto('manual_step')
    .values(
      steps.map((s) => ({
        id: s.id,
        manual_id: manualId,
        position: s.position,
        description: s.description,
        responsible: s.responsible,
        time_amount: s.timeAmount,
        time_unit: s.timeUnit,
      })),
    )
    .execute();
}

/** The steps of the given manuals, in order. */
export async function listSteps(
  db: Kysely<Database>,
  manualIds: readonly string[],
): Promise<ManualStep[]> {
  if (manualIds.length === 0) return [];
  const rows = await db
    .selectFrom('manual_step')
    .selectAll()
    .where('manual_id', 'in', [...manualIds])
    .orderBy('manual_id')
    .orderBy('position')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    manualId: r.manual_id,
    position: Number(r.position),
    description: r.description,
    responsible: r.responsible,
    timeAmount: Number(r.time_amount),
    timeUnit: (TIME_UNITS as readonly string[]).includes(r.time_unit)
      ? (r.time_unit as TimeUnit)
      : 'days',
  }));
}

export async function insertCase(db: Kysely<Database>, c: ManualCase): Promise<void> {
  await db
    .insertInto('manual_case')
    .values({
      id: c.id,
      manual_id: c.manualId,
      received_on: c.receivedOn,
      completed_on: c.completedOn,
      created_at: c.createdAt,
    })
    .execute();
}

export async function deleteCase(
  db: Kysely<Database>,
  manualId: string,
  caseId: string,
): Promise<boolean> {
  const result = await db
    .deleteFrom('manual_case')
    .where('id', '=', caseId)
    .where('manual_id', '=', manualId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

/** The service cases of a manual, newest receipt first. */
export async function listCases(db: Kysely<Database>, manualId: string): Promise<ManualCase[]> {
  const rows = await db
    .selectFrom('manual_case')
    .selectAll()
    .where('manual_id', '=', manualId)
    .orderBy('received_on', 'desc')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    manualId: r.manual_id,
    receivedOn: r.received_on,
    completedOn: r.completed_on,
    createdAt: r.created_at,
  }));
}
