import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFixedClock } from '../infra/clock.js';
import { createDemoApp, type TestApp } from '../../app/test-client.js';

/** Generated files cost far more than pages: public routes give them the tighter limit. */
describe('public rate limits of pages and generated files [sqlite]', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createDemoApp('sqlite', createFixedClock('2026-11-26T03:00:00.000Z'));
  }, 180_000);

  afterAll(async () => {
    await t?.close();
  });

  const statuses = async (url: string, times: number) => {
    const visitor = t.client();
    const seen: number[] = [];
    for (let i = 0; i < times; i++) seen.push((await visitor.get(url)).statusCode);
    return seen;
  };

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
