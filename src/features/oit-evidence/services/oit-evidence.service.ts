import type { Kysely } from 'kysely';
import { DomainError } from '../../../core/errors.js';
import {
  mayApproveEvidence,
  mayAssignOwner,
  mayEditItem,
  mayReturnEvidence,
  maySubmitEvidence,
} from '../core/evidence-policy.js';
import { verdictVisibleIn, type AgencyVerdict } from '../core/evidence-progress.js';
import { listPrimaryVerdicts } from '../db/oit-verdict.repository.js';
import {
  deletePendingUpload,
  findPendingUpload,
  insertPendingUpload,
  type PendingUpload,
} from '../db/oit-pending-upload.repository.js';
import {
  findEvidenceFile,
  insertFile,
  replaceLinks,
  saveEvidenceRecord,
  type ElementMark,
  type EvidenceFile,
  type EvidenceRecord,
  type LinkSnapshotRecord,
} from '../db/oit-evidence.repository.js';
import { findUserNames, listAgencyUsersWithRole } from '../db/oit-evidence-lookup.repository.js';
import type { Round } from '../../rounds/feature.js';
import type { Database } from '../../../platform/db/schema.js';
import {
  acceptUpload,
  type CheckedFile,
  type OpenedFile,
  type ReceivedUpload,
} from '../../../platform/infra/file-store.js';
import { inTransaction, recordAudit } from '../../audit/feature.js';
import {
  filesOf,
  nowIso,
  type Actor,
  type ServiceContext,
} from '../../../platform/services/context.js';
import {
  assertEvidenceOpen,
  evidenceNotFound,
  listEditionOitItems,
  loadEvidenceRound,
  loadItemEvidence,
  policyActor,
  type ItemEvidence,
} from './oit-evidence-support.js';
import { applyEvent, loadTarget, refuse, type Target } from './oit-evidence-target.js';
import { loadRoundEdition } from '../../surveys/feature.js';
import { validateEvidenceInput, type EvidenceInput } from './oit-evidence-input.js';

export type { EvidenceInput } from './oit-evidence-input.js';

/** A round's OIT items with their evidence and what the actor may do. */
export interface OitWorkspace {
  round: Round;
  items: ItemEvidence[];
  owners: { id: string; displayName: string }[];
  names: Map<string, string>;
  open: boolean;
  /** The primary assessor's verdict per item, filled only once the stage lets the agency see it. */
  verdicts: Map<string, AgencyVerdict>;
  may: { assign: boolean; approve: boolean; return: boolean; submit: boolean };
}

/** Loads the OIT workspace of a round the actor may see. */
export async function loadOitWorkspace(
  ctx: ServiceContext,
  actor: Actor,
  roundId: string,
): Promise<OitWorkspace> {
  const db = ctx.db.kysely;
  const round = await loadEvidenceRound(db, actor, roundId);
  const compiled = await loadRoundEdition(ctx, round.editionId);
  const items = await loadItemEvidence(db, round.id, listEditionOitItems(compiled.edition));
  const owners = await listAgencyUsersWithRole(db, round.agencyId, 'item_owner');
  const userIds = items.flatMap((i) => [
    i.evidence?.ownerUserId,
    i.evidence?.approvedBy,
    i.evidence?.returnedBy,
  ]);
  const names = await findUserNames(
    db,
    userIds.filter((id): id is string => typeof id === 'string'),
  );
  const who = policyActor(actor);
  return {
    round,
    items,
    owners,
    names,
    open: round.state === 'setup' || round.state === 'collecting',
    verdicts: verdictVisibleIn(round.state) ? await listPrimaryVerdicts(db, round.id) : new Map(),
    may: {
      assign: mayAssignOwner(who, round.agencyPath),
      approve: mayApproveEvidence(who, round.agencyPath),
      return: mayReturnEvidence(who, round.agencyPath),
      submit: maySubmitEvidence(who, round.agencyPath),
    },
  };
}

/** Whether the actor may edit this item's evidence. */
export function mayEditEvidence(actor: Actor, round: Round, entry: ItemEvidence): boolean {
  return mayEditItem(policyActor(actor), round.agencyPath, entry.evidence?.ownerUserId ?? null);
}

/** One item of a workspace, or not found. */
export function findWorkspaceItem(workspace: OitWorkspace, itemCode: string): ItemEvidence {
  const entry = workspace.items.find((i) => i.item.code === itemCode);
  if (!entry) throw evidenceNotFound();
  return entry;
}

