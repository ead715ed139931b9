import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../../platform/db/schema.js';

/** What the owner ticked for one required element, and where it is shown. */
export const ElementMarkSchema = z.object({ done: z.boolean(), where: z.string() });
export type ElementMark = z.infer<typeof ElementMarkSchema>;
const ElementsSchema = z.record(z.string(), ElementMarkSchema);

/** An agency's evidence for one OIT item of a round. */
export interface EvidenceRecord {
  id: string;
  roundId: string;
  itemCode: string;
  ownerUserId: string | null;
  status: string;
  explanation: string;
  elements: Record<string, ElementMark>;
  approvedBy: string | null;
  approvedAt: string | null;
  submittedAt: string | null;
  updatedAt: string;
  /** Why the head sent it back (kept until the owner offers it again), who and when. */
  returnReason: string | null;
  returnedBy: string | null;
  returnedAt: string | null;
}

export interface EvidenceLink {
  id: string;
  evidenceId: string;
  url: string;
  position: number;
}

export interface EvidenceFile {
  id: string;
  evidenceId: string;
  originalName: string;
  storedName: string;
  contentType: string;
  size: number;
  sha256: string;
  uploadedAt: string;
}

export interface LinkSnapshotRecord {
  id: string;
  linkId: string;
  kind: string;
  takenAt: string;
  status: number | null;
  contentType: string | null;
  finalUrl: string | null;
  sha256: string | null;
  storedName: string | null;
  truncated: boolean;
  error: string | null;
}

type EvidenceRow = Database['oit_evidence'];

function toEvidence(r: EvidenceRow): EvidenceRecord {
  return {
    id: r.id,
    roundId: r.round_id,
    itemCode: r.item_code,
    ownerUserId: r.owner_user_id,
    status: r.status,
    explanation: r.explanation,
    elements: ElementsSchema.parse(JSON.parse(r.elements_json)),
    approvedBy: r.approved_by,
    approvedAt: r.approved_at,
    submittedAt: r.submitted_at,
    updatedAt: r.updated_at,
    returnReason: r.return_reason,
    returnedBy: r.returned_by,
    returnedAt: r.returned_at,
  };
}

/** Every evidence record of a round. */
export async function listEvidence(db: Kysely<Database>, roundId: string) {
  const rows = await db
    .selectFrom('oit_evidence')
    .selectAll()
    .where('round_id', '=', roundId)
    .execute();
  return rows.map(toEvidence);
}

export async function findEvidence(
  db: Kysely<Database>,
  roundId: string,
  itemCode: string,
): Promise<EvidenceRecord | null> {
  const row = await db
    .selectFrom('oit_evidence')
    .selectAll()
    .where('round_id', '=', roundId)
    .where('item_code', '=', itemCode)
    .executeTakeFirst();
  return row ? toEvidence(row) : null;
}

/** Inserts or replaces the evidence record (one per round and item). */
export async function saveEvidenceRecord(db: Kysely<Database>, e: EvidenceRecord): Promise<void> {
  const values = {
    owner_user_id: e.ownerUserId,
    status: e.status,
    explanation: e.explanation,
    elements_json: JSON.stringify(e.elements),
    approved_by: e.approvedBy,
    approved_at: e.approvedAt,
    submitted_at: e.submittedAt,
    updated_at: e.updatedAt,
    return_reason: e.returnReason,
    returned_by: e.returnedBy,
    returned_at: e.returnedAt,
  };
  const updated = await db
    .updateTable('oit_evidence')
    .set(values)
    .where('id', '=', e.id)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) === 1) return;
  await db
    .insertInto('oit_evidence')
    .values({ id: e.id, round_id: e.roundId, item_code: e.itemCode, ...values })
    .execute();
}

/** The entry links of evidence records, in order. */
export async function listLinks(
  db: Kysely<Database>,
  evidenceIds: readonly string[],
): Promise<EvidenceLink[]> {
  if (evidenceIds.length === 0) return [];
  const rows = await db
    .selectFrom('oit_link')
    .selectAll()
    .where('evidence_id', 'in', evidenceIds)
    .where('added_in', '=', 'entry')
    .orderBy('position')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    evidenceId: r.evidence_id,
    url: r.url,
    position: Number(r.position),
  }));
}

