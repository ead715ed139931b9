import { freePort } from '../bench/survey-client.mjs';
import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresDatabase } from '../src/platform/db/test-databases.js';
import { cookiesOf, formToken, postForm, send } from './http-forms.js';

/** Two `prongsai serve` processes share one PostgreSQL database, as behind a proxy. */

async function waitUntilUp(base: string, child: ChildProcess, log: () => string): Promise<void> {
  for (let i = 0; i < 150; i++) {
    if (child.exitCode !== null) throw new Error(`server exited ${child.exitCode}: ${log()}`);
    try {
      if ((await fetch(`${base}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`server at ${base} did not start: ${log()}`);
}

describe('two server processes on one PostgreSQL database', () => {
  const children: ChildProcess[] = [];
  const bases: string[] = [];
  let drop: () => Promise<void> = async () => {};

  beforeAll(async () => {
    const database = await createPostgresDatabase();
    drop = database.drop;
    for (let i = 0; i < 2; i++) {
      const port = await freePort();
      let output = '';
      const child = spawn(
        process.execPath,
        ['bin/prongsai.mjs', 'serve', '--port', String(port), '--host', '127.0.0.1'],
        {
          env: { ...process.env, DATABASE_URL: database.url, LOG_LEVEL: 'warn' },
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      child.stdout?.on('data', (d) => (output += d));
      child.stderr?.on('data', (d) => (output += d));
      children.push(child);
      bases.push(`http://127.0.0.1:${port}`);
      await waitUntilUp(bases[i]!, child, () => output);
    }
  }, 60_000);

  afterAll(async () => {
    for (const child of children) child.kill('SIGTERM');
    await Promise.all(
      children.map((c) => new Promise((r) => (c.exitCode !== null ? r(null) : c.once('exit', r)))),
    );
    await drop();
  });

  it('accepts on one process a session made on the other, and ends it everywhere', async () => {
    const [a, b] = bases as [string, string];
    const setup = await formToken(`${a}/setup`);
    const created = await postForm(`${a}/setup`, setup.cookie, {
      _csrf: setup.token,
      displayName: 'ผู้ดูแลระบบ',
      email: 'admin@example.org',
      password: 'correct horse battery',
    });
    expect(created.status).toBe(302);

    const login = await formToken(`${a}/login`);
    const signedIn = await postForm(`${a}/login`, login.cookie, {
      _csrf: login.token,
      email: 'admin@example.org',
      password: 'correct horse battery',
    });
    expect(signedIn.status).toBe(302);
    const session = cookiesOf(signedIn);
    expect(session).toContain('prongsai_session=');

    const me = await send(`${b}/api/v1/me`, { headers: { cookie: session } });
    expect(me.status).toBe(200);
    const body = JSON.parse(me.text()) as { user: { email: string }; csrfToken: string };
    expect(body.user.email).toBe('admin@example.org');

    const out = await postForm(`${b}/logout`, session, { _csrf: body.csrfToken });
    expect(out.status).toBe(302);
    expect((await send(`${a}/api/v1/me`, { headers: { cookie: session } })).status).toBe(401);
  });

  it('counts login attempts across both processes for the rate limit', async () => {
    const [a, b] = bases as [string, string];
    const statuses: number[] = [];
    for (let i = 0; i < 44; i++) {
      const base = i % 2 === 0 ? a : b;
      const form = await formToken(`${base}/login`);
      const response = await postForm(`${base}/login`, form.cookie, {
        _csrf: form.token,
        email: `nobody${i}@example.org`,
        password: 'wrong password',
      });
      statuses.push(response.status);
    }
    // The limit is 20 attempts a minute per client. Shared counters refuse by attempt 40 at the
    // latest, even if a minute boundary falls inside the loop; counters kept in each process
    // would let each process take 20 and refuse nothing before attempt 41.
    const first = statuses.indexOf(429);
    expect(first).toBeGreaterThanOrEqual(0);
    expect(first).toBeLessThanOrEqual(39);
  });
});
