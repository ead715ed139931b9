import { DomainError } from '../../../core/errors.js';
import { aggregateGifts, type GiftYearReport } from '../core/gift-report.js';
import { effectiveThreshold, isGiftFlagged } from '../core/gift-rules.js';
import type { Agency } from '../../agencies/feature.js';
import { findDeclaration } from '../db/integrity.repository.js';
import {
  findGift,
  firstGiftYear,
  insertGift,
  insertGiftPublication,
  listGiftPublications,
  listGifts,
  setHeadDecision,
  type GiftReport,
} from '../db/gift-report.repository.js';
import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/db/schema.js';
import { loadVisibleAgency } from '../../agencies/feature.js';
import { inTransaction, recordAudit } from '../../audit/feature.js';
import { nowIso, type Actor, type ServiceContext } from '../../../platform/services/context.js';
import {
  assertNotFuture,
  GiftInputSchema,
  HeadDecisionSchema,
  mayAt,
  refuse,
  type GiftInput,
  type HeadDecisionInput,
} from './integrity-support.js';
import { bangkokDay, fiscalYearOf } from '../../../core/thai-calendar.js';

export type { GiftReport } from '../db/gift-report.repository.js';

/** The threshold for gifts of a fiscal year: the approved declaration's, else the law's. */
export async function thresholdFor(
  db: Kysely<Database>,
  agencyId: string,
  fiscalYear: number,
): Promise<number> {
  const declaration = await findDeclaration(db, agencyId, fiscalYear);
  const adopted = declaration && declaration.status !== 'draft' ? declaration.thresholdBaht : null;
  return effectiveThreshold(adopted);
}

/** The gift register page of an agency for one fiscal year. */
export interface GiftRegister {
  agency: Agency;
  fiscalYear: number;
  threshold: number;
  /** Head and agency administrators see every report; others only their own. */
  seesAll: boolean;
  gifts: GiftReport[];
  /** Flagged gifts of any year still waiting for the head (for those who see all). */
  awaiting: GiftReport[];
  /** The year's report (for those who see all), null otherwise. */
  report: GiftYearReport | null;
  publishedAt: string | null;
  may: { report: boolean; decide: boolean };
  today: string;
  /**
   * The years to link to, newest first: from the first year with a report (or a published yearly
   * report) the person can see, up to this fiscal year; never a year before any data.
   */
  years: number[];
}

function seesAllOf(actor: Actor, agency: Agency): boolean {
  return mayAt(actor, 'gift.view_all', agency);
}

/** Facts of gifts for the yearly aggregation (no reporter). */
function factsOf(gifts: readonly GiftReport[]) {
  return gifts.map((g) => ({
    giftOn: g.giftOn,
    giverType: g.giverType,
    disposition: g.disposition,
    valueBaht: g.valueBaht,
    flagged: g.flagged,
    decided: g.headDecision !== null,
  }));
}

/** The gift register as the signed-in person may see it. */
export async function getGiftRegister(
  ctx: ServiceContext,
  actor: Actor,
  agencyId: string,
  year?: number,
): Promise<GiftRegister> {
  const db = ctx.db.kysely;
  const agency = await loadVisibleAgency(db, actor, agencyId);
  const today = bangkokDay(ctx.clock.now());
  const fiscalYear = year ?? fiscalYearOf(today);
  const seesAll = seesAllOf(actor, agency);
  const gifts = await listGifts(db, agency.id, {
    fiscalYear,
    ...(seesAll ? {} : { reporterUserId: actor.user.id }),
  });
  const publications = await listGiftPublications(db, agency.id);
  const published = publications.find((p) => p.fiscalYear === fiscalYear);
  const current = fiscalYearOf(today);
  const first = Math.min(
    current,
    (await firstGiftYear(db, agency.id, seesAll ? undefined : actor.user.id)) ?? current,
    ...publications.map((p) => p.fiscalYear),
  );
  return {
    agency,
    fiscalYear,
    threshold: await thresholdFor(db, agency.id, fiscalYear),
    seesAll,
    gifts,
    awaiting: seesAll ? await listGifts(db, agency.id, { awaitingDecision: true }) : [],
    report: seesAll ? aggregateGifts(fiscalYear, factsOf(gifts)) : null,
    publishedAt: published?.publishedAt ?? null,
    may: {
      report: mayAt(actor, 'gift.report', agency),
      decide: mayAt(actor, 'gift.decide', agency),
    },
    today,
    years: Array.from({ length: current - first + 1 }, (_, i) => current - i),
  };
}

