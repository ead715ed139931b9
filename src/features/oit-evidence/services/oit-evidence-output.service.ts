import { formatCsv } from '../../../core/csv-format.js';
import type { Text } from '../../../core/framework/edition.schema.js';
import {
  findRoundIdByAgencyYear,
  findRoundStateByAgencyYear,
} from '../db/oit-evidence-lookup.repository.js';
import { findRound, findScoreSnapshot, type Round } from '../../rounds/feature.js';
import { filesOf, type Actor, type ServiceContext } from '../../../platform/services/context.js';
import {
  evidenceNotFound,
  listEditionOitItems,
  loadItemEvidence,
  type ItemEvidence,
} from './oit-evidence-support.js';
import { loadOitWorkspace } from './oit-evidence.service.js';
import { loadRoundEdition } from '../../surveys/feature.js';

/** The approval memo (บันทึกข้อความ) of the items the head of agency approved. */
export interface ApprovalMemo {
  round: Round;
  items: { code: string; name: Text; urls: string[] }[];
  approverNames: string[];
  /** The latest approval (ISO), or null when nothing is approved yet. */
  approvedAt: string | null;
}

/** Builds the approval memo of a round the actor may see. */
export async function buildApprovalMemo(
  ctx: ServiceContext,
  actor: Actor,
  roundId: string,
): Promise<ApprovalMemo> {
  const workspace = await loadOitWorkspace(ctx, actor, roundId);
  const approved = workspace.items.filter(
    (i) => i.evidence?.approvedBy && (i.status === 'approved' || i.status === 'submitted'),
  );
  const approvers = [...new Set(approved.map((i) => i.evidence?.approvedBy ?? ''))];
  const dates = approved.map((i) => i.evidence?.approvedAt ?? '').sort();
  return {
    round: workspace.round,
    items: approved.map((i) => ({
      code: i.item.code,
      name: i.item.name,
      urls: i.links.map((l) => l.url),
    })),
    approverNames: approvers.map((id) => workspace.names.get(id) ?? ''),
    approvedAt: dates.at(-1) ?? null,
  };
}

/** The copy-assist CSV: one row per item (code, name, links, explanation), UTF-8 with BOM. */
export async function buildCopyExport(
  ctx: ServiceContext,
  actor: Actor,
  roundId: string,
  publicItemUrl: (round: Round, itemCode: string) => string,
): Promise<{ filename: string; csv: string }> {
  const workspace = await loadOitWorkspace(ctx, actor, roundId);
  const rows = workspace.items.map((i) => {
    const urls = i.links.map((l) => l.url);
    if (i.files.length > 0) urls.push(publicItemUrl(workspace.round, i.item.code));
    return [i.item.code, i.item.name.th, urls.join('\n'), i.evidence?.explanation ?? ''];
  });
  const { round } = workspace;
  return {
    filename: `${round.editionCode}-OIT-${round.agencyCode}.csv`,
    csv: formatCsv(['ข้อ (code)', 'ชื่อข้อ (item)', 'URL', 'คำอธิบาย (explanation)'], rows),
  };
}

/** What the public OIT page of an agency and year shows: submitted evidence only. */
export interface PublicOit {
  round: Round;
  items: ItemEvidence[];
}

/** Hides everything that is not submitted. */
function publishable(entry: ItemEvidence): ItemEvidence {
  if (entry.status === 'submitted') return entry;
  return { ...entry, evidence: null, links: [], files: [], snapshots: [] };
}

/**
 * The public OIT of an agency for a fiscal year (no sign-in), or not found. Once the round is
 * published nothing on it changes: its evidence is locked since it left collecting (the one later
 * window, clarification, is before confirmation), its edition is stored once, and the agency's
 * name is the one its score snapshot took on publication day (a later rename changes nothing
 * published, as on the results page). Before publication the name is the agency's present one.
 */
export async function loadPublicOit(
  ctx: ServiceContext,
  agencyCode: string,
  year: number,
): Promise<PublicOit> {
  const db = ctx.db.kysely;
  const roundId = await findRoundIdByAgencyYear(db, agencyCode, year);
  const found = roundId ? await findRound(db, roundId) : null;
  if (!found) throw evidenceNotFound();
  const snapshot = found.state === 'published' ? await findScoreSnapshot(db, found.id) : null;
  const round = snapshot?.agency ? { ...found, agencyNameTh: snapshot.agency.nameTh } : found;
  const compiled = await loadRoundEdition(ctx, round.editionId);
  const items = await loadItemEvidence(db, round.id, listEditionOitItems(compiled.edition));
  return { round, items: items.map(publishable) };
}

/**
 * Which published round an agency's public pages of a year show (OIT, results, reports), as a
 * page-cache key (the round and the moment it was published), or null when the round is not
 * published (its pages are then rendered per request, or not shown). A withdrawal and a
 * republication moves the round twice, so gives a new key; what a round shows (evidence, stored
 * scores) can change only while it is not published. One small read.
 */
export async function publishedRoundKey(
  ctx: ServiceContext,
  agencyCode: string,
  year: number,
): Promise<string | null> {
  const round = await findRoundStateByAgencyYear(ctx.db.kysely, agencyCode, year);
  return round?.state === 'published' ? `${round.id}@${round.updatedAt}` : null;
}

/** A file of submitted evidence on the public page, with its bytes. */
export async function loadPublicFile(
  ctx: ServiceContext,
  ref: { agencyCode: string; year: number; fileId: string },
) {
  const oit = await loadPublicOit(ctx, ref.agencyCode, ref.year);
  const file = oit.items.flatMap((i) => i.files).find((f) => f.id === ref.fileId);
  const opened = file ? await filesOf(ctx).open(file.storedName) : null;
  if (!file || !opened) throw evidenceNotFound();
  return { file, opened };
}
