import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoApp, type TestApp } from '../../app/test-client.js';
import { createFixedClock } from '../infra/clock.js';

/** What `prongsai serve` logs at its default level (info), read line by line. */
describe('request logs hold nothing that ties a visit to a person [sqlite]', () => {
  const lines: string[] = [];
  let t: TestApp;
  let surveyCode = '';

  beforeAll(async () => {
    t = await createDemoApp(
      'sqlite',
      createFixedClock('2026-06-10T03:00:00.000Z'),
      { LOG_LEVEL: 'info' },
      { logStream: { write: (line) => void lines.push(line) } },
    );
    const link = await t.ctx.db.kysely
      .selectFrom('survey_link')
      .select('code')
      .where('instrument', '=', 'IIT')
      .executeTakeFirstOrThrow();
    surveyCode = link.code;
  }, 180_000);

  afterAll(async () => {
    await t?.close();
  });

  const visit = (url: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'GET', url, remoteAddress: '192.0.2.77', headers });

  it('writes no line for a survey page or a public page', async () => {
    lines.length = 0;
    const agent = { 'user-agent': 'Mozilla/5.0 (RespondentPhone)' };
    expect((await visit(`/s/${surveyCode}`, agent)).statusCode).toBe(200);
    expect((await visit('/public/D01/manuals', agent)).statusCode).toBe(200);
    expect((await visit('/s/no-such-code', agent)).statusCode).toBe(404);
    expect(lines).toEqual([]);
  });

  it('logs a staff request by its route, without query, user agent or the survey code', async () => {
    lines.length = 0;
    await visit('/login?next=/rounds/secret-next', { 'user-agent': 'Mozilla/5.0 (StaffPC)' });
    expect(lines).toHaveLength(1);
    const entry = JSON.parse(lines[0] ?? '{}') as Record<string, unknown>;
    expect(entry).toMatchObject({ msg: 'request', method: 'GET', route: '/login', status: 200 });
    expect(lines[0]).not.toContain('secret-next');
    expect(lines[0]).not.toContain('StaffPC');
  });
});
