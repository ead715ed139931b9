import type { Feature } from '../kit.js';
import { registerMeasuresRoutes } from './http/measures.routes.js';
import { measuresEvidence } from './evidence.js';
import { measuresReminders } from './reminders.js';

/** The measures feature: what the app composes. Other features reach this folder only through this file. */
export const measuresFeature: Feature = {
  id: 'measures',
  routes: [registerMeasuresRoutes],
  evidence: { sources: ['measures_document', 'measures_progress'], list: measuresEvidence },
  reminders: measuresReminders,
};

// What other features use of this one: its door.
export { STATUS_NAMES, TARGET_NAMES } from './core/measure-rules.js';
export { listMeasures } from './db/measure.repository.js';
export { dueLabel } from './http/views/measures-register.js';
export { measuresReminders } from './reminders.js';
export { listRoundPublications } from './services/measure-report.service.js';
export { ownersOf, viewsOf } from './services/measure-support.js';
export {
  addMeasureProgress,
  createMeasure,
  getMeasureRegister,
  getMeasuresDocument,
  type MeasureView,
} from './services/measure.service.js';
export {
  leavesFromTree,
  roundScores,
  weakPointsOf,
  type RoundScores,
} from './services/round-scores.service.js';
