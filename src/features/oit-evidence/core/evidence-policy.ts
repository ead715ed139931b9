import { isAllowed, type Grant } from '../../../core/access/roles.js';

/**
 * Who may do what with an agency's OIT evidence. Pure: the caller passes the person's id and
 * grants, the agency's path and the item's owner. The roles come from the access table
 * (core/access); the item's owner is the one relation decided here.
 */

export interface EvidenceActor {
  userId: string;
  grants: readonly Grant[];
}

/** Whether the person may see the agency's evidence (anyone who may see its rounds). */
export function mayViewEvidence(actor: EvidenceActor, agencyPath: string): boolean {
  return isAllowed(actor.grants, 'oit.evidence.view', agencyPath);
}

/** Whether the person may edit an item: its owner (an item owner of the agency) or an administrator. */
export function mayEditItem(
  actor: EvidenceActor,
  agencyPath: string,
  ownerUserId: string | null,
): boolean {
  if (isAllowed(actor.grants, 'oit.evidence.edit', agencyPath)) return true;
  return (
    ownerUserId === actor.userId && isAllowed(actor.grants, 'oit.evidence.edit_owned', agencyPath)
  );
}

/** Whether the person may choose an item's owner. */
export function mayAssignOwner(actor: EvidenceActor, agencyPath: string): boolean {
  return isAllowed(actor.grants, 'oit.evidence.assign', agencyPath);
}

/** Whether the person may approve evidence: the agency's head, or a system administrator. */
export function mayApproveEvidence(actor: EvidenceActor, agencyPath: string): boolean {
  return isAllowed(actor.grants, 'oit.evidence.approve', agencyPath);
}

/** Whether the person may send evidence back to its owner with a reason: the head (or a system administrator). */
export function mayReturnEvidence(actor: EvidenceActor, agencyPath: string): boolean {
  return isAllowed(actor.grants, 'oit.evidence.return', agencyPath);
}

/** Whether the person may submit approved evidence: the agency's administrator or a system administrator. */
export function maySubmitEvidence(actor: EvidenceActor, agencyPath: string): boolean {
  return isAllowed(actor.grants, 'oit.evidence.submit', agencyPath);
}
