import type { Kysely } from 'kysely';
import { isAllowed } from '../../../core/access/roles.js';
import { DomainError } from '../../../core/errors.js';
import { checkMeasureMove, isLiveMeasure, suggestMeasures } from '../core/measure-rules.js';
import {
  findMeasure,
  insertMeasure,
  insertProgress,
  listMeasures,
  listProgress,
  updateMeasure,
  type Measure,
  type MeasureProgress,
} from '../db/measure.repository.js';
import type { Round } from '../../rounds/feature.js';
import type { Database } from '../../../platform/db/schema.js';
import { listMeasureFiles, type MeasureFile } from '../db/measure-evidence.repository.js';
import type { z } from 'zod';
import { inTransaction, recordAudit } from '../../audit/feature.js';
import { findCarryOrigin } from './measure-carry.service.js';
import { nowIso, type Actor, type ServiceContext } from '../../../platform/services/context.js';
import { loadRoundEdition } from '../../surveys/feature.js';
import {
  findWeakTargets,
  loadMeasure,
  loadRound,
  MeasureInputSchema,
  ownersOf,
  ProgressInputSchema,
  targetNameOf,
  viewsOf,
  type MeasureInput,
  type MeasureRegister,
  type MeasureView,
  type ProgressInput,
} from './measure-support.js';
import { assertPlausibleDays, bangkokDay } from '../../../core/thai-calendar.js';

export type { Measure, MeasureProgress } from '../db/measure.repository.js';
export {
  MeasureInputSchema,
  ProgressInputSchema,
  type MeasureInput,
  type MeasureRegister,
  type MeasureView,
  type ProgressInput,
} from './measure-support.js';
/** A round's measures with suggestions drawn from its weak points; for anyone who may see the round. */
export async function getMeasureRegister(
  ctx: ServiceContext,
  actor: Actor,
  roundId: string,
): Promise<MeasureRegister> {
  const round = await loadRound(ctx.db.kysely, actor, roundId, false);
  const measures = await listMeasures(ctx.db.kysely, roundId);
  const weak = await findWeakTargets(ctx, round);
  return {
    round,
    mayEdit: isAllowed(actor.grants, 'measure.manage', round.agencyPath),
    today: bangkokDay(ctx.clock.now()),
    measures: await viewsOf(ctx, round, measures),
    suggestions: suggestMeasures(weak.targets, measures),
    unassessed: weak.unassessed,
    owners: await ownersOf(ctx.db.kysely, round),
  };
}

/** One measure as its page shows it, with every progress note. */
export interface MeasureDetail {
  round: Round;
  mayEdit: boolean;
  measure: MeasureView;
  progress: MeasureProgress[];
  owners: { id: string; displayName: string }[];
  /** Evidence files attached to the measure. */
  files: MeasureFile[];
  /** Last year's measure this one continues, when it was carried over. */
  origin: Awaited<ReturnType<typeof findCarryOrigin>>;
}

/** One measure with all its progress notes. */
export async function getMeasure(
  ctx: ServiceContext,
  actor: Actor,
  roundId: string,
  measureId: string,
): Promise<MeasureDetail> {
  const round = await loadRound(ctx.db.kysely, actor, roundId, false);
  const measure = await loadMeasure(ctx.db.kysely, roundId, measureId);
  const [view] = await viewsOf(ctx, round, [measure]);
  return {
    round,
    mayEdit: isAllowed(actor.grants, 'measure.manage', round.agencyPath),
    measure: view as MeasureView,
    progress: await listProgress(ctx.db.kysely, [measureId]),
    owners: await ownersOf(ctx.db.kysely, round),
    files: await listMeasureFiles(ctx.db.kysely, [measureId]),
    origin: await findCarryOrigin(ctx, measureId),
  };
}

async function checkInput(
  ctx: ServiceContext,
  trx: Kysely<Database>,
  round: Round,
  data: z.output<typeof MeasureInputSchema>,
): Promise<void> {
  const compiled = await loadRoundEdition(ctx, round.editionId);
  if (!targetNameOf(compiled, data.targetType, data.targetCode)) {
    throw new DomainError(
      'unknown_target',
      { th: 'ไม่พบเป้าหมายนี้ในเกณฑ์ของรอบ', en: "No such target in the round's edition" },
      { field: 'targetCode' },
    );
  }
  if (data.ownerUserId && !(await ownersOf(trx, round)).some((o) => o.id === data.ownerUserId)) {
    throw new DomainError(
      'unknown_owner',
      { th: 'ผู้รับผิดชอบต้องเป็นบุคลากรของหน่วยงาน', en: 'The owner must belong to the agency' },
      { field: 'ownerUserId' },
    );
  }
}

