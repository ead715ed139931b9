import type { Kysely } from 'kysely';
import { z } from 'zod';
import { isAllowed } from '../../../core/access/roles.js';
import { DomainError, type Message } from '../../../core/errors.js';
import { isLiveMeasure, MEASURE_STATUSES, TARGET_TYPES } from '../core/measure-rules.js';
import { findAgencyByCode } from '../../agencies/feature.js';
import {
  listCarries,
  listMeasureFiles,
  listPublications,
  savePublication,
  type MeasurePublication,
} from '../db/measure-evidence.repository.js';
import { listMeasures, listProgress } from '../db/measure.repository.js';
import { listRounds, type Round } from '../../rounds/feature.js';
import type { Database } from '../../../platform/db/schema.js';
import { inTransaction, recordAudit } from '../../audit/feature.js';
import { nowIso, type Actor, type ServiceContext } from '../../../platform/services/context.js';
import { loadRound, viewsOf } from './measure-support.js';
import {
  bangkokDay,
  fiscalYearOf,
  fiscalYearRange,
  isCalendarDay,
} from '../../../core/thai-calendar.js';
import { agencyByCode, publishedNotFound } from '../../agencies/feature.js';

/** What the measures document and the progress report show of one measure. */
const ReportMeasureSchema = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  targetType: z.enum(TARGET_TYPES),
  targetCode: z.string(),
  targetName: z.object({ th: z.string(), en: z.string() }).nullable(),
  ownerName: z.string().nullable(),
  startedOn: z.string(),
  dueOn: z.string().nullable(),
  status: z.enum(MEASURE_STATUSES),
  percent: z.number().nullable(),
  notes: z.array(z.object({ at: z.string(), percent: z.number(), note: z.string() })),
  files: z.array(z.object({ id: z.string(), name: z.string() })),
  /** Title of last year's measure this one continues, when carried over. */
  carriedFrom: z.string().nullable(),
});
export type ReportMeasure = z.infer<typeof ReportMeasureSchema>;

/** The facts behind both printable documents of a round; stored as JSON when published. */
export const MeasuresReportSchema = z.object({
  agencyCode: z.string(),
  agencyName: z.string(),
  fiscalYear: z.number(),
  editionCode: z.string(),
  preparedAt: z.string(),
  measures: z.array(ReportMeasureSchema),
  /** The agency's previous round: its finished measures, the results O26 asks for. */
  previous: z.object({ fiscalYear: z.number(), measures: z.array(ReportMeasureSchema) }).nullable(),
});
export type MeasuresReport = z.infer<typeof MeasuresReportSchema>;

export const PUBLICATION_KINDS = ['document', 'progress'] as const;
export type PublicationKind = (typeof PUBLICATION_KINDS)[number];

/** The agency's latest round of an earlier edition year than `round`, or null. */
export async function previousRoundOf(db: Kysely<Database>, round: Round): Promise<Round | null> {
  const rounds = await listRounds(db, [round.agencyPath]);
  const earlier = rounds.filter(
    (r) => r.agencyId === round.agencyId && r.editionYear < round.editionYear,
  );
  return earlier.sort((a, b) => b.editionYear - a.editionYear)[0] ?? null;
}

/**
 * The first day (YYYY-MM-DD) of a measure's time frame, so that it never ends before it starts:
 * the day the measure was recorded (`recordedAt`, a moment or a day), or, when it was recorded
 * after its due day (written down after the work, as when last year's measures are entered),
 * the first day of the fiscal year it was due in (1 October).
 */
export function measureStartDay(recordedAt: string, dueOn: string | null): string {
  const moment = new Date(recordedAt);
  if (Number.isNaN(moment.getTime())) return recordedAt;
  const recorded = bangkokDay(moment);
  if (dueOn === null || !isCalendarDay(dueOn) || recorded <= dueOn) return recorded;
  return fiscalYearRange(fiscalYearOf(dueOn)).from;
}

/** Report rows of a round's measures (dropped ones left out; `onlyDone` for last year's). */
async function reportMeasuresOf(
  ctx: ServiceContext,
  round: Round,
  onlyDone: boolean,
): Promise<ReportMeasure[]> {
  const all = await listMeasures(ctx.db.kysely, round.id);
  const kept = all.filter((x) => (onlyDone ? x.status === 'done' : isLiveMeasure(x)));
  const views = await viewsOf(ctx, round, kept);
  const ids = kept.map((x) => x.id);
  const [progress, files, carries] = await Promise.all([
    listProgress(ctx.db.kysely, ids),
    listMeasureFiles(ctx.db.kysely, ids),
    listCarries(ctx.db.kysely, ids),
  ]);
  const fromIds = carries.filter((c) => ids.includes(c.measureId)).map((c) => c.fromMeasureId);
  const sources = fromIds.length === 0 ? [] : await titlesOf(ctx.db.kysely, fromIds);
  return views.map((v) => {
    const from = carries.find((c) => c.measureId === v.id)?.fromMeasureId;
    return {
      id: v.id,
      title: v.title,
      description: v.description,
      targetType: v.targetType,
      targetCode: v.targetCode,
      targetName: v.targetName,
      ownerName: v.ownerName,
      startedOn: measureStartDay(v.createdAt, v.dueOn),
      dueOn: v.dueOn,
      status: v.status,
      percent: v.latest?.percent ?? null,
      notes: progress
        .filter((p) => p.measureId === v.id)
        .map((p) => ({ at: p.createdAt, percent: p.percent, note: p.note })),
      files: files
        .filter((f) => f.measureId === v.id)
        .map((f) => ({ id: f.id, name: f.originalName })),
      carriedFrom: sources.find((s) => s.id === from)?.title ?? null,
    };
  });
}

