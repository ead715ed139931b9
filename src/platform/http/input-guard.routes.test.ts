import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createDemoApp,
  d01RoundId,
  signedIn,
  type TestApp,
  type TestClient,
} from '../../app/test-client.js';
import { createFixedClock } from '../infra/clock.js';
import { findBadText, parseForm } from './input-guard.js';

describe('findBadText', () => {
  it('names the first field holding a NUL or a replacement character', () => {
    expect(findBadText({ a: 'ok', b: ['x', 'y\u0000'] }, 'body')).toBe('body.b.1');
    expect(findBadText({ title: 'ชื่อ\uFFFD' })).toBe('title');
    expect(findBadText({ file: Buffer.from([0, 0xff]) })).toBeNull();
    expect(findBadText({ title: 'ภาษาไทย ครบ' })).toBeNull();
  });
});

describe('NUL characters and bytes that are not UTF-8 are refused [sqlite]', () => {
  let t: TestApp;
  let agency: TestClient;
  let base: string;

  beforeAll(async () => {
    t = await createDemoApp('sqlite', createFixedClock('2026-11-26T03:00:00.000Z'));
    agency = await signedIn(t, 'agency@example.org');
    base = `/rounds/${await d01RoundId(agency, 'ita-2569', 'collecting')}/measures`;
    await agency.get(base);
  }, 120_000);
  afterAll(async () => t.close());

  const measures = async () =>
    Number(
      (
        await t.ctx.db.kysely
          .selectFrom('improvement_measure')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('refuses a form field with a NUL character and stores nothing', async () => {
    const before = await measures();
    const answer = await agency.post(base, {
      targetType: 'indicator',
      targetCode: '9',
      title: 'มาตรการ\u0000ซ่อน',
    });
    expect(answer.statusCode).toBe(400);
    expect(answer.body).toContain('อักขระที่ใช้ไม่ได้');
    expect(await measures()).toBe(before);
  });

  it('reads a form as before: repeated fields as a list, + as a space, Thai escapes', () => {
    expect(parseForm('a=1+2&b=%E0%B8%81&c=x&c=y')).toEqual({ a: '1 2', b: 'ก', c: ['x', 'y'] });
  });

  it('refuses a form whose bytes are not UTF-8', async () => {
    const before = await measures();
    const payload = `_csrf=${encodeURIComponent(agency.lastCsrf)}&targetType=indicator&targetCode=9&title=%C3%28bad`;
    const answer = await agency.postRaw(base, payload, 'application/x-www-form-urlencoded');
    expect(answer.statusCode).toBe(400);
    expect(await measures()).toBe(before);
  });

  it('answers the API with a problem naming the field', async () => {
    const me = (await agency.api('GET', '/api/v1/me')).json() as { csrfToken: string };
    const answer = await agency.api(
      'PATCH',
      '/api/v1/agencies/unknown',
      { nameTh: 'กรม\u0000' },
      me.csrfToken,
    );
    expect(answer.statusCode).toBe(400);
    expect(answer.json()).toMatchObject({ code: 'bad_text', detail: 'body.nameTh' });
  });
});
