import type { FastifyInstance } from 'fastify';
import { buildApp } from '../platform/http/app.js';
import type { AppOptions } from '../platform/http/request-context.js';
import type { JobQueue } from '../platform/jobs/job-queue.js';
import { openJobQueue } from '../platform/jobs/open-job-queue.js';
import { resolveSession } from '../features/users/feature.js';
import { FEATURES } from './features.js';
import { REGISTRY } from './registry.js';

/**
 * The app's background job queue (`app.jobs`), there before the features define their kinds of
 * job; stopped when the app closes. pg-boss starts when the first job is queued or when `serve`
 * starts the queue, so apps that queue nothing (most tests) never open its connections.
 */
function registerJobQueue(app: FastifyInstance, options: AppOptions, given?: JobQueue): void {
  const jobs =
    given ??
    openJobQueue(options.ctx, {
      onError: (error) => app.log.error(error, 'job queue'),
      onJobFailure: (error, job) =>
        app.log.error({ err: error, job: job?.id, kind: job?.kind }, 'background job failed'),
    });
  app.decorate('jobs', jobs);
  app.addHook('onClose', async () => {
    await jobs.stop();
  });
}

/** The web application with every feature's routes: what `prongsai serve` and the tests run. */
export function createApp(options: AppOptions & { jobs?: JobQueue }): Promise<FastifyInstance> {
  const featureOptions = { ...options, registry: REGISTRY };
  return buildApp(options, {
    resolveActor: resolveSession,
    routes: [
      (app: FastifyInstance) => registerJobQueue(app, options, options.jobs),
      ...FEATURES.flatMap((feature) =>
        feature.routes.map((register) => (app: FastifyInstance) => register(app, featureOptions)),
      ),
    ],
  });
}
