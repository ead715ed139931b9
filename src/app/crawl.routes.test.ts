import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo.js';
import { createDemoApp, type TestApp, type TestClient } from './test-client.js';
import { crawl, linksOf, pageOf, patiently, shapeOf } from './crawl.test-support.js';

/**
 * Issue 13: no page links anywhere its reader cannot open. For each demo role, a bounded crawl
 * from the home page follows every same-site link of every HTML page it reaches and asks for it
 * as that person; every link must answer below 400. The same for a signed-out citizen from the
 * public pages. The crawl is `crawl.test-support.ts`; each generated document's shape is opened
 * once in the whole run, by the first person who reaches it.
 */

const documentShapes = new Set<string>();

/** The app's clock. */
let now = Date.parse('2026-11-26T03:00:00.000Z');
const clock = { now: () => new Date(now) };

/** A person who meets a rate limit (429) waits a minute, as one would. */
const aMinute = () => {
  now += 61_000;
};

describe('every link a person is shown opens for that person', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createDemoApp('sqlite', clock);
  }, 180_000);
  afterAll(async () => t.close());

  it('crawls the same-site links of a page and blanks ids in shapes (so the crawl is bounded)', () => {
    expect(
      linksOf('<a href="/rounds/1">a</a><a class="x" href="/public/D01?y=1&amp;z=2#top">b</a>'),
    ).toEqual(['/rounds/1', '/public/D01?y=1&z=2']);
    expect(linksOf('<a href="https://example.org/">x</a><a href="//evil">y</a>')).toEqual([]);
    expect(shapeOf('/rounds/0b7c4d1e-1234-4abc-8def-0123456789ab/results?tab=1')).toBe(
      '/rounds/:id/results?tab',
    );
    expect(shapeOf('/public/D01/2568/result.pdf')).toBe('/public/D01/:n/result.pdf');
  });

  for (const [index, account] of DEMO_ACCOUNTS.entries()) {
    it(`${account.email} (${account.role}): every link on the pages they reach answers below 400`, async () => {
      // each person from their own address, as in an office
      const person: TestClient = t.client(`10.8.${index}.1`);
      await person.signIn(account.email, DEMO_PASSWORD);
      const { broken, opened } = await crawl(
        (path) => patiently(async () => pageOf(await person.get(path)), aMinute),
        ['/'],
        { documentShapes },
      );
      expect(opened).toBeGreaterThan(3);
      expect(broken).toEqual([]);
    }, 300_000);
  }

  it('a signed-out citizen: every link of the public pages answers below 400', async () => {
    let n = 0;
    // a new address now and then, as many citizens would be: the public rate limit is per address
    const { broken, opened } = await crawl(
      (path) =>
        patiently(
          async () => pageOf(await t.client(`10.9.${Math.floor(n++ / 20)}.1`).get(path)),
          aMinute,
        ),
      ['/public', '/public/D01/2568/results', '/public/D01/search'],
      { documentShapes },
    );
    expect(opened).toBeGreaterThan(2);
    expect(broken).toEqual([]);
  }, 300_000);
});
