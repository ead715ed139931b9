import { z } from 'zod';
import { DomainError } from '../core/errors.js';
import { listOitItems, type OitItemInfo } from '../core/oit/oit-items.js';
import { canClarify, checkClarificationLink, isPass } from '../core/oit/review-policy.js';
import {
  insertClarification,
  listClarifications,
  type OitClarificationRow,
  type OitDecisionRow,
} from '../db/oit-review.repository.js';
import { listEvidenceFiles, listRoundEvidence } from '../db/oit-review-evidence.repository.js';
import type { Round } from '../db/round.repository.js';
import type { Database } from '../db/schema.js';
import { getSetting } from '../db/setting.repository.js';
import type { Kysely } from 'kysely';
import { inTransaction, recordAudit } from './audit.service.js';
import { nowIso, type Actor, type ServiceContext } from './context.js';
import { latestPrimaryDecisions, loadVisibleRound } from './oit-review-access.js';
import { loadRoundEdition } from './survey.service.js';

/** Setting (app_setting) that lets agencies add a new link when clarifying; off by default. */
export const NEW_LINKS_SETTING = 'oit.clarification_new_links';

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
}

/** The agency's clarification page: failed items, their reasons and advice, answers so far. */
export interface ClarificationView {
  round: Round;
  mayAnswer: boolean;
  allowNewLinks: boolean;
  items: ClarifyItem[];
}

/** Whether agencies may add a new link when clarifying (the national rule judges the first links). */
export async function newLinksAllowed(db: Kysely<Database>): Promise<boolean> {
  return (await getSetting(db, NEW_LINKS_SETTING)) === '1';
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
  const items: ClarifyItem[] = [];
  for (const item of listOitItems(compiled.edition)) {
    const decision = latest.get(item.code);
    const failedFirst = decision && !isPass(decision.score);
    const answered = answers.filter((a) => a.itemCode === item.code);
    if (decision && (failedFirst || answered.length > 0))
      items.push({ item, decision, answers: answered });
  }
  return {
    round,
    mayAnswer: round.state === 'clarification' && canClarify(actor.grants, round.agencyPath),
    allowNewLinks: await newLinksAllowed(db),
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

/** Records the agency's answer to a failed item during clarification (text, a file, a link if allowed); audited. */
export async function answerClarification(
  ctx: ServiceContext,
  actor: Actor,
  roundId: string,
  input: z.input<typeof ClarifySchema>,
): Promise<OitClarificationRow> {
  const data = ClarifySchema.parse(input);
  return inTransaction(ctx, async (trx) => {
    const { round } = await loadVisibleRound(trx, actor, roundId);
    if (!canClarify(actor.grants, round.agencyPath))
      throw refuse('คุณชี้แจงแทนหน่วยงานนี้ไม่ได้', 'You may not answer for this agency', 'forbidden');
    if (round.state !== 'clarification')
      throw refuse('ขณะนี้ไม่อยู่ในช่วงชี้แจง', 'The clarification window is not open');
    const decision = (await latestPrimaryDecisions(trx, roundId)).get(data.itemCode);
    if (!decision || isPass(decision.score))
      throw refuse('ชี้แจงได้เฉพาะข้อที่ไม่ผ่าน', 'Only failed items can be clarified', 'not_failed');
    checkClarificationLink(data.newUrl, await newLinksAllowed(trx));
    await checkFile(trx, roundId, data.itemCode, data.fileId);
    const row: OitClarificationRow = {
      id: ctx.ids.uuid(),
      roundId,
      itemCode: data.itemCode,
      text: data.text,
      newUrl: data.newUrl,
      fileId: data.fileId,
      createdBy: actor.user.id,
      createdAt: nowIso(ctx),
    };
    await insertClarification(trx, row);
    await recordAudit(trx, ctx, actor, {
      action: 'oit.clarify',
      entityType: 'oit_clarification',
      entityId: row.id,
      agencyId: round.agencyId,
      details: { roundId, item: row.itemCode, newUrl: row.newUrl, fileId: row.fileId },
    });
    return row;
  });
}
