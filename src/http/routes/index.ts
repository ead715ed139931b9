export { registerAgencyRoutes } from './agencies.routes.js';
export { registerUserRoutes } from './users.routes.js';
export { registerRoundRoutes } from './rounds.routes.js';
