import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseIcsEvents, unescapeText } from '../core/ics.js';
import { DIALECTS } from '../../../platform/db/test-databases.js';
import { createFixedClock } from '../../../platform/infra/clock.js';
import {
  createDemoApp,
  d01RoundId,
  roundsOf,
  type TestApp,
  type TestClient,
  signedIn,
  csrfOf,
  createOutsider,
} from '../../../app/test-client.js';
import { step } from '../../../app/test-steps.js';

/** Task ids on a calendar page, in page order, with their titles. */
function tasksOn(body: string): { id: string; text: string }[] {
  return [...body.matchAll(/<li id="task-([^"]+)">(.*?)<\/li>/gs)].map((x) => ({
    id: x[1] ?? '',
    text: x[2] ?? '',
  }));
}

for (const dialect of DIALECTS) {
  describe(`calendar pages, home reminders and ICS feed [${dialect}]`, () => {
    let t: TestApp;
    let agency: TestClient;
    let base: string;

    beforeAll(async () => {
      // 26 Nov 2026: every 2569 milestone is past; the demo left two planned tasks open
      t = await createDemoApp(dialect, createFixedClock('2026-11-26T03:00:00.000Z'));
      agency = await signedIn(t, 'agency@example.org');
      base = `/rounds/${await d01RoundId(agency, 'ita-2569', 'collecting')}/calendar`;
    }, 180_000);
    afterAll(async () => t.close());

    /** D02's agency admin (d02-admin@example.org), added once (app/test-steps.ts). */
    const outsiderAdded = step(() => createOutsider(t));

    /** The task "ส่งรายงานสรุปผล ITA" (due 1 December), added through the form. */
    const summaryTaskAdded = step(async () => {
      await agency.get(base);
      const bad = await agency.post(`${base}/tasks`, { title: 'ส่งรายงาน', dueOn: '30/02/2569' });
      expect(bad.statusCode).toBe(400);
      expect(bad.body).toContain('ไม่มีวันที่');
      expect(bad.body).toContain('value="30/02/2569"');
      const before = tasksOn((await agency.get(base)).body).length;
      const added = await agency.post(`${base}/tasks`, {
        title: 'ส่งรายงานสรุปผล ITA',
        titleEn: 'Send the ITA summary',
        // typed as people type it: day/month/Buddhist-era year
        dueOn: '01/12/2569',
      });
      expect(added.statusCode).toBe(302);
      const after = await agency.get(base);
      expect(tasksOn(after.body)).toHaveLength(before + 1);
      expect(after.body).toContain('ส่งรายงานสรุปผล ITA');
      const anonymous = await t.client().get(base);
      expect(anonymous.statusCode).toBe(302);
    });

    it('shows milestones and tasks month by month in the Buddhist era, late work marked', async () => {
      const page = await agency.get(base);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('หน่วยงานเผยแพร่ข้อมูลและบันทึกแบบตรวจ OIT');
      expect(page.body).toContain('<h2>เมษายน 2569</h2>');
      expect(page.body).toContain('<h2>ธันวาคม 2569</h2>');
      const tasks = tasksOn(page.body);
      expect(tasks).toHaveLength(11);
      const late = tasks.filter((x) => x.text.includes('เกินกำหนด'));
      expect(late.map((x) => /<strong>([^<]+)<\/strong>/.exec(x.text)?.[1])).toEqual([
        'หัวหน้าหน่วยงานตรวจและอนุมัติข้อมูล OIT',
        'จัดทำมาตรการส่งเสริมคุณธรรมและความโปร่งใสจากผลการประเมิน',
      ]);
      expect(tasks.filter((x) => x.text.includes('เสร็จแล้ว ✓'))).toHaveLength(7);
      expect(page.body).not.toContain('วางแผนย้อนหลังจากกำหนดการ');
      expect(page.body).toContain(`action="${base}/tasks"`);
    });

    it('adds a task through the form, refusing a date that does not exist', () =>
      summaryTaskAdded());

    it('lets the owner mark their task done, and a viewer only look', async () => {
      const owner = await signedIn(t, 'owner@example.org');
      const page = await owner.get(base);
      const mine = tasksOn(page.body).find((x) => x.text.includes('ประชุมคณะทำงานทบทวนผล'));
      expect(mine?.text).toContain('ใกล้ถึงกำหนด');
      const done = await owner.post(`${base}/tasks/${mine?.id}/done`, { done: '1' });
      expect(done.statusCode).toBe(302);
      const after = tasksOn((await owner.get(base)).body).find((x) => x.id === mine?.id);
      expect(after?.text).toContain('เสร็จแล้ว ✓');

      const viewer = await signedIn(t, 'viewer@example.org');
      const seen = await viewer.get(base);
      expect(seen.statusCode).toBe(200);
      expect(seen.body).not.toContain(`action="${base}/tasks"`);
      const refused = await viewer.post(`${base}/tasks`, { title: 'x', dueOn: '2026-12-01' });
      expect(refused.statusCode).toBe(403);
      const marked = await viewer.post(`${base}/tasks/${mine?.id}/done`, { done: '0' });
      expect(marked.statusCode).toBe(403);
    });

    it('edits a task on its own page', async () => {
      const page = await agency.get(base);
      const task = tasksOn(page.body).find((x) => x.text.includes('รายงานความคืบหน้ามาตรการ'));
      const edit = await agency.get(`${base}/tasks/${task?.id}`);
      expect(edit.statusCode).toBe(200);
      expect(edit.body).toContain('value="รายงานความคืบหน้ามาตรการต่อผู้บริหาร"');
      const saved = await agency.post(`${base}/tasks/${task?.id}`, {
        title: 'รายงานความคืบหน้ามาตรการต่อผู้บริหาร',
        dueOn: '2027-01-15',
      });
      expect(saved.statusCode).toBe(302);
      expect((await agency.get(base)).body).toContain('<h2>มกราคม 2570</h2>');
    });

    it('refuses a form without its token, and hides the calendar from another agency', async () => {
      const noToken = await agency.post(`${base}/plan`, {}, false);
      expect(noToken.statusCode).toBe(403);
      const outsider = await outsiderAdded();
      expect((await outsider.get(base)).statusCode).toBe(404);
      expect(
        (await outsider.post(`${base}/tasks`, { title: 'x', dueOn: '2026-12-01' })).statusCode,
      ).toBe(404);
    });

    it('plans a round backwards with one button', async () => {
      await outsiderAdded();
      const outsider = await signedIn(t, 'd02-admin@example.org');
      const theirs = await roundsOf(outsider, 'collecting');
      const d02 = theirs.find((r) => r.agencyCode === 'D02' && r.editionCode === 'ita-2569');
      const own = `/rounds/${d02?.id ?? ''}/calendar`;
      const page = await outsider.get(own);
      expect(page.body).toContain('วางแผนย้อนหลังจากกำหนดการ');
      const planned = await outsider.post(`${own}/plan`, {});
      expect(planned.statusCode).toBe(302);
      const after = await outsider.get(String(planned.headers.location));
      expect(after.body).toContain('วางแผนแล้ว เพิ่ม 9 งาน');
      expect(tasksOn(after.body)).toHaveLength(9);
      expect(after.body).not.toContain('วางแผนย้อนหลังจากกำหนดการ');
    });

    it('shows late and coming work on the home page with links', async () => {
      await summaryTaskAdded();
      // last year's round is published; its measures are this year's work and still remind
      const last = await d01RoundId(agency, 'ita-2568');
      const measure = {
        targetType: 'indicator',
        targetCode: '9',
        title: 'ทบทวนข้อมูลบนเว็บไซต์ทุกไตรมาส',
        dueOn: '2026-10-31',
      };
      const made = await agency.api(
        'POST',
        `/api/v1/rounds/${last}/measures`,
        measure,
        await csrfOf(agency),
      );
      expect(made.statusCode).toBe(201);
      const home = await agency.get('/home');
      expect(home.statusCode).toBe(200);
      expect(home.body).toContain('งานที่ต้องดำเนินการ');
      const lateBlock = /<div class="once-warning">(.*?)<\/div>/s.exec(home.body)?.[1] ?? '';
      expect(lateBlock).toContain('จัดทำมาตรการส่งเสริมคุณธรรมและความโปร่งใสจากผลการประเมิน');
      expect(lateBlock).toContain(`href="${base}#task-`);
      expect(lateBlock).toContain('ทบทวนข้อมูลบนเว็บไซต์ทุกไตรมาส');
      expect(lateBlock).toContain(`/rounds/${last}/measures/`);
      expect(lateBlock).not.toContain('ส่งรายงานสรุปผล ITA');
      expect(home.body).toContain('ส่งรายงานสรุปผล ITA');
      const head = await signedIn(t, 'head@example.org');
      const headHome = await head.get('/home');
      expect(headHome.body).toContain('หัวหน้าหน่วยงานตรวจและอนุมัติข้อมูล OIT');
      const mine = await head.get('/calendar');
      expect(mine.statusCode).toBe(200);
      expect(mine.body).toContain('หัวหน้าหน่วยงานตรวจและอนุมัติข้อมูล OIT');
      expect(mine.body).toContain('ประกาศผลการประเมิน');
    });

    it('gives a secret ICS feed address that works without a session until replaced', async () => {
      const head = await signedIn(t, 'head@example.org');
      const info = await head.get('/calendar/feed');
      expect(info.body).toContain('สร้างลิงก์ปฏิทิน');
      const made = await head.post('/calendar/feed', {});
      expect(made.statusCode).toBe(200);
      const url = /id="feed-url"[^>]*value="([^"]+)"/.exec(made.body)?.[1] ?? '';
      const path = new URL(url).pathname;
      expect(path).toMatch(/^\/calendar\/feed\/[A-Za-z0-9_-]+\.ics$/);

      const anonymous = t.client();
      const feed = await anonymous.get(path);
      expect(feed.statusCode).toBe(200);
      expect(feed.headers['content-type']).toContain('text/calendar');
      const events = parseIcsEvents(feed.body);
      const summaries = events.map((e) => unescapeText(e.get('SUMMARY')?.value ?? ''));
      expect(summaries).toContain('หัวหน้าหน่วยงานตรวจและอนุมัติข้อมูล OIT (D01)');
      expect(summaries).toContain('ITA 2569: ประกาศผลการประเมิน');
      const results = events.find(
        (e) => e.get('UID')?.value === 'milestone-ita-2569-results@prongsai',
      );
      expect(results?.get('DTSTART')?.value).toBe('20260801');
      expect(results?.get('DTEND')?.value).toBe('20260901');
      for (const line of feed.body.split('\r\n'))
        expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);

      const again = await head.post('/calendar/feed', {});
      expect(again.body).toContain('id="feed-url"');
      expect((await anonymous.get(path)).statusCode).toBe(404);
      expect((await anonymous.get('/calendar/feed/not-a-token.ics')).statusCode).toBe(404);
    });

    it('limits how often a feed address can be tried', async () => {
      const guesser = t.client();
      const statuses: number[] = [];
      for (let i = 0; i < 32; i++)
        statuses.push(
          (await guesser.get(`/calendar/feed/guess${i}aaaaaaaaaaaaaaaa.ics`)).statusCode,
        );
      expect(statuses.slice(0, 25).every((s) => s === 404)).toBe(true);
      expect(statuses.at(-1)).toBe(429);
    });

    it('answers the JSON API with the calendar and adds tasks with the CSRF header', async () => {
      const api = `/api/v1${base}`;
      const got = await agency.api('GET', api);
      expect(got.statusCode).toBe(200);
      const body = got.json() as { milestones: { code: string }[]; tasks: { urgency: string }[] };
      expect(body.milestones.map((ms) => ms.code)).toContain('results');
      expect(body.tasks.filter((x) => x.urgency === 'overdue').length).toBeGreaterThan(0);
      const task = { title: 'งานจาก API', dueOn: '2026-12-10' };
      expect((await agency.api('POST', `${api}/tasks`, task)).statusCode).toBe(403);
      const made = await agency.api('POST', `${api}/tasks`, task, await csrfOf(agency));
      expect(made.statusCode).toBe(201);
      expect(made.json().task).toMatchObject({ title: 'งานจาก API', status: 'todo' });
      const bad = await agency.api('POST', `${api}/tasks`, { title: '' }, await csrfOf(agency));
      expect(bad.statusCode).toBe(400);
    });
  });
}
