import type { Feature } from '../kit.js';
import { registerManualsRoutes } from './http/manuals.routes.js';
import { manualsEvidence } from './evidence.js';
import { manualsReminders } from './reminders.js';
import { seedDemoManuals } from './demo.js';

/** The manuals feature: what the app composes. Other features reach this folder only through this file. */
export const manualsFeature: Feature = {
  id: 'manuals',
  routes: [registerManualsRoutes],
  evidence: { sources: ['work_manuals', 'service_manuals'], list: manualsEvidence },
  reminders: manualsReminders,
  demo: seedDemoManuals,
};

// What other features use of this one: its door.
export { KIND_SOURCES } from './core/manual-elements.js';
export { KIND_NAMES } from './core/manual-rules.js';
export { checkCurrency, itemsBySource, type Currency } from './core/website-currency.js';
export { getPublicManuals } from './services/manual-public.service.js';
export { currentRoundOf } from './services/manual-support.js';
