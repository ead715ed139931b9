import type { Kysely } from 'kysely';
import { z } from 'zod';
import { isAllowed } from '../../../core/access/roles.js';
import { DomainError, type Message } from '../../../core/errors.js';
import type { CompiledEdition } from '../../../core/framework/compile-edition.js';
import {
  isOverdue,
  MEASURE_STATUSES,
  TARGET_TYPES,
  type MeasureSuggestion,
  type WeakTarget,
} from '../core/measure-rules.js';
import {
  findMeasure,
  listProgress,
  type Measure,
  type MeasureProgress,
} from '../db/measure.repository.js';
import { findRound, type Round } from '../../rounds/feature.js';
import type { Database } from '../../../platform/db/schema.js';
import { listUsers } from '../../users/feature.js';
import type { Actor, ServiceContext } from '../../../platform/services/context.js';
import { roundScores } from './round-scores.service.js';
import { loadRoundEdition } from '../../surveys/feature.js';
import { bangkokDay, dayField } from '../../../core/thai-calendar.js';

/** Input schemas, screen shapes and access checks shared by the measure services. */
const emptyToNull = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : v);

export const MeasureInputSchema = z.object({
  targetType: z.enum(TARGET_TYPES, { message: 'กรุณาเลือกประเภทเป้าหมาย / choose a target type' }),
  targetCode: z.string().trim().min(1, { message: 'กรุณาระบุรหัสเป้าหมาย / enter the target code' }),
  title: z
    .string()
    .trim()
    .min(1, { message: 'กรุณาระบุชื่อมาตรการ / enter a title' })
    .max(300, { message: 'ชื่อมาตรการยาวเกินไป / the title is too long' }),
  description: z.string().trim().max(4000).default(''),
  ownerUserId: z.preprocess(emptyToNull, z.string().nullable()).default(null),
  dueOn: z.preprocess(emptyToNull, dayField().nullable()).default(null),
  status: z.enum(MEASURE_STATUSES).default('planned'),
});
export type MeasureInput = z.input<typeof MeasureInputSchema>;

export const ProgressInputSchema = z.object({
  note: z.string().trim().min(1, { message: 'กรุณาบันทึกความคืบหน้า / enter a progress note' }),
  percent: z.coerce
    .number({ message: 'ร้อยละ 0–100 / percent 0–100' })
    .int({ message: 'ร้อยละ 0–100 / percent 0–100' })
    .min(0, { message: 'ร้อยละ 0–100 / percent 0–100' })
    .max(100, { message: 'ร้อยละ 0–100 / percent 0–100' }),
  status: z.preprocess(emptyToNull, z.enum(MEASURE_STATUSES).nullable()).default(null),
});
export type ProgressInput = z.input<typeof ProgressInputSchema>;

/** A measure as the screens show it: target name, latest progress and whether it is late. */
export interface MeasureView extends Measure {
  targetName: Message | null;
  latest: MeasureProgress | null;
  overdue: boolean;
}

/** The register of a round: measures, suggestions from weak points, and who may own one. */
export interface MeasureRegister {
  round: Round;
  mayEdit: boolean;
  today: string;
  measures: MeasureView[];
  suggestions: MeasureSuggestion[];
  /** OIT items the assessor has not decided yet: not weak points, so nothing is suggested. */
  unassessed: number;
  owners: { id: string; displayName: string }[];
}

/** Not found: said the same way for a missing round and for one out of reach. */
export function notFound(): DomainError {
  return new DomainError('not_found', { th: 'ไม่พบรอบการประเมิน', en: 'Round not found' });
}

/** A round the actor may see (and, for a change, edit); otherwise not found or forbidden. */
export async function loadRound(
  db: Kysely<Database>,
  actor: Actor,
  roundId: string,
  change: boolean,
): Promise<Round> {
  const round = await findRound(db, roundId);
  if (!round || !isAllowed(actor.grants, 'round.view', round.agencyPath)) throw notFound();
  if (change && !isAllowed(actor.grants, 'measure.manage', round.agencyPath)) {
    throw new DomainError('forbidden', {
      th: 'คุณดูมาตรการได้ แต่แก้ไขไม่ได้',
      en: 'You may see the measures but not change them',
    });
  }
  return round;
}

/** A measure of this round, or not found. */
export async function loadMeasure(
  db: Kysely<Database>,
  roundId: string,
  id: string,
): Promise<Measure> {
  const measure = await findMeasure(db, id);
  if (!measure || measure.roundId !== roundId)
    throw new DomainError('not_found', { th: 'ไม่พบมาตรการ', en: 'Measure not found' });
  return measure;
}

/**
 * Indicators, questions and OIT items of a round that lose points: the weak points of the same
 * result and analysis the results page shows (core/analysis, through core/disclosure), so the
 * two pages never disagree. OIT items not yet decided in a live result are no weak points.
 */
export async function findWeakTargets(
  ctx: ServiceContext,
  round: Round,
): Promise<{ targets: WeakTarget[]; unassessed: number }> {
  const { weaknesses } = await roundScores(ctx, round, { limit: Number.MAX_SAFE_INTEGER });
  const all = [...weaknesses.indicators, ...weaknesses.questions, ...weaknesses.oitItems];
  return {
    targets: all.flatMap((w) =>
      w.type === 'indicator' || w.type === 'question' || w.type === 'oit_item'
        ? [{ type: w.type, code: w.code, name: w.name, score: w.score, lost: w.lost }]
        : [],
    ),
    unassessed: weaknesses.unassessed.length,
  };
}

/** The name of a target in the round's edition, or null when the edition has no such node. */
export function targetNameOf(
  compiled: CompiledEdition,
  type: string,
  code: string,
): Message | null {
  const node = compiled.nodes.get(code);
  return node && node.type === type ? node.name : null;
}

/** Measures with their target names, latest progress and overdue flag. */
export async function viewsOf(
  ctx: ServiceContext,
  round: Round,
  measures: Measure[],
): Promise<MeasureView[]> {
  const compiled = await loadRoundEdition(ctx, round.editionId);
  const progress = await listProgress(
    ctx.db.kysely,
    measures.map((m) => m.id),
  );
  const today = bangkokDay(ctx.clock.now());
  return measures.map((m) => ({
    ...m,
    targetName: targetNameOf(compiled, m.targetType, m.targetCode),
    latest: progress.filter((p) => p.measureId === m.id).at(-1) ?? null,
    overdue: isOverdue(m, today),
  }));
}

/** People who may own a measure: active accounts holding a role at the round's agency. */
export async function ownersOf(db: Kysely<Database>, round: Round) {
  return (await listUsers(db, [round.agencyPath]))
    .filter((u) => !u.disabled)
    .map((u) => ({ id: u.id, displayName: u.displayName }));
}
