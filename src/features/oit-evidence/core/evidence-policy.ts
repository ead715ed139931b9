import { isAllowed, type Grant } from '../../../core/access/roles.js';

/**
 * Who may do what with an agency's OIT evidence. Pure: the caller passes the person's id and
 * grants, the agency's path and the item's owner.
 */

export interface EvidenceActor {
  userId: string;
  grants: readonly Grant[];
}

function holds(actor: EvidenceActor, role: Grant['role'], agencyPath: string): boolean {
  return actor.grants.some((g) => g.role === role && g.agencyPath === agencyPath);
}

function isSystemAdmin(actor: EvidenceActor): boolean {
  return actor.grants.some((g) => g.role === 'system_admin');
}

/** Agency administrators of the agency, parent administrators above it, system administrators. */
export function mayAdministerEvidence(actor: EvidenceActor, agencyPath: string): boolean {
  if (isSystemAdmin(actor) || holds(actor, 'agency_admin', agencyPath)) return true;
  return actor.grants.some(
    (g) =>
      g.role === 'parent_admin' && g.agencyPath !== null && agencyPath.startsWith(g.agencyPath),
  );
}

/** Whether the person may see the agency's evidence (anyone who may see its rounds). */
export function mayViewEvidence(actor: EvidenceActor, agencyPath: string): boolean {
  return isAllowed(actor.grants, 'round.view', agencyPath);
}

/** Whether the person may edit an item: its owner (an item owner of the agency) or an administrator. */
export function mayEditItem(
  actor: EvidenceActor,
  agencyPath: string,
  ownerUserId: string | null,
): boolean {
  if (mayAdministerEvidence(actor, agencyPath)) return true;
  return ownerUserId === actor.userId && holds(actor, 'item_owner', agencyPath);
}

/** Whether the person may choose an item's owner. */
export function mayAssignOwner(actor: EvidenceActor, agencyPath: string): boolean {
  return mayAdministerEvidence(actor, agencyPath);
}

/** Whether the person may approve evidence: the agency's head, or a system administrator. */
export function mayApproveEvidence(actor: EvidenceActor, agencyPath: string): boolean {
  return isSystemAdmin(actor) || holds(actor, 'head_of_agency', agencyPath);
}

/** Whether the person may submit approved evidence: the agency's administrator or a system administrator. */
export function maySubmitEvidence(actor: EvidenceActor, agencyPath: string): boolean {
  return isSystemAdmin(actor) || holds(actor, 'agency_admin', agencyPath);
}
