import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../platform/db/test-databases.js';
import { createFixedClock } from '../../../platform/infra/clock.js';
import {
  createDemoApp,
  d01RoundId,
  type TestApp,
  type TestClient,
  signedIn,
  csrfOf,
  createOutsider,
} from '../../../app/test-client.js';
import { step } from '../../../app/test-steps.js';

for (const dialect of DIALECTS) {
  describe(`improvement measures pages and API [${dialect}]`, () => {
    let t: TestApp;
    let agency: TestClient;
    let base: string;
    let api: string;

    beforeAll(async () => {
      t = await createDemoApp(dialect, createFixedClock('2026-11-26T03:00:00.000Z'));
      agency = await signedIn(t, 'agency@example.org');
      const roundId = await d01RoundId(agency, 'ita-2569', 'collecting');
      base = `/rounds/${roundId}/measures`;
      api = `/api/v1${base}`;
    }, 120_000);
    afterAll(async () => t.close());

    /** A suggested measure adopted through the form, once per app (app/test-steps.ts). */
    const suggestionAdopted = step(async () => {
      const page = await agency.get(base);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('มาตรการที่แนะนำจากจุดอ่อน');
      expect(page.body).toContain('รับเป็นมาตรการ');
      // the demo's collecting round has no OIT decision yet: its weak points are survey ones
      // (an item not yet assessed is no weak point, issue 13 part 7)
      expect(page.body).not.toMatch(/name="targetType" value="oit_item"/);
      const hidden =
        /name="targetType" value="(indicator|question)"\/?>\s*<input type="hidden" name="targetCode" value="([^"]+)"\/?>\s*<input type="hidden" name="title" value="([^"]+)"/.exec(
          page.body,
        );
      expect(hidden).not.toBeNull();
      const [, type = '', code = '', title = ''] = hidden ?? [];
      const adopted = await agency.post(base, {
        targetType: type,
        targetCode: code,
        title: title.replaceAll('&quot;', '"'),
        description: 'ทบทวนขั้นตอนการปฏิบัติงาน',
      });
      expect(adopted.statusCode).toBe(302);
      const detail = await agency.get(String(adopted.headers.location));
      expect(detail.statusCode).toBe(200);
      expect(detail.body).toContain(code);
      const list = await agency.get(base);
      expect(list.body).toContain(String(adopted.headers.location));
    });

    /** A measure for indicator 9 added through the form, with its progress. */
    const indicatorMeasureAdded = step(async () => {
      await agency.get(base);
      const bad = await agency.post(base, { targetType: 'indicator', targetCode: '9', title: '' });
      expect(bad.statusCode).toBe(400);
      expect(bad.body).toContain('กรุณาระบุชื่อมาตรการ');
      const created = await agency.post(base, {
        targetType: 'indicator',
        targetCode: '9',
        title: 'ยกระดับการเปิดเผยข้อมูลสาธารณะ',
        dueOn: '2027-03-31',
      });
      expect(created.statusCode).toBe(302);
      const url = String(created.headers.location);
      const page = await agency.get(url);
      expect(page.body).toContain('2570');
      const noted = await agency.post(`${url}/progress`, {
        note: 'ประชุมคณะทำงานแล้ว',
        percent: '30',
      });
      expect(noted.statusCode).toBe(302);
      const after = await agency.get(url);
      expect(after.body).toContain('ประชุมคณะทำงานแล้ว');
      expect(after.body).toContain('กำลังดำเนินการ');
      const tooMuch = await agency.post(`${url}/progress`, { note: 'x', percent: '150' });
      expect(tooMuch.statusCode).toBe(400);
      const list = await agency.get(base);
      expect(list.body).toContain('31 มี.ค. 2570');
      expect(list.body).toContain('30% · ประชุมคณะทำงานแล้ว');
    });

    it('shows suggestions from the weak points and adopts one', () => suggestionAdopted());

    it('adds a measure with a Buddhist-era due date, records progress and refuses bad input', () =>
      indicatorMeasureAdded());

    it('prints the measures document with agency, fiscal year and the measures', async () => {
      await indicatorMeasureAdded();
      const doc = await agency.get(`${base}/document`);
      expect(doc.statusCode).toBe(200);
      expect(doc.body).toContain('ประจำปีงบประมาณ พ.ศ. 2569');
      expect(doc.body).toContain('กรมส่งเสริมการเรียนรู้');
      expect(doc.body).toContain('ยกระดับการเปิดเผยข้อมูลสาธารณะ');
      expect(doc.body).toContain('ระยะเวลาดำเนินการ');
    });

    it('serves the JSON API with CSRF for changes', async () => {
      await suggestionAdopted();
      await indicatorMeasureAdded();
      const list = await agency.api('GET', api);
      expect(list.statusCode).toBe(200);
      expect(list.json().measures.length).toBeGreaterThanOrEqual(2);
      expect(list.json().suggestions.length).toBeGreaterThan(0);
      const body = {
        targetType: 'indicator',
        targetCode: '10',
        title: 'ป้องกันการทุจริต',
        dueOn: '2026-11-01',
      };
      expect((await agency.api('POST', api, body)).statusCode).toBe(403);
      const created = await agency.api('POST', api, body, await csrfOf(agency));
      expect(created.statusCode).toBe(201);
      expect(created.json().measure.status).toBe('planned');
      const again = (await agency.api('GET', api)).json().measures as {
        id: string;
        overdue: boolean;
      }[];
      expect(again.find((x) => x.id === created.json().measure.id)?.overdue).toBe(true);
      const wrong = await agency.api(
        'POST',
        api,
        { ...body, targetCode: 'ZZ' },
        await csrfOf(agency),
      );
      expect(wrong.statusCode).toBe(400);
    });

    it('lets a viewer see but not change, and hides the round from another agency', async () => {
      const viewer = await signedIn(t, 'viewer@example.org');
      const page = await viewer.get(base);
      expect(page.statusCode).toBe(200);
      expect(page.body).not.toContain('รับเป็นมาตรการ');
      const refused = await viewer.api(
        'POST',
        api,
        { targetType: 'indicator', targetCode: '9', title: 'x' },
        await csrfOf(viewer),
      );
      expect(refused.statusCode).toBe(403);
      const outsider = await createOutsider(t);
      expect((await outsider.get(base)).statusCode).toBe(404);
      expect((await outsider.get(`${base}/document`)).statusCode).toBe(404);
      expect((await outsider.api('GET', api)).statusCode).toBe(404);
    });
  });
}
