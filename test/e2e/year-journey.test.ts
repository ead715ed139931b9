import { mkdtempSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  answerStep,
  d01LinkCode,
  d01RoundOf,
  demoYears,
  DESKTOP,
  expectNoAxeViolations,
  launchBrowser,
  phonePage,
  signIn,
  startDemoServer,
  submitVia,
  DEMO_PASSWORD,
  type DemoServer,
  setEnv,
  startEvidenceSite,
} from './browser.js';

/**
 * Issue 13, "done when": one year of the demo unit D01 across every role, in Chromium, each
 * page checked with axe. The respondents, the item owner and the citizen use a phone-sized
 * window; the agency administrator, the head, the assessor and the ministry a desktop one.
 * The agency opens its round → staff answer → the owner fills two items → the head sends one
 * back with a reason, then approves → the agency submits → the assessor opens a file and fails
 * one item with advice → the owner sees the verdict on the item and at home → the agency
 * clarifies → the assessor passes it → the ministry confirms and publishes → a signed-out
 * citizen finds the agency's public home and its results. `SCREENSHOT_DIR=docs/screenshots`
 * refreshes the pictures the docs show.
 */

const PAGES: Record<string, string> = {
  '/o1.html':
    '<!doctype html><html lang="th"><head><meta charset="utf-8"><title>โครงสร้างหน่วยงาน</title></head>' +
    '<body><h1>โครงสร้างหน่วยงาน</h1><p>แผนผังโครงสร้างและอำนาจหน้าที่ของหน่วยงาน</p></body></html>',
  '/o2.html':
    '<!doctype html><html lang="th"><head><meta charset="utf-8"><title>ข้อมูลผู้บริหาร</title></head>' +
    '<body><h1>ข้อมูลผู้บริหาร</h1><p>ชื่อ ตำแหน่ง และช่องทางติดต่อผู้บริหาร</p></body></html>',
};

/** A one-page PDF, small and valid enough to be stored and opened. */
const POSTER = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n' +
    '2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\n' +
    'trailer<</Root 1 0 R>>\n%%EOF\n',
);

