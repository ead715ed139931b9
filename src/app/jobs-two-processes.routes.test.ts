import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../platform/db/database.js';
import { randomIds, systemClock } from '../platform/infra/clock.js';
import { openFileStore } from '../platform/services/file-store.service.js';
import { createApp } from './create-app.js';
import { DEMO_PASSWORD } from './demo.js';
import { createDemoApp, signedIn, TestClient, type TestApp } from './test-client.js';

/**
 * Two `prongsai serve` processes on one PostgreSQL database, as two apps in one test process,
 * each with its own database pool, file store and job queue: a roll-up export started through one
 * is followed to the end and downloaded through the other (issue 15, part 1).
 */
describe('a background export across two app processes on one PostgreSQL database', () => {
  let one: TestApp;
  let db: Db;
  let two: FastifyInstance;

  beforeAll(async () => {
    one = await createDemoApp('postgres');
    db = openDatabase(one.ctx.db.url);
    two = await createApp({
      ctx: { db, clock: systemClock, ids: randomIds, files: openFileStore(db, {}) },
      config: {
        SESSION_TTL_HOURS: 12,
        TRUST_PROXY: false,
        SECURE_COOKIES: false,
        LOG_LEVEL: 'silent',
      },
    });
    // the second process works the queue from its start, as `prongsai serve` does
    await two.jobs.start();
  });
  afterAll(async () => {
    await two?.close();
    await db?.close();
    await one?.close();
  });

  it('starts the export on one process; the other shows its progress and gives the file to its owner only', async () => {
    const starter = await signedIn(one, 'ministry@example.org');
    const follower = new TestClient(two);
    await follower.signIn('ministry@example.org', DEMO_PASSWORD);
    const agencies = (await starter.api('GET', '/api/v1/agencies')).json().agencies as {
      id: string;
      parentId: string | null;
    }[];
    const top = agencies.find((a) => a.parentId === null) as { id: string };
    const started = await starter.get(`/agencies/${top.id}/rollup.xlsx?year=2568&background=1`);
    expect(started.statusCode).toBe(303);
    const progressUrl = String(started.headers.location);
    let page = await follower.get(progressUrl);
    expect(page.statusCode).toBe(200);
    for (let i = 0; i < 200 && !page.body.includes('data-download'); i += 1) {
      await sleep(100);
      page = await follower.get(progressUrl);
    }
    expect(page.body).toContain(`${progressUrl}/download`);
    const file = await follower.get(`${progressUrl}/download`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-disposition']).toContain('.xlsx');
    expect(file.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const other = new TestClient(two);
    await other.signIn('agency@example.org', DEMO_PASSWORD);
    expect((await other.get(progressUrl)).statusCode).toBe(404);
    expect((await other.get(`${progressUrl}/download`)).statusCode).toBe(404);
  });
});
