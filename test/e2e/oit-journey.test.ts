import { mkdtempSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  answerStep,
  expectNoAxeViolations,
  launchBrowser,
  startDemoServer,
  type DemoServer,
  d01LinkCode,
  d01RoundOf,
  demoYears,
  submitVia,
  DESKTOP,
  signedInPage,
  setEnv,
  startEvidenceSite,
} from './browser.js';

/** Two evidence documents in Thai, served on 127.0.0.1 so that submission snapshots succeed. */
const DOCUMENTS: Record<string, string> = {
  '/o1.html':
    '<!doctype html><html lang="th"><head><meta charset="utf-8"><title>โครงสร้างหน่วยงาน</title></head>' +
    '<body><h1>โครงสร้างหน่วยงาน</h1><p>แผนผังโครงสร้างกรมน้ำบาดาลตัวอย่าง ปี 2569</p></body></html>',
  '/o2.html':
    '<!doctype html><html lang="th"><head><meta charset="utf-8"><title>ข้อมูลผู้บริหาร</title></head>' +
    '<body><h1>ข้อมูลผู้บริหาร</h1><p>ชื่อ ตำแหน่ง รูปถ่าย และช่องทางติดต่อผู้บริหาร</p></body></html>',
};

describe('OIT journey in Chromium', () => {
  let server: DemoServer;
  let browser: Browser;
  let evidence: { base: string; server: Server };
  let restoreEnv: () => void = () => undefined;

  beforeAll(async () => {
    // startDemoServer passes this process's environment on to `prongsai demo`
    const env = {
      FETCH_ALLOW_PRIVATE: '1',
      FILES_DIR: mkdtempSync(join(tmpdir(), 'prongsai-e2e-files-')),
    };
    restoreEnv = setEnv(env);
    [server, browser, evidence] = await Promise.all([
      startDemoServer(),
      launchBrowser(),
      startEvidenceSite(DOCUMENTS),
    ]);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (evidence) await new Promise((r) => evidence.server.close(r));
    restoreEnv();
  });

  /** A desktop-size page signed in as one of the demo accounts. */
  async function as(email: string): Promise<Page> {
    return signedInPage(browser, server, email, { ...DESKTOP, bypassCSP: true });
  }

  it('fills, approves, submits, reviews, clarifies and confirms; the OIT score rises', async () => {
    const roundId = d01RoundOf(server, demoYears(server).current);
    const oit = `${server.base}/rounds/${roundId}/oit`;
    const review = `${server.base}/review/rounds/${roundId}`;
    const items = ['O1', 'O2'] as const;

    // one IIT and one EIT answer: the demo's generated answers may leave an instrument empty
    // (D01 may be one of the units with three respondents), and a level needs every instrument
    const respondent = await (await browser.newContext(DESKTOP)).newPage();
    for (const instrument of ['IIT', 'EIT'] as const) {
      await respondent.goto(`${server.base}/s/${d01LinkCode(server, instrument)}`);
      await respondent.click('main button[type=submit]');
      while ((await respondent.locator('main button[value=next]').count()) > 0) {
        await answerStep(respondent);
        await Promise.all([
          respondent.waitForNavigation(),
          respondent.click('main button[value=next]'),
        ]);
      }
      expect((await respondent.locator('h1').innerText()).trim()).toBe('ขอบคุณที่ตอบแบบวัด');
    }

    // the agency admin gives both items to the item owner
    const agency = await as('agency@example.org');
    for (const code of items) {
      await agency.goto(`${oit}/${code}`);
      await agency.selectOption('#owner', { label: 'ผู้รับผิดชอบข้อ OIT' });
      await submitVia(agency, 'button[value=save]');
      expect(await agency.inputValue('#owner')).not.toBe('');
    }

    // the owner fills both items and sends them to the head
    const owner = await as('owner@example.org');
    for (const code of items) {
      await owner.goto(`${oit}/${code}`);
      await owner.fill('#urls', `${evidence.base}/${code.toLowerCase()}.html`);
      await owner.fill('#explanation', `หลักฐานข้อ ${code} เผยแพร่บนเว็บไซต์ของหน่วยงาน`);
      for (const box of await owner.locator('main input[type=checkbox]').all()) await box.check();
      for (const where of await owner.locator('main input[name^="where:"]').all())
        await where.fill('หน้าแรก');
      if (code === 'O1') await expectNoAxeViolations(owner);
      // saving a change brings the item back to draft; then it goes to the head
      await submitVia(owner, 'button[value=save]');
      expect(await owner.inputValue('#urls')).toBe(`${evidence.base}/${code.toLowerCase()}.html`);
      await submitVia(owner, 'button[value=ready]');
      expect(await owner.locator('main [data-status]').first().getAttribute('data-status')).toBe(
        'ready',
      );
    }

    // the head approves both
    const head = await as('head@example.org');
    for (const code of items) {
      await head.goto(`${oit}/${code}`);
      await submitVia(head, 'button[value=approve]');
      expect(await head.locator('main [data-status]').first().getAttribute('data-status')).toBe(
        'approved',
      );
    }

    // the agency admin submits both items: the links are captured at submission
    for (const code of items) {
      await agency.goto(`${oit}/${code}`);
      await submitVia(agency, 'button[value=submit]');
    }
    await agency.goto(oit);
    for (const code of items) {
      const status = agency.locator(`main tr[data-oit-item="${code}"] [data-status]`);
      expect(await status.getAttribute('data-status')).toBe('submitted');
    }
    await agency.goto(`${oit}/O1`);
    expect(await agency.locator('main [data-snapshot]').first().innerText()).toContain('200');

    // the ministry admin assigns the assessor and opens the OIT review
    const ministry = await as('ministry@example.org');
    await ministry.goto(review);
    await ministry.fill('main input[name=email]', 'assessor@example.org');
    await ministry.selectOption('#role', 'primary');
    await submitVia(ministry, 'form[action$="/assign"] button');
    expect(await ministry.locator('main').innerText()).toContain('ผู้ประเมินหลัก: ผู้ประเมิน (ตัวอย่าง)');
    await ministry.goto(`${server.base}/rounds/${roundId}`);
    // every move goes through its confirmation page (issue 13)
    await submitVia(ministry, 'a[data-move=oit_review]');
    await submitVia(ministry, 'form[action$="/state/oit_review"] button[type=submit]');
    // in OIT review, the next step offered is clarification
    const toClarify = 'a[data-move=clarification]';
    expect(await ministry.locator(`main ${toClarify}`).count()).toBe(1);

    // the assessor passes O1 and fails O2 with a ready reason
    const assessor = await as('assessor@example.org');
    await assessor.goto(`${server.base}/review`);
    expect(await assessor.locator('main').innerText()).toContain('D01');
    await assessor.goto(`${review}/items/O1`);
    expect(await assessor.locator('main').innerText()).toContain(`${evidence.base}/o1.html`);
    expect(await assessor.locator('main').innerText()).toContain('HTTP 200');
    await expectNoAxeViolations(assessor);
    // SCREENSHOT_DIR=docs/screenshots refreshes the picture of the workbench in the docs
    const shots = process.env.SCREENSHOT_DIR;
    if (shots)
      await assessor.screenshot({ path: `${shots}/assessor-workbench.png`, fullPage: true });
    await assessor.check('main input[name=outcome][value=pass]');
    await submitVia(assessor, 'form button[type=submit]');
    expect(await assessor.locator('main').innerText()).toContain('รอบแรก');
    await assessor.goto(`${review}/items/O2`);
    await assessor.check('main input[name=outcome][value=fail]');
    await assessor.selectOption('#template', 'element_missing');
    await assessor.selectOption('#element', 'O2.1');
    await submitVia(assessor, 'form button[type=submit]');
    expect(await assessor.locator('main .tag').first().innerText()).toBe('ไม่ผ่าน');

    const scoreCard = (label: string, on: Page = assessor) =>
      on.locator('main .card').filter({ hasText: label }).locator('.big').first();
    await assessor.goto(review);
    const before = Number(await scoreCard('คะแนน OIT').innerText());
    expect(before).toBeGreaterThan(0);

    // the round moves to clarification; the agency answers the failed item
    await ministry.goto(`${server.base}/rounds/${roundId}`);
    await submitVia(ministry, toClarify);
    await submitVia(ministry, 'form[action$="/state/clarification"] button[type=submit]');
    await agency.goto(`${oit}/clarify`);
    const o2 = agency.locator('main #item-O2');
    expect(await o2.innerText()).toContain('ไม่พบองค์ประกอบที่กำหนด: O2.1');
    expect(await agency.locator('main #item-O1').count()).toBe(0);
    await expectNoAxeViolations(agency);
    await agency.fill('#text-O2', 'ข้อมูลผู้บริหารครบทุกองค์ประกอบ อยู่ที่หน้าแรกของลิงก์เดิม');
    await submitVia(agency, '#item-O2 button[type=submit]');
    expect(await agency.locator('main #item-O2').innerText()).toContain('ข้อมูลผู้บริหารครบ');

    // the assessor reads the answer and passes O2 in the final stage
    await assessor.goto(`${review}/items/O2`);
    expect(await assessor.locator('main').innerText()).toContain('ข้อมูลผู้บริหารครบ');
    await assessor.check('main input[name=outcome][value=pass]');
    await submitVia(assessor, 'form button[type=submit]');
    expect(await assessor.locator('main').innerText()).toContain('รอบชี้แจง');

    // the OIT score is higher; the assessor reviews but does not confirm (issue 12)
    await assessor.goto(review);
    const after = Number(await scoreCard('คะแนน OIT').innerText());
    expect(after).toBeGreaterThan(before);
    expect(await assessor.locator('main a[data-move=confirmed]').count()).toBe(0);
    expect(await assessor.locator('main form[action$="/confirm"]').count()).toBe(0);

    // confirmation: the ministry, on the confirmation page that says what cannot be undone
    await ministry.goto(review);
    await submitVia(ministry, 'a[data-move=confirmed]');
    expect(ministry.url()).toBe(`${review}/confirm`);
    const confirmPage = await ministry.locator('main').innerText();
    expect(confirmPage).toContain('สิ่งที่ย้อนกลับไม่ได้');
    expect(Number(await scoreCard('คะแนน OIT', ministry).innerText())).toBe(after);
    await expectNoAxeViolations(ministry);
    await submitVia(ministry, 'form[action$="/confirm"] button');
    expect(Number(await scoreCard('คะแนน OIT', ministry).innerText())).toBe(after);
    expect((await scoreCard('ระดับ', ministry).innerText()).trim()).not.toBe('—');
    expect(await ministry.locator('main').innerText()).toContain('ยืนยันผลแล้ว');
  }, 90_000);
});
