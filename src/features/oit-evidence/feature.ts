import type { Feature } from '../kit.js';
import { registerOitEvidenceRoutes } from './http/oit-evidence.routes.js';
import { registerOitPublicRoutes } from './http/oit-public.routes.js';

/** The oit-evidence feature: what the app composes. Other features reach this folder only through this file. */
export const oitEvidenceFeature: Feature = {
  id: 'oit-evidence',
  routes: [registerOitEvidenceRoutes, registerOitPublicRoutes],
};

// What other features use of this one: its door.
export { listOitItems, type OitItemInfo } from './core/oit-items.js';
export { fileLabel, verdictVisibleIn } from './core/evidence-progress.js';
export { EVIDENCE_STATUS_NAMES, isEvidenceStatus } from './core/evidence-status.js';
export {
  countEvidenceByRound,
  findRoundIdByAgencyYear,
} from './db/oit-evidence-lookup.repository.js';
export { itemProgress, type AgencyVerdict, type ItemProgress } from './core/evidence-progress.js';
export { ItemProgressTag } from './http/views/oit-evidence-list.js';
export { type ItemEvidence } from './services/oit-evidence-support.js';
export { loadOitWorkspace, type OitWorkspace } from './services/oit-evidence.service.js';
export { publishedRoundKey } from './services/oit-evidence-output.service.js';
export {
  findRoundSnapshot,
  listEvidenceFiles,
  listEvidenceLinks,
  listRoundEvidence,
  type ReviewEvidence,
  type ReviewFile,
  type ReviewLink,
} from './db/oit-review-evidence.repository.js';
export { evidenceSettings } from './http/oit-evidence.routes.js';
export {
  isTooLarge,
  keepReceived,
  receivedFile,
  registerUploadParsing,
  sendDownload,
} from './http/evidence-upload.js';
export { loadPublicOit } from './services/oit-evidence-output.service.js';
export { type EvidenceSettings } from './services/oit-evidence-support.js';
export {
  approveEvidence,
  markEvidenceReady,
  saveItemEvidence,
  type UploadedFile,
} from './services/oit-evidence.service.js';
export { checkSubmittedLinks, type LinkCheckOutcome } from './services/oit-link-check.service.js';