describe('one year across every role, in Chromium (issue 13)', () => {
  let server: DemoServer;
  let browser: Browser;
  let site: { base: string; server: Server };
  let restoreEnv: () => void = () => undefined;
  const shots = process.env.SCREENSHOT_DIR;

  beforeAll(async () => {
    const env = {
      FETCH_ALLOW_PRIVATE: '1',
      FILES_DIR: mkdtempSync(join(tmpdir(), 'prongsai-year-files-')),
    };
    restoreEnv = setEnv(env);
    [server, browser, site] = await Promise.all([
      startDemoServer(),
      launchBrowser(),
      startEvidenceSite(PAGES),
    ]);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (site) await new Promise((r) => site.server.close(r));
    restoreEnv();
  });

  async function desktop(email: string): Promise<Page> {
    const page = await (await browser.newContext(DESKTOP)).newPage();
    await signIn(page, server.base, email, DEMO_PASSWORD);
    return page;
  }

  async function phone(email: string): Promise<Page> {
    const page = await phonePage(browser);
    await signIn(page, server.base, email, DEMO_PASSWORD);
    return page;
  }

  /** Opens a page, checks that it answered and passes axe. */
  async function visit(page: Page, path: string): Promise<void> {
    const response = await page.goto(`${server.base}${path}`);
    expect(response?.status(), path).toBeLessThan(400);
    await expectNoAxeViolations(page);
  }

  async function snap(page: Page, name: string): Promise<void> {
    if (shots) await page.screenshot({ path: `${shots}/${name}`, fullPage: true });
  }

  const mainText = (page: Page) => page.locator('main').innerText();

  it('goes from the open round to the citizen reading the published result', async () => {
    const { current: year } = demoYears(server);
    const roundId = d01RoundOf(server, year);
    const round = `/rounds/${roundId}`;
    const oit = `${round}/oit`;
    const review = `/review/rounds/${roundId}`;

    // 1. the agency opens its round: a step list with the current stage
    const agency = await desktop('agency@example.org');
    await visit(agency, round);
    const current = agency.locator('main ol[data-steps] [aria-current=step]');
    expect(await current.count()).toBe(1);
    expect(await current.getAttribute('data-stage')).toBe('collecting');
    await snap(agency, 'round-steps.png');

    // 2. staff and citizens answer on their phones
    const respondent = await phonePage(browser);
    for (const instrument of ['IIT', 'EIT'] as const) {
      await respondent.goto(`${server.base}/s/${d01LinkCode(server, instrument)}`);
      await expectNoAxeViolations(respondent);
      await respondent.click('main button[type=submit]');
      while ((await respondent.locator('main button[value=next]').count()) > 0) {
        await answerStep(respondent);
        await Promise.all([
          respondent.waitForNavigation(),
          respondent.click('main button[value=next]'),
        ]);
      }
      expect((await respondent.locator('h1').innerText()).trim()).toBe('ขอบคุณที่ตอบแบบวัด');
      // a fresh browser for the next instrument: one answer per browser and link
      await respondent.context().clearCookies();
    }

    // 3. the agency gives O1 and O2 to the item owner
    for (const code of ['O1', 'O2']) {
      await visit(agency, `${oit}/${code}`);
      await agency.selectOption('#owner', { label: 'ผู้รับผิดชอบข้อ OIT' });
      await submitVia(agency, 'button[value=save]');
    }

    // 4. the owner fills both on a phone (O1 with a poster file) and offers them to the head
    const owner = await phone('owner@example.org');
    for (const code of ['O1', 'O2']) {
      await visit(owner, `${oit}/${code}`);
      await owner.fill('#urls', `${site.base}/${code.toLowerCase()}.html`);
      await owner.fill('#explanation', `หลักฐานข้อ ${code} อยู่บนเว็บไซต์ของหน่วยงาน`);
      for (const box of await owner.locator('main input[type=checkbox]').all()) await box.check();
      for (const where of await owner.locator('main input[name^="where:"]').all())
        await where.fill('หน้าแรก');
      if (code === 'O1')
        await owner.setInputFiles('#file', {
          name: 'poster.pdf',
          mimeType: 'application/pdf',
          buffer: POSTER,
        });
      await submitVia(owner, 'button[value=save]');
      await expectNoAxeViolations(owner);
      await submitVia(owner, 'button[value=ready]');
      expect(await owner.locator('main [data-status]').first().getAttribute('data-status')).toBe(
        'ready',
      );
    }

    // 5. the head finds both in the approval queue at home, sends O2 back with a reason
    const head = await desktop('head@example.org');
    await visit(head, '/home');
    const queue = await mainText(head);
    expect(queue).toContain('O1');
    expect(queue).toContain('O2');
    await snap(head, 'head-queue.png');
    const reason = 'ยังไม่มีรูปถ่ายและช่องทางติดต่อของรองอธิบดี';
    await visit(head, `${oit}/O2`);
    await head.fill('#reason', reason);
    await submitVia(head, 'button[value=return]');

    // the owner reads the reason on the item and at home, fixes it and offers it again
    await visit(owner, '/home');
    expect(await mainText(owner)).toContain('O2');
    await visit(owner, `${oit}/O2`);
    expect(await owner.locator('main [data-returned]').innerText()).toContain(reason);
    await owner.fill('#explanation', 'เพิ่มรูปถ่ายและช่องทางติดต่อของผู้บริหารทุกคนแล้ว');
    await submitVia(owner, 'button[value=save]');
    await submitVia(owner, 'button[value=ready]');

    // the head approves both
    for (const code of ['O1', 'O2']) {
      await visit(head, `${oit}/${code}`);
      await submitVia(head, 'button[value=approve]');
      expect(await head.locator('main [data-status]').first().getAttribute('data-status')).toBe(
        'approved',
      );
    }

    // 6. the agency submits both
    for (const code of ['O1', 'O2']) {
      await visit(agency, `${oit}/${code}`);
      await submitVia(agency, 'button[value=submit]');
    }

    // the ministry appoints the assessor and moves the round to OIT review (confirmed)
    const ministry = await desktop('ministry@example.org');
    await visit(ministry, review);
    await ministry.fill('main input[name=email]', 'assessor@example.org');
    await ministry.selectOption('#role', 'primary');
    await submitVia(ministry, 'form[action$="/assign"] button');
    await visit(ministry, round);
    await submitVia(ministry, 'a[data-move=oit_review]');
    await expectNoAxeViolations(ministry);
    await submitVia(ministry, 'form[action$="/state/oit_review"] button[type=submit]');

    // 7. the assessor opens the poster, passes O1 and fails O2 with advice
    const assessor = await desktop('assessor@example.org');
    await visit(assessor, '/home');
    expect(await mainText(assessor)).toContain('D01');
    await visit(assessor, `${review}/items/O1`);
    const fileLink = assessor.locator('main a[href*="/files/"]').first();
    expect(await fileLink.innerText()).toContain('poster.pdf');
    const file = await assessor.request.get(
      new URL((await fileLink.getAttribute('href')) ?? '', server.base).toString(),
    );
    expect(file.status()).toBe(200);
    expect(file.headers()['content-type']).toContain('application/pdf');
    expect(
      Buffer.from(await file.body())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    await assessor.check('main input[name=outcome][value=pass]');
    await submitVia(assessor, 'form button[type=submit]');
    await visit(assessor, `${review}/items/O2`);
    await assessor.check('main input[name=outcome][value=fail]');
    await assessor.selectOption('#template', 'element_missing');
    await assessor.selectOption('#element', 'O2.1');
    await submitVia(assessor, 'form button[type=submit]');

    // the ministry moves the round to clarification
    await visit(ministry, round);
    await submitVia(ministry, 'a[data-move=clarification]');
    await submitVia(ministry, 'form[action$="/state/clarification"] button[type=submit]');

    // 8. the owner sees the verdict on the item and at home
    await visit(owner, `${oit}/O2`);
    const verdict = await owner.locator('main [data-verdict]').innerText();
    expect(verdict).toContain('ไม่ผ่าน');
    expect(verdict).toContain('O2.1');
    await snap(owner, 'owner-verdict.png');
    await visit(owner, '/home');
    expect(await mainText(owner)).toContain('ไม่ผ่าน');

    // the agency clarifies the failed item
    await visit(agency, `${oit}/clarify`);
    await agency.fill('#text-O2', 'ข้อมูลผู้บริหารครบทุกองค์ประกอบแล้ว อยู่ที่หน้าแรกของลิงก์เดิม');
    await submitVia(agency, '#item-O2 button[type=submit]');

    // 9. the assessor reads the clarification and passes O2
    await visit(assessor, `${review}/items/O2`);
    expect(await mainText(assessor)).toContain('ข้อมูลผู้บริหารครบ');
    await assessor.check('main input[name=outcome][value=pass]');
    await submitVia(assessor, 'form button[type=submit]');

    // 10. the ministry confirms (its page says what cannot be undone) and publishes
    await visit(ministry, review);
    await submitVia(ministry, 'a[data-move=confirmed]');
    expect(await mainText(ministry)).toContain('สิ่งที่ย้อนกลับไม่ได้');
    await expectNoAxeViolations(ministry);
    await submitVia(ministry, 'form[action$="/confirm"] button');
    await visit(ministry, round);
    await submitVia(ministry, 'a[data-move=published]');
    await expectNoAxeViolations(ministry);
    await submitVia(ministry, 'form[action$="/state/published"] button[type=submit]');
    expect(
      await ministry.locator('main ol[data-steps] [aria-current=step]').getAttribute('data-stage'),
    ).toBe('published');

    // 11. a signed-out citizen finds the agency among all agencies, its home and its results
    const citizen = await phonePage(browser);
    const listed = await citizen.goto(`${server.base}/public`);
    expect(listed?.status()).toBe(200);
    await expectNoAxeViolations(citizen);
    await Promise.all([citizen.waitForNavigation(), citizen.click('main a[href="/public/D01"]')]);
    await expectNoAxeViolations(citizen);
    expect(await mainText(citizen)).toContain('กรมส่งเสริมการเรียนรู้');
    await snap(citizen, 'public-home.png');
    await Promise.all([
      citizen.waitForNavigation(),
      citizen.click(`main a[href="/public/D01/${year}/results"]`),
    ]);
    await expectNoAxeViolations(citizen);
    expect(await mainText(citizen)).toContain('ผลการประเมิน');
  }, 240_000);
});
