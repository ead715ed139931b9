import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { pdfText } from '../../src/platform/infra/pdf-text.js';
import {
  expectNoAxeViolations,
  d01RoundOf,
  demoRow,
  DESKTOP,
  signedInPage,
  demoJourney,
  demoYears,
} from './browser.js';

describe('results journey in Chromium', () => {
  const demo = demoJourney();

  async function as(email: string): Promise<Page> {
    return signedInPage(demo.browser, demo.server, email, { ...DESKTOP, acceptDownloads: true });
  }

  it('reads a result, runs a what-if, adopts a measure and downloads the PDF report', async () => {
    const years = demoYears(demo.server);
    const last = d01RoundOf(demo.server, years.last);
    const current = d01RoundOf(demo.server, years.current);
    const agencyName = demoRow<{ name_th: string }>(
      demo.server,
      `select name_th from agency where code = 'D01'`,
    ).name_th;
    const page = await as('agency@example.org');

    // the result of last year, from the round page
    await page.goto(`${demo.server.base}/rounds/${last}`);
    await Promise.all([page.waitForNavigation(), page.click(`a[href="/rounds/${last}/results"]`)]);
    const total = (await page.locator('[data-total]').first().innerText()).trim();
    expect(total).toMatch(/^\d+\.\d\d$/);

    // what-if: assume a failed OIT item passes, or an indicator at 100
    const pass = page.locator('.what-if-form input[name=pass]');
    if ((await pass.count()) > 0) await pass.first().check();
    else await page.locator('.what-if-form input[name^="i."]').first().fill('100');
    await page.click('.what-if-form button[type=submit]');
    const simulated = page.locator('[data-simulated-total] strong');
    await simulated.waitFor();
    expect(Number((await simulated.innerText()).trim())).toBeGreaterThan(Number(total));

    // a measure from a weak point of this year
    await page.goto(`${demo.server.base}/rounds/${current}/measures`);
    const adopt = page.locator('main form[action$="/measures"] button[type=submit]').first();
    const title = await page
      .locator('main form[action$="/measures"] input[name=title]')
      .first()
      .getAttribute('value');
    await Promise.all([page.waitForNavigation(), adopt.click()]);
    expect(page.url()).toMatch(new RegExp(`/rounds/${current}/measures/[\\w-]+$`));
    expect(await page.locator('main').innerText()).toContain(title ?? '?');

    // the reports page and the PDF of the result report
    await page.goto(`${demo.server.base}/rounds/${last}`);
    await Promise.all([page.waitForNavigation(), page.click(`a[href="/rounds/${last}/reports"]`)]);
    await expectNoAxeViolations(page);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('li[data-report=result] a[href$="result.pdf"]'),
    ]);
    expect(download.suggestedFilename()).toBe(`ita-result-D01-${years.last}.pdf`);
    const pdf = await readFile((await download.path()) as string);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = (await pdfText(pdf)).replace(/\s+/g, ' ');
    expect(text).toContain(agencyName);
    expect(text).toContain(total);

    // the public results page of that year, without signing in
    const visitor = await (await demo.browser.newContext({ locale: 'th-TH' })).newPage();
    await visitor.goto(`${demo.server.base}/public/D01/${years.last}/results`);
    expect((await visitor.locator('[data-total]').innerText()).trim()).toBe(total);
    await expectNoAxeViolations(visitor);
  }, 180_000);

  it('lets the ministry read the roll-up of its units', async () => {
    const ministryId = demoRow<{ id: string }>(
      demo.server,
      `select id from agency where parent_id is null order by path limit 1`,
    ).id;
    const { last } = demoYears(demo.server);
    const page = await as('ministry@example.org');
    await page.goto(`${demo.server.base}/agencies/${ministryId}/rollup?year=${last}`);
    const ranking = page.locator('[data-ranking]');
    await ranking.waitFor();
    expect(await page.locator('tr[data-ranked="D01"]').count()).toBe(1);
    expect(await page.locator('[data-ranking] tbody tr').count()).toBeGreaterThan(5);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.evaluate((url) => {
        const a = document.createElement('a');
        a.href = url;
        document.body.append(a);
        a.click();
      }, `/agencies/${ministryId}/rollup.xlsx?year=${last}`),
    ]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`^ita-rollup-.+-${last}\\.xlsx$`));

    // the same export in the background: the progress page refreshes itself until the file is ready
    await page.goto(
      `${demo.server.base}/agencies/${ministryId}/rollup.xlsx?year=${last}&background=1`,
    );
    expect(page.url()).toMatch(/\/exports\/[\w-]+$/);
    const ready = page.locator('a[data-download]');
    await ready.waitFor({ timeout: 30_000 });
    const [later] = await Promise.all([page.waitForEvent('download'), ready.click()]);
    expect(later.suggestedFilename()).toBe(download.suggestedFilename());
  }, 120_000);
});
