import type { AcknowledgementShare } from '../core/acknowledgement.js';
import { checkDeclarationMove, draftDeclaration } from '../core/declaration-template.js';
import { DomainError } from '../../../core/errors.js';
import { effectiveThreshold } from '../core/gift-rules.js';
import type { Agency } from '../../agencies/feature.js';
import {
  findDeclaration,
  insertAcknowledgement,
  insertCommunication,
  insertDeclaration,
  listAcknowledgements,
  updateDeclaration,
  type Communication,
  type Declaration,
} from '../db/integrity.repository.js';
import { loadVisibleAgency } from '../../agencies/feature.js';
import { inTransaction, recordAudit } from '../../audit/feature.js';
import { nowIso, type Actor, type ServiceContext } from '../../../platform/services/context.js';
import {
  assertAdmin,
  assertNotFuture,
  CommunicationInputSchema,
  DeclarationEditSchema,
  DeclarationInputSchema,
  loadDeclaration,
  mayAt,
  refuse,
  shareOf,
  type CommunicationInput,
  type DeclarationEdit,
  type DeclarationInput,
} from './integrity-support.js';
import { assertPlausibleDays, bangkokDay } from '../../../core/thai-calendar.js';

export type { Communication, Declaration } from '../db/integrity.repository.js';
export { getNoGiftPage, type NoGiftPage } from './no-gift-page.service.js';

/** Drafts the year's declaration from the template (agency administrators); audited. */
export async function createDeclaration(
  ctx: ServiceContext,
  actor: Actor,
  agencyId: string,
  input: DeclarationInput,
): Promise<Declaration> {
  const data = DeclarationInputSchema.parse(input);
  assertPlausibleDays(bangkokDay(ctx.clock.now()), { declaredOn: data.declaredOn });
  return inTransaction(ctx, async (trx) => {
    const agency = await loadVisibleAgency(trx, actor, agencyId);
    assertAdmin(actor, agency);
    if (await findDeclaration(trx, agency.id, data.fiscalYear))
      throw new DomainError(
        'declaration_exists',
        {
          th: `มีประกาศของปีงบประมาณ พ.ศ. ${data.fiscalYear} อยู่แล้ว`,
          en: `There is already a declaration for fiscal year ${data.fiscalYear}`,
        },
        { field: 'fiscalYear' },
      );
    const thresholdBaht = effectiveThreshold(data.thresholdBaht);
    const now = nowIso(ctx);
    const declaration: Declaration = {
      id: ctx.ids.uuid(),
      agencyId: agency.id,
      fiscalYear: data.fiscalYear,
      headName: data.headName,
      headPosition: data.headPosition,
      declaredOn: data.declaredOn,
      thresholdBaht,
      body: draftDeclaration({ ...data, agencyName: agency.nameTh, thresholdBaht }),
      status: 'draft',
      draftedBy: actor.user.id,
      approvedBy: null,
      approvedAt: null,
      publishedAt: null,
      createdAt: now,
      updatedAt: now,
    };
    await insertDeclaration(trx, declaration);
    await recordAudit(trx, ctx, actor, {
      action: 'no_gift.draft',
      entityType: 'no_gift_declaration',
      entityId: declaration.id,
      agencyId: agency.id,
      details: { fiscalYear: data.fiscalYear },
    });
    return declaration;
  });
}

/** Changes a draft's facts and text (agency administrators; drafts only); audited. */
export async function editDeclaration(
  ctx: ServiceContext,
  actor: Actor,
  agencyId: string,
  year: number,
  input: DeclarationEdit,
): Promise<Declaration> {
  const data = DeclarationEditSchema.parse(input);
  assertPlausibleDays(bangkokDay(ctx.clock.now()), { declaredOn: data.declaredOn });
  return inTransaction(ctx, async (trx) => {
    const agency = await loadVisibleAgency(trx, actor, agencyId);
    assertAdmin(actor, agency);
    const before = await loadDeclaration(trx, agency.id, year);
    if (before.status !== 'draft')
      throw new DomainError('declaration_state', {
        th: 'ประกาศที่อนุมัติแล้วแก้ไขไม่ได้',
        en: 'An approved declaration cannot be changed',
      });
    const thresholdBaht = effectiveThreshold(data.thresholdBaht);
    const facts = { ...data, fiscalYear: year, agencyName: agency.nameTh, thresholdBaht };
    const after: Declaration = {
      ...before,
      headName: data.headName,
      headPosition: data.headPosition,
      declaredOn: data.declaredOn,
      thresholdBaht,
      body: data.redraft ? draftDeclaration(facts) : data.body,
      updatedAt: nowIso(ctx),
    };
    await updateDeclaration(trx, after);
    await recordAudit(trx, ctx, actor, {
      action: 'no_gift.edit',
      entityType: 'no_gift_declaration',
      entityId: before.id,
      agencyId: agency.id,
      details: { fiscalYear: year, redraft: data.redraft },
    });
    return after;
  });
}