/** A member reports a gift offered, received or refused; flagged above the threshold; audited. */
export async function reportGift(
  ctx: ServiceContext,
  actor: Actor,
  agencyId: string,
  input: GiftInput,
): Promise<GiftReport> {
  const data = GiftInputSchema.parse(input);
  assertNotFuture(data.giftOn, ctx.clock.now(), 'giftOn');
  return inTransaction(ctx, async (trx) => {
    const agency = await loadVisibleAgency(trx, actor, agencyId);
    if (!mayAt(actor, 'gift.report', agency))
      throw refuse(
        'เฉพาะบุคลากรของหน่วยงานเท่านั้นที่รายงานการรับทรัพย์สินได้',
        'Only staff of the agency report gifts to it',
      );
    const fiscalYear = fiscalYearOf(data.giftOn);
    const threshold = await thresholdFor(trx, agency.id, fiscalYear);
    const now = nowIso(ctx);
    const gift: Omit<GiftReport, 'reporterName'> = {
      id: ctx.ids.uuid(),
      agencyId: agency.id,
      reporterUserId: actor.user.id,
      ...data,
      fiscalYear,
      thresholdBaht: threshold,
      flagged: isGiftFlagged(data.valueBaht, data.disposition, threshold),
      headDecision: null,
      headNote: null,
      decidedBy: null,
      decidedAt: null,
      createdAt: now,
      updatedAt: now,
    };
    await insertGift(trx, gift);
    await recordAudit(trx, ctx, actor, {
      action: 'gift.report',
      entityType: 'gift_report',
      entityId: gift.id,
      agencyId: agency.id,
      details: { fiscalYear, valueBaht: data.valueBaht, flagged: gift.flagged },
    });
    return (await findGift(trx, gift.id)) as GiftReport;
  });
}

function giftMissing(): DomainError {
  return new DomainError('not_found', { th: 'ไม่พบรายงาน', en: 'Report not found' });
}

/** The head decides on a flagged gift, once; audited. */
export async function decideGift(
  ctx: ServiceContext,
  actor: Actor,
  agencyId: string,
  giftId: string,
  input: HeadDecisionInput,
): Promise<GiftReport> {
  const data = HeadDecisionSchema.parse(input);
  return inTransaction(ctx, async (trx) => {
    const agency = await loadVisibleAgency(trx, actor, agencyId);
    const gift = await findGift(trx, giftId);
    if (!gift || gift.agencyId !== agency.id) throw giftMissing();
    if (!mayAt(actor, 'gift.decide', agency))
      throw refuse('เฉพาะหัวหน้าหน่วยงานเท่านั้นที่วินิจฉัยได้', 'Only the head of the agency decides');
    if (!gift.flagged || gift.headDecision !== null)
      throw new DomainError('gift_decided', {
        th: 'รายการนี้ไม่ต้องวินิจฉัยหรือวินิจฉัยไปแล้ว',
        en: 'This gift needs no decision or already has one',
      });
    const at = nowIso(ctx);
    await setHeadDecision(trx, gift.id, { ...data, by: actor.user.id, at });
    await recordAudit(trx, ctx, actor, {
      action: 'gift.decide',
      entityType: 'gift_report',
      entityId: gift.id,
      agencyId: agency.id,
      details: { decision: data.decision },
    });
    return (await findGift(trx, gift.id)) as GiftReport;
  });
}

/** The head makes a fiscal year's gift report public (once); audited. */
export async function publishGiftReport(
  ctx: ServiceContext,
  actor: Actor,
  agencyId: string,
  fiscalYear: number,
): Promise<string> {
  return inTransaction(ctx, async (trx) => {
    const agency = await loadVisibleAgency(trx, actor, agencyId);
    if (!mayAt(actor, 'gift.publish', agency))
      throw refuse(
        'เฉพาะหัวหน้าหน่วยงานเท่านั้นที่เผยแพร่รายงานได้',
        'Only the head of the agency publishes the report',
      );
    const existing = (await listGiftPublications(trx, agency.id)).find(
      (p) => p.fiscalYear === fiscalYear,
    );
    if (existing) return existing.publishedAt;
    const at = nowIso(ctx);
    await insertGiftPublication(trx, {
      id: ctx.ids.uuid(),
      agencyId: agency.id,
      fiscalYear,
      publishedBy: actor.user.id,
      publishedAt: at,
    });
    await recordAudit(trx, ctx, actor, {
      action: 'gift.publish_report',
      entityType: 'gift_report_publication',
      entityId: null,
      agencyId: agency.id,
      details: { fiscalYear },
    });
    return at;
  });
}

/** A year's aggregated report for printing (those who see every report of the agency). */
export async function getGiftYearReport(
  ctx: ServiceContext,
  actor: Actor,
  agencyId: string,
  fiscalYear: number,
): Promise<{ agency: Agency; report: GiftYearReport; threshold: number }> {
  const db = ctx.db.kysely;
  const agency = await loadVisibleAgency(db, actor, agencyId);
  if (!seesAllOf(actor, agency))
    throw refuse(
      'รายงานประจำปีดูได้เฉพาะหัวหน้าและผู้ดูแลของหน่วยงาน',
      'Only the head and the agency administrator see the yearly report',
    );
  const gifts = await listGifts(db, agency.id, { fiscalYear });
  return {
    agency,
    report: aggregateGifts(fiscalYear, factsOf(gifts)),
    threshold: await thresholdFor(db, agency.id, fiscalYear),
  };
}

export { factsOf as giftFactsOf };
