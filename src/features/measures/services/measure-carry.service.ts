import { DomainError } from '../../../core/errors.js';
import { insertCarry, listCarries, listMeasureFiles } from '../db/measure-evidence.repository.js';
import {
  findMeasure,
  insertMeasure,
  listMeasures,
  type Measure,
} from '../db/measure.repository.js';
import type { Round } from '../../rounds/feature.js';
import { inTransaction, recordAudit } from '../../audit/feature.js';
import { nowIso, type Actor, type ServiceContext } from '../../../platform/services/context.js';
import type { MeasureFile } from './measure-evidence.service.js';
import { loadRound, ownersOf, targetNameOf, viewsOf, type MeasureView } from './measure-support.js';
import {
  listRoundPublications,
  mayPublishMeasures,
  previousRoundOf,
} from './measure-report.service.js';
import { loadRoundEdition } from '../../surveys/feature.js';

/** A finished measure of last year's round, offered to this year's register. */
export interface CarryCandidate {
  measure: MeasureView;
  files: MeasureFile[];
  /** The measure of this round it was carried into, if it was. */
  carriedTo: string | null;
  /** Whether this year's edition still has the same target (else it cannot be copied as is). */
  targetExists: boolean;
}

/** Last year's round and its finished measures, for the hand-off on this round's register. */
export interface CarryOver {
  previous: Round | null;
  candidates: CarryCandidate[];
}

/** The previous round's finished measures with their evidence, for anyone who may see the round. */
export async function getCarryOver(
  ctx: ServiceContext,
  actor: Actor,
  roundId: string,
): Promise<CarryOver> {
  const round = await loadRound(ctx.db.kysely, actor, roundId, false);
  const previous = await previousRoundOf(ctx.db.kysely, round);
  if (!previous) return { previous: null, candidates: [] };
  const done = (await listMeasures(ctx.db.kysely, previous.id)).filter((x) => x.status === 'done');
  const ids = done.map((x) => x.id);
  const [views, files, carries, current, compiled] = await Promise.all([
    viewsOf(ctx, previous, done),
    listMeasureFiles(ctx.db.kysely, ids),
    listCarries(ctx.db.kysely, ids),
    listMeasures(ctx.db.kysely, roundId),
    loadRoundEdition(ctx, round.editionId),
  ]);
  const here = new Set(current.map((x) => x.id));
  return {
    previous,
    candidates: views.map((v) => ({
      measure: v,
      files: files.filter((f) => f.measureId === v.id),
      carriedTo:
        carries.find((c) => c.fromMeasureId === v.id && here.has(c.measureId))?.measureId ?? null,
      targetExists: targetNameOf(compiled, v.targetType, v.targetCode) !== null,
    })),
  };
}

function refuse(th: string, en: string): DomainError {
  return new DomainError('carry_refused', { th, en });
}

/**
 * Copies a finished measure of last year's round into this round as a new planned measure on
 * the same target (its owner kept when still at the agency), linked to its origin; audited.
 */
export async function carryOverMeasure(
  ctx: ServiceContext,
  actor: Actor,
  roundId: string,
  fromMeasureId: string,
): Promise<Measure> {
  const seen = await loadRound(ctx.db.kysely, actor, roundId, true);
  const compiled = await loadRoundEdition(ctx, seen.editionId);
  return inTransaction(ctx, async (trx) => {
    const round = await loadRound(trx, actor, roundId, true);
    const previous = await previousRoundOf(trx, round);
    const from = await findMeasure(trx, fromMeasureId);
    if (!previous || !from || from.roundId !== previous.id || from.status !== 'done')
      throw new DomainError('not_found', { th: 'ไม่พบมาตรการ', en: 'Measure not found' });
    if (!targetNameOf(compiled, from.targetType, from.targetCode))
      throw refuse(
        `เกณฑ์ปีนี้ไม่มีเป้าหมาย ${from.targetCode} แล้ว กรุณาเพิ่มมาตรการใหม่ด้วยตนเอง`,
        `This year's edition has no target ${from.targetCode}; add a new measure by hand`,
      );
    const current = new Set((await listMeasures(trx, roundId)).map((x) => x.id));
    if ((await listCarries(trx, [fromMeasureId])).some((c) => current.has(c.measureId)))
      throw refuse('มาตรการนี้ยกมาแล้ว', 'This measure was already carried over');
    const owners = await ownersOf(trx, round);
    const now = nowIso(ctx);
    const id = ctx.ids.uuid();
    const lead = `ต่อยอดจากมาตรการปี พ.ศ. ${previous.editionYear}`;
    await insertMeasure(trx, {
      id,
      roundId,
      targetType: from.targetType,
      targetCode: from.targetCode,
      title: from.title,
      description: from.description ? `${lead}: ${from.description}` : lead,
      ownerUserId: owners.some((o) => o.id === from.ownerUserId) ? from.ownerUserId : null,
      dueOn: null,
      status: 'planned',
      createdAt: now,
      updatedAt: now,
    });
    await insertCarry(trx, {
      measureId: id,
      fromMeasureId,
      carriedBy: actor.user.id,
      carriedAt: now,
    });
    await recordAudit(trx, ctx, actor, {
      action: 'measure.carry_over',
      entityType: 'improvement_measure',
      entityId: id,
      agencyId: round.agencyId,
      details: { roundId, fromMeasureId, fromRoundId: previous.id },
    });
    return (await findMeasure(trx, id)) as Measure;
  });
}

/** What the register shows besides the measures: the hand-off and the publication state. */
export interface MeasuresHandOff extends CarryOver {
  publications: Awaited<ReturnType<typeof listRoundPublications>>;
  mayPublish: boolean;
  fiscalYear: number;
}

/** Last year's finished measures and what this round has published, for its register. */
export async function getMeasuresHandOff(
  ctx: ServiceContext,
  actor: Actor,
  roundId: string,
): Promise<MeasuresHandOff> {
  const carry = await getCarryOver(ctx, actor, roundId);
  const round = await loadRound(ctx.db.kysely, actor, roundId, false);
  return {
    ...carry,
    publications: await listRoundPublications(ctx, roundId),
    mayPublish: mayPublishMeasures(actor, round),
    fiscalYear: round.editionYear,
  };
}

/** Last year's measure a measure was carried from, for a link on its page; null when none. */
export async function findCarryOrigin(
  ctx: ServiceContext,
  measureId: string,
): Promise<{ roundId: string; measureId: string; title: string } | null> {
  const link = (await listCarries(ctx.db.kysely, [measureId])).find(
    (c) => c.measureId === measureId,
  );
  const from = link ? await findMeasure(ctx.db.kysely, link.fromMeasureId) : null;
  return from ? { roundId: from.roundId, measureId: from.id, title: from.title } : null;
}
