import { KIND_SOURCES } from './core/manual-elements.js';
import { KIND_NAMES, MANUAL_KINDS } from './core/manual-rules.js';
import { findAgencyById } from '../agencies/feature.js';
import { listManuals } from './db/manual.repository.js';
import type { EvidenceProvider, GeneratedDocument } from '../kit.js';

/**
 * The public list pages of the agency's published work manuals (O8) and service manuals (O9):
 * updated when a manual was last published or changed; the fiscal year is the newest one the
 * published manuals cover.
 */
export const manualsEvidence: EvidenceProvider = async (ctx, round) => {
  const agency = await findAgencyById(ctx.db.kysely, round.agencyId);
  if (!agency) return [];
  const published = await listManuals(ctx.db.kysely, agency.id, true);
  const documents: GeneratedDocument[] = [];
  for (const kind of MANUAL_KINDS) {
    const own = published.filter((m) => m.kind === kind);
    if (own.length === 0) continue;
    documents.push({
      source: KIND_SOURCES[kind],
      title: {
        th: `${KIND_NAMES[kind].th} (${own.length} เรื่อง)`,
        en: `${KIND_NAMES[kind].en}s (${own.length})`,
      },
      url: `/public/${encodeURIComponent(agency.code)}/manuals/${kind}`,
      updatedAt: own.map((m) => m.updatedAt).reduce((a, b) => (a > b ? a : b)),
      fiscalYear: Math.max(...own.map((m) => m.fiscalYear)),
    });
  }
  return documents;
};
