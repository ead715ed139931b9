import type { FastifyInstance } from 'fastify';
import type { AppOptions } from '../app.js';

/** Pages and API of this resource (to be written). */
export function registerRollupRoutes(_app: FastifyInstance, _options: AppOptions): void {}
