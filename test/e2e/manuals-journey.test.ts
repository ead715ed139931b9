import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  expectNoAxeViolations,
  phonePage,
  d01Of,
  submitVia,
  DESKTOP,
  signedInPage,
  demoJourney,
} from './browser.js';

const TITLE = 'การขอรับรองสำเนาเอกสารราชการ';

async function metOf(page: Page, code: string): Promise<string | null> {
  return page.locator(`main [data-element="${code}"]`).getAttribute('data-met');
}

describe('service manual journey in Chromium', () => {
  const demo = demoJourney();

  async function as(email: string): Promise<Page> {
    return signedInPage(demo.browser, demo.server, email, { ...DESKTOP, bypassCSP: true });
  }

  it('the owner writes a two-step service manual, the head publishes it, the public sees it', async () => {
    const manuals = `${demo.server.base}/agencies/${d01Of(demo.server)}/manuals`;

    // the owner starts a draft and writes two timed steps, leaving fee and documents blank
    const owner = await as('owner@example.org');
    await owner.goto(manuals);
    await owner.selectOption('#kind', 'service');
    await owner.fill('#title', TITLE);
    await submitVia(owner, 'form[action$="/manuals"] button[type=submit]');
    await owner.fill('#responsibleUnit', 'งานสารบรรณ');
    await owner.fill('#channels', 'ศูนย์บริการร่วม ชั้น 1');
    await owner.fill('#step-0-description', 'ยื่นคำขอพร้อมต้นฉบับเอกสาร');
    await owner.fill('#step-0-responsible', 'เจ้าหน้าที่ศูนย์บริการร่วม');
    await owner.fill('#step-0-amount', '15');
    await owner.selectOption('#step-0-unit', 'minutes');
    await submitVia(owner, 'button[value=add_step]');
    await owner.fill('#step-1-description', 'ตรวจและลงนามรับรองสำเนา');
    await owner.fill('#step-1-responsible', 'หัวหน้างานสารบรรณ');
    await owner.fill('#step-1-amount', '1');
    await owner.selectOption('#step-1-unit', 'working_days');
    await submitVia(owner, 'button[value=save]');

    // the element check shows what is still missing: the fee and the documents
    expect(await metOf(owner, 'O9.1')).toBe('true');
    expect(await metOf(owner, 'O9.2')).toBe('true');
    expect(await metOf(owner, 'O9.3')).toBe('true');
    expect(await metOf(owner, 'O9.4')).toBe('false');
    expect(await metOf(owner, 'O9.5')).toBe('false');
    await expectNoAxeViolations(owner);

    await owner.fill('#feeText', 'ไม่มี');
    await owner.fill('#documents', 'ไม่มี');
    await submitVia(owner, 'button[value=save]');
    expect(await metOf(owner, 'O9.4')).toBe('true');
    expect(await metOf(owner, 'O9.5')).toBe('true');
    const draftUrl = owner.url().split('#')[0] ?? '';

    // the head publishes it
    const head = await as('head@example.org');
    await head.goto(draftUrl);
    await submitVia(head, 'button[value=publish]');
    expect(
      await head.locator('main [data-manual-status]').first().getAttribute('data-manual-status'),
    ).toBe('published');

    // anyone can read it on a phone, without signing in
    const visitor = await phonePage(demo.browser);
    await visitor.goto(`${demo.server.base}/public/D01/manuals`);
    await Promise.all([visitor.waitForNavigation(), visitor.click(`main a:text("${TITLE}")`)]);
    expect((await visitor.locator('h1').innerText()).trim()).toBe(TITLE);
    const rows = await visitor.locator('main table.manual-steps tbody tr').allInnerTexts();
    expect(rows).toHaveLength(2);
    expect(rows[0]).toContain('15 นาที');
    expect(rows[1]).toContain('1 วันทำการ');
    expect(await visitor.locator('main [data-fee]').innerText()).toBe('ไม่มี');
    expect(await visitor.getAttribute('html', 'lang')).toBe('th');
    await expectNoAxeViolations(visitor);
  }, 120_000);
});
