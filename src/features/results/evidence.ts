import { GENERATED_EVIDENCE_SOURCES } from '../../core/framework/generated-evidence.js';
import { latestPublishedYear } from './services/public-results.service.js';
import type { EvidenceProvider } from '../kit.js';

/**
 * For a round of year Y, the agency's published results of the year before (the latest
 * published year before Y): the public results page (`ita_results`) and the public analysis
 * report (`ita_analysis`), dated when that round was published.
 */
export const resultsEvidence: EvidenceProvider = async (ctx, round) => {
  const previous = await latestPublishedYear(ctx, round.agencyCode, round.editionYear);
  if (!previous) return [];
  const base = `/public/${encodeURIComponent(round.agencyCode)}/${previous.year}`;
  return [
    {
      source: 'ita_results',
      title: { th: `ผลการประเมิน ITA ปี ${previous.year}`, en: `ITA results ${previous.year}` },
      url: `${base}/results`,
      updatedAt: previous.publishedAt,
      fiscalYear: previous.year,
    },
    {
      source: 'ita_analysis',
      title: {
        th: `${GENERATED_EVIDENCE_SOURCES.ita_analysis.th} ปี ${previous.year}`,
        en: `${GENERATED_EVIDENCE_SOURCES.ita_analysis.en} ${previous.year}`,
      },
      url: `${base}/analysis.pdf`,
      updatedAt: previous.publishedAt,
      fiscalYear: previous.year,
    },
  ];
};
