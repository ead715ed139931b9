export { registerAgencyRoutes } from './agencies.routes.js';
export { registerUserRoutes } from './users.routes.js';
export { registerRoundRoutes } from './rounds.routes.js';
export { registerSurveyRoutes } from './survey.routes.js';
export { registerSurveyAdminRoutes } from './survey-admin.routes.js';
export { registerResponseImportRoutes } from './response-import.routes.js';
