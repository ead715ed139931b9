import type { Actor, ServiceContext } from './context.js';
import { documentsForItem, listPublishedDocuments } from './generated-evidence.service.js';
import type { GeneratedDocument } from './evidence-providers/types.js';
import type { EvidenceSettings } from './oit-evidence-support.js';
import { evidenceNotFound } from './oit-evidence-support.js';
import { findWorkspaceItem, loadOitWorkspace, saveItemEvidence } from './oit-evidence.service.js';

/** The documents Prongsai has published that the round's edition lists for an OIT item. */
export async function listItemGeneratedEvidence(
  ctx: ServiceContext,
  actor: Actor,
  ref: { roundId: string; itemCode: string },
): Promise<GeneratedDocument[]> {
  const workspace = await loadOitWorkspace(ctx, actor, ref.roundId);
  const entry = findWorkspaceItem(workspace, ref.itemCode);
  if (entry.item.generatedEvidence.length === 0) return [];
  const documents = await listPublishedDocuments(ctx, workspace.round);
  return documentsForItem(documents, entry.item.generatedEvidence);
}

/**
 * Adds one of the item's published documents to its evidence links, as an absolute address on
 * `origin` (the public site). Only a document the edition lists for the item is accepted; adding
 * one already there changes nothing. The usual evidence rules apply (owner, open round).
 */
export async function addGeneratedEvidenceLink(
  ctx: ServiceContext,
  settings: EvidenceSettings,
  actor: Actor,
  ref: { roundId: string; itemCode: string },
  documentUrl: string,
  origin: string,
): Promise<void> {
  const documents = await listItemGeneratedEvidence(ctx, actor, ref);
  const document = documents.find((d) => d.url === documentUrl);
  if (!document) throw evidenceNotFound();
  const workspace = await loadOitWorkspace(ctx, actor, ref.roundId);
  const entry = findWorkspaceItem(workspace, ref.itemCode);
  const address = new URL(document.url, origin).toString();
  const urls = entry.links.map((l) => l.url);
  if (urls.includes(address)) return;
  const input = {
    urls: [...urls, address],
    explanation: entry.evidence?.explanation ?? '',
    elements: entry.evidence?.elements ?? {},
    ownerUserId: undefined,
  };
  await saveItemEvidence(ctx, settings, actor, ref, input, null);
}
