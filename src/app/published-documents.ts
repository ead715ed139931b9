import {
  GENERATED_EVIDENCE_SOURCE_CODES,
  type GeneratedEvidenceSource,
} from '../core/framework/generated-evidence.js';
import type { Round } from '../features/rounds/db/round.repository.js';
import type { ServiceContext } from '../platform/services/context.js';
import { activitiesEvidence } from '../features/activities/evidence.js';
import { assetsEvidence } from '../features/assets/evidence.js';
import { integrityEvidence } from '../features/integrity/evidence.js';
import { manualsEvidence } from '../features/manuals/evidence.js';
import { measuresEvidence } from '../features/measures/evidence.js';
import { resultsEvidence } from '../features/results/evidence.js';
import type {
  EvidenceProvider,
  GeneratedDocument,
} from '../platform/services/evidence-provider.js';

export type { GeneratedDocument } from '../platform/services/evidence-provider.js';

/** Every feature that publishes documents, with the sources it can produce; one list. */
const PROVIDERS: { sources: readonly GeneratedEvidenceSource[]; list: EvidenceProvider }[] = [
  { sources: ['ita_results', 'ita_analysis'], list: resultsEvidence },
  { sources: ['measures_document', 'measures_progress'], list: measuresEvidence },
  { sources: ['activity_reports'], list: activitiesEvidence },
  {
    sources: ['no_gift_declaration', 'no_gift_communication', 'gift_report'],
    list: integrityEvidence,
  },
  { sources: ['asset_guideline', 'asset_report'], list: assetsEvidence },
  { sources: ['work_manuals', 'service_manuals'], list: manualsEvidence },
];

/**
 * The documents Prongsai has published for the round's agency, newest first: all of them, or
 * only those of the given sources (then only the features that produce them are asked).
 */
export async function listPublishedDocuments(
  ctx: ServiceContext,
  round: Round,
  sources?: readonly string[],
): Promise<GeneratedDocument[]> {
  const wanted = sources
    ? PROVIDERS.filter((p) => p.sources.some((s) => sources.includes(s)))
    : PROVIDERS;
  const lists = await Promise.all(wanted.map((provider) => provider.list(ctx, round)));
  return documentsForItem(lists.flat(), sources ?? GENERATED_EVIDENCE_SOURCE_CODES).sort((a, b) =>
    (b.updatedAt ?? '').localeCompare(a.updatedAt ?? ''),
  );
}

/** The published documents that belong to an OIT item, by the sources its edition names. */
export function documentsForItem(
  documents: GeneratedDocument[],
  sources: readonly string[] | undefined,
): GeneratedDocument[] {
  if (!sources || sources.length === 0) return [];
  return documents.filter((d) => sources.includes(d.source));
}
