import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../src/app/test-client.js';
import { DIALECTS } from '../src/platform/db/test-databases.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemo } from '../src/app/demo.js';
import { listAgencies } from '../src/features/agencies/feature.js';
import { listRounds } from '../src/features/rounds/feature.js';

/**
 * Every demo role against agencies at three distances (its own, another unit, the ministry):
 * what each may see and change, through the real pages and API.
 */
type Expect = {
  see: string[];
  edit: string[];
  agencies: number;
  rounds: number;
  users: 'all' | 'some' | 'none';
  move: boolean;
};

const ALL = ['M00', 'D01', 'D02'];
const MATRIX: Record<string, Expect> = {
  'admin@example.org': { see: ALL, edit: ALL, agencies: 13, rounds: 26, users: 'all', move: true },
  'ministry@example.org': {
    see: ALL,
    edit: ALL,
    agencies: 13,
    rounds: 26,
    users: 'some',
    move: true,
  },
  'agency@example.org': {
    see: ['D01'],
    edit: ['D01'],
    agencies: 1,
    rounds: 2,
    users: 'some',
    move: false,
  },
  'owner@example.org': {
    see: ['D01'],
    edit: [],
    agencies: 1,
    rounds: 2,
    users: 'none',
    move: false,
  },
  'head@example.org': {
    see: ['D01'],
    edit: [],
    agencies: 1,
    rounds: 2,
    users: 'none',
    move: false,
  },
  'assessor@example.org': {
    see: ALL,
    edit: [],
    agencies: 13,
    rounds: 26,
    users: 'none',
    move: true,
  },
  'viewer@example.org': {
    see: ['D01'],
    edit: [],
    agencies: 1,
    rounds: 2,
    users: 'none',
    move: false,
  },
};

/**
 * Actions of other features, read through the JSON API for each agency's 2569 round (or the
 * agency itself): where each account may edit the measures (measure.manage), plan the calendar
 * (calendar.task.manage), draft the No Gift declaration (integrity.declaration.draft) and approve
 * it (integrity.declaration.approve). An agency out of sight counts as "may not".
 */
type FeatureExpect = { measures: string[]; calendar: string[]; draft: string[]; decide: string[] };
const NONE: FeatureExpect = { measures: [], calendar: [], draft: [], decide: [] };
const FEATURES: Record<string, FeatureExpect> = {
  'admin@example.org': { measures: ALL, calendar: ALL, draft: ALL, decide: [] },
  'ministry@example.org': { measures: ALL, calendar: ALL, draft: ALL, decide: [] },
  'agency@example.org': { measures: ['D01'], calendar: ['D01'], draft: ['D01'], decide: [] },
  'owner@example.org': NONE,
  'head@example.org': { ...NONE, calendar: ['D01'], decide: ['D01'] },
  'assessor@example.org': NONE,
  'viewer@example.org': NONE,
};

for (const dialect of DIALECTS) {
  describe(`authorization matrix [${dialect}]`, () => {
    let t: TestApp;
    const ids = new Map<string, string>();
    let d02Round = '';
    const rounds2569 = new Map<string, string>();
    beforeAll(async () => {
      t = await createTestApp(dialect);
      await seedDemo(t.ctx);
      for (const a of await listAgencies(t.ctx.db.kysely, null)) ids.set(a.code, a.id);
      const rounds = await listRounds(t.ctx.db.kysely, null);
      d02Round = rounds.find((r) => r.agencyCode === 'D02' && r.editionYear === 2569)!.id;
      for (const r of rounds) if (r.editionYear === 2569) rounds2569.set(r.agencyCode, r.id);
    }, 60_000);
    afterAll(async () => t.close());

    it('covers every demo account', () => {
      expect(Object.keys(MATRIX).sort()).toEqual(DEMO_ACCOUNTS.map((a) => a.email).sort());
      expect(Object.keys(FEATURES).sort()).toEqual(DEMO_ACCOUNTS.map((a) => a.email).sort());
    });

    for (const [email, expected] of Object.entries(FEATURES)) {
      it(`${email}: manages measures, calendar and No Gift exactly where the table allows`, async () => {
        const c = t.client();
        expect((await c.signIn(email, DEMO_PASSWORD)).statusCode).toBe(302);
        const flag = async (path: string, read: (body: Record<string, unknown>) => unknown) => {
          const res = await c.api('GET', path);
          expect([path, res.statusCode === 200 || res.statusCode === 404]).toEqual([path, true]);
          return res.statusCode === 200 && read(res.json()) === true;
        };
        const actual: FeatureExpect = { measures: [], calendar: [], draft: [], decide: [] };
        for (const code of ALL) {
          const round = rounds2569.get(code);
          expect([code, typeof round]).toEqual([code, 'string']);
          if (await flag(`/api/v1/rounds/${round}/measures`, (b) => b.mayEdit))
            actual.measures.push(code);
          if (await flag(`/api/v1/rounds/${round}/calendar`, (b) => b.mayManage))
            actual.calendar.push(code);
          const noGift = `/api/v1/agencies/${ids.get(code)}/no-gift`;
          const may = (b: Record<string, unknown>) => b.may as Record<string, unknown>;
          if (await flag(noGift, (b) => may(b).draft)) actual.draft.push(code);
          if (await flag(noGift, (b) => may(b).decide)) actual.decide.push(code);
        }
        expect(actual).toEqual(expected);
      });
    }

    for (const [email, expected] of Object.entries(MATRIX)) {
      it(`${email}: sees, edits and moves exactly what the roles allow`, async () => {
        const c = t.client();
        expect((await c.signIn(email, DEMO_PASSWORD)).statusCode).toBe(302);
        const csrf = (await c.api('GET', '/api/v1/me')).json().csrfToken as string;
        for (const code of ALL) {
          const page = await c.get(`/agencies/${ids.get(code)}`);
          expect([code, page.statusCode]).toEqual([code, expected.see.includes(code) ? 200 : 404]);
          const patch = await c.api(
            'PATCH',
            `/api/v1/agencies/${ids.get(code)}`,
            { website: 'https://example.org' },
            csrf,
          );
          const allowed = expected.edit.includes(code);
          expect([code, patch.statusCode < 300]).toEqual([code, allowed]);
          if (!allowed) expect([403, 404]).toContain(patch.statusCode);
        }
        expect((await c.api('GET', '/api/v1/agencies')).json().agencies).toHaveLength(
          expected.agencies,
        );
        const rounds = (await c.api('GET', '/api/v1/rounds')).json();
        expect(Array.isArray(rounds) ? rounds : rounds.rounds).toHaveLength(expected.rounds);
        const users = await c.api('GET', '/api/v1/users');
        const list = users.statusCode === 200 ? users.json() : [];
        const count = (Array.isArray(list) ? list : (list.users ?? [])).length;
        if (expected.users === 'all') expect(count).toBe(DEMO_ACCOUNTS.length);
        if (expected.users === 'some') expect(count).toBeGreaterThan(0);
        if (expected.users === 'none') expect(count).toBe(0);
        const move = await c.api(
          'POST',
          `/api/v1/rounds/${d02Round}/state`,
          { to: 'oit_review' },
          csrf,
        );
        expect(move.statusCode < 300).toBe(expected.move);
        if (move.statusCode < 300) {
          const back = await c.api(
            'POST',
            `/api/v1/rounds/${d02Round}/state`,
            { to: 'collecting' },
            csrf,
          );
          expect(back.statusCode).toBe(200);
        }
      });
    }
  });
}
