import type { Agency } from '../features/agencies/db/agency.repository.js';
import type { ServiceContext } from '../platform/services/context.js';
import type { OpenedRound } from '../features/rounds/services/round.service.js';
import { seedDemoActivities } from '../features/activities/demo.js';
import { seedDemoAssets } from '../features/assets/demo.js';
import { seedDemoCalendar } from '../features/calendar/demo.js';
import { seedDemoIntegrity } from '../features/integrity/demo.js';
import { seedDemoManuals } from '../features/manuals/demo.js';
import { seedDemoVoice } from '../features/voice/demo.js';

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
