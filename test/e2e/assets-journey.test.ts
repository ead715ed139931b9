import { describe, expect, it } from 'vitest';
import {
  expectNoAxeViolations,
  d01Of,
  submitVia,
  withDemoDb,
  DESKTOP,
  signedInPage,
  demoJourney,
} from './browser.js';
import { beDay } from '../../src/core/thai-calendar.js';

const CAMERA = '6720-001-0001/66';

/** A Bangkok calendar day, `days` from today. */
function dayFromToday(days: number): string {
  return new Date(Date.now() + 7 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

describe('asset loan journey in Chromium', () => {
  const demo = demoJourney();

  it('requests, approves, hands over, reminds when overdue and records the return', async () => {
    const loans = `${demo.server.base}/agencies/${d01Of(demo.server)}/loans`;

    // a member of D01 asks for the camera on a phone
    const staff = await signedInPage(demo.browser, demo.server, 'owner@example.org');
    await staff.goto(`${demo.server.base}/agencies/${d01Of(demo.server)}/assets`);
    await expectNoAxeViolations(staff);
    await submitVia(staff, `main a:text-is("${CAMERA}")`, '');
    await staff.selectOption('#purposeCategory', 'public_service');
    await staff.fill('#purpose', 'ถ่ายภาพกิจกรรมเปิดบ้านให้ประชาชนเยี่ยมชมหน่วยงาน');
    // typed as people type them: day/month/Buddhist-era year
    await staff.fill('#fromOn', beDay(dayFromToday(0)));
    await staff.fill('#toOn', beDay(dayFromToday(1)));
    await expectNoAxeViolations(staff);
    await submitVia(staff, 'main form[action$="/loans"] button[type=submit]', '');
    expect(await staff.locator('.notice').innerText()).toContain('รอผู้มีอำนาจอนุมัติ');

    // the agency admin approves and hands it over
    const admin = await signedInPage(demo.browser, demo.server, 'agency@example.org', DESKTOP);
    await admin.goto(loans);
    await expectNoAxeViolations(admin);
    const card = (status: string) =>
      `main article[data-loan-status="${status}"]:has-text("${CAMERA}")`;
    await submitVia(admin, `${card('requested')} form[action$="/approve"] button`, '');
    expect(await admin.locator('.notice').innerText()).toContain('อนุมัติคำขอยืมแล้ว');
    await submitVia(admin, `${card('approved')} form[action$="/hand-over"] button`, '');
    expect(await admin.locator(card('handed_over')).count()).toBe(1);

    // time passes: the loan's days move into the past, as if the due date went by
    withDemoDb(
      demo.server,
      (db) =>
        db
          .prepare(
            `update asset_loan set from_on = ?, to_on = ?
             where status = 'handed_over' and asset_id = (select id from asset where asset_number = ?)`,
          )
          .run(dayFromToday(-6), dayFromToday(-2), CAMERA),
      true,
    );

    // the borrower sees the overdue reminder, the admin the follow-up
    await staff.goto(loans);
    const reminders = staff.locator('main [data-reminders]');
    expect(await reminders.innerText()).toContain(`เลยกำหนดคืนทรัพย์สิน: ${CAMERA}`);
    await expectNoAxeViolations(staff);
    await staff.goto(`${demo.server.base}/`);
    expect(await staff.locator('main').innerText()).toContain(`เลยกำหนดคืนทรัพย์สิน: ${CAMERA}`);
    await admin.goto(loans);
    expect(await admin.locator('main [data-reminders]').innerText()).toContain(
      `ทรัพย์สินเลยกำหนดคืน ต้องติดตาม: ${CAMERA}`,
    );
    expect(await admin.locator(card('handed_over')).innerText()).toContain('เลยกำหนดคืน');

    // the return is recorded with the condition; the reminder goes away
    await admin.fill(`${card('handed_over')} input[name=condition]`, 'สภาพปกติ ครบทุกชิ้น');
    await submitVia(admin, `${card('handed_over')} form[action$="/return"] button`, '');
    expect(await admin.locator('.notice').innerText()).toContain('บันทึกการรับคืนแล้ว');
    await staff.goto(loans);
    expect(await staff.locator('main').innerText()).not.toContain(`เลยกำหนดคืนทรัพย์สิน: ${CAMERA}`);
    expect(await staff.locator('main').innerText()).toContain('สภาพปกติ ครบทุกชิ้น');
  }, 120_000);
});
