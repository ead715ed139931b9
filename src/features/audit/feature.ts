import type { Feature } from '../kit.js';

/** The audit feature: what the app composes. Other features reach this folder only through this file. */
export const auditFeature: Feature = {
  id: 'audit',
  routes: [],
};

// What other features use of this one: its door.
export { listAuditEntries, listEntityAudit } from './db/audit.repository.js';
export { formatCheckpoint, parseCheckpoints, type AuditCheckpoint } from './core/checkpoint.js';
export {
  inTransaction,
  recordAudit,
  takeAuditCheckpoint,
  verifyAuditLog,
} from './services/audit.service.js';
