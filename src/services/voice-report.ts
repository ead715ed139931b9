import type { ReportBlock } from '../reports/report-document.js';
import type { Round } from '../db/round.repository.js';
import type { ServiceContext } from './context.js';

/**
 * The stakeholder-voice section of the ITA analysis report: themes and masked quotes from the
 * free-text answers, nothing for groups below the minimum size (filled by the voice feature).
 */
export async function voiceReportBlocks(
  _ctx: ServiceContext,
  _round: Round,
  _lang: 'th' | 'en',
): Promise<ReportBlock[]> {
  return [];
}
