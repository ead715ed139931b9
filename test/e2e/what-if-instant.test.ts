import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  launchBrowser,
  signIn,
  startDemoServer,
  type DemoServer,
  DEMO_PASSWORD,
  d01RoundOf,
  demoYears,
} from './browser.js';

const total = (text: string | null) =>
  Number(
    (text ?? '')
      .replace(/[^\d.]/g, ' ')
      .trim()
      .split(/\s+/)[0],
  );

describe('what-if with JavaScript: instant, under the real CSP', () => {
  let server: DemoServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startDemoServer();
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('recomputes the simulated total as a score is typed, without loading a new page', async () => {
    const context = await browser.newContext({
      locale: 'th-TH',
      viewport: { width: 390, height: 844 },
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (msg) => {
      if (msg.type() === 'error') errors.push(msg.text());
    });
    await signIn(page, server.base, 'agency@example.org', DEMO_PASSWORD);
    await page.goto(`${server.base}/rounds/${d01RoundOf(server, demoYears(server).last)}/results`);
    await page.waitForSelector('form.what-if-form[data-instant="on"]');
    expect(await page.locator('[data-simulated-total]').count()).toBe(0);
    await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));

    const first = page.locator('form.what-if-form input[type=number]').first();
    await first.fill('100');
    const cell = page.locator('#what-if-output [data-simulated-total]');
    await cell.waitFor({ timeout: 15_000 });

    const actual = total(await page.locator('#what-if-output [data-actual-total]').textContent());
    const simulated = total(await cell.textContent());
    expect(simulated).toBeGreaterThanOrEqual(actual);
    expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(
      true,
    );
    expect(page.url()).toContain('i.');
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);
});
