import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.js';
import { createTestApp, type TestApp } from '../../app/test-client.js';

describe('TRUST_PROXY names the proxies', () => {
  it('takes addresses, networks or a number of proxies, and refuses trusting everyone', () => {
    expect(loadConfig({}).TRUST_PROXY).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '0' }).TRUST_PROXY).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '1' }).TRUST_PROXY).toBe(1);
    expect(loadConfig({ TRUST_PROXY: '127.0.0.1, 10.0.0.0/8,::1' }).TRUST_PROXY).toBe(
      '127.0.0.1, 10.0.0.0/8,::1',
    );
    for (const bad of ['true', 'TRUE', '*', 'nginx', '10.0.0.0/40', '10.0.0.1/8/2'])
      expect(() => loadConfig({ TRUST_PROXY: bad }), bad).toThrow(/TRUST_PROXY/);
  });
});

describe('the rate limit sees the client behind a named proxy [sqlite]', () => {
  let t: TestApp | undefined;
  afterEach(async () => {
    await t?.close();
  });

  /** 21 sign-in attempts from one connection address, each claiming another forwarded one. */
  async function attempts(remoteAddress: string) {
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) {
      const answer = await t!.app.inject({
        method: 'POST',
        url: '/login',
        remoteAddress,
        headers: { 'x-forwarded-for': `198.51.100.${i + 1}` },
        payload: { email: 'x@example.org', password: 'wrong password' },
      });
      statuses.push(answer.statusCode);
    }
    return statuses;
  }

  it('ignores X-Forwarded-For from a sender that is not a named proxy', async () => {
    t = await createTestApp('sqlite', undefined, { TRUST_PROXY: '127.0.0.1' });
    const statuses = await attempts('192.0.2.50');
    expect(statuses.slice(0, 20)).not.toContain(429);
    expect(statuses[20]).toBe(429);
  });

  it('believes the named proxy: each forwarded client has its own limit', async () => {
    t = await createTestApp('sqlite', undefined, { TRUST_PROXY: '192.0.2.50' });
    expect(await attempts('192.0.2.50')).not.toContain(429);
  });
});
