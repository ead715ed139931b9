import type { Grant } from '../../../core/access/roles.js';
import {
  mayAdministerEvidence,
  mayApproveEvidence,
  type EvidenceActor,
} from '../../oit-evidence/core/evidence-policy.js';

/** Who may write and publish an agency's manuals. Pure: grants and the agency's path. */

function holds(grants: readonly Grant[], role: Grant['role'], agencyPath: string): boolean {
  return grants.some((g) => g.role === role && g.agencyPath === agencyPath);
}

/** Agency administrators (and those above them) and the agency's OIT item owners. */
export function mayEditManuals(actor: EvidenceActor, agencyPath: string): boolean {
  return mayAdministerEvidence(actor, agencyPath) || holds(actor.grants, 'item_owner', agencyPath);
}

/** The head of the agency or an agency administrator (and those above). */
export function mayPublishManuals(actor: EvidenceActor, agencyPath: string): boolean {
  return mayAdministerEvidence(actor, agencyPath) || mayApproveEvidence(actor, agencyPath);
}
