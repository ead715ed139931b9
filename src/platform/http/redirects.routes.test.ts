import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../app/test-client.js';
import { sameSitePath } from './route-support.js';

const FOREIGN = [
  'https://evil.example/',
  '//evil.example/',
  '/\\evil.example/',
  '/\\\\evil.example',
  '/%0d%0aSet-Cookie:x=1',
  '/\r\nLocation: https://evil.example',
  '/\tjavascript:alert(1)',
  'javascript:alert(1)',
  'evil.example',
  '',
];

describe('sameSitePath', () => {
  it('keeps paths on this site, queries and fragments included', () => {
    for (const path of ['/', '/rounds/abc?tab=oit#o12', '/public/D01/2569/results', '/%E0%B8%81'])
      expect(sameSitePath(path)).toBe(path);
  });

  it('answers the fallback for anything that could leave the site', () => {
    for (const next of FOREIGN) expect([next, sameSitePath(next)]).toEqual([next, '/']);
    expect(sameSitePath(`/${'a'.repeat(2001)}`)).toBe('/');
  });
});

describe('redirect targets of /lang and /login [sqlite]', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('sqlite');
  }, 60_000);
  afterAll(async () => t.close());

  it('sends /lang only to a path on this site', async () => {
    for (const next of ['/\\evil.example/', '//evil.example', 'https://evil.example']) {
      const answer = await t.app.inject({
        method: 'GET',
        url: `/lang/en?next=${encodeURIComponent(next)}`,
      });
      expect([next, answer.statusCode, answer.headers.location]).toEqual([next, 302, '/']);
    }
    const home = await t.app.inject({ method: 'GET', url: '/lang/en?next=%2Frounds%3Ftab%3D1' });
    expect(home.headers.location).toBe('/rounds?tab=1');
  });

  it('does not carry a foreign next= into the sign-in form', async () => {
    const page = await t.app.inject({
      method: 'GET',
      url: `/login?next=${encodeURIComponent('/\\evil.example/')}`,
    });
    expect(page.body).not.toContain('evil.example');
  });
});
