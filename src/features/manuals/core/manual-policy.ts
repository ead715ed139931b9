import { isAllowed } from '../../../core/access/roles.js';
import type { EvidenceActor } from '../../oit-evidence/core/evidence-policy.js';

/** Who may write and publish an agency's manuals: the access table's rows. Pure. */

/** Agency administrators (and those above them) and the agency's OIT item owners. */
export function mayEditManuals(actor: EvidenceActor, agencyPath: string): boolean {
  return isAllowed(actor.grants, 'manual.edit', agencyPath);
}

/** The head of the agency or an agency administrator (and those above). */
export function mayPublishManuals(actor: EvidenceActor, agencyPath: string): boolean {
  return isAllowed(actor.grants, 'manual.publish', agencyPath);
}
