import { GENERATED_EVIDENCE_SOURCES } from '../../core/framework/generated-evidence.js';
import { findDeclaration, listCommunications } from './db/integrity.repository.js';
import { latestGiftChange, listGiftPublications } from './db/gift-report.repository.js';
import { integrityPublicPath } from './services/integrity-public.service.js';
import type { EvidenceProvider, GeneratedDocument } from '../kit.js';

const yearTitle = (source: keyof typeof GENERATED_EVIDENCE_SOURCES, year: number) => ({
  th: `${GENERATED_EVIDENCE_SOURCES[source].th} ประจำปีงบประมาณ พ.ศ. ${year}`,
  en: `${GENERATED_EVIDENCE_SOURCES[source].en}, fiscal year ${year}`,
});

/**
 * The round's year's published No Gift declaration (`no_gift_declaration`), its communication
 * log on the same public page (`no_gift_communication`), and the published gift reports of the
 * round's year and the year before (`gift_report`: OIT asks for the previous year's report).
 */
export const integrityEvidence: EvidenceProvider = async (ctx, round) => {
  const db = ctx.db.kysely;
  const year = round.editionYear;
  const documents: GeneratedDocument[] = [];
  const declaration = await findDeclaration(db, round.agencyId, year);
  if (declaration?.status === 'published') {
    const url = integrityPublicPath(round.agencyCode, year, 'no-gift');
    documents.push({
      source: 'no_gift_declaration',
      title: yearTitle('no_gift_declaration', year),
      url,
      updatedAt: declaration.publishedAt,
      fiscalYear: year,
    });
    const log = await listCommunications(db, round.agencyId, year);
    const last = log
      .map((c) => c.createdAt)
      .sort()
      .at(-1);
    if (last)
      documents.push({
        source: 'no_gift_communication',
        title: yearTitle('no_gift_communication', year),
        url: `${url}#communication`,
        updatedAt: last,
        fiscalYear: year,
      });
  }
  for (const p of await listGiftPublications(db, round.agencyId)) {
    if (p.fiscalYear !== year && p.fiscalYear !== year - 1) continue;
    const changed = await latestGiftChange(db, round.agencyId, p.fiscalYear);
    documents.push({
      source: 'gift_report',
      title: yearTitle('gift_report', p.fiscalYear),
      url: integrityPublicPath(round.agencyCode, p.fiscalYear, 'gifts'),
      updatedAt: changed && changed > p.publishedAt ? changed : p.publishedAt,
      fiscalYear: p.fiscalYear,
    });
  }
  return documents;
};