/** Replaces the entry links of evidence (only before submission: snapshots go with them). */
export async function replaceLinks(
  db: Kysely<Database>,
  evidenceId: string,
  links: readonly { id: string; url: string }[],
): Promise<void> {
  await db
    .deleteFrom('oit_link')
    .where('evidence_id', '=', evidenceId)
    .where('added_in', '=', 'entry')
    .execute();
  if (links.length === 0) return;
  await db
    .insertInto('oit_link')
    .values(
      links.map((l, i) => ({
        id: l.id,
        evidence_id: evidenceId,
        url: l.url,
        position: i + 1,
        added_in: 'entry',
      })),
    )
    .execute();
}

type FileRow = Database['oit_file'];

function toFile(r: Pick<FileRow, keyof FileRow>): EvidenceFile {
  return {
    id: r.id,
    evidenceId: r.evidence_id,
    originalName: r.original_name,
    storedName: r.stored_name,
    contentType: r.content_type,
    size: Number(r.size),
    sha256: r.sha256,
    uploadedAt: r.uploaded_at,
  };
}

export async function insertFile(
  db: Kysely<Database>,
  file: EvidenceFile & { uploadedBy: string | null },
): Promise<void> {
  await db
    .insertInto('oit_file')
    .values({
      id: file.id,
      evidence_id: file.evidenceId,
      original_name: file.originalName,
      stored_name: file.storedName,
      content_type: file.contentType,
      size: file.size,
      sha256: file.sha256,
      added_in: 'entry',
      uploaded_by: file.uploadedBy,
      uploaded_at: file.uploadedAt,
    })
    .execute();
}

/** The entry files of evidence records, oldest first. */
/** One file of an item's evidence, whether added at entry or in clarification. */
export async function findEvidenceFile(
  db: Kysely<Database>,
  evidenceId: string,
  fileId: string,
): Promise<EvidenceFile | null> {
  const row = await db
    .selectFrom('oit_file')
    .selectAll()
    .where('evidence_id', '=', evidenceId)
    .where('id', '=', fileId)
    .executeTakeFirst();
  return row ? toFile(row) : null;
}

export async function listFiles(
  db: Kysely<Database>,
  evidenceIds: readonly string[],
): Promise<EvidenceFile[]> {
  if (evidenceIds.length === 0) return [];
  const rows = await db
    .selectFrom('oit_file')
    .selectAll()
    .where('evidence_id', 'in', evidenceIds)
    .where('added_in', '=', 'entry')
    .orderBy('uploaded_at')
    .orderBy('id')
    .execute();
  return rows.map(toFile);
}

export async function insertSnapshot(db: Kysely<Database>, s: LinkSnapshotRecord): Promise<void> {
  await db
    .insertInto('oit_snapshot')
    .values({
      id: s.id,
      link_id: s.linkId,
      kind: s.kind,
      taken_at: s.takenAt,
      status: s.status,
      content_type: s.contentType,
      final_url: s.finalUrl,
      sha256: s.sha256,
      stored_name: s.storedName,
      truncated: s.truncated ? 1 : 0,
      error: s.error,
    })
    .execute();
}

/** The submission snapshots of links. */
export async function listSubmissionSnapshots(
  db: Kysely<Database>,
  linkIds: readonly string[],
): Promise<LinkSnapshotRecord[]> {
  if (linkIds.length === 0) return [];
  const rows = await db
    .selectFrom('oit_snapshot')
    .selectAll()
    .where('link_id', 'in', linkIds)
    .where('kind', '=', 'submission')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    linkId: r.link_id,
    kind: r.kind,
    takenAt: r.taken_at,
    status: r.status === null ? null : Number(r.status),
    contentType: r.content_type,
    finalUrl: r.final_url,
    sha256: r.sha256,
    storedName: r.stored_name,
    truncated: Number(r.truncated) === 1,
    error: r.error,
  }));
}
