import type { Message } from '../../../core/errors.js';
import {
  insertSnapshot,
  listLatestChecks,
  listLinksToCheck,
  type LinkSnapshotRow,
  type LinkToCheck,
} from '../db/oit-review-evidence.repository.js';
import {
  fetchLinkSnapshot,
  type FetchLimits,
  type LinkSnapshot,
} from '../../../platform/infra/link-fetcher.js';
import { filesOf, nowIso, type ServiceContext } from '../../../platform/services/context.js';

/** A submitted link that broke or changed since submission, for its item's owner. */
export interface LinkWarning {
  roundId: string;
  agencyCode: string;
  itemCode: string;
  ownerEmail: string | null;
  url: string;
  kind: 'broken' | 'changed';
  status: number | null;
  message: Message;
}

export interface LinkCheckOptions {
  limits: FetchLimits;
  /** One round only; otherwise every round still collecting or under OIT review. */
  roundId?: string | null;
  /** The fetcher (tests may pass another). */
  fetch?: (url: string, limits: FetchLimits) => Promise<LinkSnapshot>;
}

export interface LinkCheckOutcome {
  checked: number;
  warnings: LinkWarning[];
}

function isOk(status: number | null): boolean {
  return status !== null && status >= 200 && status < 300;
}

/** Compares a fresh fetch with the submission snapshot: broken, changed or fine (null). */
export function compareWithSubmission(
  link: LinkToCheck,
  fresh: LinkSnapshot,
): Pick<LinkWarning, 'kind' | 'message'> | null {
  if (fresh.error !== null || !isOk(fresh.status)) {
    const why = fresh.error ?? `HTTP ${fresh.status ?? '—'}`;
    return {
      kind: 'broken',
      message: {
        th: `ลิงก์ของข้อ ${link.itemCode} เปิดไม่ได้ (${why}) กรุณาแก้ไขก่อนช่วงชี้แจง`,
        en: `The link of item ${link.itemCode} is broken (${why}); fix it before clarification`,
      },
    };
  }
  if (link.submitted.sha256 !== null && fresh.sha256 !== link.submitted.sha256) {
    return {
      kind: 'changed',
      message: {
        th: `เนื้อหาลิงก์ของข้อ ${link.itemCode} เปลี่ยนไปจากที่ส่ง ผู้ประเมินพิจารณาจากฉบับที่ส่ง`,
        en: `The content of item ${link.itemCode}'s link changed since submission; the submitted version is assessed`,
      },
    };
  }
  return null;
}

async function storeCheck(
  ctx: ServiceContext,
  link: LinkToCheck,
  fresh: LinkSnapshot,
): Promise<void> {
  const storedName = fresh.body
    ? (await filesOf(ctx).save('snapshots', fresh.body)).storedName
    : null;
  const row: LinkSnapshotRow = {
    id: ctx.ids.uuid(),
    linkId: link.linkId,
    kind: 'check',
    takenAt: nowIso(ctx),
    status: fresh.status,
    contentType: fresh.contentType,
    finalUrl: fresh.finalUrl,
    sha256: fresh.sha256,
    storedName,
    truncated: fresh.truncated,
    error: fresh.error,
  };
  await insertSnapshot(ctx.db.kysely, row);
}

/**
 * Re-fetches every submitted link of rounds still collecting or under review, stores a 'check'
 * snapshot of each and returns a warning per link that broke or changed since submission.
 */
export async function checkSubmittedLinks(
  ctx: ServiceContext,
  options: LinkCheckOptions,
): Promise<LinkCheckOutcome> {
  const fetcher = options.fetch ?? fetchLinkSnapshot;
  const links = await listLinksToCheck(ctx.db.kysely, options.roundId ?? null);
  const warnings: LinkWarning[] = [];
  for (const link of links) {
    const fresh = await fetcher(link.url, options.limits);
    await storeCheck(ctx, link, fresh);
    const found = compareWithSubmission(link, fresh);
    if (found) {
      const { roundId, agencyCode, itemCode, ownerEmail, url } = link;
      warnings.push({
        roundId,
        agencyCode,
        itemCode,
        ownerEmail,
        url,
        status: fresh.status,
        ...found,
      });
    }
  }
  return { checked: links.length, warnings };
}

/**
 * The warnings of the checker's last pass over a round's submitted links, for the agency's OIT
 * page: the owner learns that a page broke or changed while there is time to restore it.
 */
export async function listRoundLinkWarnings(
  ctx: ServiceContext,
  roundId: string,
): Promise<LinkWarning[]> {
  const [links, checks] = await Promise.all([
    listLinksToCheck(ctx.db.kysely, roundId),
    listLatestChecks(ctx.db.kysely, roundId),
  ]);
  const warnings: LinkWarning[] = [];
  for (const link of links) {
    const check = checks.get(link.linkId);
    if (!check || check.takenAt < link.submitted.takenAt) continue;
    const seen = {
      ...check,
      url: link.url,
      body: null,
      sha256: check.sha256,
      finalUrl: check.finalUrl ?? link.url,
    };
    const found = compareWithSubmission(link, seen);
    if (found)
      warnings.push({
        roundId,
        agencyCode: link.agencyCode,
        itemCode: link.itemCode,
        ownerEmail: link.ownerEmail,
        url: link.url,
        status: check.status,
        ...found,
      });
  }
  return warnings;
}
