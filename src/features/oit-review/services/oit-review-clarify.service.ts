import { z } from 'zod';
import { DomainError } from '../../../core/errors.js';
import { listOitItems, type OitItemInfo } from '../../oit-evidence/feature.js';
import { canClarify, checkClarificationLink, isPass } from '../core/review-policy.js';
import {
  insertClarification,
  listClarifications,
  type OitClarificationRow,
  type OitDecisionRow,
} from '../db/oit-review.repository.js';
import {
  listEvidenceFiles,
  listRoundEvidence,
  verdictVisibleIn,
  type ReviewFile,
} from '../../oit-evidence/feature.js';
import type { Round } from '../../rounds/feature.js';
import type { Database } from '../../../platform/db/schema.js';
import {
  acceptUpload,
  type CheckedFile,
  type ReceivedUpload,
} from '../../../platform/infra/file-store.js';
import type { Kysely } from 'kysely';
import { inTransaction, recordAudit } from '../../audit/feature.js';
import { nowIso, type Actor, type ServiceContext } from '../../../platform/services/context.js';
import { latestPrimaryDecisions, loadVisibleRound } from './oit-review-access.js';
import { loadRoundEdition } from '../../surveys/feature.js';
import type { CompiledEdition } from '../../../core/framework/compile-edition.js';
import { findRound } from '../../rounds/feature.js';

export const ClarifySchema = z.object({
  itemCode: z.string().trim().min(1),
  text: z
    .string()
    .trim()
    .min(1, { message: 'กรุณาเขียนคำชี้แจง / write an answer' })
    .max(5000, { message: 'คำชี้แจงยาวเกินไป / the answer is too long' }),
  newUrl: z
    .string()
    .trim()
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .default(null),
  fileId: z
    .string()
    .trim()
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .default(null),
});

/** A failed item as the agency sees it during clarification. */
export interface ClarifyItem {
  item: OitItemInfo;
  decision: OitDecisionRow;
  answers: OitClarificationRow[];
  /** Files the agency sent with its answers to this item. */
  files: ReviewFile[];
}

/** A file sent with an answer: already in the store (or refused), with its name as given. */
export type ClarificationUpload = ReceivedUpload;

/** The agency's clarification page: failed items, their reasons and advice, answers so far. */
export interface ClarificationView {
  round: Round;
  mayAnswer: boolean;
  allowNewLinks: boolean;
  /** The assessors are still at work: their decisions are not shown yet (no items). */
  underReview: boolean;
  items: ClarifyItem[];
}

/** Whether the round's edition lets agencies add a new link when clarifying (off by default: the national rule judges the first links). */
export function newLinksAllowed(compiled: CompiledEdition): boolean {
  return compiled.edition.oit_clarification_new_links;
}

/** The failed items of a round with the primary assessor's reason and advice, for the agency. */
export async function getClarification(
  ctx: ServiceContext,
  actor: Actor,
  roundId: string,
): Promise<ClarificationView> {
  const db = ctx.db.kysely;
  const { round } = await loadVisibleRound(db, actor, roundId);
  const compiled = await loadRoundEdition(ctx, round.editionId);
  const latest = await latestPrimaryDecisions(db, roundId);
  const answers = await listClarifications(db, roundId);
  const evidence = await listRoundEvidence(db, roundId);
  const items: ClarifyItem[] = [];
  // the assessors' decisions reach the agency from clarification on, never during the review
  const visible = verdictVisibleIn(round.state);
  for (const item of visible ? listOitItems(compiled.edition) : []) {
    const decision = latest.get(item.code);
    const failedFirst = decision && !isPass(decision.score);
    const answered = answers.filter((a) => a.itemCode === item.code);
    if (!decision || (!failedFirst && answered.length === 0)) continue;
    const record = evidence.find((e) => e.itemCode === item.code);
    const files = record ? await listEvidenceFiles(db, record.id) : [];
    const sent = new Set(answered.map((a) => a.fileId));
    items.push({ item, decision, answers: answered, files: files.filter((f) => sent.has(f.id)) });
  }
  return {
    round,
    mayAnswer: round.state === 'clarification' && canClarify(actor.grants, round.agencyPath),
    allowNewLinks: newLinksAllowed(compiled),
    underReview: round.state === 'oit_review',
    items,
  };
}

async function checkFile(
  db: Kysely<Database>,
  roundId: string,
  itemCode: string,
  fileId: string | null,
): Promise<void> {
  if (fileId === null) return;
  const evidence = (await listRoundEvidence(db, roundId)).find((e) => e.itemCode === itemCode);
  const files = evidence ? await listEvidenceFiles(db, evidence.id) : [];
  if (!files.some((f) => f.id === fileId)) {
    throw new DomainError(
      'not_found',
      { th: 'ไม่พบไฟล์ของข้อนี้', en: 'No such file for this item' },
      { field: 'fileId' },
    );
  }
}

