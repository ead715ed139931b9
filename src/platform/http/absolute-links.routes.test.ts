import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createDemoApp,
  d01RoundId,
  signedIn,
  type TestApp,
  type TestClient,
} from '../../app/test-client.js';
import { createFixedClock } from '../infra/clock.js';

/** Absolute links come from APP_URL: a client's Host header never ends up in a link. */
describe('absolute links are built from APP_URL [sqlite]', () => {
  let t: TestApp;
  let agency: TestClient;
  let roundId: string;
  const evil = { host: 'evil.example', 'x-forwarded-host': 'evil.example' };

  beforeAll(async () => {
    t = await createDemoApp('sqlite', createFixedClock('2026-11-26T03:00:00.000Z'), {
      APP_URL: 'https://ita.example.go.th',
    });
    agency = await signedIn(t, 'agency@example.org');
    roundId = await d01RoundId(agency, 'ita-2569', 'collecting');
  }, 120_000);
  afterAll(async () => t.close());

  it('puts APP_URL in survey links and QR pages, whatever Host says', async () => {
    const cockpit = await agency.get(`/rounds/${roundId}/surveys`, evil);
    expect(cockpit.statusCode).toBe(200);
    expect(cockpit.body).toContain('https://ita.example.go.th/s/');
    expect(cockpit.body).not.toContain('evil.example');
  });

  it('puts APP_URL in the public OIT feed and the calendar feed link', async () => {
    const feed = await t.app.inject({
      method: 'GET',
      url: '/public/oit/D01/2569.json',
      headers: evil,
    });
    expect(feed.statusCode).toBe(200);
    expect(feed.body).not.toContain('evil.example');
    expect(feed.body).toContain('https://ita.example.go.th/public/oit/D01/2569/');
    const mine = await agency.get('/calendar', evil);
    expect(mine.body).not.toContain('evil.example');
  });
});
