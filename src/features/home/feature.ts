import type { Feature } from '../kit.js';
import { registerHomeRoutes } from './http/home.routes.js';

/** The home feature: what the app composes. Other features reach this folder only through this file. */
export const homeFeature: Feature = {
  id: 'home',
  routes: [registerHomeRoutes],
};
