import type { Kysely } from 'kysely';
import { DomainError } from '../../../core/errors.js';
import { nextEvidenceStatus, type EvidenceEvent } from '../core/evidence-status.js';
import { findEvidence, type EvidenceRecord } from '../db/oit-evidence.repository.js';
import type { Round } from '../../rounds/feature.js';
import type { Database } from '../../../platform/db/schema.js';
import { nowIso, type Actor, type ServiceContext } from '../../../platform/services/context.js';
import {
  evidenceNotFound,
  listEditionOitItems,
  loadEvidenceRound,
  type OitItemDef,
} from './oit-evidence-support.js';
import { loadRoundEdition } from '../../surveys/feature.js';

/** A refusal of something the actor can see but may not do. */
export function refuse(th: string, en: string): DomainError {
  return new DomainError('forbidden', { th, en });
}

function blankEvidence(ctx: ServiceContext, roundId: string, itemCode: string): EvidenceRecord {
  const now = nowIso(ctx);
  return {
    id: ctx.ids.uuid(),
    roundId,
    itemCode,
    ownerUserId: null,
    status: 'draft',
    explanation: '',
    elements: {},
    approvedBy: null,
    approvedAt: null,
    submittedAt: null,
    updatedAt: now,
    returnReason: null,
    returnedBy: null,
    returnedAt: null,
  };
}

/** The round, item and evidence (a blank draft when none yet) a change applies to. */
export interface Target {
  round: Round;
  item: OitItemDef;
  evidence: EvidenceRecord;
  isNew: boolean;
}

export async function loadTarget(
  ctx: ServiceContext,
  trx: Kysely<Database>,
  actor: Actor,
  roundId: string,
  itemCode: string,
): Promise<Target> {
  const round = await loadEvidenceRound(trx, actor, roundId);
  const compiled = await loadRoundEdition(ctx, round.editionId);
  const item = listEditionOitItems(compiled.edition).find((i) => i.code === itemCode);
  if (!item) throw evidenceNotFound();
  const found = await findEvidence(trx, round.id, item.code);
  return {
    round,
    item,
    evidence: found ?? blankEvidence(ctx, round.id, item.code),
    isNew: found === null,
  };
}

/** The evidence after an event, or a refusal when the status does not allow it. */
export function applyEvent(evidence: EvidenceRecord, event: EvidenceEvent): EvidenceRecord {
  const status = nextEvidenceStatus(evidence.status as never, event);
  if (status === null)
    throw new DomainError('evidence_locked', {
      th: 'ทำรายการนี้กับหลักฐานในสถานะปัจจุบันไม่ได้ (หลักฐานที่ส่งแล้วแก้ไขไม่ได้)',
      en: 'This cannot be done to the evidence in its current status (submitted evidence is locked)',
    });
  const cleared = status === 'draft' ? { approvedBy: null, approvedAt: null } : {};
  // offered again: the head's reason for sending it back has been answered
  const answered =
    event === 'mark_ready' ? { returnReason: null, returnedBy: null, returnedAt: null } : {};
  return { ...evidence, ...cleared, ...answered, status };
}
