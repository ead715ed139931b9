import { GENERATED_EVIDENCE_SOURCES } from '../../core/framework/generated-evidence.js';
import { findGuideline, listAssets, listLoans } from './db/asset.repository.js';
import type { EvidenceProvider, GeneratedDocument } from '../kit.js';
import { fiscalYearRange } from '../../core/thai-calendar.js';

/** Public address of an agency's published asset loan guideline. */
export function publicGuidelinePath(agencyCode: string): string {
  return `/public/${encodeURIComponent(agencyCode)}/assets/guideline`;
}

/** Public address of an agency's yearly asset loan report (Buddhist-era fiscal year). */
export function publicReportPath(agencyCode: string, fiscalYear: number): string {
  return `/public/${encodeURIComponent(agencyCode)}/${fiscalYear}/assets/report`;
}

/**
 * The agency's published asset loan guideline, and the loan report of the round's fiscal
 * year once the agency keeps an asset register.
 */
export const assetsEvidence: EvidenceProvider = async (ctx, round) => {
  const db = ctx.db.kysely;
  const documents: GeneratedDocument[] = [];
  const guideline = await findGuideline(db, round.agencyId);
  if (guideline?.publishedText && guideline.publishedAt)
    documents.push({
      source: 'asset_guideline',
      title: GENERATED_EVIDENCE_SOURCES.asset_guideline,
      url: publicGuidelinePath(round.agencyCode),
      updatedAt: guideline.publishedAt,
      fiscalYear: null,
    });
  if ((await listAssets(db, round.agencyId)).length > 0) {
    const year = round.editionYear;
    const { from, to } = fiscalYearRange(year);
    const loans = await listLoans(db, {
      agencyIds: [round.agencyId],
      fromOnAtLeast: from,
      fromOnAtMost: to,
    });
    const title = GENERATED_EVIDENCE_SOURCES.asset_report;
    documents.push({
      source: 'asset_report',
      title: { th: `${title.th} ปีงบประมาณ พ.ศ. ${year}`, en: `${title.en}, fiscal year ${year}` },
      url: publicReportPath(round.agencyCode, year),
      updatedAt: loans.reduce<string | null>(
        (latest, l) => (latest === null || l.updatedAt > latest ? l.updatedAt : latest),
        null,
      ),
      fiscalYear: year,
    });
  }
  return documents;
};
