import type { Feature } from '../kit.js';
import { registerAuthRoutes } from './http/auth.routes.js';
import { registerUserRoutes } from './http/users.routes.js';
import { registerPasswordRoutes } from './http/password.routes.js';

/** The users feature: what the app composes. Other features reach this folder only through this file. */
export const usersFeature: Feature = {
  id: 'users',
  routes: [registerAuthRoutes, registerUserRoutes, registerPasswordRoutes],
};

// What other features use of this one: its door.
export {
  findUserByEmail,
  findUserById,
  insertMembership,
  insertUser,
  listGrants,
  listUsers,
  publicUser,
  type User,
} from './db/user.repository.js';
export { demoActor } from './demo.js';
export {
  createFirstAdmin,
  hashPassword,
  hashToken,
  listOwnRoles,
  loadActor,
  login,
  needsSetup,
  resolveSession,
} from './services/auth.service.js';
export { createUser, listAllowedAgencies, type Agency } from './services/user.service.js';
