import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DESKTOP, demoJourney, expectNoAxeViolations } from './browser.js';

const PHONE = {
  viewport: { width: 390, height: 844 },
  locale: 'th-TH',
  isMobile: true,
  hasTouch: true,
};

/** Console errors and failed requests of a page (a missing icon shows here). */
function problemsOf(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  page.on('requestfailed', (r) => problems.push(`${r.url()} ${r.failure()?.errorText}`));
  return problems;
}

describe('a signed-out citizen finds the agency, in Chromium', () => {
  const demo = demoJourney();

  for (const [name, context] of [
    ['phone', PHONE],
    ['desktop', DESKTOP],
  ] as const)
    it(`goes from the index to the agency's home, its OIT page and results (${name})`, async () => {
      const page = await (await demo.browser.newContext(context)).newPage();
      const problems = problemsOf(page);
      const base = demo.server.base;
      await page.goto(`${base}/public`);
      await expectNoAxeViolations(page);
      await Promise.all([page.waitForNavigation(), page.click('main a[href="/public/D01"]')]);
      expect(new URL(page.url()).pathname).toBe('/public/D01');
      await expect.poll(() => page.locator('header [data-public-agency="D01"]').count()).toBe(1);
      await expectNoAxeViolations(page);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow).toBeLessThanOrEqual(0);

      // the current year's OIT page: every empty item says why, nothing says "no data" 26 times
      await Promise.all([
        page.waitForNavigation(),
        page.click('[data-public-section="oit"] a[href^="/public/oit/D01/"]'),
      ]);
      await expect.poll(() => page.locator('[data-oit-summary]').count()).toBe(1);
      expect(await page.locator('main').innerText()).not.toContain('ยังไม่มีข้อมูลเผยแพร่');
      await expectNoAxeViolations(page);

      // back home through the shared header, then a published year's results
      await Promise.all([page.waitForNavigation(), page.click('header a[href="/public/D01"]')]);
      await Promise.all([
        page.waitForNavigation(),
        page.click('[data-public-section="results"] a[href$="/results"]'),
      ]);
      expect(page.url()).toMatch(/\/public\/D01\/\d{4}\/results$/);
      await expectNoAxeViolations(page);

      // a wrong address leads back to the public pages, not to the sign-in page
      const lost = await page.goto(`${base}/public/D01/no-such-page`);
      expect(lost?.status()).toBe(404);
      await expect.poll(() => page.locator('main a[href="/public/D01"]').count()).toBe(1);
      expect(await page.locator('a[href="/login"]').count()).toBe(0);
      await expectNoAxeViolations(page);
      expect(problems.filter((p) => !p.includes('404'))).toEqual([]);
    });
});
