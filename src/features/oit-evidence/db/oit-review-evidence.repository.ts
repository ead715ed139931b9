import { insertSnapshot, type LinkSnapshotRecord } from './oit-evidence.repository.js';
import type { Kysely } from 'kysely';
import type { Database, OitSnapshotTable } from '../../../platform/db/schema.js';

/**
 * Reads of the agency's OIT evidence for review (written by the evidence side), and the
 * link checker's own 'check' snapshots.
 */

/** The agency's evidence for one item, as an assessor reads it. */
export interface ReviewEvidence {
  id: string;
  itemCode: string;
  status: string;
  ownerUserId: string | null;
  explanation: string;
  elementsJson: string;
  submittedAt: string | null;
}

/** A stored snapshot of a link. */
/** One fetch of a link (shared with the evidence side, which writes the submission ones). */
export type LinkSnapshotRow = LinkSnapshotRecord;

/** A submitted link with its snapshots, oldest first. */
export interface ReviewLink {
  id: string;
  url: string;
  addedIn: string;
  snapshots: LinkSnapshotRow[];
}

/** An uploaded file's facts. */
export interface ReviewFile {
  id: string;
  originalName: string;
  storedName: string;
  contentType: string;
  size: number;
  sha256: string;
  addedIn: string;
}

/** A link the checker re-fetches, with what it looked like when submitted. */
export interface LinkToCheck {
  linkId: string;
  url: string;
  roundId: string;
  agencyCode: string;
  itemCode: string;
  ownerEmail: string | null;
  submitted: LinkSnapshotRow;
}

export async function listRoundEvidence(
  db: Kysely<Database>,
  roundId: string,
): Promise<ReviewEvidence[]> {
  const rows = await db
    .selectFrom('oit_evidence')
    .selectAll()
    .where('round_id', '=', roundId)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    itemCode: r.item_code,
    status: r.status,
    ownerUserId: r.owner_user_id,
    explanation: r.explanation,
    elementsJson: r.elements_json,
    submittedAt: r.submitted_at,
  }));
}

function toSnapshot(r: OitSnapshotTable): LinkSnapshotRow {
  return {
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
  };
}

/** The links of one evidence row with every snapshot taken of them. */
export async function listEvidenceLinks(
  db: Kysely<Database>,
  evidenceId: string,
): Promise<ReviewLink[]> {
  const links = await db
    .selectFrom('oit_link')
    .selectAll()
    .where('evidence_id', '=', evidenceId)
    .orderBy('position')
    .execute();
  if (links.length === 0) return [];
  const snapshots = await db
    .selectFrom('oit_snapshot')
    .selectAll()
    .where(
      'link_id',
      'in',
      links.map((l) => l.id),
    )
    .orderBy('taken_at')
    .execute();
  return links.map((l) => ({
    id: l.id,
    url: l.url,
    addedIn: l.added_in,
    snapshots: snapshots.filter((s) => s.link_id === l.id).map(toSnapshot),
  }));
}

export async function listEvidenceFiles(
  db: Kysely<Database>,
  evidenceId: string,
): Promise<ReviewFile[]> {
  const rows = await db
    .selectFrom('oit_file')
    .selectAll()
    .where('evidence_id', '=', evidenceId)
    .orderBy('uploaded_at')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    originalName: r.original_name,
    storedName: r.stored_name,
    contentType: r.content_type,
    size: Number(r.size),
    sha256: r.sha256,
    addedIn: r.added_in,
  }));
}

/** A snapshot, only if it belongs to a link of this round. */
export async function findRoundSnapshot(
  db: Kysely<Database>,
  roundId: string,
  snapshotId: string,
): Promise<LinkSnapshotRow | null> {
  const row = await db
    .selectFrom('oit_snapshot as s')
    .innerJoin('oit_link as l', 'l.id', 's.link_id')
    .innerJoin('oit_evidence as e', 'e.id', 'l.evidence_id')
    .selectAll('s')
    .where('s.id', '=', snapshotId)
    .where('e.round_id', '=', roundId)
    .executeTakeFirst();
  return row ? toSnapshot(row) : null;
}

/** Submitted links of rounds still collecting or under review (one round when given). */
export async function listLinksToCheck(
  db: Kysely<Database>,
  roundId: string | null,
): Promise<LinkToCheck[]> {
  let query = db
    .selectFrom('oit_snapshot as s')
    .innerJoin('oit_link as l', 'l.id', 's.link_id')
    .innerJoin('oit_evidence as e', 'e.id', 'l.evidence_id')
    .innerJoin('assessment_round as r', 'r.id', 'e.round_id')
    .innerJoin('agency as a', 'a.id', 'r.agency_id')
    .leftJoin('app_user as u', 'u.id', 'e.owner_user_id')
    .selectAll('s')
    .select(['l.url', 'e.round_id', 'e.item_code', 'a.code as agency_code', 'u.email'])
    .where('s.kind', '=', 'submission')
    .where('r.state', 'in', ['collecting', 'oit_review']);
  if (roundId) query = query.where('e.round_id', '=', roundId);
  const rows = await query.orderBy('a.code').orderBy('e.item_code').orderBy('s.taken_at').execute();
  const latest = new Map<string, LinkToCheck>();
  for (const r of rows) {
    latest.set(r.link_id, {
      linkId: r.link_id,
      url: r.url,
      roundId: r.round_id,
      agencyCode: r.agency_code,
      itemCode: r.item_code,
      ownerEmail: r.email,
      submitted: toSnapshot(r),
    });
  }
  return [...latest.values()];
}

export { insertSnapshot };

/** The newest 'check' snapshot of each link of a round (what the link checker last saw). */
export async function listLatestChecks(
  db: Kysely<Database>,
  roundId: string,
): Promise<Map<string, LinkSnapshotRow>> {
  const rows = await db
    .selectFrom('oit_snapshot as s')
    .innerJoin('oit_link as l', 'l.id', 's.link_id')
    .innerJoin('oit_evidence as e', 'e.id', 'l.evidence_id')
    .selectAll('s')
    .where('s.kind', '=', 'check')
    .where('e.round_id', '=', roundId)
    .orderBy('s.taken_at')
    .execute();
  const latest = new Map<string, LinkSnapshotRow>();
  for (const row of rows) latest.set(row.link_id, toSnapshot(row));
  return latest;
}
