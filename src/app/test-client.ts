import type { FastifyInstance } from 'fastify';
import type { Dialect } from '../platform/db/database.js';
import { openTestDatabase } from '../platform/db/test-databases.js';
import { randomIds, systemClock, type Clock } from '../platform/infra/clock.js';
import type { ServiceContext } from '../platform/services/context.js';
import { DEMO_PASSWORD, seedDemo } from './demo.js';
import { createApp } from './create-app.js';
import type { AppOptions } from '../platform/http/request-context.js';
import { checkApiAnswers } from '../platform/http/openapi-validate.test-support.js';
import { openFileStore } from '../platform/services/file-store.service.js';

/**
 * Test support: a browser-like client over `app.inject` that keeps cookies and reads the
 * CSRF token from the last page, so tests go through the same forms a person uses.
 */
export class TestClient {
  private cookies = new Map<string, string>();
  lastCsrf = '';

  /** `address`: the client's network address as the server sees it (127.0.0.1 when not given). */
  constructor(
    readonly app: FastifyInstance,
    readonly address?: string,
  ) {}

  private from() {
    return this.address ? { remoteAddress: this.address } : {};
  }

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
      ...this.from(),
      method: 'GET',
      url,
      headers: { cookie: this.cookieHeader(), ...headers },
    });
    this.remember(response.headers, response.body);
    return response;
  }

  /** Posts a body exactly as given (bytes a browser would not send), with the session cookie. */
  async postRaw(url: string, payload: string, contentType: string) {
    return this.app.inject({
      ...this.from(),
      method: 'POST',
      url,
      payload,
      headers: { cookie: this.cookieHeader(), 'content-type': contentType },
    });
  }

  /** Posts a form as a browser would, adding the CSRF token of the last page unless given. */
  async post(url: string, form: Record<string, string | string[]>, withCsrf = true) {
    const params = new URLSearchParams();
    if (withCsrf && !('_csrf' in form)) params.append('_csrf', this.lastCsrf);
    for (const [key, value] of Object.entries(form)) {
      for (const v of Array.isArray(value) ? value : [value]) params.append(key, v);
    }
    const response = await this.app.inject({
      ...this.from(),
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
      ...this.from(),
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
  /** A new browser-like client (from `address` when given, else 127.0.0.1). */
  client: (address?: string) => TestClient;
  close: () => Promise<void>;
}

/** Builds the app on a fresh database of the given engine. */
export async function createTestApp(
  dialect: Dialect = 'sqlite',
  clock: Clock = systemClock,
  settings: Partial<AppOptions['config']> = {},
  extra: Pick<AppOptions, 'logStream'> = {},
): Promise<TestApp> {
  const { db, dispose } = await openTestDatabase(dialect);
  const ctx: ServiceContext = { db, clock, ids: randomIds, files: openFileStore(db, settings) };
  const app = await createApp({
    ctx,
    config: {
      SESSION_TTL_HOURS: 12,
      TRUST_PROXY: false as const,
      SECURE_COOKIES: false,
      LOG_LEVEL: 'silent',
      ...settings,
    },
    ...extra,
  });
  // every /api/ answer a test receives must be one the OpenAPI document describes
  checkApiAnswers(app);
  return {
    app,
    ctx,
    client: (address?: string) => new TestClient(app, address),
    close: async () => {
      await app.close();
      await dispose();
    },
  };
}

/**
 * Builds the app like `createTestApp` and seeds the demo data (ministry, D01, D02, people), with
 * the years fixed whatever the clock says: 2568 published and 2569 collecting.
 */
export async function createDemoApp(...args: Parameters<typeof createTestApp>): Promise<TestApp> {
  const t = await createTestApp(...args);
  await seedDemo(t.ctx, { year: 2569 });
  return t;
}

/** Creates the first administrator (admin@example.org) through /setup and signs them in. */
export async function signedInFirstAdmin(
  t: TestApp,
  displayName: string,
  password: string,
): Promise<TestClient> {
  const c = t.client();
  await c.get('/setup');
  await c.post('/setup', { displayName, email: 'admin@example.org', password });
  await c.signIn('admin@example.org', password);
  return c;
}

/** A client signed in as the given person (of the demo data unless a password is given). */
export async function signedIn(
  t: TestApp,
  email: string,
  password: string = DEMO_PASSWORD,
): Promise<TestClient> {
  const c = t.client();
  await c.signIn(email, password);
  return c;
}

/** The CSRF token of the client's session, for JSON API changes. */
export async function csrfOf(c: TestClient): Promise<string> {
  return ((await c.api('GET', '/api/v1/me')).json() as { csrfToken: string }).csrfToken;
}

/** The id of the agency with the given code, as the client sees the agency list. */
export async function agencyIdOf(c: TestClient, code: string): Promise<string | undefined> {
  const { agencies } = (await c.api('GET', '/api/v1/agencies')).json() as {
    agencies: { id: string; code: string }[];
  };
  return agencies.find((a) => a.code === code)?.id;
}

/**
 * Adds a person to D02, another unit of the demo ministry, through the API as the demo
 * admin (checking it answers 201); the password is the demo one.
 */
export async function addD02User(
  t: TestApp,
  user: { email: string; displayName: string; role: string },
): Promise<void> {
  const admin = await signedIn(t, 'admin@example.org');
  const body = {
    ...user,
    password: DEMO_PASSWORD,
    agencyId: await agencyIdOf(admin, 'D02'),
  };
  const created = await admin.api('POST', '/api/v1/users', body, await csrfOf(admin));
  if (created.statusCode !== 201) {
    throw new Error(`adding ${user.email} answered ${created.statusCode}: ${created.body}`);
  }
}

/** An agency admin of D02, another unit of the demo ministry, signed in. */
export async function createOutsider(t: TestApp): Promise<TestClient> {
  const user = { email: 'd02-admin@example.org', displayName: 'ผู้ดูแล D02', role: 'agency_admin' };
  await addD02User(t, user);
  return signedIn(t, user.email);
}

/** A round as the JSON API lists it. */
export interface ListedRound {
  id: string;
  agencyCode: string;
  editionCode: string;
  editionYear: number;
  state: string;
}

/** The rounds the client sees, of one state when given. */
export async function roundsOf(c: TestClient, state?: string): Promise<ListedRound[]> {
  const url = state ? `/api/v1/rounds?state=${state}` : '/api/v1/rounds';
  return ((await c.api('GET', url)).json() as { rounds: ListedRound[] }).rounds;
}

/** The id of D01's round of the edition (of one state when given), or '' when none is seen. */
export async function d01RoundId(
  c: TestClient,
  editionCode: string,
  state?: string,
): Promise<string> {
  const rounds = await roundsOf(c, state);
  return rounds.find((r) => r.agencyCode === 'D01' && r.editionCode === editionCode)?.id ?? '';
}
