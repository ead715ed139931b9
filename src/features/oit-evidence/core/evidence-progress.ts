import type { Message } from '../../../core/errors.js';
import type { RoundState } from '../../rounds/core/round-state.js';
import { EVIDENCE_STATUS_NAMES, type EvidenceStatus } from './evidence-status.js';

/**
 * Where an item stands for the agency, in one tag: its own work (draft, sent back, ready,
 * approved, submitted), then, once the round has moved on, the assessor's hand: under review
 * while the assessors work (their decisions are not the agency's to see yet), and the primary
 * assessor's verdict from clarification on. Pure: the caller passes the round's state, the
 * evidence status, whether the head sent it back, and the verdict (when one is visible).
 */

/** The primary assessor's latest decision on an item, as the agency reads it. */
export interface AgencyVerdict {
  score: number;
  reason: string;
  advice: string;
  stage: 'initial' | 'final';
  decidedAt: string;
}

/** Whether the agency may read the assessors' decisions in a round in `state`. */
export function verdictVisibleIn(state: RoundState): boolean {
  return (
    state === 'clarification' ||
    state === 'confirmed' ||
    state === 'published' ||
    state === 'withdrawn'
  );
}

/** The kinds of tag an item can carry. */
export type ProgressKind =
  | EvidenceStatus
  | 'returned'
  | 'not_submitted'
  | 'under_review'
  | 'awaiting_verdict'
  | 'pass'
  | 'fail'
  | 'partial';

/** One item's tag: a kind (for styling and tests) and what it says. */
export interface ItemProgress {
  kind: ProgressKind;
  label: Message;
}

function verdictLabel(score: number): ItemProgress {
  if (score >= 100) return { kind: 'pass', label: { th: 'ผ่าน', en: 'Passed' } };
  if (score <= 0) return { kind: 'fail', label: { th: 'ไม่ผ่าน', en: 'Not passed' } };
  return {
    kind: 'partial',
    label: { th: `ผ่านบางส่วน (${score} คะแนน)`, en: `Partly passed (${score} points)` },
  };
}

/** Where one item stands for the agency (see the module's comment). */
export function itemProgress(
  state: RoundState,
  status: EvidenceStatus,
  returned: boolean,
  verdict: AgencyVerdict | null,
): ItemProgress {
  if (state === 'setup' || state === 'collecting') {
    if (status === 'draft' && returned)
      return {
        kind: 'returned',
        label: { th: 'หัวหน้าหน่วยงานส่งกลับให้แก้ไข', en: 'Sent back by the head' },
      };
    return { kind: status, label: EVIDENCE_STATUS_NAMES[status] };
  }
  if (status !== 'submitted')
    return {
      kind: 'not_submitted',
      label: { th: 'ไม่ได้ส่งหลักฐาน', en: 'Evidence not submitted' },
    };
  if (!verdictVisibleIn(state))
    return {
      kind: 'under_review',
      label: { th: 'ส่งแล้ว อยู่ระหว่างการตรวจของผู้ประเมิน', en: 'Submitted, under review' },
    };
  if (verdict === null)
    return {
      kind: 'awaiting_verdict',
      label: { th: 'ส่งแล้ว ยังไม่มีผลการตรวจ', en: 'Submitted, not yet decided' },
    };
  return verdictLabel(verdict.score);
}

/** A stored file's kind and size as people read them ("ไฟล์ PDF 29 KB"): the shared rule. */
export { describeFile as fileLabel } from '../../../core/plain-labels.js';
