import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../app/test-client.js';
import { HSTS } from './security-headers.js';

/** The CSP of an answer as a map of directive → value. */
function cspOf(header: unknown): Map<string, string> {
  const text = typeof header === 'string' ? header : '';
  return new Map(
    text
      .split(';')
      .map((d) => d.trim())
      .filter(Boolean)
      .map((d) => {
        const [name = '', ...values] = d.split(/\s+/);
        return [name, values.join(' ')] as const;
      }),
  );
}

for (const dialect of ['sqlite', 'postgres'] as const) {
  describe(`security headers follow the site's scheme [${dialect}]`, () => {
    let t: TestApp | undefined;
    afterEach(async () => {
      await t?.close();
      t = undefined;
    });

    it('over plain HTTP: no upgrade-insecure-requests, no HSTS, forms to the site', async () => {
      t = await createTestApp(dialect, undefined, { APP_URL: 'http://prongsai.intranet:3000' });
      for (const url of ['/login', '/nowhere', '/assets/styles.css']) {
        const answer = await t.app.inject({
          url,
          headers: { host: 'prongsai.intranet:3000' },
        });
        const csp = cspOf(answer.headers['content-security-policy']);
        expect(csp.has('upgrade-insecure-requests'), url).toBe(false);
        expect(answer.headers['strict-transport-security'], url).toBeUndefined();
        expect(answer.headers['cross-origin-opener-policy'], url).toBeUndefined();
        expect(csp.get('form-action'), url).toBe("'self' http://prongsai.intranet:3000");
        expect(csp.get('default-src'), url).toBe("'self'");
        expect(csp.get('script-src'), url).toBe("'self'");
        // helmet's other headers, on every answer (a page, a 404, a file)
        expect(answer.headers['x-content-type-options'], url).toBe('nosniff');
        expect(answer.headers['x-frame-options'], url).toBe('SAMEORIGIN');
        expect(answer.headers['referrer-policy'], url).toBe('no-referrer');
        expect(answer.headers['cross-origin-resource-policy'], url).toBe('same-origin');
        expect(answer.headers['origin-agent-cluster'], url).toBe('?1');
      }
    });

    it('over HTTPS (APP_URL https, asked for by its name): upgrade and HSTS', async () => {
      t = await createTestApp(dialect, undefined, { APP_URL: 'https://ita.example.go.th' });
      const answer = await t.app.inject({
        url: '/login',
        headers: { host: 'ita.example.go.th' },
      });
      const csp = cspOf(answer.headers['content-security-policy']);
      expect(csp.has('upgrade-insecure-requests')).toBe(true);
      expect(answer.headers['strict-transport-security']).toBe(HSTS);
      expect(answer.headers['cross-origin-opener-policy']).toBe('same-origin');
      expect(csp.get('form-action')).toBe("'self' https://ita.example.go.th");
      // the same server opened by its intranet address over HTTP is left plain
      const plain = await t.app.inject({ url: '/login', headers: { host: '10.1.2.3:3000' } });
      expect(cspOf(plain.headers['content-security-policy']).has('upgrade-insecure-requests')).toBe(
        false,
      );
      expect(plain.headers['strict-transport-security']).toBeUndefined();
    });

    it('behind a named proxy that says HTTPS, without APP_URL', async () => {
      t = await createTestApp(dialect, undefined, { TRUST_PROXY: '127.0.0.1' });
      const headers = { host: 'ita.example.go.th', 'x-forwarded-proto': 'https' };
      const proxied = await t.app.inject({ url: '/login', headers });
      expect(proxied.headers['strict-transport-security']).toBe(HSTS);
      expect(cspOf(proxied.headers['content-security-policy']).get('form-action')).toBe("'self'");
      // a client that is not the named proxy cannot claim HTTPS
      const claimed = await t.app.inject({ url: '/login', headers, remoteAddress: '192.0.2.9' });
      expect(claimed.headers['strict-transport-security']).toBeUndefined();
    });
  });
}
