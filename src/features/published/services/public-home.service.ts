import { agencyByCode, listAgencies, type Agency } from '../../agencies/feature.js';
import { findScoreSnapshot, listRounds, type Round } from '../../rounds/feature.js';
import { loadPublicOit } from '../../oit-evidence/feature.js';
import type { ServiceContext } from '../../../platform/services/context.js';
import type { DocumentLister } from '../../kit.js';
import {
  groupPublicDocuments,
  type PublicDocument,
  type PublicSection,
} from '../core/public-sections.js';

/** The current year's public OIT page: its address and how many items are published. */
export interface PublicOitSummary {
  year: number;
  url: string;
  published: number;
  total: number;
}

/** One published year of results. */
export interface PublicResultYear {
  year: number;
  url: string;
  analysisUrl: string;
  publishedAt: string;
}

/** What a citizen finds on an agency's public home. */
export interface PublicHome {
  agency: Agency;
  /** The latest round's OIT page, or null when the agency has no round yet. */
  oit: PublicOitSummary | null;
  /** The published rounds (with their stored results), newest first. */
  results: PublicResultYear[];
  sections: Record<PublicSection, PublicDocument[]>;
}

const base = (code: string) => `/public/${encodeURIComponent(code)}`;

/** The agency's own rounds, newest year first. */
async function roundsOf(ctx: ServiceContext, agency: Agency): Promise<Round[]> {
  return (await listRounds(ctx.db.kysely, [agency.path]))
    .filter((r) => r.agencyId === agency.id)
    .sort((a, b) => b.editionYear - a.editionYear);
}

/**
 * The published years: rounds in the published state whose results are stored. A round still
 * collecting, under review, confirmed but not announced, or withdrawn shows nothing here.
 */
async function publishedYears(ctx: ServiceContext, rounds: Round[]): Promise<PublicResultYear[]> {
  const years: PublicResultYear[] = [];
  for (const round of rounds) {
    if (round.state !== 'published') continue;
    if (!(await findScoreSnapshot(ctx.db.kysely, round.id))) continue;
    const path = `${base(round.agencyCode)}/${round.editionYear}`;
    years.push({
      year: round.editionYear,
      url: `${path}/results`,
      analysisUrl: `${path}/analysis.pdf`,
      publishedAt: round.updatedAt,
    });
  }
  return years;
}

/**
 * An agency's public home, by its code (not found for an unknown code): the current year's OIT
 * page, results by published year, and what the features publish (`documents`: the app's
 * registry, which lists only published documents) for any of its rounds.
 */
export async function loadPublicHome(
  ctx: ServiceContext,
  documents: DocumentLister,
  agencyCode: string,
): Promise<PublicHome> {
  const agency = await agencyByCode(ctx.db.kysely, agencyCode);
  const rounds = await roundsOf(ctx, agency);
  const current = rounds[0];
  let oit: PublicOitSummary | null = null;
  if (current) {
    const page = await loadPublicOit(ctx, agency.code, current.editionYear);
    oit = {
      year: current.editionYear,
      url: `/public/oit/${encodeURIComponent(agency.code)}/${current.editionYear}`,
      published: page.items.filter((i) => i.status === 'submitted').length,
      total: page.items.length,
    };
  }
  const published: PublicDocument[] = [];
  for (const round of rounds) published.push(...(await documents(ctx, round)));
  return {
    agency,
    oit,
    results: await publishedYears(ctx, rounds),
    sections: groupPublicDocuments(published),
  };
}

/** The public index: every agency by its place in the tree (parents before their units). */
export async function listPublicAgencies(
  ctx: ServiceContext,
): Promise<{ code: string; nameTh: string; nameEn: string; depth: number }[]> {
  return (await listAgencies(ctx.db.kysely, null)).map((a) => ({
    code: a.code,
    nameTh: a.nameTh,
    nameEn: a.nameEn,
    depth: Math.max(0, a.path.split('/').filter(Boolean).length - 1),
  }));
}
