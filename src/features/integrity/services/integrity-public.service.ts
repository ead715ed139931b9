import type { AcknowledgementShare } from '../core/acknowledgement.js';
import { DomainError } from '../../../core/errors.js';
import { aggregateGifts, type GiftYearReport } from '../core/gift-report.js';
import { type Agency } from '../../agencies/feature.js';
import {
  findDeclaration,
  listCommunications,
  type Communication,
  type Declaration,
} from '../db/integrity.repository.js';
import { latestGiftChange, listGiftPublications, listGifts } from '../db/gift-report.repository.js';
import type { ServiceContext } from '../../../platform/services/context.js';
import { giftFactsOf, thresholdFor } from './gift-register.service.js';
import { shareOf } from './integrity-support.js';
import { agencyByCode } from '../../agencies/feature.js';

/** Published content only, without signing in; anything else is "not found". */
function notPublished(): DomainError {
  return new DomainError('not_found', {
    th: 'ไม่พบเอกสารที่เผยแพร่',
    en: 'No published document here',
  });
}

async function agencyOf(ctx: ServiceContext, code: string): Promise<Agency> {
  return agencyByCode(ctx.db.kysely, code, notPublished);
}

/** The public No Gift page: the published declaration, how it was communicated, the share. */
export interface PublicNoGift {
  agency: Agency;
  declaration: Declaration;
  communications: Communication[];
  share: AcknowledgementShare;
}

export async function loadPublicNoGift(
  ctx: ServiceContext,
  agencyCode: string,
  fiscalYear: number,
): Promise<PublicNoGift> {
  const agency = await agencyOf(ctx, agencyCode);
  const declaration = await findDeclaration(ctx.db.kysely, agency.id, fiscalYear);
  if (!declaration || declaration.status !== 'published') throw notPublished();
  return {
    agency,
    declaration,
    communications: await listCommunications(ctx.db.kysely, agency.id, fiscalYear),
    share: (await shareOf(ctx.db.kysely, agency.id, declaration.id)).share,
  };
}

/** The public yearly gift report: counts and values only, never who reported. */
export interface PublicGiftReport {
  agency: Agency;
  report: GiftYearReport;
  threshold: number;
  publishedAt: string;
  updatedAt: string;
}

export async function loadPublicGiftReport(
  ctx: ServiceContext,
  agencyCode: string,
  fiscalYear: number,
): Promise<PublicGiftReport> {
  const db = ctx.db.kysely;
  const agency = await agencyOf(ctx, agencyCode);
  const published = (await listGiftPublications(db, agency.id)).find(
    (p) => p.fiscalYear === fiscalYear,
  );
  if (!published) throw notPublished();
  const gifts = await listGifts(db, agency.id, { fiscalYear });
  const changed = await latestGiftChange(db, agency.id, fiscalYear);
  return {
    agency,
    report: aggregateGifts(fiscalYear, giftFactsOf(gifts)),
    threshold: await thresholdFor(db, agency.id, fiscalYear),
    publishedAt: published.publishedAt,
    updatedAt: changed && changed > published.publishedAt ? changed : published.publishedAt,
  };
}

/** Public addresses of the integrity documents of an agency and year. */
export function integrityPublicPath(
  agencyCode: string,
  fiscalYear: number,
  page: 'no-gift' | 'gifts',
): string {
  return `/public/${encodeURIComponent(agencyCode)}/${fiscalYear}/${page}`;
}
