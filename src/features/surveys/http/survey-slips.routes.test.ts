import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../platform/db/test-databases.js';
import {
  createDemoApp,
  d01RoundId,
  signedIn,
  type TestApp,
  type TestClient,
} from '../../../app/test-client.js';

const TYPE_IT = 'แล้วกรอกรหัสนี้';
const SCAN_IT = 'สแกน QR code เพื่อตอบแบบวัด';

for (const dialect of DIALECTS) {
  describe(`single-use code slips [${dialect}]`, () => {
    let t: TestApp;
    let agency: TestClient;
    let base: string;

    beforeAll(async () => {
      t = await createDemoApp(dialect);
      agency = await signedIn(t, 'agency@example.org');
      base = `/rounds/${await d01RoundId(agency, 'ita-2569', 'collecting')}/surveys`;
    });
    afterAll(async () => t.close());

    it('say "enter this code" only when the link takes no answer without a code (issue 13)', async () => {
      // the demo's EIT link is open to everyone: the QR carries the code, nothing to type
      await agency.get(`${base}/EIT/codes`);
      const open = await agency.post(`${base}/EIT/codes`, { count: '2' });
      expect(open.statusCode).toBe(200);
      expect(open.body).not.toContain(TYPE_IT);
      expect(open.body.split(SCAN_IT)).toHaveLength(3);
      expect(open.body).toContain('ยังเปิดให้ตอบได้โดยไม่ต้องใช้รหัส');
      // once the link takes only codes, each slip says to type its code
      await agency.get(base);
      const saved = await agency.post(`${base}/EIT/settings`, { requiresCode: '1', closesOn: '' });
      expect(saved.statusCode).toBe(302);
      await agency.get(`${base}/EIT/codes`);
      const closed = await agency.post(`${base}/EIT/codes`, { count: '2' });
      expect(closed.statusCode).toBe(200);
      expect(closed.body.split(TYPE_IT)).toHaveLength(3);
      expect(closed.body).not.toContain(SCAN_IT);
      expect(closed.body).not.toContain('ยังเปิดให้ตอบได้โดยไม่ต้องใช้รหัส');
    });
  });
}
