import type { Feature } from '../kit.js';
import { registerAssetsRoutes } from './http/assets.routes.js';
import { assetsEvidence } from './evidence.js';
import { assetsReminders } from './reminders.js';
import { seedDemoAssets } from './demo.js';

/** The assets feature: what the app composes. Other features reach this folder only through this file. */
export const assetsFeature: Feature = {
  id: 'assets',
  routes: [registerAssetsRoutes],
  evidence: { sources: ['asset_guideline', 'asset_report'], list: assetsEvidence },
  reminders: assetsReminders,
  demo: seedDemoAssets,
};
