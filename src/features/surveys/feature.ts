import type { Feature } from '../kit.js';
import { registerSurveyRoutes } from './http/survey.routes.js';
import { registerSurveyAdminRoutes } from './http/survey-admin.routes.js';
import { registerResponseImportRoutes } from './http/response-import.routes.js';

/** The surveys feature: what the app composes. Other features reach this folder only through this file. */
export const surveysFeature: Feature = {
  id: 'surveys',
  routes: [registerSurveyRoutes, registerSurveyAdminRoutes, registerResponseImportRoutes],
};

// What other features use of this one: its door.
export { fieldName } from './core/survey-form.js';
export { insertResponses, listResponseAnswers, type NewResponse } from './db/survey.repository.js';
export { importResponses } from './services/response-import.service.js';
export {
  releaseOfRound,
  tallyReleasedAnswers,
  type ReleasedAnswers,
} from './services/released-answers.service.js';
export { reshuffleRecentResponses, RESHUFFLE_EVERY_MS } from './services/response-order.service.js';
export { ensureSurveyLinks } from './services/survey-admin.service.js';
export {
  findOpenSurvey,
  loadRoundEdition,
  submitSurvey,
  type OpenSurvey,
} from './services/survey.service.js';
