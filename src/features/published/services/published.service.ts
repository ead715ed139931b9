import type { Message } from '../../../core/errors.js';
import { KIND_SOURCES } from '../../manuals/feature.js';
import { KIND_NAMES } from '../../manuals/feature.js';
import { excerptOf, scoreMatch, wordsOf } from '../core/thai-search.js';
import { checkCurrency, itemsBySource, type Currency } from '../../manuals/feature.js';
import { type Agency } from '../../agencies/feature.js';
import type { Round } from '../../rounds/feature.js';
import { agencyByCode, loadVisibleAgency } from '../../agencies/feature.js';
import type { Actor, ServiceContext } from '../../../platform/services/context.js';
import type { DocumentLister } from '../../kit.js';
import { getPublicManuals } from '../../manuals/feature.js';
import { currentRoundOf } from '../../manuals/feature.js';
import { loadPublicOit } from '../../oit-evidence/feature.js';
import { loadRoundEdition } from '../../surveys/feature.js';

/** One public page or document Prongsai publishes for an agency, with its currency. */
export interface PublishedEntry {
  title: Message;
  url: string;
  updatedAt: string | null;
  fiscalYear: number | null;
  /** The OIT item it serves in the current round, when the edition names one. */
  itemCode: string | null;
  currency: Currency;
}

/** The agency's published pages and documents for its staff. */
export interface PublishedOverview {
  agency: Agency;
  round: Round | null;
  entries: PublishedEntry[];
}

/** The public OIT page of the round: updated at its latest submission, covering the round's year. */
async function oitPageOf(ctx: ServiceContext, round: Round) {
  const oit = await loadPublicOit(ctx, round.agencyCode, round.editionYear);
  const submitted = oit.items.filter((i) => i.status === 'submitted');
  const times = submitted.map((i) => i.evidence?.submittedAt ?? '').filter(Boolean);
  return {
    title: {
      th: `หน้าเผยแพร่ข้อมูล OIT ปี ${round.editionYear}`,
      en: `Public OIT page ${round.editionYear}`,
    },
    url: `/public/oit/${encodeURIComponent(round.agencyCode)}/${round.editionYear}`,
    updatedAt: times.length > 0 ? times.reduce((a, b) => (a > b ? a : b)) : null,
    fiscalYear: round.editionYear,
    text: submitted.map((i) => `${i.item.name.th} ${i.evidence?.explanation ?? ''}`).join('\n'),
  };
}

/**
 * Every page and document Prongsai publishes for the agency, with a stale warning per entry
 * (`documents` lists what the features publish: the app's registry).
 */
export async function getPublishedOverview(
  ctx: ServiceContext,
  documents: DocumentLister,
  actor: Actor,
  agencyId: string,
): Promise<PublishedOverview> {
  const agency = await loadVisibleAgency(ctx.db.kysely, actor, agencyId);
  const round = await currentRoundOf(ctx.db.kysely, agency);
  if (!round) return { agency, round, entries: [] };
  const items = itemsBySource((await loadRoundEdition(ctx, round.editionId)).edition);
  const { text: _text, ...oit } = await oitPageOf(ctx, round);
  const manuals = (await getPublicManuals(ctx, agency.code)).manuals.map((m) => ({
    title: {
      th: `${KIND_NAMES[m.kind].th}: ${m.title}`,
      en: `${KIND_NAMES[m.kind].en}: ${m.title}`,
    },
    url: `/public/${encodeURIComponent(agency.code)}/manuals/${m.id}`,
    updatedAt: m.updatedAt,
    fiscalYear: m.fiscalYear,
    source: KIND_SOURCES[m.kind],
  }));
  const pieces = [...(await documents(ctx, round)), ...manuals];
  const entries: PublishedEntry[] = pieces.map((d) => {
    const item = items.get(d.source) ?? null;
    return {
      title: d.title,
      url: d.url,
      updatedAt: d.updatedAt,
      fiscalYear: d.fiscalYear,
      itemCode: item?.code ?? null,
      currency: checkCurrency({
        fiscalYear: d.fiscalYear,
        roundYear: round.editionYear,
        period: item?.period ?? null,
        source: d.source,
      }),
    };
  });
  // the year's public OIT page always covers the round's own year
  const currency = checkCurrency({
    fiscalYear: oit.fiscalYear,
    roundYear: round.editionYear,
    period: 'current',
  });
  entries.push({ ...oit, itemCode: null, currency });
  return { agency, round, entries };
}

/** One search result. */
export interface SearchResult {
  title: Message;
  url: string;
  excerpt: string;
  updatedAt: string | null;
}

/** What the public search page shows. */
export interface SearchAnswer {
  agency: Agency;
  query: string;
  results: SearchResult[];
}

interface Searchable extends SearchResult {
  text: string;
}

async function searchablesOf(
  ctx: ServiceContext,
  documents: DocumentLister,
  agency: Agency,
): Promise<Searchable[]> {
  const out: Searchable[] = [];
  const round = await currentRoundOf(ctx.db.kysely, agency);
  if (round) {
    for (const d of await documents(ctx, round))
      out.push({ title: d.title, url: d.url, updatedAt: d.updatedAt, excerpt: '', text: '' });
    out.push({ ...(await oitPageOf(ctx, round)), excerpt: '' });
  }
  for (const m of (await getPublicManuals(ctx, agency.code)).manuals) {
    const text = [
      KIND_NAMES[m.kind].th,
      m.purpose,
      m.responsibleUnit,
      ...m.channels,
      m.feeText,
      ...m.documents,
      m.legalBasis,
      ...m.steps.map((s) => `${s.description} ${s.responsible}`),
    ].join('\n');
    out.push({
      title: { th: m.title, en: m.title },
      url: `/public/${encodeURIComponent(agency.code)}/manuals/${m.id}`,
      updatedAt: m.updatedAt,
      excerpt: '',
      text,
    });
  }
  return out;
}

/** Searches the agency's published documents: titles, and the text of published manuals. */
export async function searchPublished(
  ctx: ServiceContext,
  documents: DocumentLister,
  agencyCode: string,
  query: string,
): Promise<SearchAnswer> {
  const agency = await agencyByCode(ctx.db.kysely, agencyCode);
  const trimmed = query.trim().slice(0, 200);
  const words = wordsOf(trimmed);
  if (words.length === 0) return { agency, query: trimmed, results: [] };
  const scored = (await searchablesOf(ctx, documents, agency))
    .map((s) => ({
      s,
      score: Math.max(
        scoreMatch(words, { title: s.title.th, text: s.text }),
        scoreMatch(words, { title: s.title.en, text: '' }),
      ),
    }))
    .filter((x) => x.score > 0)
    .sort((a, b) => b.score - a.score);
  return {
    agency,
    query: trimmed,
    results: scored.map(({ s }) => ({
      title: s.title,
      url: s.url,
      updatedAt: s.updatedAt,
      excerpt: s.text ? excerptOf(s.text, words) : '',
    })),
  };
}
