import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../platform/db/test-databases.js';
import { createFixedClock } from '../../../platform/infra/clock.js';
import {
  createDemoApp,
  d01RoundId,
  type TestApp,
  type TestClient,
  signedIn,
} from '../../../app/test-client.js';

const SITE = 'https://ita.example.go.th';

/** The evidence links of an item as its form shows them (one per line). */
function linksOf(body: string): string[] {
  const text = /<textarea[^>]*name="urls"[^>]*>([\s\S]*?)<\/textarea>/.exec(body)?.[1] ?? '';
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
}

for (const dialect of DIALECTS) {
  describe(`documents Prongsai published, offered on their OIT item [${dialect}]`, () => {
    let t: TestApp;
    let admin: TestClient;
    let item = '';

    beforeAll(async () => {
      t = await createDemoApp(dialect, createFixedClock('2026-11-26T03:00:00.000Z'), {
        APP_URL: SITE,
      });
      admin = await signedIn(t, 'agency@example.org');
      const roundId = await d01RoundId(admin, 'ita-2569', 'collecting');
      item = `/rounds/${roundId}/oit/O20`;
    }, 180_000);

    afterAll(async () => {
      await t?.close();
    });

    it('adds a listed document as an absolute link on the site address, once', async () => {
      const before = await admin.get(item);
      expect(before.statusCode).toBe(200);
      expect(before.body).toContain('data-document-source="no_gift_declaration"');
      expect(linksOf(before.body)).not.toContain(`${SITE}/public/D01/2569/no-gift`);

      const added = await admin.post(item, {
        action: 'add_generated',
        document: '/public/D01/2569/no-gift',
      });
      expect(added.statusCode).toBe(302);
      expect(added.headers.location).toContain('done=linked');
      const after = await admin.get(item);
      const links = linksOf(after.body);
      expect(links).toContain(`${SITE}/public/D01/2569/no-gift`);
      expect(after.body).toContain('อยู่ในลิงก์หลักฐานแล้ว');

      await admin.post(item, { action: 'add_generated', document: '/public/D01/2569/no-gift' });
      const again = linksOf((await admin.get(item)).body);
      expect(again.filter((l) => l === `${SITE}/public/D01/2569/no-gift`)).toHaveLength(1);
      expect(again).toHaveLength(links.length);
    });

    it('offers every register the edition lists on its item, from the demo', async () => {
      const expected: Record<string, string[]> = {
        O8: ['work_manuals'],
        O9: ['service_manuals'],
        O15: ['asset_guideline', 'asset_report', 'activity_reports'],
        O20: ['no_gift_declaration', 'no_gift_communication', 'gift_report'],
        O25: ['ita_results', 'ita_analysis'],
      };
      for (const [code, sources] of Object.entries(expected)) {
        const page = await admin.get(item.replace(/O20$/, code));
        expect(page.statusCode).toBe(200);
        for (const source of sources)
          expect(page.body).toContain(`data-document-source="${source}"`);
      }
      const o1 = await admin.get(item.replace(/O20$/, 'O1'));
      expect(o1.body).not.toContain('data-generated-evidence');
    });

    it('refuses an address that is not one of the item’s documents and stores nothing', async () => {
      const before = linksOf((await admin.get(item)).body);
      const refused = await admin.post(item, {
        action: 'add_generated',
        document: 'https://attacker.example/phish',
      });
      expect(refused.statusCode).toBe(404);
      const other = await admin.post(item, {
        action: 'add_generated',
        document: '/public/D01/manuals/service',
      });
      expect(other.statusCode).toBe(404);
      expect(linksOf((await admin.get(item)).body)).toEqual(before);
    });

    it('does not let a viewer add links', async () => {
      const viewer = await signedIn(t, 'viewer@example.org');
      const page = await viewer.get(item);
      expect(page.statusCode).toBe(200);
      expect(page.body).not.toContain('value="add_generated"');
      const refused = await viewer.post(item, {
        action: 'add_generated',
        document: '/public/D01/2569/gifts',
      });
      expect(refused.statusCode).toBeGreaterThanOrEqual(400);
      expect(linksOf((await admin.get(item)).body)).not.toContain(`${SITE}/public/D01/2569/gifts`);
    });
  });
}
