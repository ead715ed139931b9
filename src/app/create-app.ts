import type { FastifyInstance } from 'fastify';
import { buildApp } from '../platform/http/app.js';
import type { AppOptions } from '../platform/http/request-context.js';
import { resolveSession } from '../features/users/feature.js';
import { FEATURES } from './features.js';
import { REGISTRY } from './registry.js';

/** The web application with every feature's routes: what `prongsai serve` and the tests run. */
export function createApp(options: AppOptions): Promise<FastifyInstance> {
  const featureOptions = { ...options, registry: REGISTRY };
  return buildApp(options, {
    resolveActor: resolveSession,
    routes: FEATURES.flatMap((feature) =>
      feature.routes.map((register) => (app: FastifyInstance) => register(app, featureOptions)),
    ),
  });
}
