import type { Feature } from '../kit.js';
import { registerPublishedRoutes } from './http/published.routes.js';

/** The published feature: what the app composes. Other features reach this folder only through this file. */
export const publishedFeature: Feature = {
  id: 'published',
  routes: [registerPublishedRoutes],
};

// What other features use of this one: its door.
export { getPublishedOverview, searchPublished } from './services/published.service.js';
