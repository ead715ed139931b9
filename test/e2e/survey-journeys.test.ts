import { describe, expect, it } from 'vitest';
import {
  answerStep,
  expectNoAxeViolations,
  phonePage,
  type DemoServer,
  d01LinkCode,
  d01RoundOf,
  demoRow,
  signedInPage,
  demoJourney,
  demoYears,
} from './browser.js';

function countResponses(server: DemoServer, instrument: string): number {
  const sql = 'select count(*) as n from survey_response where instrument = ?';
  return demoRow<{ n: number }>(server, sql, instrument).n;
}

describe('survey journeys in Chromium', () => {
  const demo = demoJourney();

  it('answers the IIT on a phone by its public link, accessibly, and lands on the thank-you page', async () => {
    const page = await phonePage(demo.browser);
    const before = countResponses(demo.server, 'IIT');
    await page.goto(`${demo.server.base}/s/${d01LinkCode(demo.server, 'IIT')}`);
    expect(await page.locator('.statement').innerText()).toContain('คำตอบของท่านเป็นความลับ');
    await expectNoAxeViolations(page);
    await page.click('button[type=submit]');
    expect((await page.locator('.step').innerText()).trim()).toBe('ส่วนที่ 1 จาก 5');
    await expectNoAxeViolations(page);
    // a missing answer: the Thai message stands next to the question
    await page.click('button[value=next]');
    expect(await page.locator('.summary').innerText()).toContain('ยังตอบไม่ครบ');
    expect((await page.locator('.err').first().innerText()).trim()).toBe('กรุณาเลือกคำตอบของข้อนี้');
    await expectNoAxeViolations(page);
    for (let step = 1; step <= 5; step++) {
      expect((await page.locator('.step').innerText()).trim()).toBe(`ส่วนที่ ${step} จาก 5`);
      await answerStep(page);
      await page.click('button[value=next]');
    }
    expect((await page.locator('h1').innerText()).trim()).toBe('ขอบคุณที่ตอบแบบวัด');
    await expectNoAxeViolations(page);
    expect(countResponses(demo.server, 'IIT')).toBe(before + 1);
    // the page fits a phone: nothing wider than the screen
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
  });

  it('takes one answer per browser on the open link: the same phone is told so, kiosk mode still answers', async () => {
    const page = await phonePage(demo.browser);
    const url = `${demo.server.base}/s/${d01LinkCode(demo.server, 'IIT')}`;
    const before = countResponses(demo.server, 'IIT');
    await page.goto(url);
    await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
    for (let step = 1; step <= 5; step++) {
      await answerStep(page);
      await Promise.all([page.waitForNavigation(), page.click('button[value=next]')]);
    }
    expect((await page.locator('h1').innerText()).trim()).toBe('ขอบคุณที่ตอบแบบวัด');
    // the cookie: one per link, the same for everyone, not readable by scripts
    const cookies = await page.context().cookies();
    expect(
      cookies.map((c) => [c.name.startsWith('prongsai_s_'), c.value.split('.')[0], c.httpOnly]),
    ).toEqual([[true, 'answered', true]]);
    // the same browser opens the link again (the QR code scanned twice)
    await page.goto(url);
    expect((await page.locator('h1').innerText()).trim()).toBe('ท่านตอบแบบวัดนี้แล้ว');
    expect(await page.locator('button[type=submit]').count()).toBe(0);
    await expectNoAxeViolations(page);
    expect(countResponses(demo.server, 'IIT')).toBe(before + 1);
    // a shared device in kiosk mode takes the next person's answers
    await page.goto(`${url}?kiosk=1`);
    await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
    for (let step = 1; step <= 5; step++) {
      await answerStep(page, '3');
      await Promise.all([page.waitForNavigation(), page.click('button[value=next]')]);
    }
    expect((await page.locator('h1').innerText()).trim()).toBe('ขอบคุณที่ตอบแบบวัด');
    expect(countResponses(demo.server, 'IIT')).toBe(before + 2);
  });

  it('answers the EIT with a single-use code, cannot reuse it, and the cockpit counts it', async () => {
    const admin = await signedInPage(demo.browser, demo.server, 'agency@example.org');
    const cockpit = `${demo.server.base}/rounds/${d01RoundOf(demo.server, demoYears(demo.server).current)}/surveys`;
    await admin.goto(cockpit);
    const countText = async () =>
      (await admin.locator('#EIT').innerText()).match(/(?:ผู้ตอบแล้ว|Responses)\s*(\d+)/)?.[1];
    const before = Number(await countText());
    await expectNoAxeViolations(admin);
    // require codes for EIT, then issue two slips
    await admin.locator('#EIT input[name=requiresCode]').check();
    await Promise.all([
      admin.waitForNavigation(),
      admin.locator('#EIT form button[type=submit]').first().click(),
    ]);
    await admin.goto(`${cockpit}/EIT/codes`);
    await admin.fill('input[name=count]', '2');
    await Promise.all([admin.waitForNavigation(), admin.click('main form button[type=submit]')]);
    const code = (await admin.locator('.slip-code').first().innerText()).trim();
    expect(code).toMatch(/^[A-Z0-9]{5}-[A-Z0-9]{5}$/);

    const respondent = await phonePage(demo.browser);
    await respondent.goto(`${demo.server.base}/s/${d01LinkCode(demo.server, 'EIT')}?k=${code}`);
    await expectNoAxeViolations(respondent);
    await respondent.click('button[type=submit]');
    for (let step = 1; step <= 3; step++) {
      await answerStep(respondent, '3');
      await respondent.click('button[value=next]');
    }
    expect((await respondent.locator('h1').innerText()).trim()).toBe('ขอบคุณที่ตอบแบบวัด');

    const again = await phonePage(demo.browser);
    await again.goto(`${demo.server.base}/s/${d01LinkCode(demo.server, 'EIT')}?k=${code}`);
    await again.click('button[type=submit]');
    expect(await again.locator('.err').innerText()).toContain('รหัสนี้ถูกใช้ตอบแบบวัดไปแล้ว');

    await admin.goto(cockpit);
    expect(Number(await countText())).toBe(before + 1);
  });
});