/** Moves the declaration to approved or published: the head of the agency only; audited. */
export async function advanceDeclaration(
  ctx: ServiceContext,
  actor: Actor,
  agencyId: string,
  year: number,
  to: 'approved' | 'published',
): Promise<Declaration> {
  return inTransaction(ctx, async (trx) => {
    const agency = await loadVisibleAgency(trx, actor, agencyId);
    if (!mayAt(actor, 'integrity.declaration.approve', agency))
      throw refuse(
        'เฉพาะหัวหน้าหน่วยงานเท่านั้นที่อนุมัติและเผยแพร่ประกาศได้',
        'Only the head of the agency approves and publishes the declaration',
      );
    const before = await loadDeclaration(trx, agency.id, year);
    checkDeclarationMove(before.status, to);
    const now = nowIso(ctx);
    const after: Declaration = {
      ...before,
      status: to,
      ...(to === 'approved'
        ? { approvedBy: actor.user.id, approvedAt: now }
        : { publishedAt: now }),
      updatedAt: now,
    };
    await updateDeclaration(trx, after);
    await recordAudit(trx, ctx, actor, {
      action: to === 'approved' ? 'no_gift.approve' : 'no_gift.publish',
      entityType: 'no_gift_declaration',
      entityId: before.id,
      agencyId: agency.id,
      details: { fiscalYear: year },
    });
    return after;
  });
}

/**
 * Records that the signed-in member has read the published declaration: once per person (a
 * second press changes nothing) and by day only; audited.
 */
export async function acknowledgeDeclaration(
  ctx: ServiceContext,
  actor: Actor,
  agencyId: string,
  year: number,
): Promise<{ acknowledgedOn: string; share: AcknowledgementShare }> {
  return inTransaction(ctx, async (trx) => {
    const agency = await loadVisibleAgency(trx, actor, agencyId);
    if (!mayAt(actor, 'integrity.declaration.acknowledge', agency))
      throw refuse(
        'เฉพาะบุคลากรของหน่วยงานเท่านั้นที่รับทราบประกาศได้',
        'Only staff of the agency acknowledge its declaration',
      );
    const declaration = await loadDeclaration(trx, agency.id, year);
    if (declaration.status !== 'published')
      throw new DomainError('declaration_state', {
        th: 'ประกาศยังไม่เผยแพร่ จึงยังรับทราบไม่ได้',
        en: 'The declaration is not published yet',
      });
    const existing = (await listAcknowledgements(trx, declaration.id)).find(
      (a) => a.userId === actor.user.id,
    );
    const acknowledgedOn = existing?.acknowledgedOn ?? bangkokDay(ctx.clock.now());
    if (!existing) {
      await insertAcknowledgement(trx, {
        id: ctx.ids.uuid(),
        declarationId: declaration.id,
        userId: actor.user.id,
        acknowledgedOn,
      });
      await recordAudit(trx, ctx, actor, {
        action: 'no_gift.acknowledge',
        entityType: 'no_gift_declaration',
        entityId: declaration.id,
        agencyId: agency.id,
        details: { fiscalYear: year },
      });
    }
    return { acknowledgedOn, share: (await shareOf(trx, agency.id, declaration.id)).share };
  });
}

/** Logs one occasion the policy was communicated (agency administrators); audited. */
export async function addCommunication(
  ctx: ServiceContext,
  actor: Actor,
  agencyId: string,
  year: number,
  input: CommunicationInput,
): Promise<Communication> {
  const data = CommunicationInputSchema.parse(input);
  assertNotFuture(data.communicatedOn, ctx.clock.now(), 'communicatedOn');
  return inTransaction(ctx, async (trx) => {
    const agency = await loadVisibleAgency(trx, actor, agencyId);
    assertAdmin(actor, agency);
    const entry: Communication = {
      id: ctx.ids.uuid(),
      agencyId: agency.id,
      fiscalYear: year,
      ...data,
      createdBy: actor.user.id,
      createdAt: nowIso(ctx),
    };
    await insertCommunication(trx, entry);
    await recordAudit(trx, ctx, actor, {
      action: 'no_gift.communicate',
      entityType: 'no_gift_communication',
      entityId: entry.id,
      agencyId: agency.id,
      details: { fiscalYear: year, channel: data.channel },
    });
    return entry;
  });
}

/** A declaration as the printed document needs it (anyone who may see the agency). */
export async function getDeclarationForPrint(
  ctx: ServiceContext,
  actor: Actor,
  agencyId: string,
  year: number,
): Promise<{ agency: Agency; declaration: Declaration }> {
  const agency = await loadVisibleAgency(ctx.db.kysely, actor, agencyId);
  return { agency, declaration: await loadDeclaration(ctx.db.kysely, agency.id, year) };
}
