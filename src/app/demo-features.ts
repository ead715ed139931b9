import type { DemoWorld } from '../features/kit.js';
import type { ServiceContext } from '../platform/services/context.js';
import { FEATURES } from './features.js';

/** Each feature seeds its part of the living demo, through its own services, in list order. */
export async function seedDemoFeatures(ctx: ServiceContext, world: DemoWorld): Promise<void> {
  for (const feature of FEATURES) if (feature.demo) await feature.demo(ctx, world);
}
