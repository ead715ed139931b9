import { draftGuideline } from '../core/guideline-template.js';
import { buildUsageReport, type ReportLoan, type UsageReport } from '../core/usage-report.js';
import { findAgencyByCode, type Agency } from '../../agencies/feature.js';
import {
  findGuideline,
  firstLoanDay,
  listLoans,
  saveGuideline,
  type LoanView,
} from '../db/asset.repository.js';
import { GuidelineSchema, loadAssetAgency, mayManageAssets } from './asset-support.js';
import { inTransaction, recordAudit } from '../../audit/feature.js';
import { nowIso, type Actor, type ServiceContext } from '../../../platform/services/context.js';
import { bangkokDay, fiscalYearOf, fiscalYearRange } from '../../../core/thai-calendar.js';
import { agencyByCode, publishedNotFound } from '../../agencies/feature.js';

/** The guideline page: the draft (a template until saved) and what is published. */
export interface GuidelineState {
  agency: Agency;
  mayManage: boolean;
  draft: string;
  saved: boolean;
  publishedText: string | null;
  publishedAt: string | null;
}

/** An agency's asset loan guideline, drafted from the template until someone saves one. */
export async function getGuideline(
  ctx: ServiceContext,
  actor: Actor,
  agencyId: string,
): Promise<GuidelineState> {
  const agency = await loadAssetAgency(ctx.db.kysely, actor, agencyId, false);
  const found = await findGuideline(ctx.db.kysely, agency.id);
  return {
    agency,
    mayManage: mayManageAssets(actor, agency),
    draft: found?.text ?? draftGuideline(agency.nameTh),
    saved: found !== null,
    publishedText: found?.publishedText ?? null,
    publishedAt: found?.publishedAt ?? null,
  };
}

/**
 * Saves the guideline's draft and, with `publish`, makes that text the public one
 * (agency administrators or head); audited.
 */
export async function saveAssetGuideline(
  ctx: ServiceContext,
  actor: Actor,
  agencyId: string,
  input: { text: string; publish: boolean },
): Promise<void> {
  const { text } = GuidelineSchema.parse({ text: input.text });
  await inTransaction(ctx, async (trx) => {
    const agency = await loadAssetAgency(trx, actor, agencyId, true);
    const before = await findGuideline(trx, agency.id);
    const now = nowIso(ctx);
    await saveGuideline(trx, {
      agencyId: agency.id,
      text,
      publishedText: input.publish ? text : (before?.publishedText ?? null),
      publishedAt: input.publish ? now : (before?.publishedAt ?? null),
      updatedAt: now,
      updatedBy: actor.user.id,
    });
    await recordAudit(trx, ctx, actor, {
      action: input.publish ? 'asset_guideline.publish' : 'asset_guideline.save',
      entityType: 'asset_guideline',
      entityId: agency.id,
      agencyId: agency.id,
      details: { length: text.length },
    });
  });
}

/** The published guideline of an agency by its code, for anyone; not found when unpublished. */
export async function getPublicGuideline(
  ctx: ServiceContext,
  agencyCode: string,
): Promise<{ agency: Agency; text: string; publishedAt: string }> {
  const agency = await findAgencyByCode(ctx.db.kysely, agencyCode);
  const found = agency ? await findGuideline(ctx.db.kysely, agency.id) : null;
  if (!agency || !found?.publishedText || !found.publishedAt) throw publishedNotFound();
  return { agency, text: found.publishedText, publishedAt: found.publishedAt };
}

function reportLoanOf(loan: LoanView): ReportLoan {
  const dayOf = (iso: string | null) => (iso ? bangkokDay(new Date(iso)) : null);
  return {
    assetId: loan.assetId,
    assetNumber: loan.assetNumber,
    assetName: loan.assetName,
    category: loan.category,
    purposeCategory: loan.purposeCategory,
    status: loan.status,
    fromOn: loan.fromOn,
    toOn: loan.toOn,
    handedOverOn: dayOf(loan.handedOverAt),
    returnedOn: dayOf(loan.returnedAt),
  };
}

/** A usage report with the agency it is about and the day it was made. */
export interface AgencyUsageReport {
  agency: Agency;
  report: UsageReport;
  today: string;
  madeAt: string;
  /** The fiscal years with a report to link to, newest first: this one back to the first loan's. */
  years: number[];
}

async function usageOf(ctx: ServiceContext, agency: Agency, fiscalYear: number) {
  const { from, to } = fiscalYearRange(fiscalYear);
  const loans = await listLoans(ctx.db.kysely, {
    agencyIds: [agency.id],
    fromOnAtLeast: from,
    fromOnAtMost: to,
  });
  const today = bangkokDay(ctx.clock.now());
  const report = buildUsageReport(loans.map(reportLoanOf), fiscalYear, today);
  const current = fiscalYearOf(today);
  const firstDay = await firstLoanDay(ctx.db.kysely, agency.id);
  const first = Math.min(current, firstDay ? fiscalYearOf(firstDay) : current);
  const years = Array.from({ length: current - first + 1 }, (_, i) => current - i);
  return { agency, report, today, madeAt: nowIso(ctx), years };
}

function checkYear(ctx: ServiceContext, fiscalYear: number): void {
  const current = fiscalYearOf(bangkokDay(ctx.clock.now()));
  if (!Number.isInteger(fiscalYear) || fiscalYear < 2500 || fiscalYear > current)
    throw publishedNotFound();
}

/** The yearly usage report of an agency (Buddhist-era fiscal year) for anyone who may see it. */
export async function getUsageReport(
  ctx: ServiceContext,
  actor: Actor,
  agencyId: string,
  fiscalYear: number,
): Promise<AgencyUsageReport> {
  const agency = await loadAssetAgency(ctx.db.kysely, actor, agencyId, false);
  checkYear(ctx, fiscalYear);
  return usageOf(ctx, agency, fiscalYear);
}

/**
 * The public yearly report of an agency by code: counts only, no borrower. Years that have
 * not started are not found.
 */
export async function getPublicUsageReport(
  ctx: ServiceContext,
  agencyCode: string,
  fiscalYear: number,
): Promise<AgencyUsageReport> {
  checkYear(ctx, fiscalYear);
  const agency = await agencyByCode(ctx.db.kysely, agencyCode, publishedNotFound);
  return usageOf(ctx, agency, fiscalYear);
}

/** The fiscal year (Buddhist era) the clock is in. */
export function currentFiscalYear(ctx: ServiceContext): number {
  return fiscalYearOf(bangkokDay(ctx.clock.now()));
}
