import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../platform/db/test-databases.js';
import { csrfOf } from '../../../app/test-client.js';
import { createOitTestApp, postUpload, type OitTestApp } from './oit-evidence.test-support.js';

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);

for (const dialect of DIALECTS) {
  describe(`public OIT page [${dialect}]`, () => {
    let t: OitTestApp;
    const page = '/public/oit/D01/2569';

    beforeAll(async () => {
      t = await createOitTestApp(dialect);
      const api = `/api/v1/rounds/${t.roundId}/oit`;
      const agency = await t.signIn('agency@example.org');
      const head = await t.signIn('head@example.org');
      const [a, h] = [await csrfOf(agency), await csrfOf(head)];
      const body = (url: string, explanation: string) => ({ urls: [url], explanation });
      const o1 = await agency.api('PUT', `${api}/O1`, body(`${t.site}/page`, 'ส่งแล้ว'), a);
      expect(o1.statusCode).toBe(200);
      await agency.get(`/rounds/${t.roundId}/oit/O1`);
      await postUpload(
        agency,
        `/rounds/${t.roundId}/oit/O1`,
        { urls: `${t.site}/page`, explanation: 'ส่งแล้ว', action: 'save' },
        { name: 'chart.png', bytes: PNG },
      );
      await agency.api('PUT', `${api}/O2`, body(`${t.site}/draft-only`, 'ยังเป็นร่าง'), a);
      expect((await agency.api('POST', `${api}/O1/ready`, undefined, a)).statusCode).toBe(200);
      expect((await head.api('POST', `${api}/O1/approve`, undefined, h)).statusCode).toBe(200);
      const submitted = await agency.api('POST', `${api}/submit`, undefined, a);
      expect(submitted.json()).toEqual({ submitted: ['O1'] });
    }, 60_000);
    afterAll(async () => t.close());

    it('shows every item, marked and anchored, with links of submitted evidence only', async () => {
      const response = await t.client().get(page);
      expect(response.statusCode).toBe(200);
      expect(response.body).toContain('<html lang="th">');
      expect(response.body).toContain('id="O1" data-oit-item="O1" data-oit-status="submitted"');
      expect(response.body).toContain('data-oit-item="O2" data-oit-status="pending"');
      expect(response.body).toContain(`${t.site}/page`);
      expect(response.body).not.toContain('draft-only');
      expect(response.body).not.toContain('ยังเป็นร่าง');
      expect(response.body).toContain('<h1>');
    });

    it('has a stable URL per item and serves submitted files only', async () => {
      const item = await t.client().get(`${page}/O1`);
      expect(item.statusCode).toBe(200);
      expect(item.body).toContain('data-oit-item="O1"');
      expect(item.body).not.toContain('data-oit-item="O2"');
      const href = /href="(\/public\/oit\/D01\/2569\/files\/[^"]+)"/.exec(item.body)?.[1] ?? '';
      const file = await t.client().get(href);
      expect(file.statusCode).toBe(200);
      expect(file.headers['content-disposition']).toContain('attachment');
      expect(file.headers['x-content-type-options']).toBe('nosniff');
      expect((await t.client().get(`${page}/O99`)).statusCode).toBe(404);
      expect((await t.client().get('/public/oit/NOPE/2569')).statusCode).toBe(404);
    });

    it('offers JSON and CSV feeds of the same content', async () => {
      const json = (await t.client().get(`${page}.json`)).json() as {
        items: { code: string; submitted: boolean; links: string[]; files: unknown[] }[];
      };
      const o1 = json.items.find((i) => i.code === 'O1');
      const o2 = json.items.find((i) => i.code === 'O2');
      expect(o1).toMatchObject({ submitted: true, links: [`${t.site}/page`] });
      expect(o1?.files).toHaveLength(1);
      expect(o2).toMatchObject({ submitted: false, links: [] });
      const csv = await t.client().get(`${page}.csv`);
      expect(csv.headers['content-type']).toContain('text/csv');
      expect(csv.body).toContain(`O1,โครงสร้าง หน้าที่และอำนาจ,submitted`);
      expect(csv.body).not.toContain('draft-only');
    });
  });
}
