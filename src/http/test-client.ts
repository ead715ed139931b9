import type { FastifyInstance } from 'fastify';
import type { Dialect } from '../db/database.js';
import { openTestDatabase } from '../db/test-databases.js';
import { randomIds, systemClock, type Clock } from '../infra/clock.js';
import type { ServiceContext } from '../services/context.js';
import { buildApp, type AppOptions } from './app.js';

/**
 * Test support: a browser-like client over `app.inject` that keeps cookies and reads the
 * CSRF token from the last page, so tests go through the same forms a person uses.
 */
export class TestClient {
  private cookies = new Map<string, string>();
  lastCsrf = '';

  constructor(readonly app: FastifyInstance) {}

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private remember(headers: Record<string, unknown>, body: string): void {
    const set = headers['set-cookie'];
    for (const line of Array.isArray(set) ? set : set ? [set] : []) {
      const [pair] = String(line).split(';');
      const [name, ...rest] = (pair ?? '').split('=');
      const value = rest.join('=');
      if (!name) continue;
      if (value === '' || /Max-Age=0|Expires=Thu, 01 Jan 1970/i.test(String(line)))
        this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const csrf = /name="_csrf" value="([^"]+)"/.exec(body);
    if (csrf?.[1]) this.lastCsrf = csrf[1];
  }

  async get(url: string, headers: Record<string, string> = {}) {
    const response = await this.app.inject({
      method: 'GET',
      url,
      headers: { cookie: this.cookieHeader(), ...headers },
    });
    this.remember(response.headers, response.body);
    return response;
  }

  /** Posts a form as a browser would, adding the CSRF token of the last page unless given. */
  async post(url: string, form: Record<string, string | string[]>, withCsrf = true) {
    const params = new URLSearchParams();
    if (withCsrf && !('_csrf' in form)) params.append('_csrf', this.lastCsrf);
    for (const [key, value] of Object.entries(form)) {
      for (const v of Array.isArray(value) ? value : [value]) params.append(key, v);
    }
    const response = await this.app.inject({
      method: 'POST',
      url,
      payload: params.toString(),
      headers: { cookie: this.cookieHeader(), 'content-type': 'application/x-www-form-urlencoded' },
    });
    this.remember(response.headers, response.body);
    return response;
  }

  /** Calls the JSON API with the session cookie (and the CSRF header for changes). */
  async api(
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    body?: unknown,
    csrf?: string,
  ) {
    const response = await this.app.inject({
      method,
      url,
      ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
      headers: {
        cookie: this.cookieHeader(),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(csrf ? { 'x-csrf-token': csrf } : {}),
      },
    });
    return response;
  }

  /** Signs in through the login form. */
  async signIn(email: string, password: string) {
    await this.get('/login');
    return this.post('/login', { email, password });
  }
}

export interface TestApp {
  app: FastifyInstance;
  ctx: ServiceContext;
  client: () => TestClient;
  close: () => Promise<void>;
}

/** Builds the app on a fresh database of the given engine. */
export async function createTestApp(
  dialect: Dialect = 'sqlite',
  clock: Clock = systemClock,
  settings: Partial<AppOptions['config']> = {},
): Promise<TestApp> {
  const { db, dispose } = await openTestDatabase(dialect);
  const ctx: ServiceContext = { db, clock, ids: randomIds };
  const app = await buildApp({
    ctx,
    config: {
      SESSION_TTL_HOURS: 12,
      TRUST_PROXY: false,
      SECURE_COOKIES: false,
      LOG_LEVEL: 'silent',
      ...settings,
    },
  });
  return {
    app,
    ctx,
    client: () => new TestClient(app),
    close: async () => {
      await app.close();
      await dispose();
    },
  };
}
