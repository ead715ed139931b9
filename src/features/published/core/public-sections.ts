import type { Message } from '../../../core/errors.js';
import type { GeneratedEvidenceSource } from '../../../core/framework/generated-evidence.js';

/** The parts of an agency's public home that list published documents, in the order shown. */
export const PUBLIC_SECTIONS = ['no_gift', 'measures', 'manuals', 'assets', 'activities'] as const;
export type PublicSection = (typeof PUBLIC_SECTIONS)[number];

export const PUBLIC_SECTION_NAMES: Record<PublicSection, Message> = {
  no_gift: { th: 'นโยบายไม่รับของขวัญ (No Gift Policy)', en: 'No Gift Policy' },
  measures: { th: 'มาตรการส่งเสริมคุณธรรมและความโปร่งใส', en: 'Integrity measures' },
  manuals: { th: 'คู่มือการปฏิบัติงานและการให้บริการ', en: 'Work and service manuals' },
  assets: { th: 'การยืมทรัพย์สินของราชการ', en: 'Borrowing public assets' },
  activities: { th: 'กิจกรรมและการจัดการความรู้', en: 'Activities and knowledge management' },
};

/**
 * The section of the public home a published document belongs to; null for the results and
 * analysis of a year, which the home lists by year from the published rounds themselves.
 */
export const SECTION_OF: Record<GeneratedEvidenceSource, PublicSection | null> = {
  ita_results: null,
  ita_analysis: null,
  no_gift_declaration: 'no_gift',
  no_gift_communication: 'no_gift',
  gift_report: 'no_gift',
  measures_document: 'measures',
  measures_progress: 'measures',
  work_manuals: 'manuals',
  service_manuals: 'manuals',
  asset_guideline: 'assets',
  asset_report: 'assets',
  activity_reports: 'activities',
};

/** Within a year, documents in the order of the sources above (the declaration before its log). */
const SOURCE_ORDER = Object.keys(SECTION_OF);

/** A published document as the public home lists it. */
export interface PublicDocument {
  source: GeneratedEvidenceSource;
  title: Message;
  url: string;
  updatedAt: string | null;
  fiscalYear: number | null;
}

/**
 * The documents of every section: each address once (a document published for two rounds is
 * listed once), newest year first, then in the order of their sources, then newest change first. Sections with nothing published
 * are empty (the page says so).
 */
export function groupPublicDocuments(
  documents: readonly PublicDocument[],
): Record<PublicSection, PublicDocument[]> {
  const seen = new Set<string>();
  const groups = Object.fromEntries(PUBLIC_SECTIONS.map((s) => [s, []])) as unknown as Record<
    PublicSection,
    PublicDocument[]
  >;
  const sorted = [...documents].sort(
    (a, b) =>
      (b.fiscalYear ?? 0) - (a.fiscalYear ?? 0) ||
      SOURCE_ORDER.indexOf(a.source) - SOURCE_ORDER.indexOf(b.source) ||
      (b.updatedAt ?? '').localeCompare(a.updatedAt ?? '') ||
      a.url.localeCompare(b.url),
  );
  for (const d of sorted) {
    const section = SECTION_OF[d.source];
    if (!section || seen.has(d.url)) continue;
    seen.add(d.url);
    groups[section].push(d);
  }
  return groups;
}
