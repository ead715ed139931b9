import type { ServiceContext } from '../services/context.js';
import { countRequest } from '../services/rate-limit.service.js';

type Callback = (error: Error | null, result?: { current: number; ttl: number }) => void;

/**
 * A @fastify/rate-limit store kept in the database, so every server process behind a proxy
 * counts the same requests (DESIGN.md §6). Fixed windows: the count resets at each window.
 */
export function createDbRateLimitStore(ctx: ServiceContext) {
  return class DbRateLimitStore {
    private readonly prefix: string;

    /** The plugin constructs the store with its options; child stores pass a route prefix. */
    constructor(_options?: unknown, prefix = 'global') {
      this.prefix = prefix;
    }

    incr(key: string, callback: Callback, timeWindow: number): void {
      countRequest(ctx, `${this.prefix}|${key}`, timeWindow)
        .then((result) => callback(null, result))
        .catch((error: Error) => callback(error));
    }

    child(routeOptions: object) {
      const route = (routeOptions as { routeInfo?: { url?: string; method?: string } }).routeInfo;
      return new DbRateLimitStore(
        undefined,
        route ? `${route.method ?? ''} ${route.url ?? ''}` : 'route',
      );
    }
  };
}