function refuse(th: string, en: string, code = 'clarification_closed'): DomainError {
  return new DomainError(code, { th, en });
}

/** Everything that must hold before an answer is taken; the round of the answer. */
async function assertMayAnswer(
  db: Kysely<Database>,
  compiled: CompiledEdition,
  actor: Actor,
  roundId: string,
  data: z.output<typeof ClarifySchema>,
): Promise<Round> {
  const { round } = await loadVisibleRound(db, actor, roundId);
  if (!canClarify(actor.grants, round.agencyPath))
    throw refuse('คุณชี้แจงแทนหน่วยงานนี้ไม่ได้', 'You may not answer for this agency', 'forbidden');
  if (round.state !== 'clarification')
    throw refuse('ขณะนี้ไม่อยู่ในช่วงชี้แจง', 'The clarification window is not open');
  const decision = (await latestPrimaryDecisions(db, roundId)).get(data.itemCode);
  if (!decision || isPass(decision.score))
    throw refuse('ชี้แจงได้เฉพาะข้อที่ไม่ผ่าน', 'Only failed items can be clarified', 'not_failed');
  checkClarificationLink(data.newUrl, newLinksAllowed(compiled));
  await checkFile(db, roundId, data.itemCode, data.fileId);
  return round;
}

/** The item's evidence row; an item the agency never filled in gets an empty one to hold files. */
async function evidenceIdOf(
  trx: Kysely<Database>,
  ctx: ServiceContext,
  roundId: string,
  itemCode: string,
): Promise<string> {
  const found = (await listRoundEvidence(trx, roundId)).find((e) => e.itemCode === itemCode);
  if (found) return found.id;
  const id = ctx.ids.uuid();
  await trx
    .insertInto('oit_evidence')
    .values({
      id,
      round_id: roundId,
      item_code: itemCode,
      owner_user_id: null,
      status: 'draft',
      explanation: '',
      elements_json: '{}',
      updated_at: nowIso(ctx),
    })
    .execute();
  return id;
}

interface SavedUpload {
  fileName: string;
  stored: CheckedFile;
}

/** Records the agency's answer to a failed item during clarification (text, a file, a link if allowed); audited. */
export async function answerClarification(
  ctx: ServiceContext,
  actor: Actor,
  roundId: string,
  input: z.input<typeof ClarifySchema>,
  upload: ClarificationUpload | null = null,
): Promise<OitClarificationRow> {
  const data = ClarifySchema.parse(input);
  const visible = await findRound(ctx.db.kysely, roundId);
  const compiled = visible ? await loadRoundEdition(ctx, visible.editionId) : null;
  if (!compiled) throw refuse('ไม่พบรอบการประเมินนี้', 'Assessment round not found', 'not_found');
  let saved: SavedUpload | null = null;
  if (upload) {
    if (data.fileId !== null)
      throw new DomainError(
        'invalid',
        {
          th: 'ส่งไฟล์ใหม่หรือเลือกไฟล์เดิมอย่างใดอย่างหนึ่ง',
          en: 'Send a new file or pick an old one, not both',
        },
        { field: 'fileId' },
      );
    // the answer is checked before the file: a refused answer says why it was refused
    await assertMayAnswer(ctx.db.kysely, compiled, actor, roundId, data);
    saved = { fileName: upload.fileName.slice(0, 200), stored: acceptUpload(upload) };
  }
  return inTransaction(ctx, async (trx) => {
    const round = await assertMayAnswer(trx, compiled, actor, roundId, data);
    let fileId = data.fileId;
    if (saved) {
      fileId = ctx.ids.uuid();
      await trx
        .insertInto('oit_file')
        .values({
          id: fileId,
          evidence_id: await evidenceIdOf(trx, ctx, roundId, data.itemCode),
          original_name: saved.fileName,
          stored_name: saved.stored.storedName,
          content_type: saved.stored.contentType,
          size: saved.stored.size,
          sha256: saved.stored.sha256,
          added_in: 'clarification',
          uploaded_by: actor.user.id,
          uploaded_at: nowIso(ctx),
        })
        .execute();
    }
    const row: OitClarificationRow = {
      id: ctx.ids.uuid(),
      roundId,
      itemCode: data.itemCode,
      text: data.text,
      newUrl: data.newUrl,
      fileId,
      createdBy: actor.user.id,
      createdAt: nowIso(ctx),
    };
    await insertClarification(trx, row);
    await recordAudit(trx, ctx, actor, {
      action: 'oit.clarify',
      entityType: 'oit_clarification',
      entityId: row.id,
      agencyId: round.agencyId,
      details: {
        roundId,
        item: row.itemCode,
        newUrl: row.newUrl,
        fileId: row.fileId,
        ...(saved && {
          file: { name: saved.fileName, size: saved.stored.size, sha256: saved.stored.sha256 },
        }),
      },
    });
    return row;
  });
}
