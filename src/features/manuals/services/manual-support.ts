import type { Kysely } from 'kysely';
import { z } from 'zod';
import { DomainError } from '../../../core/errors.js';
import { KIND_SOURCES } from '../core/manual-elements.js';
import { itemsBySource, type SourceItem } from '../core/website-currency.js';
import {
  checkManual,
  MANUAL_KINDS,
  TIME_UNITS,
  type ManualContent,
  type ManualKind,
} from '../core/manual-rules.js';
import type { Agency } from '../../agencies/feature.js';
import { findManual, type Manual, type ManualStep } from '../db/manual.repository.js';
import { listRounds, type Round } from '../../rounds/feature.js';
import type { Database } from '../../../platform/db/schema.js';
import type { ServiceContext } from '../../../platform/services/context.js';
import { loadRoundEdition } from '../../surveys/feature.js';
import { dayField } from '../../../core/thai-calendar.js';

/** Input schemas, lookups and shapes shared by the manual services. */

const linesOf = (v: unknown) =>
  typeof v === 'string'
    ? v
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter(Boolean)
    : v;

const StepInputSchema = z.object({
  description: z.string().trim().max(2000).default(''),
  responsible: z.string().trim().max(300).default(''),
  timeAmount: z.preprocess(
    (v) => (v === '' || v === undefined || v === null ? null : Number(v)),
    z.number().nullable(),
  ),
  timeUnit: z.preprocess(
    (v) => (v === '' || v === undefined ? null : v),
    z.enum(TIME_UNITS, { message: 'กรุณาเลือกหน่วยเวลา / choose a time unit' }).nullable(),
  ),
});

export const ManualInputSchema = z.object({
  kind: z.enum(MANUAL_KINDS, { message: 'กรุณาเลือกประเภทคู่มือ / choose the kind of manual' }),
  title: z
    .string()
    .trim()
    .min(1, { message: 'กรุณาระบุชื่อคู่มือหรือชื่อบริการ / enter the title' })
    .max(300, { message: 'ชื่อยาวเกินไป / the title is too long' }),
  purpose: z.string().trim().max(4000).default(''),
  responsibleUnit: z.string().trim().max(300).default(''),
  channels: z.preprocess(linesOf, z.array(z.string().trim().max(500)).max(20)).default([]),
  feeText: z.string().trim().max(1000).default(''),
  documents: z.preprocess(linesOf, z.array(z.string().trim().max(500)).max(50)).default([]),
  legalBasis: z.string().trim().max(4000).default(''),
  fiscalYear: z.coerce
    .number({ message: 'ปีงบประมาณ พ.ศ. เช่น 2569 / a Buddhist-era fiscal year, e.g. 2569' })
    .int({ message: 'ปีงบประมาณ พ.ศ. เช่น 2569 / a Buddhist-era fiscal year, e.g. 2569' })
    .min(2500, { message: 'ปีงบประมาณ พ.ศ. เช่น 2569 / a Buddhist-era fiscal year, e.g. 2569' })
    .max(2700, { message: 'ปีงบประมาณ พ.ศ. เช่น 2569 / a Buddhist-era fiscal year, e.g. 2569' }),
  steps: z.array(StepInputSchema).max(100).default([]),
});
export type ManualInput = z.input<typeof ManualInputSchema>;
export type ManualData = z.output<typeof ManualInputSchema>;

export const CaseInputSchema = z
  .object({
    receivedOn: z
      .string({ message: 'กรุณาระบุวันที่รับเรื่อง / enter the day received' })
      .trim()
      .min(1, { message: 'กรุณาระบุวันที่รับเรื่อง / enter the day received' })
      .pipe(dayField()),
    completedOn: z.preprocess(
      (v) => (v === '' || v === undefined ? null : v),
      dayField().nullable(),
    ),
  })
  .refine((c) => c.completedOn === null || c.completedOn >= c.receivedOn, {
    message: 'วันที่เสร็จต้องไม่ก่อนวันที่รับเรื่อง / completion cannot be before receipt',
    path: ['completedOn'],
  });
/** A service case as entered: a blank or missing completion date means still open. */
export type CaseInput = { receivedOn: string; completedOn?: string | null };

/** A manual's content as the rules read it. */
export function contentOf(manual: Manual, steps: readonly ManualStep[]): ManualContent {
  return { ...manual, steps: steps.map((s) => ({ ...s })) };
}

/** Drops blank step rows and refuses a step without a time limit: every step has one. */
export function cleanSteps(data: ManualData): ManualData['steps'] {
  const steps = data.steps.filter((s) => s.description || s.responsible || s.timeAmount !== null);
  const problem = checkManual({ ...data, steps }).find((p) => p.field.startsWith('steps.'));
  if (problem) throw new DomainError('step_invalid', problem.message, { field: 'steps' });
  return steps;
}

/** Not found: said the same way for a missing manual and for one of another agency. */
export function manualNotFound(): DomainError {
  return new DomainError('not_found', { th: 'ไม่พบคู่มือ', en: 'Manual not found' });
}

/** A manual of this agency, or not found. */
export async function loadManual(
  db: Kysely<Database>,
  agencyId: string,
  manualId: string,
): Promise<Manual> {
  const manual = await findManual(db, manualId);
  if (!manual || manual.agencyId !== agencyId) throw manualNotFound();
  return manual;
}

/** The agency's own latest round (by edition year), if it has one. */
export async function currentRoundOf(
  db: Kysely<Database>,
  agency: Pick<Agency, 'id' | 'path'>,
): Promise<Round | null> {
  const rounds = await listRounds(db, [agency.path]);
  return rounds.find((r) => r.agencyId === agency.id) ?? null;
}

/** The item each kind of manual serves in the round's edition (by `generated_evidence`). */
export async function manualItemsOf(
  ctx: ServiceContext,
  round: Round | null,
): Promise<Partial<Record<ManualKind, SourceItem>>> {
  if (!round) return {};
  const bySource = itemsBySource((await loadRoundEdition(ctx, round.editionId)).edition);
  const found: Partial<Record<ManualKind, SourceItem>> = {};
  for (const kind of MANUAL_KINDS) {
    const item = bySource.get(KIND_SOURCES[kind]);
    if (item) found[kind] = item;
  }
  return found;
}
