import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../platform/db/test-databases.js';
import { csrfOf } from '../../../app/test-client.js';
import { createOitTestApp, type OitTestApp } from './oit-evidence.test-support.js';

/** The `data-oit-wait` of each item on the page (empty when published). */
function waitsOf(html: string): Map<string, string> {
  const items = [
    ...html.matchAll(
      /data-oit-item="([^"]+)" data-oit-status="[a-z]+"( data-oit-wait="([a-z]+)")?/g,
    ),
  ];
  return new Map(items.map((i) => [i[1] ?? '', i[3] ?? '']));
}

for (const dialect of DIALECTS) {
  describe(`the public OIT page explains every empty item [${dialect}]`, () => {
    let t: OitTestApp;
    const page = '/public/oit/D01/2569';

    beforeAll(async () => {
      t = await createOitTestApp(dialect);
    }, 60_000);
    afterAll(async () => t.close());

    it('says once that nothing is published yet, and per item that it is not submitted', async () => {
      const response = await t.client().get(page);
      expect(response.statusCode).toBe(200);
      expect(response.body).toContain('data-oit-summary="none"');
      expect(response.body).toContain('หน่วยงานยังไม่ได้เผยแพร่ข้อมูล OIT ปี 2569 ข้อใดเลย');
      expect(response.body).not.toContain('ยังไม่มีข้อมูลเผยแพร่');
      const waits = waitsOf(response.body);
      expect(waits.size).toBeGreaterThan(20);
      expect([...waits.values()].every((w) => w === 'preparing')).toBe(true);
      // the shared public header and the icon
      expect(response.body).toContain('data-public-agency="D01"');
      expect(response.body).toContain('href="/public/D01"');
      expect(response.body).toContain('href="/public/D01/search"');
      expect(response.body).toContain('rel="icon"');
    });

    it('tells a submitted item, an approved one waiting and one still being prepared apart', async () => {
      const api = `/api/v1/rounds/${t.roundId}/oit`;
      const agency = await t.signIn('agency@example.org');
      const head = await t.signIn('head@example.org');
      const [a, h] = [await csrfOf(agency), await csrfOf(head)];
      const body = (explanation: string) => ({ urls: [`${t.site}/page`], explanation });
      for (const code of ['O1', 'O2']) {
        expect((await agency.api('PUT', `${api}/${code}`, body(code), a)).statusCode).toBe(200);
        expect((await agency.api('POST', `${api}/${code}/ready`, undefined, a)).statusCode).toBe(
          200,
        );
        expect((await head.api('POST', `${api}/${code}/approve`, undefined, h)).statusCode).toBe(
          200,
        );
        if (code === 'O1')
          expect((await agency.api('POST', `${api}/submit`, undefined, a)).json()).toEqual({
            submitted: ['O1'],
          });
      }
      const response = await t.client().get(page);
      const waits = waitsOf(response.body);
      expect(waits.get('O1')).toBe('');
      expect(waits.get('O2')).toBe('approved');
      expect(waits.get('O3')).toBe('preparing');
      expect(response.body).toContain('ยังไม่ได้เผยแพร่: หัวหน้าหน่วยงานอนุมัติข้อมูลแล้ว');
      expect(response.body).toContain('ยังไม่ได้ส่ง: หน่วยงานกำลังจัดเตรียมข้อมูลข้อนี้');
      expect(response.body).toMatch(
        /data-oit-summary="some">เผยแพร่แล้ว 1 จาก \d+ ข้อ · อนุมัติแล้วรอส่งเผยแพร่ 1 ข้อ · ยังไม่ได้ส่ง \d+ ข้อ/,
      );
      // what is not submitted stays private: O2's explanation is not on the page
      expect(response.body).not.toContain('>O2</p>');
      const visitor = t.client();
      await visitor.get(`/lang/en?next=${page}/O2`);
      const english = await visitor.get(`${page}/O2`);
      expect(english.statusCode).toBe(200);
      expect(english.body).toContain('Not published yet: approved by the head of the agency');
    });
  });
}
