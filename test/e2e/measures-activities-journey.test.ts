import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  expectNoAxeViolations,
  submitVia,
  d01RoundOf,
  d01Of,
  signedInPage,
  demoJourney,
  demoYears,
} from './browser.js';

async function overflowOf(page: Page): Promise<number> {
  return page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
}

describe('measures hand-off and KM activity on a phone in Chromium', () => {
  const demo = demoJourney();
  let page: Page;

  beforeAll(async () => {
    page = await signedInPage(demo.browser, demo.server, 'agency@example.org');
  }, 60_000);

  it("carries last year's finished measure over and attaches evidence to it", async () => {
    const { current, last } = demoYears(demo.server);
    await page.goto(`${demo.server.base}/rounds/${d01RoundOf(demo.server, current)}/measures`);
    await expect.poll(() => page.locator('main').innerText()).toContain(`จากปี พ.ศ. ${last}`);
    await expectNoAxeViolations(page);
    expect(await overflowOf(page)).toBeLessThanOrEqual(0);
    await submitVia(page, 'form[action$="/measures/carry"] button[type=submit]');
    await expect
      .poll(() => page.locator('main').innerText())
      .toContain(`ต่อยอดจากมาตรการปี พ.ศ. ${last}`);
    await expectNoAxeViolations(page);
    await page.setInputFiles('#file', {
      name: 'รายงานผล.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n% ผลการดำเนินการ\n'),
    });
    await submitVia(page, 'form[enctype="multipart/form-data"] button[type=submit]');
    await expect.poll(() => page.locator('main').innerText()).toContain('รายงานผล.pdf');
    await expectNoAxeViolations(page);
  });

  it('records a KM activity and reads its satisfaction', async () => {
    await page.goto(`${demo.server.base}/agencies/${d01Of(demo.server)}`);
    await Promise.all([
      page.waitForNavigation(),
      page.locator('main a', { hasText: 'รายงานกิจกรรมการจัดการความรู้' }).click(),
    ]);
    await expect.poll(() => page.locator('main').innerText()).toContain('88.60%');
    await expectNoAxeViolations(page);
    expect(await overflowOf(page)).toBeLessThanOrEqual(0);
    await page.fill('#title', 'แลกเปลี่ยนเรียนรู้การเขียนคู่มือ');
    await page.fill('#heldOn', '10/02/2569');
    await page.fill('input[name="q0_4"]', '3');
    await page.fill('input[name="q0_5"]', '1');
    await submitVia(page, 'form[action$="/activities"] button[type=submit]');
    // (12 + 5) / 4 = 4.25 → 85.00
    await expect.poll(() => page.locator('main').innerText()).toContain('ร้อยละ 85.00');
    await expect.poll(() => page.locator('main').innerText()).toContain('10 กุมภาพันธ์ พ.ศ. 2569');
    await expectNoAxeViolations(page);
  });
});
