import type { Feature } from '../kit.js';
import { registerIntegrityRoutes } from './http/integrity.routes.js';
import { integrityEvidence } from './evidence.js';
import { integrityReminders } from './reminders.js';
import { seedDemoIntegrity } from './demo.js';

/** The integrity feature: what the app composes. Other features reach this folder only through this file. */
export const integrityFeature: Feature = {
  id: 'integrity',
  routes: [registerIntegrityRoutes],
  evidence: {
    sources: ['no_gift_declaration', 'no_gift_communication', 'gift_report'],
    list: integrityEvidence,
  },
  reminders: integrityReminders,
  demo: seedDemoIntegrity,
};
