import { DomainError } from '../../../core/errors.js';
import { checkManualElements, type ElementResult } from '../core/manual-elements.js';
import { mayEditManuals, mayPublishManuals } from '../core/manual-policy.js';
import {
  checkManual,
  totalStandardTime,
  type ManualProblem,
  type StandardTime,
} from '../core/manual-rules.js';
import { computeCaseStatistics, type CaseStatistics } from '../core/service-cases.js';
import type { SourceItem } from '../core/website-currency.js';
import type { Agency } from '../../agencies/feature.js';
import {
  insertManual,
  listCases,
  listManuals,
  listSteps,
  replaceSteps,
  updateManual,
  type Manual,
  type ManualCase,
  type ManualStep,
} from '../db/manual.repository.js';
import { loadVisibleAgency } from '../../agencies/feature.js';
import { inTransaction, recordAudit } from '../../audit/feature.js';
import { nowIso, type Actor, type ServiceContext } from '../../../platform/services/context.js';
import {
  cleanSteps,
  contentOf,
  currentRoundOf,
  loadManual,
  ManualInputSchema,
  manualItemsOf,
  type ManualData,
  type ManualInput,
} from './manual-support.js';

export type { Manual, ManualCase, ManualStep } from '../db/manual.repository.js';
export {
  CaseInputSchema,
  ManualInputSchema,
  type CaseInput,
  type ManualInput,
} from './manual-support.js';

/** A manual with its steps, its standard time and what still keeps it from publication. */
export interface ManualView extends Manual {
  steps: ManualStep[];
  standard: StandardTime;
  problems: ManualProblem[];
}

/** The manuals of an agency as its staff see them. */
export interface ManualRegister {
  agency: Agency;
  mayEdit: boolean;
  mayPublish: boolean;
  /** The fiscal year a new manual gets by default: the agency's current round's year. */
  defaultYear: number | null;
  manuals: ManualView[];
}

/** One manual's page: content, OIT element check, service cases and their statistics. */
export interface ManualDetail {
  agency: Agency;
  mayEdit: boolean;
  mayPublish: boolean;
  manual: ManualView;
  item: SourceItem | null;
  elements: ElementResult[];
  cases: ManualCase[];
  statistics: CaseStatistics;
}

/** The policy's view of an actor. */
export function who(actor: Actor) {
  return { userId: actor.user.id, grants: actor.grants };
}

/** The refusal for someone who may see the manuals but not change them. */
export function forbiddenEdit(): DomainError {
  return new DomainError('forbidden', {
    th: 'คุณดูคู่มือได้ แต่แก้ไขไม่ได้',
    en: 'You may see the manuals but not change them',
  });
}

/** Builds the screen shape of manuals with their steps. */
export function viewsOf(manuals: readonly Manual[], steps: readonly ManualStep[]): ManualView[] {
  return manuals.map((manual) => {
    const own = steps.filter((s) => s.manualId === manual.id);
    return {
      ...manual,
      steps: own,
      standard: totalStandardTime(own),
      problems: checkManual(contentOf(manual, own)),
    };
  });
}

/** Every manual of the agency, drafts included: for anyone who may see the agency. */
export async function getManualRegister(
  ctx: ServiceContext,
  actor: Actor,
  agencyId: string,
): Promise<ManualRegister> {
  const db = ctx.db.kysely;
  const agency = await loadVisibleAgency(db, actor, agencyId);
  const manuals = await listManuals(db, agency.id);
  const steps = await listSteps(
    db,
    manuals.map((m) => m.id),
  );
  return {
    agency,
    mayEdit: mayEditManuals(who(actor), agency.path),
    mayPublish: mayPublishManuals(who(actor), agency.path),
    defaultYear: (await currentRoundOf(db, agency))?.editionYear ?? null,
    manuals: viewsOf(manuals, steps),
  };
}

/** One manual with its element check and service-case statistics. */
export async function getManual(
  ctx: ServiceContext,
  actor: Actor,
  agencyId: string,
  manualId: string,
): Promise<ManualDetail> {
  const db = ctx.db.kysely;
  const agency = await loadVisibleAgency(db, actor, agencyId);
  const manual = await loadManual(db, agency.id, manualId);
  const [view] = viewsOf([manual], await listSteps(db, [manual.id])) as [ManualView];
  const item = (await manualItemsOf(ctx, await currentRoundOf(db, agency)))[manual.kind] ?? null;
  const cases = await listCases(db, manual.id);
  return {
    agency,
    mayEdit: mayEditManuals(who(actor), agency.path),
    mayPublish: mayPublishManuals(who(actor), agency.path),
    manual: view,
    item,
    elements: item ? checkManualElements(contentOf(manual, view.steps), item.elements) : [],
    cases,
    statistics: computeCaseStatistics(cases, view.standard.workingDays),
  };
}

