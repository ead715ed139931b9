import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFixedClock } from '../infra/clock.js';
import { createDemoApp, createTestApp, type TestApp } from '../../app/test-client.js';

/** The statuses one visitor gets asking for an address `times` times in a row. */
async function statusesOf(t: TestApp, url: string, times: number): Promise<number[]> {
  const visitor = t.client();
  const seen: number[] = [];
  for (let i = 0; i < times; i++) seen.push((await visitor.get(url)).statusCode);
  return seen;
}

/** Generated files cost far more than pages: public routes give them the tighter limit. */
describe('public rate limits of pages and generated files [sqlite]', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createDemoApp('sqlite', createFixedClock('2026-11-26T03:00:00.000Z'));
  }, 180_000);

  afterAll(async () => {
    await t?.close();
  });

  const statuses = (url: string, times: number) => statusesOf(t, url, times);

  it('lets a visitor read a manual page often but download its DOCX 20 times a minute', async () => {
    const list = await t.client().get('/public/D01/manuals');
    const id = /href="\/public\/D01\/manuals\/([0-9a-f-]{36})"/.exec(list.body)?.[1] ?? '';
    expect(id).not.toBe('');
    const pages = await statuses(`/public/D01/manuals/${id}`, 25);
    expect(pages.every((s) => s === 200)).toBe(true);
    const files = await statuses(`/public/D01/manuals/${id}.docx`, 21);
    expect(files.slice(0, 20).every((s) => s === 200)).toBe(true);
    expect(files[20]).toBe(429);
  });

  it('limits the public asset report DOCX to 20 a minute', async () => {
    const files = await statuses('/public/D01/2569/assets/report.docx', 21);
    expect(files.slice(0, 20).every((s) => s === 200)).toBe(true);
    expect(files[20]).toBe(429);
  });
});

/** The two public limits are settings (issue 15, part 2): PUBLIC_PAGES_PER_MINUTE and PUBLIC_FILES_PER_MINUTE. */
describe('public rate limits from the settings [sqlite]', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp('sqlite', createFixedClock('2026-11-26T03:00:00.000Z'), {
      PUBLIC_PAGES_PER_MINUTE: 3,
      PUBLIC_FILES_PER_MINUTE: 2,
    });
  }, 60_000);
  afterAll(async () => t?.close());

  it('limits public pages to PUBLIC_PAGES_PER_MINUTE', async () => {
    const seen = await statusesOf(t, '/public', 4);
    expect(seen.slice(0, 3)).toEqual([200, 200, 200]);
    expect(seen[3]).toBe(429);
  });

  it('limits generated public files to PUBLIC_FILES_PER_MINUTE, counted apart', async () => {
    const seen = await statusesOf(t, '/public/X01/2569/assets/report.docx', 3);
    expect(seen.slice(0, 2).every((s) => s !== 429)).toBe(true);
    expect(seen[2]).toBe(429);
  });
});

/** Files served from memory are not counted: counting one would cost more than sending it. */
describe('static files outside the rate limit [sqlite]', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp('sqlite', createFixedClock('2026-11-26T03:00:00.000Z'), {
      RATE_LIMIT_PER_MINUTE: 3,
    });
  }, 60_000);
  afterAll(async () => t?.close());

  it('serves the stylesheet past RATE_LIMIT_PER_MINUTE, which still holds for pages', async () => {
    expect(await statusesOf(t, '/assets/styles.css', 6)).toEqual([200, 200, 200, 200, 200, 200]);
    const seen = await statusesOf(t, '/login', 4);
    expect(seen.slice(0, 3).every((s) => s !== 429)).toBe(true);
    expect(seen[3]).toBe(429);
  });
});
