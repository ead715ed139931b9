import { z } from 'zod';
import { isAllowed } from '../../../core/access/roles.js';
import { DomainError } from '../../../core/errors.js';
import { computeAgreement, type AgreementStats } from '../core/agreement.js';
import { listOitItems, type OitItemInfo } from '../../oit-evidence/feature.js';
import {
  canAssignAssessors,
  canReview,
  canServeAsAssessor,
  checkDecision,
  decisionStageOf,
  isPass,
  type AssessorRole,
} from '../core/review-policy.js';
import {
  insertDecision,
  listAssignments,
  listDecisions,
  replaceAssignment,
  type OitAssignment,
  type OitDecisionRow,
} from '../db/oit-review.repository.js';
import { listRoundEvidence } from '../../oit-evidence/feature.js';
import { findRound, type Round } from '../../rounds/feature.js';
import { findUserByEmail, listGrants } from '../../users/feature.js';
import { inTransaction, recordAudit } from '../../audit/feature.js';
import { nowIso, type Actor, type ServiceContext } from '../../../platform/services/context.js';
import { latestByItem, loadReviewRound, reviewNotFound } from './oit-review-access.js';
import { loadRoundEdition } from '../../surveys/feature.js';

export const AssignSchema = z.object({
  email: z.string().trim().toLowerCase().email({ message: 'อีเมลไม่ถูกต้อง / invalid email' }),
  role: z.enum(['primary', 'second']).default('primary'),
});

export const DecisionSchema = z.object({
  itemCode: z.string().trim().min(1),
  score: z.coerce.number({ message: 'กรุณาเลือกผลการตรวจ / choose a decision' }),
  reason: z.string().trim().max(2000).default(''),
  advice: z.string().trim().max(2000).default(''),
});

/** One item of a round under review: the agency's status and the decisions so far. */
export interface ReviewItemSummary {
  item: OitItemInfo;
  evidenceStatus: string | null;
  primary: OitDecisionRow | null;
  mine: OitDecisionRow | null;
}

/** A round under review as the assessor's list needs it. */
export interface ReviewRoundOverview {
  round: Round;
  role: AssessorRole | null;
  mayAssign: boolean;
  assignments: OitAssignment[];
  items: ReviewItemSummary[];
  agreement: AgreementStats | null;
}

/**
 * Assigns an assessor (primary or second) to a round: by the parent body over its units or the
 * system administrator (`oit.review.assign`); the assessor is one over the agency who holds no
 * role at it or its units (`canServeAsAssessor`).
 */
export async function assignAssessor(
  ctx: ServiceContext,
  actor: Actor,
  roundId: string,
  input: z.input<typeof AssignSchema>,
): Promise<OitAssignment[]> {
  const data = AssignSchema.parse(input);
  return inTransaction(ctx, async (trx) => {
    const round = await findRound(trx, roundId);
    if (!round || !isAllowed(actor.grants, 'round.view', round.agencyPath)) throw reviewNotFound();
    if (!canAssignAssessors(actor.grants, round.agencyPath)) {
      throw new DomainError('forbidden', {
        th: 'คุณมอบหมายผู้ประเมินให้รอบนี้ไม่ได้',
        en: 'You may not assign assessors to this round',
      });
    }
    const user = await findUserByEmail(trx, data.email);
    const grants = user ? await listGrants(trx, user.id) : [];
    if (!user || !isAllowed(grants, 'oit.review.serve', round.agencyPath)) {
      throw new DomainError(
        'not_an_assessor',
        {
          th: 'ผู้ใช้นี้ไม่ได้เป็นผู้ประเมินของหน่วยงานนี้',
          en: 'This user is not an assessor over this agency',
        },
        { field: 'email' },
      );
    }
    if (!canServeAsAssessor(grants, round.agencyPath)) {
      // an assessor over the agency who also holds a role at it or one of its units
      throw new DomainError(
        'assessor_is_member',
        {
          th: 'ผู้ใช้นี้มีบทบาทในหน่วยงานที่ถูกประเมิน (หรือหน่วยงานในสังกัด) จึงเป็นผู้ประเมินของรอบนี้ไม่ได้',
          en: 'This user holds a role at the assessed agency (or one of its units), so cannot assess this round',
        },
        { field: 'email' },
      );
    }
    await replaceAssignment(trx, { roundId, userId: user.id, role: data.role, now: nowIso(ctx) });
    await recordAudit(trx, ctx, actor, {
      action: 'oit.assign',
      entityType: 'round',
      entityId: roundId,
      agencyId: round.agencyId,
      details: { assessor: user.id, role: data.role },
    });
    return listAssignments(trx, { roundId });
  });
}

/**
 * Rounds the actor is assigned to review, with the role held on each: only those the actor may
 * still review (an assessor over the agency who does not belong to it).
 */
export async function listMyReviewRounds(
  ctx: ServiceContext,
  actor: Actor,
): Promise<{ round: Round; role: AssessorRole }[]> {
  const mine = await listAssignments(ctx.db.kysely, { userId: actor.user.id });
  const out: { round: Round; role: AssessorRole }[] = [];
  for (const a of mine) {
    const round = await findRound(ctx.db.kysely, a.roundId);
    if (
      round &&
      isAllowed(actor.grants, 'round.view', round.agencyPath) &&
      canReview(actor.grants, round.agencyPath, a.role)
    )
      out.push({ round, role: a.role });
  }
  return out;
}

