import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createTestApp, type TestApp } from '../../app/test-client.js';

/**
 * Every route reads its input through zod schemas, and the JSON API is documented by them:
 * checked over the whole route table of the composed app, so a new route cannot skip it.
 */
describe('the route table [sqlite]', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('sqlite');
    await t.app.ready();
  }, 60_000);
  afterAll(async () => t.close());

  const isZod = (value: unknown) => value instanceof z.ZodType;

  it('has a zod params schema on every route with a path parameter', () => {
    const routes = t.app.routeTable;
    expect(routes.length).toBeGreaterThan(150);
    const missing = routes
      .filter((r) => r.url.includes(':') && !isZod(r.schema?.params))
      .map((r) => `${r.method} ${r.url}`);
    expect(missing).toEqual([]);
  });

  it('documents every /api/ operation: operationId, summary, tags and a success schema', () => {
    const api = t.app.routeTable.filter((r) => r.url.startsWith('/api/'));
    expect(api.length).toBeGreaterThan(30);
    const incomplete = api
      .filter((r) => {
        const schema = r.schema ?? {};
        const responses = Object.entries((schema.response ?? {}) as Record<string, unknown>);
        const success = responses.some(([status, s]) => status.startsWith('2') && isZod(s));
        return !schema.operationId || !schema.summary || !schema.tags?.length || !success;
      })
      .map((r) => `${r.method} ${r.url}`);
    expect(incomplete).toEqual([]);
    const ids = api.map((r) => r.schema?.operationId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('serves the same operations in /api/v1/openapi.json', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json() as {
      paths: Record<string, Record<string, { operationId: string; responses: object }>>;
      info: { license: { name: string } };
    };
    const operations = Object.values(doc.paths).flatMap((p) => Object.values(p));
    const api = t.app.routeTable.filter((r) => r.url.startsWith('/api/'));
    expect(operations.map((o) => o.operationId).sort()).toEqual(
      api.map((r) => r.schema?.operationId).sort(),
    );
    expect(doc.info.license.name).toBe('AGPL-3.0-or-later');
  });
});