async function assignOwner(
  trx: Kysely<Database>,
  ctx: ServiceContext,
  actor: Actor,
  target: Target,
  ownerUserId: string | null,
): Promise<EvidenceRecord> {
  if (ownerUserId === target.evidence.ownerUserId) return target.evidence;
  if (!mayAssignOwner(policyActor(actor), target.round.agencyPath))
    throw refuse('คุณไม่มีสิทธิ์กำหนดผู้รับผิดชอบข้อนี้', 'You may not choose the owner of this item');
  const owners = await listAgencyUsersWithRole(trx, target.round.agencyId, 'item_owner');
  if (ownerUserId !== null && !owners.some((o) => o.id === ownerUserId))
    throw refuse(
      'ผู้ที่เลือกไม่ใช่ผู้รับผิดชอบข้อ OIT ของหน่วยงานนี้',
      'That person is not an item owner of this agency',
    );
  await recordAudit(trx, ctx, actor, {
    action: 'oit.owner_assigned',
    entityType: 'oit_evidence',
    entityId: target.evidence.id,
    agencyId: target.round.agencyId,
    details: { item: target.item.code, owner: ownerUserId },
  });
  return { ...target.evidence, ownerUserId };
}

/** An upload attached to a save: already in the store (or refused), with its name as given. */
export type UploadedFile = ReceivedUpload;

/** Whether the input differs from what is stored (an owner change alone keeps the status). */
async function isChanged(
  trx: Kysely<Database>,
  target: Target,
  input: EvidenceInput,
): Promise<boolean> {
  const [entry] = target.isNew ? [] : await loadItemEvidence(trx, target.round.id, [target.item]);
  const stored = target.evidence;
  return (
    target.isNew ||
    stored.explanation !== input.explanation ||
    JSON.stringify(stored.elements) !== JSON.stringify(input.elements) ||
    JSON.stringify(entry?.links.map((l) => l.url) ?? []) !== JSON.stringify(input.urls)
  );
}

/** Saves an item's links, explanation, checklist, owner and an optional file; edits reopen as draft. */
export async function saveItemEvidence(
  ctx: ServiceContext,
  actor: Actor,
  ref: { roundId: string; itemCode: string },
  raw: EvidenceInput,
  upload: UploadedFile | null,
  keptUploadId: string | null = null,
): Promise<void> {
  const input = validateEvidenceInput(raw);
  const accepted = upload ? acceptUpload(upload) : null;
  await inTransaction(ctx, async (trx) => {
    const kept =
      upload === null && keptUploadId
        ? await findPendingUpload(trx, { ...ref, id: keptUploadId, userId: actor.user.id })
        : null;
    const target = await loadTarget(ctx, trx, actor, ref.roundId, ref.itemCode);
    assertEvidenceOpen(target.round);
    const codes = new Set(target.item.elements.map((e) => e.code));
    const elements = Object.fromEntries(
      Object.entries(input.elements).filter(([code]) => codes.has(code)),
    );
    const owner = input.ownerUserId === undefined ? target.evidence.ownerUserId : input.ownerUserId;
    let evidence = await assignOwner(trx, ctx, actor, target, owner);
    const changed =
      upload !== null || kept !== null || (await isChanged(trx, target, { ...input, elements }));
    if (changed) {
      if (!mayEditItem(policyActor(actor), target.round.agencyPath, target.evidence.ownerUserId))
        throw refuse('คุณไม่มีสิทธิ์แก้ไขหลักฐานของข้อนี้', 'You may not edit the evidence of this item');
      evidence = applyEvent({ ...evidence, explanation: input.explanation, elements }, 'edit');
    }
    await saveEvidenceRecord(trx, { ...evidence, updatedAt: nowIso(ctx) });
    const links = input.urls.map((url) => ({ id: ctx.ids.uuid(), url }));
    if (changed) await replaceLinks(trx, evidence.id, links);
    if (upload && accepted) await insertUpload(ctx, trx, actor, evidence.id, upload, accepted);
    if (kept) await attachKeptUpload(trx, ctx, actor, evidence.id, kept);
  });
}

/** A kept file (from a form that failed) becomes one of the item's files. */
async function attachKeptUpload(
  trx: Kysely<Database>,
  ctx: ServiceContext,
  actor: Actor,
  evidenceId: string,
  kept: PendingUpload,
): Promise<void> {
  await insertFile(trx, {
    id: ctx.ids.uuid(),
    evidenceId,
    originalName: kept.originalName,
    storedName: kept.storedName,
    contentType: kept.contentType,
    size: kept.size,
    sha256: kept.sha256,
    uploadedAt: nowIso(ctx),
    uploadedBy: actor.user.id,
  });
  await deletePendingUpload(trx, kept.id);
}

