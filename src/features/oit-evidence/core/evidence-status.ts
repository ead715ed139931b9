import type { Message } from '../../../core/errors.js';

/** The life of an item's evidence within a round. */
export const EVIDENCE_STATUSES = ['draft', 'ready', 'approved', 'submitted'] as const;
export type EvidenceStatus = (typeof EVIDENCE_STATUSES)[number];

export const EVIDENCE_STATUS_NAMES: Record<EvidenceStatus, Message> = {
  draft: { th: 'ร่าง', en: 'Draft' },
  ready: { th: 'พร้อมเสนอ', en: 'Ready' },
  approved: { th: 'หัวหน้าหน่วยงานอนุมัติแล้ว', en: 'Approved by the head' },
  submitted: { th: 'ส่งแล้ว', en: 'Submitted' },
};

/** What can happen to evidence: an edit, one step forward, or the head sending it back. */
export type EvidenceEvent = 'edit' | 'mark_ready' | 'approve' | 'submit' | 'return';

const MOVES: Record<EvidenceEvent, Partial<Record<EvidenceStatus, EvidenceStatus>>> = {
  // an edit before submission needs a fresh approval: the head approved what they saw
  edit: { draft: 'draft', ready: 'draft', approved: 'draft' },
  mark_ready: { draft: 'ready' },
  approve: { ready: 'approved' },
  submit: { approved: 'submitted' },
  // the head sends what was offered (or approved, before submission) back to its owner
  return: { ready: 'draft', approved: 'draft' },
};

/** The status after `event`, or null when the event is not allowed from `from`. */
export function nextEvidenceStatus(
  from: EvidenceStatus,
  event: EvidenceEvent,
): EvidenceStatus | null {
  return MOVES[event][from] ?? null;
}

/** Whether a stored text is a known status. */
export function isEvidenceStatus(value: string): value is EvidenceStatus {
  return (EVIDENCE_STATUSES as readonly string[]).includes(value);
}
