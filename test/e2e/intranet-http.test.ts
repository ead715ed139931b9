import { describe, expect, it } from 'vitest';
import { chromium } from 'playwright-core';
import { CHROMIUM, DEMO_PASSWORD, startDemoServer } from './browser.js';

/**
 * An ordinary intranet: the app served over plain HTTP and opened under a host name that is not
 * localhost (Chromium maps `prongsai.intranet` to 127.0.0.1). Chromium treats localhost as a
 * secure origin, so only another name shows what an office's browser does. The CSP is enforced
 * (no bypass): the stylesheet must load over HTTP and the sign-in form must be allowed to post.
 */
describe('sign-in over plain HTTP on an intranet host name', () => {
  it('loads the stylesheet and icon, signs in and reaches the home page', async () => {
    const server = await startDemoServer();
    const port = new URL(server.base).port;
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--no-first-run',
        '--disable-quic',
        '--host-resolver-rules=MAP prongsai.intranet 127.0.0.1',
      ],
    });
    try {
      const page = await (await browser.newContext({ locale: 'th-TH' })).newPage();
      const problems: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') problems.push(m.text());
      });
      page.on('requestfailed', (r) => problems.push(`${r.url()} ${r.failure()?.errorText}`));
      const base = `http://prongsai.intranet:${port}`;
      const login = await page.goto(`${base}/login`);
      expect(login?.status()).toBe(200);
      expect(login?.headers()['strict-transport-security']).toBeUndefined();
      expect(login?.headers()['content-security-policy']).not.toContain(
        'upgrade-insecure-requests',
      );
      // the stylesheet loaded (over HTTP, from this host) and holds its rules
      const styled = await page.evaluate(() =>
        Array.from(document.styleSheets).some(
          (s) => /\/assets\/styles\.[0-9a-f]{8}\.css$/.test(s.href ?? '') && s.cssRules.length > 0,
        ),
      );
      expect(styled).toBe(true);
      await page.fill('#email', 'agency@example.org');
      await page.fill('#password', DEMO_PASSWORD);
      await Promise.all([page.waitForNavigation(), page.click('main button[type=submit]')]);
      expect(new URL(page.url()).host).toBe(`prongsai.intranet:${port}`);
      expect(new URL(page.url()).pathname).not.toBe('/login');
      await expect.poll(() => page.locator('form[action="/logout"]').count()).toBe(1);
      expect(problems).toEqual([]);
    } finally {
      await browser.close();
      await server.stop();
    }
  }, 120_000);
});
