import type { Feature } from '../kit.js';
import { registerAgencyRoutes } from './http/agencies.routes.js';

/** The agencies feature: what the app composes. Other features reach this folder only through this file. */
export const agenciesFeature: Feature = {
  id: 'agencies',
  routes: [registerAgencyRoutes],
};

// What other features use of this one: its door.
export {
  AGENCY_TYPES,
  isAgencyType,
  type AgencyInputRaw,
  type AgencyType,
} from './core/agency-input.js';
export {
  findAgencyByCode,
  findAgencyById,
  insertAgency,
  listAgencies,
} from './db/agency.repository.js';
export {
  agencyByCode,
  agencyNotFound,
  forbidden,
  loadVisibleAgency,
  mayActOn,
  publishedNotFound,
} from './services/agency-access.service.js';
export { createAgency, type Agency } from './services/agency.service.js';
