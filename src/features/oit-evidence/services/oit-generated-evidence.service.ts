import type { Round } from '../../rounds/feature.js';
import type { Actor, ServiceContext } from '../../../platform/services/context.js';
import type { DocumentLister, GeneratedDocument } from '../../kit.js';
import type { EvidenceSettings, ItemEvidence } from './oit-evidence-support.js';
import { evidenceNotFound } from './oit-evidence-support.js';
import { findWorkspaceItem, loadOitWorkspace, saveItemEvidence } from './oit-evidence.service.js';

/**
 * The documents Prongsai has published that the round's edition lists for an OIT item (only the
 * features producing those sources are asked; `documents` is the app's registry). The caller has
 * already loaded the item in reach.
 */
export async function listItemGeneratedEvidence(
  ctx: ServiceContext,
  documents: DocumentLister,
  round: Round,
  entry: Pick<ItemEvidence, 'item'>,
): Promise<GeneratedDocument[]> {
  if (entry.item.generatedEvidence.length === 0) return [];
  return documents(ctx, round, entry.item.generatedEvidence);
}

/**
 * Adds one of the item's published documents to its evidence links, as an absolute address on
 * `origin` (the public site). Only a document the edition lists for the item is accepted; adding
 * one already there changes nothing. The usual evidence rules apply (owner, open round).
 */
export async function addGeneratedEvidenceLink(
  ctx: ServiceContext,
  lister: DocumentLister,
  settings: EvidenceSettings,
  actor: Actor,
  ref: { roundId: string; itemCode: string },
  documentUrl: string,
  origin: string,
): Promise<void> {
  const workspace = await loadOitWorkspace(ctx, actor, ref.roundId);
  const entry = findWorkspaceItem(workspace, ref.itemCode);
  const documents = await listItemGeneratedEvidence(ctx, lister, workspace.round, entry);
  const document = documents.find((d) => d.url === documentUrl);
  if (!document) throw evidenceNotFound();
  const address = new URL(document.url, origin).toString();
  const urls = entry.links.map((l) => l.url);
  if (urls.includes(address)) return;
  const input = {
    urls: [...urls, address],
    explanation: entry.evidence?.explanation ?? '',
    elements: entry.evidence?.elements ?? {},
    ownerUserId: undefined,
  };
  await saveItemEvidence(ctx, actor, ref, input, null);
}
