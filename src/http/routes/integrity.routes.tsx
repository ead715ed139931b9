import type { FastifyInstance } from 'fastify';
import type { AppOptions } from '../app.js';

/** Placeholder: filled by the feature that owns these routes. */
export function registerIntegrityRoutes(_app: FastifyInstance, _options: AppOptions): void {}
