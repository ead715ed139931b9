import type { Feature } from '../kit.js';
import { registerOitReviewRoutes } from './http/oit-review.routes.js';

/** The oit-review feature: what the app composes. Other features reach this folder only through this file. */
export const oitReviewFeature: Feature = {
  id: 'oit-review',
  routes: [registerOitReviewRoutes],
};

// What other features use of this one: its door.
export { seedDemoOit } from './demo.js';
export { loadVisibleRound } from './services/oit-review-access.js';
export { scoreRound } from './services/oit-review-score.service.js';
export { listReviewQueue, type ReviewQueueRound } from './services/oit-review.service.js';
export { ReviewCounts } from './http/views/oit-review-list.js';
export { latestPrimaryDecisions } from './services/oit-review-access.js';
export { listAssignments, listClarifications } from './db/oit-review.repository.js';