/** A file kept aside for the form to carry: its id and what it is. */
export interface KeptUpload {
  id: string;
  originalName: string;
  contentType: string;
  size: number;
}

/**
 * Keeps a file chosen in an item form that was refused for another field, so the form comes
 * back with it still attached: stored under a random name for this person and item only.
 * Null when the file itself is refused (too large, wrong type): it must be chosen again.
 */
export async function keepUpload(
  ctx: ServiceContext,
  actor: Actor,
  ref: { roundId: string; itemCode: string },
  upload: UploadedFile,
): Promise<KeptUpload | null> {
  const stored = upload.stored;
  if (!stored) return null;
  const db = ctx.db.kysely;
  const target = await loadTarget(ctx, db, actor, ref.roundId, ref.itemCode);
  const open = target.round.state === 'setup' || target.round.state === 'collecting';
  const editable =
    open &&
    target.evidence.status !== 'submitted' &&
    mayEditItem(policyActor(actor), target.round.agencyPath, target.evidence.ownerUserId);
  // nothing is kept for a form that could never take it
  if (!editable) return null;
  const kept: PendingUpload = {
    id: ctx.ids.uuid(),
    ...ref,
    userId: actor.user.id,
    originalName: upload.fileName.slice(0, 200),
    storedName: stored.storedName,
    contentType: stored.contentType,
    size: stored.size,
    sha256: stored.sha256,
    createdAt: nowIso(ctx),
  };
  await insertPendingUpload(db, kept);
  return {
    id: kept.id,
    originalName: kept.originalName,
    contentType: stored.contentType,
    size: kept.size,
  };
}

/** A file this person kept aside for this item, or null. */
export async function findKeptUpload(
  ctx: ServiceContext,
  actor: Actor,
  ref: { roundId: string; itemCode: string },
  id: string,
): Promise<KeptUpload | null> {
  const kept = await findPendingUpload(ctx.db.kysely, { ...ref, id, userId: actor.user.id });
  return (
    kept && {
      id: kept.id,
      originalName: kept.originalName,
      contentType: kept.contentType,
      size: kept.size,
    }
  );
}

/** A stored upload becomes one of the item's files. */
async function insertUpload(
  ctx: ServiceContext,
  trx: Kysely<Database>,
  actor: Actor,
  evidenceId: string,
  upload: UploadedFile,
  stored: CheckedFile,
): Promise<void> {
  await insertFile(trx, {
    id: ctx.ids.uuid(),
    evidenceId,
    originalName: upload.fileName.slice(0, 200),
    storedName: stored.storedName,
    contentType: stored.contentType,
    size: stored.size,
    sha256: stored.sha256,
    uploadedAt: nowIso(ctx),
    uploadedBy: actor.user.id,
  });
}

/** Marks an item ready for the head's approval (it must have a link or a file). */
export async function markEvidenceReady(
  ctx: ServiceContext,
  actor: Actor,
  ref: { roundId: string; itemCode: string },
): Promise<void> {
  await inTransaction(ctx, async (trx) => {
    const target = await loadTarget(ctx, trx, actor, ref.roundId, ref.itemCode);
    assertEvidenceOpen(target.round);
    if (!mayEditItem(policyActor(actor), target.round.agencyPath, target.evidence.ownerUserId))
      throw refuse('คุณไม่มีสิทธิ์แก้ไขหลักฐานของข้อนี้', 'You may not edit the evidence of this item');
    const [entry] = await loadItemEvidence(trx, target.round.id, [target.item]);
    if (target.isNew || ((entry?.links.length ?? 0) === 0 && (entry?.files.length ?? 0) === 0))
      throw new DomainError('evidence_empty', {
        th: 'ต้องมีลิงก์หรือไฟล์อย่างน้อยหนึ่งรายการก่อนเสนอ',
        en: 'Add at least one link or file before marking the item ready',
      });
    await saveEvidenceRecord(trx, {
      ...applyEvent(target.evidence, 'mark_ready'),
      updatedAt: nowIso(ctx),
    });
  });
}

