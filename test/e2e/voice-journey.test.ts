import { beforeAll, describe, expect, it } from 'vitest';
import {
  answerStep,
  expectNoAxeViolations,
  phonePage,
  demoRows,
  d01RoundOf,
  signedInPage,
  demoJourney,
  demoYears,
} from './browser.js';

const COMMENT = 'คุณวิชัย ดีงาม ขอเงินค่าดำเนินการ โทร 02 123 4567 อีเมล wichai.d@example.net';

describe('stakeholder voice journey in Chromium', () => {
  const demo = demoJourney();
  let roundId = '';

  beforeAll(() => {
    roundId = d01RoundOf(demo.server, demoYears(demo.server).current);
  });

  it('a respondent leaves a comment on a phone; it is stored masked', async () => {
    const [link] = demoRows<{ code: string }>(
      demo.server,
      `select code from survey_link where round_id = ? and instrument = 'EIT'`,
      roundId,
    );
    const page = await phonePage(demo.browser);
    await page.goto(`${demo.server.base}/s/${link!.code}`);
    await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
    for (let i = 0; i < 10 && (await page.locator('#comment').count()) === 0; i++) {
      await answerStep(page, '3');
      await Promise.all([page.waitForNavigation(), page.click('button[value=next]')]);
    }
    await answerStep(page, '3');
    await expect(page.locator('#comment-hint').innerText()).resolves.toContain('โปรดอย่าเขียนชื่อ');
    await expectNoAxeViolations(page);
    await page.fill('#comment', COMMENT);
    await Promise.all([page.waitForNavigation(), page.click('button[value=next]')]);
    expect(await page.locator('h1').innerText()).toContain('ขอบคุณที่ตอบแบบวัด');
    const stored = demoRows<{ comment: string }>(
      demo.server,
      `select comment from survey_response where round_id = ? and comment like '%ค่าดำเนินการ%'`,
      roundId,
    );
    expect(stored.map((r) => r.comment)).toEqual([
      'คุณ[ชื่อ] ขอเงินค่าดำเนินการ โทร [เบอร์โทร] อีเมล [อีเมล]',
    ]);
  });

  it('the agency reads the voice page from the round page, accessible on a phone', async () => {
    const page = await signedInPage(demo.browser, demo.server, 'agency@example.org');
    await page.goto(`${demo.server.base}/rounds/${roundId}`);
    await Promise.all([page.waitForNavigation(), page.click(`a[href="/rounds/${roundId}/voice"]`)]);
    const iit = page.locator('[data-instrument="IIT"]');
    await expect(iit.locator('[data-theme="gifts"] td').first().innerText()).resolves.toContain(
      '1 การปฏิบัติหน้าที่',
    );
    await expect(iit.locator('svg').count()).resolves.toBe(1);
    const eit = await page.locator('[data-instrument="EIT"]').innerText();
    // today's answer is not counted yet, so EIT still has too few comments
    expect(eit).toContain('ไม่แสดง');
    expect(await page.locator('main').innerText()).not.toMatch(/สมชาย|081-234-5678|วิชัย/);
    await expectNoAxeViolations(page);
  });
});
