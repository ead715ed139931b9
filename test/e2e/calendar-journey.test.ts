import { describe, expect, it } from 'vitest';
import { parseIcsEvents } from '../../src/features/calendar/feature.js';
import {
  expectNoAxeViolations,
  submitVia,
  signedInPage,
  demoJourney,
  demoYears,
  d01RoundOf,
} from './browser.js';

describe('calendar journey on a phone in Chromium', () => {
  const demo = demoJourney();

  it('opens a year just begun with no late step, adds and finishes a task, and subscribes', async () => {
    const page = await signedInPage(demo.browser, demo.server, 'agency@example.org');
    await page.goto(`${demo.server.base}/home`);
    await expect.poll(() => page.locator('main #reminders').count()).toBe(1);
    // the demo's year is the one running today: no step of its calendar is late yet
    expect(await page.locator('main .once-warning a[href*="/calendar"]').count()).toBe(0);
    await expectNoAxeViolations(page);

    const roundId = d01RoundOf(demo.server, demoYears(demo.server).current);
    await page.goto(`${demo.server.base}/rounds/${roundId}/calendar`);
    await expect.poll(() => page.locator('main h1').innerText()).toBe('ปฏิทินงาน ITA');
    expect(await page.locator('main').innerText()).toContain('เกินกำหนด 0');
    await expectNoAxeViolations(page);
    // nothing wider than the phone
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);

    await page.fill('#title', 'ทดสอบงานจากโทรศัพท์');
    await page.fill('#dueOn', '24/12/2569');
    await page.selectOption('#ownerUserId', { label: 'ผู้รับผิดชอบข้อ OIT' });
    await submitVia(page, 'form[action$="/calendar/tasks"] button[type=submit]');
    const added = page.locator('main li', { hasText: 'ทดสอบงานจากโทรศัพท์' });
    await expect.poll(() => added.count()).toBe(1);
    await Promise.all([
      page.waitForNavigation(),
      added.locator('button', { hasText: 'ทำเสร็จแล้ว' }).click(),
    ]);
    await expect
      .poll(() => page.locator('main li', { hasText: 'ทดสอบงานจากโทรศัพท์' }).innerText())
      .toContain('เสร็จแล้ว ✓');

    await page.goto(`${demo.server.base}/calendar/feed`);
    await expectNoAxeViolations(page);
    await submitVia(page, 'form[action="/calendar/feed"] button[type=submit]');
    const url = await page.locator('#feed-url').inputValue();
    await expectNoAxeViolations(page);
    const feed = await fetch(url);
    expect(feed.status).toBe(200);
    const events = parseIcsEvents(await feed.text());
    const uid = `milestone-ita-${demoYears(demo.server).current}-results@prongsai`;
    expect(events.some((e) => e.get('UID')?.value === uid)).toBe(true);
  });
});
