import type { ServiceContext } from './context.js';
import type { DemoWorld } from './demo-features.service.js';

/** The demo's data for this feature (filled by the feature). */
export async function seedDemoCalendar(_ctx: ServiceContext, _world: DemoWorld): Promise<void> {}
