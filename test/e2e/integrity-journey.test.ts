import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations, d01Of, submitVia, signedInPage, demoJourney } from './browser.js';

describe('No Gift Policy and gift register in Chromium (on a phone)', () => {
  const demo = demoJourney();

  async function as(email: string): Promise<Page> {
    const page = await signedInPage(demo.browser, demo.server, email);
    return page;
  }

  it('a staff member acknowledges the policy and reports a gift above the threshold; the head sees it flagged', async () => {
    const agency = `${demo.server.base}/agencies/${d01Of(demo.server)}`;
    const staff = await as('owner@example.org');

    await staff.goto(agency);
    await Promise.all([
      staff.waitForNavigation(),
      staff.locator('main a', { hasText: 'นโยบายไม่รับของขวัญ' }).first().click(),
    ]);
    expect(await staff.locator('main h2').first().innerText()).toContain('No Gift Policy');
    const before = await staff.locator('#ack-share').innerText();
    expect(before).toMatch(/บุคลากรรับทราบแล้ว 2 จาก \d+ คน/);
    await expectNoAxeViolations(staff);
    await submitVia(staff, 'button:has-text("ข้าพเจ้ารับทราบประกาศนี้")');
    expect(await staff.locator('#my-ack').innerText()).toContain('คุณรับทราบประกาศนี้แล้วเมื่อ');
    expect(await staff.locator('#ack-share').innerText()).toMatch(/บุคลากรรับทราบแล้ว 3 จาก/);

    await staff.goto(`${agency}/gifts`);
    await expectNoAxeViolations(staff);
    await staff.selectOption('#giverType', 'business');
    await staff.fill('#giverName', 'ผู้ประกอบการรายหนึ่ง');
    await staff.fill('#description', 'ชุดเครื่องแก้วคริสตัล');
    await staff.fill('#valueBaht', '6,800');
    await staff.selectOption('#disposition', 'received');
    await staff.selectOption('#handling', 'handed_over');
    await submitVia(staff, 'button:has-text("รายงาน")');
    const row = staff.locator('main tr', { hasText: 'ชุดเครื่องแก้วคริสตัล' });
    expect(await row.innerText()).toContain('เกินเกณฑ์ · รอวินิจฉัย');
    await expectNoAxeViolations(staff);

    const head = await as('head@example.org');
    await head.goto(`${agency}/gifts`);
    const flagged = head.locator('#flagged li', { hasText: 'ชุดเครื่องแก้วคริสตัล' });
    expect(await flagged.innerText()).toContain('6,800 บาท');
    expect(await flagged.locator('input[name=decision]').count()).toBe(3);
    await expectNoAxeViolations(head);
    await flagged.locator('input[value=hand_to_agency]').check();
    await Promise.all([head.waitForNavigation(), flagged.locator('button[type=submit]').click()]);
    expect(await head.locator('#flagged').innerText()).not.toContain('ชุดเครื่องแก้วคริสตัล');
    expect(await head.locator('main').innerText()).toContain('ให้ส่งมอบเป็นสิทธิ์ของหน่วยงาน');
  }, 120_000);
});
