import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createDemoApp,
  d01RoundId,
  signedIn,
  type TestApp,
  type TestClient,
} from '../../../app/test-client.js';
import { createFixedClock } from '../../../platform/infra/clock.js';
import { THAI_MONTHS } from '../../../core/thai-calendar.js';

const MONTH = THAI_MONTHS.join('|');
/** "1 ตุลาคม พ.ศ. 2567 – 30 กันยายน พ.ศ. 2568": a time frame in full Thai dates. */
const PERIOD = new RegExp(
  `(\\d{1,2}) (${MONTH}) พ.ศ. (\\d{4}) – (\\d{1,2}) (${MONTH}) พ.ศ. (\\d{4})`,
  'g',
);

/** A full Thai date as a number that sorts like the day (yyyymmdd, Buddhist era). */
function dayNumber(day: string, month: string, year: string): number {
  const index = THAI_MONTHS.indexOf(month as (typeof THAI_MONTHS)[number]);
  return Number(year) * 10_000 + (index + 1) * 100 + Number(day);
}

/** A day that does not exist is refused on the form, and a bad stored day breaks no page. */
describe('dates of measures and calendar tasks [sqlite]', () => {
  let t: TestApp;
  let agency: TestClient;
  let roundId: string;

  beforeAll(async () => {
    t = await createDemoApp('sqlite', createFixedClock('2026-11-26T03:00:00.000Z'));
    agency = await signedIn(t, 'agency@example.org');
    roundId = await d01RoundId(agency, 'ita-2569', 'collecting');
  }, 120_000);
  afterAll(async () => t.close());

  it('refuses 2569-13-45 as a measure due date, on the form, and stores nothing', async () => {
    const base = `/rounds/${roundId}/measures`;
    await agency.get(base);
    const before = await t.ctx.db.kysely
      .selectFrom('improvement_measure')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    const refused = await agency.post(base, {
      targetType: 'indicator',
      targetCode: '9',
      title: 'มาตรการวันที่ผิด',
      dueOn: '45/13/2569',
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('ไม่มีวันที่');
    expect(refused.body).toContain('45/13/2569');
    expect(refused.body).toContain('มาตรการวันที่ผิด');
    const after = await t.ctx.db.kysely
      .selectFrom('improvement_measure')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('takes a due day typed as day/month/Buddhist-era year and shows it back the same way', async () => {
    const base = `/rounds/${roundId}/measures`;
    const form = await agency.get(base);
    expect(form.body).toMatch(/<input[^>]*id="dueOn"[^>]*inputmode="numeric"/);
    expect(form.body).not.toContain('type="date"');
    const created = await agency.post(base, {
      targetType: 'indicator',
      targetCode: '9',
      title: 'มาตรการกำหนดเสร็จแบบ พ.ศ.',
      dueOn: '31/03/2570',
    });
    expect(created.statusCode).toBe(302);
    const stored = await t.ctx.db.kysely
      .selectFrom('improvement_measure')
      .select('due_on')
      .where('title', '=', 'มาตรการกำหนดเสร็จแบบ พ.ศ.')
      .executeTakeFirstOrThrow();
    expect(stored.due_on).toBe('2027-03-31');
    const detail = await agency.get(String(created.headers.location));
    expect(detail.body).toContain('value="31/03/2570"');
  });

  it('refuses a due year far from today (26 Nov 2569) or in the Christian era, keeping the form', async () => {
    const base = `/rounds/${roundId}/measures`;
    await agency.get(base);
    const cases = {
      '31/03/3113': 'ตรวจปี พ.ศ. อีกครั้ง',
      '31/03/2580': 'อยู่นอกช่วงที่รับได้',
      '31/03/2027': 'ปี ค.ศ.',
    };
    for (const [dueOn, reason] of Object.entries(cases)) {
      const refused = await agency.post(base, {
        targetType: 'indicator',
        targetCode: '9',
        title: 'มาตรการปีผิด',
        dueOn,
      });
      expect([dueOn, refused.statusCode]).toEqual([dueOn, 400]);
      expect(refused.body).toContain(reason);
      expect(refused.body).toContain(`value="${dueOn}"`);
    }
  });

  it('prints time frames of measures that never end before they start, in full Thai dates', async () => {
    // last year's measures are recorded today (26 Nov 2569), after their due day (30 Sep)
    const html = await agency.get(`/rounds/${roundId}/measures/progress.html`);
    expect(html.statusCode).toBe(200);
    const periods = [...html.body.matchAll(PERIOD)];
    expect(periods.length).toBeGreaterThan(0);
    for (const [text, d1, m1, y1, d2, m2, y2] of periods) {
      const [start, end] = [dayNumber(d1!, m1!, y1!), dayNumber(d2!, m2!, y2!)];
      expect([text, start <= end]).toEqual([text, true]);
    }
    // the finished measure of last year: its fiscal year, from 1 October to its due day
    expect(html.body).toMatch(/1 ตุลาคม พ.ศ. (\d{4}) – 30 กันยายน พ.ศ. \d{4}/);
    expect(html.body).not.toMatch(/\d{1,2} (ม|ก|พ|เม|มิ|ส|ต|ธ)\.[ยพคษคก]\. 25\d\d/);
  });

  it('takes 20/12/2569 as a calendar task date, and refuses 31/04/2570 or 2569 typed as 2026', async () => {
    const base = `/rounds/${roundId}/calendar`;
    await agency.get(base);
    const refused = await agency.post(`${base}/tasks`, { title: 'ส่งรายงาน', dueOn: '31/04/2570' });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('ไม่มีวันที่');
    expect(refused.body).toContain('value="31/04/2570"');
    const ce = await agency.post(`${base}/tasks`, { title: 'ส่งรายงาน', dueOn: '20/12/2026' });
    expect(ce.statusCode).toBe(400);
    expect(ce.body).toContain('ปี ค.ศ.');
    const far = await agency.post(`${base}/tasks`, { title: 'ส่งรายงาน', dueOn: '20/12/2590' });
    expect(far.statusCode).toBe(400);
    expect(far.body).toContain('อยู่นอกช่วงที่รับได้');
    const saved = await agency.post(`${base}/tasks`, { title: 'ส่งรายงาน', dueOn: '20/12/2569' });
    expect(saved.statusCode).toBe(302);
    const task = await t.ctx.db.kysely
      .selectFrom('calendar_task')
      .select('due_on')
      .where('title', '=', 'ส่งรายงาน')
      .executeTakeFirstOrThrow();
    expect(task.due_on).toBe('2026-12-20');
    const page = await agency.get(base);
    expect(page.body).toMatch(/<input[^>]*id="dueOn"[^>]*inputmode="numeric"/);
  });

  it('still shows the measures pages when a stored day is not a real day', async () => {
    const base = `/rounds/${roundId}/measures`;
    const created = await agency.post(base, {
      targetType: 'indicator',
      targetCode: '9',
      title: 'มาตรการเก่าที่วันที่เสีย',
      dueOn: '2027-03-31',
    });
    expect(created.statusCode).toBe(302);
    // a value written before days were checked
    await t.ctx.db.kysely
      .updateTable('improvement_measure')
      .set({ due_on: '2569-13-45' })
      .where('title', '=', 'มาตรการเก่าที่วันที่เสีย')
      .execute();
    expect((await agency.get(base)).statusCode).toBe(200);
    const detail = await agency.get(String(created.headers.location));
    expect(detail.statusCode).toBe(200);
    expect(detail.body).toContain('2569-13-45');
  });
});