/** Pass/fail agreement between the primary and the second assessor's initial decisions. */
export function agreementOf(
  decisions: readonly OitDecisionRow[],
  assignments: readonly OitAssignment[],
): AgreementStats | null {
  const byRole = (role: AssessorRole) => {
    const ids = new Set(assignments.filter((a) => a.role === role).map((a) => a.userId));
    const initial = decisions.filter((d) => d.stage === 'initial');
    const latest = latestByItem(initial, ids);
    return new Map([...latest].map(([code, d]) => [code, isPass(d.score)]));
  };
  if (!assignments.some((a) => a.role === 'second')) return null;
  return computeAgreement(byRole('primary'), byRole('second'));
}

/** A round under review: every OIT item with its status and decisions, and the agreement. */
export async function getReviewRound(
  ctx: ServiceContext,
  actor: Actor,
  roundId: string,
): Promise<ReviewRoundOverview> {
  const db = ctx.db.kysely;
  const { round, role } = await loadReviewRound(db, actor, roundId);
  const compiled = await loadRoundEdition(ctx, round.editionId);
  const assignments = await listAssignments(db, { roundId });
  const decisions = await listDecisions(db, roundId);
  const evidence = new Map((await listRoundEvidence(db, roundId)).map((e) => [e.itemCode, e]));
  const primaryIds = new Set(assignments.filter((a) => a.role === 'primary').map((a) => a.userId));
  const primary = latestByItem(decisions, primaryIds);
  const mine = latestByItem(decisions, new Set([actor.user.id]));
  const items = listOitItems(compiled.edition).map((item) => ({
    item,
    evidenceStatus: evidence.get(item.code)?.status ?? null,
    primary: primary.get(item.code) ?? null,
    mine: mine.get(item.code) ?? null,
  }));
  const mayAssign = canAssignAssessors(actor.grants, round.agencyPath);
  return {
    round,
    role,
    mayAssign,
    assignments,
    items,
    agreement: agreementOf(decisions, assignments),
  };
}

function decisionsClosed(): DomainError {
  return new DomainError('decisions_closed', {
    th: 'ให้ผลการตรวจได้เฉพาะช่วงตรวจ OIT และช่วงชี้แจงเพิ่มเติม',
    en: 'Decisions can be made only during OIT review and clarification',
  });
}

/** Records an assigned assessor's decision on one item (initial in review, final in clarification); audited. */
export async function recordDecision(
  ctx: ServiceContext,
  actor: Actor,
  roundId: string,
  input: z.input<typeof DecisionSchema>,
): Promise<OitDecisionRow> {
  const data = DecisionSchema.parse(input);
  const { round: seen } = await loadReviewRound(ctx.db.kysely, actor, roundId);
  // loaded before the transaction: SQLite has one connection, busy inside it
  const compiled = await loadRoundEdition(ctx, seen.editionId);
  return inTransaction(ctx, async (trx) => {
    const { round, role } = await loadReviewRound(trx, actor, roundId);
    if (role === null) {
      throw new DomainError('forbidden', {
        th: 'คุณไม่ได้รับมอบหมายให้ตรวจรอบนี้',
        en: 'You are not assigned to review this round',
      });
    }
    const stage = decisionStageOf(round.state);
    if (stage === null) throw decisionsClosed();
    const item = compiled.oitItems.get(data.itemCode);
    if (!item) throw new DomainError('not_found', { th: 'ไม่พบข้อ OIT นี้', en: 'No such OIT item' });
    checkDecision(data, item.partialCredit);
    const row: OitDecisionRow = {
      id: ctx.ids.uuid(),
      roundId,
      itemCode: item.code,
      assessorUserId: actor.user.id,
      stage,
      score: data.score,
      reason: data.reason,
      advice: data.advice,
      decidedAt: nowIso(ctx),
    };
    await insertDecision(trx, row);
    await recordAudit(trx, ctx, actor, {
      action: 'oit.decide',
      entityType: 'oit_decision',
      entityId: row.id,
      agencyId: round.agencyId,
      details: { roundId, item: item.code, stage, role, score: row.score, reason: row.reason },
    });
    return row;
  });
}
export type { OitDecisionRow } from '../db/oit-review.repository.js';

/** One round in an assessor's queue, with how much of it waits for them. */
export interface ReviewQueueRound {
  round: Round;
  role: AssessorRole;
  /** Items the agency submitted. */
  submitted: number;
  /** Submitted items this assessor has decided in the current stage's sense (any decision). */
  decided: number;
  /** Submitted items still waiting for this assessor's decision. */
  waiting: number;
  /** Whether decisions can be made now (OIT review or clarification). */
  open: boolean;
}

/**
 * The assessor's review queue: each round they are assigned to, with the submitted items and
 * how many still wait for their decision (in clarification: answered items not yet decided
 * again count as waiting too).
 */
export async function listReviewQueue(
  ctx: ServiceContext,
  actor: Actor,
): Promise<ReviewQueueRound[]> {
  const db = ctx.db.kysely;
  const rounds = await listMyReviewRounds(ctx, actor);
  const out: ReviewQueueRound[] = [];
  for (const { round, role } of rounds) {
    const evidence = await listRoundEvidence(db, round.id);
    const submitted = new Set(
      evidence.filter((e) => e.status === 'submitted').map((e) => e.itemCode),
    );
    const stage = decisionStageOf(round.state);
    const mine = latestByItem(await listDecisions(db, round.id), new Set([actor.user.id]));
    const decided = [...submitted].filter((code) => {
      const d = mine.get(code);
      if (!d) return false;
      // in clarification an item failed at first waits for a final decision
      return stage !== 'final' || d.stage === 'final' || isPass(d.score);
    }).length;
    out.push({
      round,
      role,
      submitted: submitted.size,
      decided,
      waiting: stage === null ? 0 : submitted.size - decided,
      open: stage !== null,
    });
  }
  return out;
}
