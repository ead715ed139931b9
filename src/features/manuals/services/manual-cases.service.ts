import { DomainError } from '../../../core/errors.js';
import { mayEditManuals } from '../core/manual-policy.js';
import { deleteCase, insertCase, type ManualCase } from '../db/manual.repository.js';
import { loadVisibleAgency } from '../../agencies/feature.js';
import { inTransaction, recordAudit } from '../../audit/feature.js';
import { nowIso, type Actor, type ServiceContext } from '../../../platform/services/context.js';
import { CaseInputSchema, loadManual, type CaseInput } from './manual-support.js';
import { assertPlausibleDays, bangkokDay } from '../../../core/thai-calendar.js';
import { forbiddenEdit, who } from './manual.service.js';

/** Records one service case (dates only, no personal data); editors; audited. */
export async function addServiceCase(
  ctx: ServiceContext,
  actor: Actor,
  agencyId: string,
  manualId: string,
  input: CaseInput,
): Promise<ManualCase> {
  const data = CaseInputSchema.parse(input);
  const { receivedOn, completedOn } = data;
  assertPlausibleDays(bangkokDay(ctx.clock.now()), { receivedOn, completedOn });
  return inTransaction(ctx, async (trx) => {
    const agency = await loadVisibleAgency(trx, actor, agencyId);
    await loadManual(trx, agency.id, manualId);
    if (!mayEditManuals(who(actor), agency.path)) throw forbiddenEdit();
    const record: ManualCase = { id: ctx.ids.uuid(), manualId, ...data, createdAt: nowIso(ctx) };
    await insertCase(trx, record);
    await recordAudit(trx, ctx, actor, {
      action: 'manual.case_add',
      entityType: 'manual',
      entityId: manualId,
      agencyId: agency.id,
      details: { caseId: record.id },
    });
    return record;
  });
}

/** Removes a service case entered by mistake; editors; audited. */
export async function removeServiceCase(
  ctx: ServiceContext,
  actor: Actor,
  agencyId: string,
  manualId: string,
  caseId: string,
): Promise<void> {
  await inTransaction(ctx, async (trx) => {
    const agency = await loadVisibleAgency(trx, actor, agencyId);
    await loadManual(trx, agency.id, manualId);
    if (!mayEditManuals(who(actor), agency.path)) throw forbiddenEdit();
    if (!(await deleteCase(trx, manualId, caseId)))
      throw new DomainError('not_found', { th: 'ไม่พบรายการ', en: 'Case not found' });
    await recordAudit(trx, ctx, actor, {
      action: 'manual.case_remove',
      entityType: 'manual',
      entityId: manualId,
      agencyId: agency.id,
      details: { caseId },
    });
  });
}
