import { z } from 'zod';
import { DomainError } from '../../../core/errors.js';
import { listOitItems, type OitItemInfo } from '../../oit-evidence/feature.js';
import type { AssessorRole } from '../core/review-policy.js';
import {
  listClarifications,
  listDecisions,
  type OitClarificationRow,
  type OitDecisionRow,
} from '../db/oit-review.repository.js';
import {
  findRoundSnapshot,
  listEvidenceFiles,
  listEvidenceLinks,
  listRoundEvidence,
  type ReviewEvidence,
  type ReviewFile,
  type ReviewLink,
} from '../../oit-evidence/feature.js';
import type { Round } from '../../rounds/feature.js';
import { filesOf, type Actor, type ServiceContext } from '../../../platform/services/context.js';
import type { OpenedFile } from '../../../platform/infra/file-store.js';
import { loadReviewRound } from './oit-review-access.js';
import { loadRoundEdition } from '../../surveys/feature.js';

const ElementsSchema = z.record(
  z.string(),
  z
    .object({ done: z.boolean().catch(false), where: z.string().catch('') })
    .catch({ done: false, where: '' }),
);

/** A required element with what the item's owner ticked and where they said it is shown. */
export interface ElementTick {
  code: string;
  text: OitItemInfo['elements'][number]['text'];
  done: boolean;
  where: string;
}

/** Everything the side-by-side view of one item shows. */
export interface ReviewItemDetail {
  round: Round;
  role: AssessorRole | null;
  item: OitItemInfo;
  evidence: ReviewEvidence | null;
  links: ReviewLink[];
  files: ReviewFile[];
  elements: ElementTick[];
  decisions: OitDecisionRow[];
  clarifications: OitClarificationRow[];
}

function readTicks(item: OitItemInfo, evidence: ReviewEvidence | null): ElementTick[] {
  let stored: z.infer<typeof ElementsSchema> = {};
  try {
    stored = ElementsSchema.catch({}).parse(JSON.parse(evidence?.elementsJson ?? '{}'));
  } catch {
    stored = {};
  }
  return item.elements.map((e) => ({
    code: e.code,
    text: e.text,
    done: stored[e.code]?.done ?? false,
    where: stored[e.code]?.where ?? '',
  }));
}

/** One item of a round under review: snapshot facts, required elements and every decision. */
export async function getReviewItem(
  ctx: ServiceContext,
  actor: Actor,
  roundId: string,
  itemCode: string,
): Promise<ReviewItemDetail> {
  const db = ctx.db.kysely;
  const { round, role } = await loadReviewRound(db, actor, roundId);
  const compiled = await loadRoundEdition(ctx, round.editionId);
  const item = listOitItems(compiled.edition).find((i) => i.code === itemCode);
  if (!item) throw new DomainError('not_found', { th: 'ไม่พบข้อ OIT นี้', en: 'No such OIT item' });
  const evidence = (await listRoundEvidence(db, roundId)).find((e) => e.itemCode === item.code);
  return {
    round,
    role,
    item,
    evidence: evidence ?? null,
    links: evidence ? await listEvidenceLinks(db, evidence.id) : [],
    files: evidence ? await listEvidenceFiles(db, evidence.id) : [],
    elements: readTicks(item, evidence ?? null),
    decisions: (await listDecisions(db, roundId)).filter((d) => d.itemCode === item.code),
    clarifications: (await listClarifications(db, roundId)).filter((c) => c.itemCode === item.code),
  };
}

/** The stored body of a link snapshot of a round the actor reviews, opened for reading as plain text. */
export async function readSnapshotBody(
  ctx: ServiceContext,
  actor: Actor,
  roundId: string,
  snapshotId: string,
): Promise<OpenedFile> {
  await loadReviewRound(ctx.db.kysely, actor, roundId);
  const snapshot = await findRoundSnapshot(ctx.db.kysely, roundId, snapshotId);
  const missing = new DomainError('not_found', {
    th: 'ไม่พบสำเนาหน้าเว็บนี้',
    en: 'This snapshot was not found',
  });
  const storedName = snapshot?.storedName;
  // a name the store never made, or a file gone: not found either way
  const opened = storedName
    ? await filesOf(ctx)
        .open(storedName)
        .catch(() => null)
    : null;
  if (!opened) throw missing;
  return opened;
}
export type { ReviewLink } from '../../oit-evidence/feature.js';
