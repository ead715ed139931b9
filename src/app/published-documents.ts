import {
  GENERATED_EVIDENCE_SOURCE_CODES,
  type GeneratedEvidenceSource,
} from '../core/framework/generated-evidence.js';
import type { Round } from '../features/rounds/feature.js';
import type { EvidenceProvider, GeneratedDocument } from '../features/kit.js';
import type { ServiceContext } from '../platform/services/context.js';
import { FEATURES } from './features.js';

/** Every feature that publishes documents, with the sources it can produce. */
const PROVIDERS: { sources: readonly GeneratedEvidenceSource[]; list: EvidenceProvider }[] =
  FEATURES.flatMap((f) => (f.evidence ? [f.evidence] : []));

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