function stepsOf(ctx: ServiceContext, manualId: string, data: ManualData): ManualStep[] {
  return cleanSteps(data).map((s, i) => ({
    id: ctx.ids.uuid(),
    manualId,
    position: i + 1,
    description: s.description,
    responsible: s.responsible,
    timeAmount: s.timeAmount as number,
    timeUnit: s.timeUnit as ManualStep['timeUnit'],
  }));
}

function fieldsOf(data: ManualData) {
  const { steps: _steps, ...fields } = data;
  return {
    ...fields,
    channels: fields.channels.filter(Boolean),
    documents: fields.documents.filter(Boolean),
  };
}

/** Adds a draft manual (agency administrators and item owners); audited. */
export async function createManual(
  ctx: ServiceContext,
  actor: Actor,
  agencyId: string,
  input: ManualInput,
): Promise<Manual> {
  const data = ManualInputSchema.parse(input);
  return inTransaction(ctx, async (trx) => {
    const agency = await loadVisibleAgency(trx, actor, agencyId);
    if (!mayEditManuals(who(actor), agency.path)) throw forbiddenEdit();
    const now = nowIso(ctx);
    const id = ctx.ids.uuid();
    const manual: Manual = {
      id,
      agencyId: agency.id,
      ...fieldsOf(data),
      status: 'draft',
      publishedAt: null,
      createdAt: now,
      updatedAt: now,
    };
    const steps = stepsOf(ctx, id, data);
    await insertManual(trx, manual);
    await replaceSteps(trx, id, steps);
    await recordAudit(trx, ctx, actor, {
      action: 'manual.create',
      entityType: 'manual',
      entityId: id,
      agencyId: agency.id,
      details: { kind: data.kind, title: data.title, steps: steps.length },
    });
    return manual;
  });
}

/**
 * Saves a manual's fields and steps (its kind stays as created); a published manual stays published only when it still
 * passes the publication check (otherwise nothing is saved). Audited.
 */
export async function saveManual(
  ctx: ServiceContext,
  actor: Actor,
  agencyId: string,
  manualId: string,
  input: Omit<ManualInput, 'kind'>,
): Promise<Manual> {
  // the kind is fixed at creation: a placeholder fills it for parsing and is dropped below
  const data = ManualInputSchema.parse({ ...input, kind: 'work' });
  return inTransaction(ctx, async (trx) => {
    const agency = await loadVisibleAgency(trx, actor, agencyId);
    const before = await loadManual(trx, agency.id, manualId);
    if (!mayEditManuals(who(actor), agency.path)) throw forbiddenEdit();
    const steps = stepsOf(ctx, manualId, data);
    const manual: Manual = {
      ...before,
      ...fieldsOf(data),
      kind: before.kind,
      updatedAt: nowIso(ctx),
    };
    if (manual.status === 'published') {
      const [problem] = checkManual(contentOf(manual, steps));
      if (problem)
        throw new DomainError('manual_incomplete', problem.message, { field: problem.field });
    }
    await updateManual(trx, manual);
    await replaceSteps(trx, manualId, steps);
    await recordAudit(trx, ctx, actor, {
      action: 'manual.update',
      entityType: 'manual',
      entityId: manualId,
      agencyId: agency.id,
      details: { title: manual.title, steps: steps.length, status: manual.status },
    });
    return manual;
  });
}

/** Publishes a complete manual, or takes it back to draft (head of agency or administrators). */
export async function setManualPublished(
  ctx: ServiceContext,
  actor: Actor,
  agencyId: string,
  manualId: string,
  publish: boolean,
): Promise<Manual> {
  return inTransaction(ctx, async (trx) => {
    const agency = await loadVisibleAgency(trx, actor, agencyId);
    const before = await loadManual(trx, agency.id, manualId);
    if (!mayPublishManuals(who(actor), agency.path))
      throw new DomainError('forbidden', {
        th: 'การเผยแพร่คู่มือต้องทำโดยหัวหน้าหน่วยงานหรือผู้ดูแลของหน่วยงาน',
        en: 'Only the head of the agency or an agency administrator may publish a manual',
      });
    if (publish) {
      const [problem] = checkManual(contentOf(before, await listSteps(trx, [manualId])));
      if (problem)
        throw new DomainError('manual_incomplete', problem.message, { field: problem.field });
    }
    const now = nowIso(ctx);
    const manual: Manual = {
      ...before,
      status: publish ? 'published' : 'draft',
      publishedAt: publish ? now : before.publishedAt,
      updatedAt: now,
    };
    await updateManual(trx, manual);
    await recordAudit(trx, ctx, actor, {
      action: publish ? 'manual.publish' : 'manual.unpublish',
      entityType: 'manual',
      entityId: manualId,
      agencyId: agency.id,
      details: { title: manual.title },
    });
    return manual;
  });
}
