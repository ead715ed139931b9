import type { Round } from '../db/round.repository.js';
import type { ServiceContext } from './context.js';
import { activitiesEvidence } from './evidence-providers/activities.js';
import { assetsEvidence } from './evidence-providers/assets.js';
import { integrityEvidence } from './evidence-providers/integrity.js';
import { manualsEvidence } from './evidence-providers/manuals.js';
import { measuresEvidence } from './evidence-providers/measures.js';
import { resultsEvidence } from './evidence-providers/results.js';
import type { EvidenceProvider, GeneratedDocument } from './evidence-providers/types.js';

export type { GeneratedDocument } from './evidence-providers/types.js';

/** Every feature that publishes documents; one list, read by OIT items and website currency. */
const PROVIDERS: EvidenceProvider[] = [
  resultsEvidence,
  measuresEvidence,
  activitiesEvidence,
  integrityEvidence,
  assetsEvidence,
  manualsEvidence,
];

/** Every document Prongsai has published for the round's agency, newest first. */
export async function listPublishedDocuments(
  ctx: ServiceContext,
  round: Round,
): Promise<GeneratedDocument[]> {
  const lists = await Promise.all(PROVIDERS.map((provider) => provider(ctx, round)));
  return lists.flat().sort((a, b) => (b.updatedAt ?? '').localeCompare(a.updatedAt ?? ''));
}

/** The published documents that belong to an OIT item, by the sources its edition names. */
export function documentsForItem(
  documents: GeneratedDocument[],
  sources: readonly string[] | undefined,
): GeneratedDocument[] {
  if (!sources || sources.length === 0) return [];
  return documents.filter((d) => sources.includes(d.source));
}
