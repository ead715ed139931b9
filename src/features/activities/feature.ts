import type { Feature } from '../kit.js';
import { registerActivitiesRoutes } from './http/activities.routes.js';
import { activitiesEvidence } from './evidence.js';
import { seedDemoActivities } from './demo.js';

/** The activities feature: what the app composes. Other features reach this folder only through this file. */
export const activitiesFeature: Feature = {
  id: 'activities',
  routes: [registerActivitiesRoutes],
  evidence: { sources: ['activity_reports'], list: activitiesEvidence },
  demo: seedDemoActivities,
};
