import type { Feature } from '../kit.js';
import { registerVoiceRoutes } from './http/voice.routes.js';
import { seedDemoVoice } from './demo.js';

/** The voice feature: what the app composes. Other features reach this folder only through this file. */
export const voiceFeature: Feature = {
  id: 'voice',
  routes: [registerVoiceRoutes],
  demo: seedDemoVoice,
};

// What other features use of this one: its door.
export { voiceReportBlocks } from './services/voice-report.js';
