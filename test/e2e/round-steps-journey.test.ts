import { describe, expect, it } from 'vitest';
import {
  d01CollectingRoundOf,
  demoJourney,
  expectNoAxeViolations,
  signedInPage,
  submitVia,
} from './browser.js';

/**
 * Issue 13, part 1, in Chromium on a phone: the round's page is a step list that fits the
 * screen, passes axe, marks the current stage, leads the agency only where it may go, and the
 * parent body moves the round on through the move's confirmation page.
 */
describe('the round page in Chromium, on a phone', () => {
  const demo = demoJourney();

  it('shows the step list, links only what opens, and moves a stage on its confirmation page', async () => {
    const { server, browser } = demo;
    const roundId = d01CollectingRoundOf(server);
    const page = `${server.base}/rounds/${roundId}`;

    const agency = await signedInPage(browser, server, 'agency@example.org');
    await agency.goto(page);
    const current = agency.locator('main ol.steps > li[aria-current=step]');
    expect(await current.count()).toBe(1);
    expect(await current.getAttribute('data-stage')).toBe('collecting');
    expect(await current.innerText()).toContain('แบบวัด IIT: ตอบแล้ว');
    expect(await agency.locator('main ol.steps > li').count()).toBe(6);
    // a vertical list that fits the phone: no sideways scrolling
    const overflow = await agency.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await expectNoAxeViolations(agency);
    // the agency is neither offered a move nor led to the assessors' review
    expect(await agency.locator('main a[data-move]').count()).toBe(0);
    expect(await agency.locator(`main a[href="/review/rounds/${roundId}"]`).count()).toBe(0);
    for (const href of await agency
      .locator('main ol.steps a')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''))) {
      const res = await agency.request.get(`${server.base}${href}`);
      expect([href, res.status() < 400]).toEqual([href, true]);
    }

    // the parent body: the move is a link to a page that says what happens, then posts
    const ministry = await signedInPage(browser, server, 'ministry@example.org');
    await ministry.goto(page);
    await submitVia(ministry, 'a[data-move=oit_review]');
    expect(ministry.url()).toBe(`${page}/state/oit_review`);
    expect(await ministry.locator('main').innerText()).toContain('สิ่งที่ย้อนกลับไม่ได้');
    await expectNoAxeViolations(ministry);
    await submitVia(ministry, 'form[action$="/state/oit_review"] button[type=submit]');
    expect(ministry.url()).toBe(`${page}?done=moved`);
    const now = ministry.locator('main ol.steps > li[aria-current=step]');
    expect(await now.getAttribute('data-stage')).toBe('oit_review');
  });
});
