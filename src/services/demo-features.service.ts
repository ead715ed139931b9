import type { Agency } from '../db/agency.repository.js';
import type { ServiceContext } from './context.js';
import type { OpenedRound } from './round.service.js';
import { seedDemoActivities } from './demo-activities.service.js';
import { seedDemoAssets } from './demo-assets.service.js';
import { seedDemoCalendar } from './demo-calendar.service.js';
import { seedDemoIntegrity } from './demo-integrity.service.js';
import { seedDemoManuals } from './demo-manuals.service.js';
import { seedDemoVoice } from './demo-voice.service.js';

/** What the demo made before the features add their own data. */
export interface DemoWorld {
  /** The ministry first, then its units. */
  agencies: Agency[];
  /** Last year's rounds (ita-2568, published) and this year's (ita-2569, collecting). */
  lastRounds: OpenedRound[];
  currentRounds: OpenedRound[];
}

/** Each feature seeds its part of the living demo, through its own services. */
export async function seedDemoFeatures(ctx: ServiceContext, world: DemoWorld): Promise<void> {
  await seedDemoCalendar(ctx, world);
  await seedDemoActivities(ctx, world);
  await seedDemoIntegrity(ctx, world);
  await seedDemoAssets(ctx, world);
  await seedDemoManuals(ctx, world);
  await seedDemoVoice(ctx, world);
}
