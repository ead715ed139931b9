import { describe, expect, it } from 'vitest';
import {
  d01CollectingRoundOf,
  demoJourney,
  demoRow,
  demoYears,
  expectNoAxeViolations,
  submitVia,
  signedInPage,
} from './browser.js';
import { loadEdition } from '../../src/features/editions/feature.js';

/** A recent day whose day and month are both 12 or less and differ: "5/4" reads two ways. */
function ambiguousDay(): { day: number; month: number; year: number } {
  for (let back = 1; ; back += 1) {
    const date = new Date(Date.now() + 7 * 3_600_000 - back * 86_400_000);
    const [day, month] = [date.getUTCDate(), date.getUTCMonth() + 1];
    if (day <= 12 && day !== month) return { day, month, year: date.getUTCFullYear() };
  }
}

describe('survey answer import on a phone', () => {
  const demo = demoJourney();

  it('checks a Google Forms export, asks the day order, takes a corrected column and imports', async () => {
    const { current } = demoYears(demo.server);
    const { edition } = loadEdition(`ita-${current}`);
    const i1 = edition.instruments
      .find((i) => i.code === 'IIT')
      ?.indicators.flatMap((indicator) => indicator.questions ?? [])
      .find((q) => q.code === 'i1');
    const header = `${i1?.text.th} [${i1?.items?.[0]?.text.th}]`;
    const { day, month, year } = ambiguousDay();
    const csv = [
      `ประทับเวลา,ที่อยู่อีเมล,"${header}",ข้อ ก`,
      `"${day}/${month}/${year}, 10:22:31",a@example.org,4 - มากที่สุด,มาก`,
      `"${day}/${month}/${year}, 16:05:00",b@example.org,น้อย,1`,
    ].join('\n');

    const page = await signedInPage(demo.browser, demo.server, 'agency@example.org');
    await page.goto(
      `${demo.server.base}/rounds/${d01CollectingRoundOf(demo.server)}/surveys/IIT/import`,
    );
    await page.fill('#csv', csv);
    await submitVia(page, 'button[value=preview]');
    // the column table: the grid row by its wording, the e-mail dropped, "ข้อ ก" not matched
    const main = page.locator('main');
    expect(await main.innerText()).toContain('อ่านได้สองแบบ');
    expect(await page.locator('#col_3').inputValue()).toBe('i1.1');
    expect(await page.locator('#col_4').inputValue()).toBe('');
    expect(await main.innerText()).toContain('ข้อมูลส่วนบุคคล ตัดทิ้ง ไม่นำเข้า');
    expect(await page.locator('button[value=import]').count()).toBe(0);
    await expectNoAxeViolations(page);
    const fits = () =>
      page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
    expect(await fits()).toBe(true);

    // the person answers: day first, and "ข้อ ก" is i2
    await page.selectOption('#dayOrder', 'dmy');
    await page.selectOption('#col_4', 'i2');
    await submitVia(page, 'button[value=preview]');
    expect(await main.innerText()).toContain('พร้อมนำเข้าคำตอบ 2 ชุด');
    expect(await page.locator('#col_4').inputValue()).toBe('i2');
    expect(await fits()).toBe(true);
    await expectNoAxeViolations(page);
    const imported = () =>
      demoRow<{ n: number }>(
        demo.server,
        `select count(*) as n from survey_response where source = 'import'`,
      ).n;
    const before = imported();
    await submitVia(page, 'button[value=import]');
    expect(await page.locator('.notice').innerText()).toContain('นำเข้าคำตอบแล้ว 2 ชุด');
    expect(imported()).toBe(before + 2);
  });
});
