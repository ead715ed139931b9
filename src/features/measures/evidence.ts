import { listRoundPublications, PUBLICATION_TITLES } from './services/measure-report.service.js';
import type { EvidenceProvider, GeneratedDocument } from '../kit.js';

/**
 * The measures document (`measures_document`) and the progress report (`measures_progress`) the
 * round has published, at their public addresses; updated when last published.
 */
export const measuresEvidence: EvidenceProvider = async (ctx, round) => {
  const base = `/public/${encodeURIComponent(round.agencyCode)}/${round.editionYear}/measures`;
  return (await listRoundPublications(ctx, round.id)).map((p): GeneratedDocument => ({
    source: p.kind === 'document' ? 'measures_document' : 'measures_progress',
    title: PUBLICATION_TITLES[p.kind](round.editionYear),
    url: p.kind === 'document' ? base : `${base}/progress`,
    updatedAt: p.publishedAt,
    fiscalYear: round.editionYear,
  }));
};
