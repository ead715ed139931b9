import { DomainError } from '../../../core/errors.js';
import { maySubmitEvidence } from '../core/evidence-policy.js';
import { nextEvidenceStatus } from '../core/evidence-status.js';
import {
  findEvidence,
  insertSnapshot,
  saveEvidenceRecord,
  type EvidenceLink,
  type LinkSnapshotRecord,
} from '../db/oit-evidence.repository.js';
import { fetchLinkSnapshot } from '../../../platform/infra/link-fetcher.js';
import { inTransaction, recordAudit } from '../../audit/feature.js';
import {
  filesOf,
  nowIso,
  type Actor,
  type ServiceContext,
} from '../../../platform/services/context.js';
import {
  assertEvidenceOpen,
  listEditionOitItems,
  loadEvidenceRound,
  loadItemEvidence,
  policyActor,
  type EvidenceSettings,
  type ItemEvidence,
} from './oit-evidence-support.js';
import type { Round } from '../../rounds/feature.js';
import { loadRoundEdition } from '../../surveys/feature.js';

/** Fetches a link as the assessor will see it and keeps the body in the file store. */
async function takeSnapshot(
  ctx: ServiceContext,
  settings: EvidenceSettings,
  link: EvidenceLink,
): Promise<LinkSnapshotRecord> {
  const seen = await fetchLinkSnapshot(link.url, settings.fetchLimits);
  const stored = seen.body ? await filesOf(ctx).save('snapshots', seen.body) : null;
  return {
    id: ctx.ids.uuid(),
    linkId: link.id,
    kind: 'submission',
    takenAt: nowIso(ctx),
    status: seen.status,
    contentType: seen.contentType?.slice(0, 200) ?? null,
    finalUrl: seen.finalUrl,
    sha256: seen.sha256,
    storedName: stored?.storedName ?? null,
    truncated: seen.truncated,
    error: seen.error,
  };
}

/** Snapshots one approved item's links and marks it submitted (false if it changed meanwhile). */
async function submitOne(
  ctx: ServiceContext,
  settings: EvidenceSettings,
  actor: Actor,
  round: Round,
  entry: ItemEvidence,
): Promise<boolean> {
  const snapshots: LinkSnapshotRecord[] = [];
  for (const link of entry.links) snapshots.push(await takeSnapshot(ctx, settings, link));
  const done = await inTransaction(ctx, async (trx) => {
    const evidence = await findEvidence(trx, round.id, entry.item.code);
    // approved while we fetched: an edit since then sent it back to draft
    if (!evidence || nextEvidenceStatus(evidence.status as never, 'submit') === null) return false;
    for (const snapshot of snapshots) await insertSnapshot(trx, snapshot);
    const now = nowIso(ctx);
    await saveEvidenceRecord(trx, {
      ...evidence,
      status: 'submitted',
      submittedAt: now,
      updatedAt: now,
    });
    await recordAudit(trx, ctx, actor, {
      action: 'oit.evidence_submitted',
      entityType: 'oit_evidence',
      entityId: evidence.id,
      agencyId: round.agencyId,
      details: { item: entry.item.code, links: snapshots.map((s) => s.sha256) },
    });
    return true;
  });
  // changed while its links were fetched: the copies taken are not kept
  if (!done)
    for (const snapshot of snapshots)
      if (snapshot.storedName) await filesOf(ctx).delete(snapshot.storedName);
  return done;
}

/**
 * The agency administrator submits approved items (all approved ones when `itemCode` is null):
 * every link is fetched and kept, so agency and assessor later see the same thing; audited.
 */
export async function submitEvidence(
  ctx: ServiceContext,
  settings: EvidenceSettings,
  actor: Actor,
  ref: { roundId: string; itemCode: string | null },
): Promise<{ submitted: string[] }> {
  const round = await loadEvidenceRound(ctx.db.kysely, actor, ref.roundId);
  assertEvidenceOpen(round);
  if (!maySubmitEvidence(policyActor(actor), round.agencyPath))
    throw new DomainError('forbidden', {
      th: 'เฉพาะผู้ดูแลของหน่วยงานที่ส่งหลักฐานได้',
      en: 'Only the agency administrator may submit evidence',
    });
  const compiled = await loadRoundEdition(ctx, round.editionId);
  const items = listEditionOitItems(compiled.edition).filter(
    (i) => ref.itemCode === null || i.code === ref.itemCode,
  );
  const entries = (await loadItemEvidence(ctx.db.kysely, round.id, items)).filter(
    (e) => e.status === 'approved',
  );
  if (entries.length === 0)
    throw new DomainError('nothing_to_submit', {
      th: 'ยังไม่มีข้อที่หัวหน้าหน่วยงานอนุมัติแล้วให้ส่ง',
      en: 'No item approved by the head of agency is waiting to be submitted',
    });
  const submitted: string[] = [];
  for (const entry of entries)
    if (await submitOne(ctx, settings, actor, round, entry)) submitted.push(entry.item.code);
  return { submitted };
}