/** Adds a measure to a round (agency administrators); audited. */
export async function createMeasure(
  ctx: ServiceContext,
  actor: Actor,
  roundId: string,
  input: MeasureInput,
): Promise<Measure> {
  const data = MeasureInputSchema.parse(input);
  assertPlausibleDays(bangkokDay(ctx.clock.now()), { dueOn: data.dueOn });
  const seen = await loadRound(ctx.db.kysely, actor, roundId, true);
  await loadRoundEdition(ctx, seen.editionId);
  return inTransaction(ctx, async (trx) => {
    const round = await loadRound(trx, actor, roundId, true);
    await checkInput(ctx, trx, round, data);
    const now = nowIso(ctx);
    const id = ctx.ids.uuid();
    await insertMeasure(trx, { id, roundId, ...data, createdAt: now, updatedAt: now });
    await recordAudit(trx, ctx, actor, {
      action: 'measure.create',
      entityType: 'improvement_measure',
      entityId: id,
      agencyId: round.agencyId,
      details: { roundId, target: `${data.targetType}:${data.targetCode}`, title: data.title },
    });
    return (await findMeasure(trx, id)) as Measure;
  });
}

/** Changes a measure's fields or status (allowed moves only); audited. */
export async function editMeasure(
  ctx: ServiceContext,
  actor: Actor,
  roundId: string,
  measureId: string,
  input: MeasureInput,
): Promise<Measure> {
  const data = MeasureInputSchema.parse(input);
  assertPlausibleDays(bangkokDay(ctx.clock.now()), { dueOn: data.dueOn });
  const seen = await loadRound(ctx.db.kysely, actor, roundId, true);
  await loadRoundEdition(ctx, seen.editionId);
  return inTransaction(ctx, async (trx) => {
    const round = await loadRound(trx, actor, roundId, true);
    const before = await loadMeasure(trx, roundId, measureId);
    checkMeasureMove(before.status, data.status);
    await checkInput(ctx, trx, round, data);
    await updateMeasure(trx, { ...before, ...data, updatedAt: nowIso(ctx) });
    await recordAudit(trx, ctx, actor, {
      action: 'measure.update',
      entityType: 'improvement_measure',
      entityId: measureId,
      agencyId: round.agencyId,
      details: { roundId, from: before.status, to: data.status },
    });
    return (await findMeasure(trx, measureId)) as Measure;
  });
}

/** Records a progress note (and optionally a new status) on a measure; audited. */
export async function addMeasureProgress(
  ctx: ServiceContext,
  actor: Actor,
  roundId: string,
  measureId: string,
  input: ProgressInput,
): Promise<MeasureProgress[]> {
  const data = ProgressInputSchema.parse(input);
  return inTransaction(ctx, async (trx) => {
    const round = await loadRound(trx, actor, roundId, true);
    const before = await loadMeasure(trx, roundId, measureId);
    const status = data.status ?? (before.status === 'planned' ? 'in_progress' : before.status);
    checkMeasureMove(before.status, status);
    const now = nowIso(ctx);
    const id = ctx.ids.uuid();
    await insertProgress(trx, {
      id,
      measureId,
      note: data.note,
      percent: data.percent,
      createdBy: actor.user.id,
      createdAt: now,
    });
    if (status !== before.status) await updateMeasure(trx, { ...before, status, updatedAt: now });
    await recordAudit(trx, ctx, actor, {
      action: 'measure.progress',
      entityType: 'improvement_measure',
      entityId: measureId,
      agencyId: round.agencyId,
      details: { roundId, percent: data.percent, from: before.status, to: status },
    });
    return listProgress(trx, [measureId]);
  });
}

/** Open measures of a round past their due date. */
export async function listOverdueMeasures(
  ctx: ServiceContext,
  actor: Actor,
  roundId: string,
): Promise<MeasureView[]> {
  const round = await loadRound(ctx.db.kysely, actor, roundId, false);
  const views = await viewsOf(ctx, round, await listMeasures(ctx.db.kysely, roundId));
  return views.filter((v) => v.overdue);
}

/** The printable measures document of a round. */
export interface MeasuresDocument {
  round: Round;
  fiscalYear: number;
  measures: MeasureView[];
  printedOn: string;
}

/** What the printable measures document needs: the round, its fiscal year and the live measures. */
export async function getMeasuresDocument(
  ctx: ServiceContext,
  actor: Actor,
  roundId: string,
): Promise<MeasuresDocument> {
  const round = await loadRound(ctx.db.kysely, actor, roundId, false);
  const views = await viewsOf(ctx, round, await listMeasures(ctx.db.kysely, roundId));
  return {
    round,
    fiscalYear: round.editionYear,
    measures: views.filter(isLiveMeasure),
    printedOn: nowIso(ctx),
  };
}