/** The head of agency approves items that are ready; audited. */
export async function approveEvidence(
  ctx: ServiceContext,
  actor: Actor,
  ref: { roundId: string; itemCode: string },
): Promise<void> {
  await inTransaction(ctx, async (trx) => {
    const target = await loadTarget(ctx, trx, actor, ref.roundId, ref.itemCode);
    assertEvidenceOpen(target.round);
    if (!mayApproveEvidence(policyActor(actor), target.round.agencyPath))
      throw refuse(
        'เฉพาะหัวหน้าหน่วยงานที่อนุมัติหลักฐานได้',
        'Only the head of agency may approve evidence',
      );
    const now = nowIso(ctx);
    const approved = {
      ...applyEvent(target.evidence, 'approve'),
      approvedBy: actor.user.id,
      approvedAt: now,
    };
    await saveEvidenceRecord(trx, { ...approved, updatedAt: now });
    await recordAudit(trx, ctx, actor, {
      action: 'oit.evidence_approved',
      entityType: 'oit_evidence',
      entityId: target.evidence.id,
      agencyId: target.round.agencyId,
      details: { item: target.item.code },
    });
  });
}

/**
 * The head sends an item's evidence back to its owner with a reason (ready or approved, before
 * submission): it becomes a draft again, the reason is kept on it for the owner (until they offer
 * it again) and audited.
 */
export async function returnEvidence(
  ctx: ServiceContext,
  actor: Actor,
  ref: { roundId: string; itemCode: string },
  rawReason: string,
): Promise<void> {
  const reason = rawReason.trim();
  if (reason === '' || reason.length > 2000)
    throw new DomainError(
      'reason_required',
      reason === ''
        ? {
            th: 'กรุณาระบุเหตุผลที่ส่งกลับ เพื่อให้ผู้รับผิดชอบรู้ว่าต้องแก้อะไร',
            en: 'Give the reason for sending it back, so the owner knows what to change',
          }
        : { th: 'เหตุผลยาวเกิน 2,000 ตัวอักษร', en: 'The reason is longer than 2,000 characters' },
      { field: 'reason' },
    );
  await inTransaction(ctx, async (trx) => {
    const target = await loadTarget(ctx, trx, actor, ref.roundId, ref.itemCode);
    assertEvidenceOpen(target.round);
    if (!mayReturnEvidence(policyActor(actor), target.round.agencyPath))
      throw refuse(
        'เฉพาะหัวหน้าหน่วยงานที่ส่งหลักฐานกลับให้แก้ไขได้',
        'Only the head of agency may send evidence back',
      );
    const now = nowIso(ctx);
    await saveEvidenceRecord(trx, {
      ...applyEvent(target.evidence, 'return'),
      returnReason: reason,
      returnedBy: actor.user.id,
      returnedAt: now,
      updatedAt: now,
    });
    await recordAudit(trx, ctx, actor, {
      action: 'oit.evidence_returned',
      entityType: 'oit_evidence',
      entityId: target.evidence.id,
      agencyId: target.round.agencyId,
      details: { item: target.item.code, reason },
    });
  });
}

/** A stored file of an item the actor may see, opened for reading. */
export async function loadEvidenceFile(
  ctx: ServiceContext,
  actor: Actor,
  ref: { roundId: string; itemCode: string; fileId: string },
): Promise<{ file: EvidenceFile; opened: OpenedFile }> {
  const workspace = await loadOitWorkspace(ctx, actor, ref.roundId);
  const entry = findWorkspaceItem(workspace, ref.itemCode);
  // files of the entry, or one sent with a clarification of this item
  const file =
    entry.files.find((f) => f.id === ref.fileId) ??
    (entry.evidence ? await findEvidenceFile(ctx.db.kysely, entry.evidence.id, ref.fileId) : null);
  const opened = file ? await filesOf(ctx).open(file.storedName) : null;
  if (!file || !opened) throw evidenceNotFound();
  return { file, opened };
}

export type { ElementMark };

/** The stored copy of a submitted link of an item the actor may see, opened for reading. */
export async function loadLinkSnapshot(
  ctx: ServiceContext,
  actor: Actor,
  ref: { roundId: string; itemCode: string; snapshotId: string },
): Promise<{ snapshot: LinkSnapshotRecord; opened: OpenedFile }> {
  const workspace = await loadOitWorkspace(ctx, actor, ref.roundId);
  const entry = findWorkspaceItem(workspace, ref.itemCode);
  const snapshot = entry.snapshots.find((s) => s.id === ref.snapshotId);
  if (!snapshot?.storedName) throw evidenceNotFound();
  const opened = await filesOf(ctx)
    .open(snapshot.storedName)
    .catch(() => null);
  if (!opened) throw evidenceNotFound();
  return { snapshot, opened };
}