async function titlesOf(db: Kysely<Database>, ids: string[]) {
  return db
    .selectFrom('improvement_measure')
    .select(['id', 'title'])
    .where('id', 'in', ids)
    .execute();
}

/** Gathers a round's report facts as of now (no access check: callers check). */
export async function gatherMeasuresReport(
  ctx: ServiceContext,
  round: Round,
): Promise<MeasuresReport> {
  const previousRound = await previousRoundOf(ctx.db.kysely, round);
  const agency = await findAgencyByCode(ctx.db.kysely, round.agencyCode);
  return {
    agencyCode: round.agencyCode,
    agencyName: agency?.nameTh ?? round.agencyNameTh,
    fiscalYear: round.editionYear,
    editionCode: round.editionCode,
    preparedAt: nowIso(ctx),
    measures: await reportMeasuresOf(ctx, round, false),
    previous: previousRound
      ? {
          fiscalYear: previousRound.editionYear,
          measures: await reportMeasuresOf(ctx, previousRound, true),
        }
      : null,
  };
}

/** A round's report facts as of now, for anyone who may see the round. */
export async function getMeasuresReport(
  ctx: ServiceContext,
  actor: Actor,
  roundId: string,
): Promise<MeasuresReport> {
  return gatherMeasuresReport(ctx, await loadRound(ctx.db.kysely, actor, roundId, false));
}

/** Whether the person may publish the round's documents: an agency administrator or its head. */
export function mayPublishMeasures(actor: Actor, round: Round): boolean {
  return isAllowed(actor.grants, 'measure.publish', round.agencyPath);
}

/** Publishes the measures document or the progress report as it stands now; audited. */
export async function publishMeasures(
  ctx: ServiceContext,
  actor: Actor,
  roundId: string,
  kind: PublicationKind,
): Promise<MeasurePublication> {
  if (!PUBLICATION_KINDS.includes(kind))
    throw new DomainError('invalid_kind', { th: 'ไม่รู้จักเอกสารนี้', en: 'Unknown document' });
  const round = await loadRound(ctx.db.kysely, actor, roundId, false);
  if (!mayPublishMeasures(actor, round))
    throw new DomainError('forbidden', {
      th: 'เฉพาะผู้ดูแลของหน่วยงานหรือหัวหน้าหน่วยงานที่เผยแพร่ได้',
      en: 'Only the agency administrator or the head of agency may publish',
    });
  const report = await gatherMeasuresReport(ctx, round);
  return inTransaction(ctx, async (trx) => {
    const publishedAt = nowIso(ctx);
    const row = {
      roundId,
      kind,
      contentJson: JSON.stringify(report),
      publishedBy: actor.user.id,
      publishedAt,
    };
    await savePublication(trx, row);
    await recordAudit(trx, ctx, actor, {
      action: 'measure.publish',
      entityType: 'assessment_round',
      entityId: roundId,
      agencyId: round.agencyId,
      details: { kind, measures: report.measures.length },
    });
    return { ...row, publishedByName: actor.user.displayName };
  });
}

/** What a round has published (both kinds), for the register page and the evidence provider. */
export async function listRoundPublications(
  ctx: ServiceContext,
  roundId: string,
): Promise<MeasurePublication[]> {
  return listPublications(ctx.db.kysely, [roundId]);
}

/** A published document as the public sees it: the snapshot and when it was published. */
export interface PublicMeasures {
  report: MeasuresReport;
  publishedAt: string;
  /** Whether the other kind is published too (for a link between the two pages). */
  otherPublished: boolean;
}

/** The published snapshot of an agency's measures for a fiscal year; not found when unpublished. */
export async function loadPublicMeasures(
  ctx: ServiceContext,
  agencyCode: string,
  year: number,
  kind: PublicationKind,
): Promise<PublicMeasures> {
  const agency = await agencyByCode(ctx.db.kysely, agencyCode, publishedNotFound);
  const rounds = (await listRounds(ctx.db.kysely, [agency.path])).filter(
    (r) => r.agencyId === agency.id && r.editionYear === year,
  );
  const publications = await listPublications(
    ctx.db.kysely,
    rounds.map((r) => r.id),
  );
  const found = publications.find((p) => p.kind === kind);
  if (!found) throw publishedNotFound();
  return {
    report: MeasuresReportSchema.parse(JSON.parse(found.contentJson)),
    publishedAt: found.publishedAt,
    otherPublished: publications.some((p) => p.kind !== kind && p.roundId === found.roundId),
  };
}

/** Title of each published kind, as the OIT page and the public pages name them. */
export const PUBLICATION_TITLES: Record<PublicationKind, (year: number) => Message> = {
  document: (year) => ({
    th: `มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ. ${year}`,
    en: `Measures to promote integrity and transparency, fiscal year ${year}`,
  }),
  progress: (year) => ({
    th: `รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใส ประจำปีงบประมาณ พ.ศ. ${year}`,
    en: `Report on the integrity and transparency measures, fiscal year ${year}`,
  }),
};
