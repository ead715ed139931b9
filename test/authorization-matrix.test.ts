import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../src/app/test-client.js';
import { DIALECTS } from '../src/platform/db/test-databases.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemo } from '../src/app/demo.js';
import { listAgencies } from '../src/features/agencies/feature.js';
import { listRounds } from '../src/features/rounds/feature.js';
import { findUserByEmail } from '../src/features/users/feature.js';

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
    // reviewing a round is not moving it (issue 12): the parent body moves rounds
    move: false,
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
      await seedDemo(t.ctx, { year: 2569 });
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

/**
 * Who may give which role where (issue 12), for each demo account at the ministry (M00) and two
 * of its units (D01, D02): the roles an account may give there through the API (creating an
 * account with that role), the system administrator's role (held for no agency) apart. Nobody
 * gives a role to themselves.
 */
const UNITS = ['D01', 'D02'];
const AGENCY_ROLES = [
  'parent_admin',
  'agency_admin',
  'item_owner',
  'head_of_agency',
  'assessor',
  'viewer',
] as const;
const WORKING = ['agency_admin', 'item_owner', 'viewer'];
type GrantExpect = { system: boolean; M00: string[]; D01: string[]; D02: string[] };
const NO_GRANTS: GrantExpect = { system: false, M00: [], D01: [], D02: [] };
const GRANTS: Record<string, GrantExpect> = {
  'admin@example.org': {
    system: true,
    M00: [...AGENCY_ROLES],
    D01: [...AGENCY_ROLES],
    D02: [...AGENCY_ROLES],
  },
  // the ministry: co-administrators and working roles at itself; every role at its units
  'ministry@example.org': {
    system: false,
    M00: ['parent_admin', ...WORKING],
    D01: [...AGENCY_ROLES],
    D02: [...AGENCY_ROLES],
  },
  // an agency administrator: its agency's working roles only, never its head or assessors
  'agency@example.org': { ...NO_GRANTS, D01: WORKING },
  'owner@example.org': NO_GRANTS,
  'head@example.org': NO_GRANTS,
  'assessor@example.org': NO_GRANTS,
  'viewer@example.org': NO_GRANTS,
};

/**
 * Every move of a round (rounds/core/round-state.ts), tried by each demo account on the 2569
 * rounds of M00, D01 and D02, the round first put in the move's starting state. The working
 * moves are the parent body's (and the system administrator's); confirming and publishing the
 * parent body's over its units, never its own round; withdrawing and reopening the system
 * administrator's alone. Each move is tried where a person makes it: the OIT review's confirm
 * for a confirmation, the round's state otherwise (with a reason where one is needed).
 */
const MOVES: [from: string, to: string][] = [
  ['setup', 'collecting'],
  ['collecting', 'setup'],
  ['collecting', 'oit_review'],
  ['oit_review', 'collecting'],
  ['oit_review', 'clarification'],
  ['clarification', 'oit_review'],
  ['clarification', 'confirmed'],
  ['confirmed', 'published'],
  ['published', 'withdrawn'],
  ['withdrawn', 'clarification'],
];
const everyMove = (where: (from: string, to: string) => string[]) =>
  Object.fromEntries(MOVES.map(([from, to]) => [`${from}→${to}`, where(from, to)]));
const NO_MOVES = everyMove(() => []);
const MAY_MOVE: Record<string, Record<string, string[]>> = {
  'admin@example.org': everyMove(() => ALL),
  'ministry@example.org': everyMove((from, to) => {
    if (to === 'confirmed' || to === 'published') return UNITS;
    if (to === 'withdrawn' || from === 'withdrawn') return [];
    return ALL;
  }),
  'agency@example.org': NO_MOVES,
  'owner@example.org': NO_MOVES,
  'head@example.org': NO_MOVES,
  'assessor@example.org': NO_MOVES,
  'viewer@example.org': NO_MOVES,
};

for (const dialect of DIALECTS) {
  describe(`authorization matrix: role grants and round moves [${dialect}]`, () => {
    let t: TestApp;
    const agencyIds = new Map<string, string>();
    const rounds2569 = new Map<string, string>();
    beforeAll(async () => {
      t = await createTestApp(dialect);
      await seedDemo(t.ctx, { year: 2569 });
      for (const a of await listAgencies(t.ctx.db.kysely, null)) agencyIds.set(a.code, a.id);
      for (const r of await listRounds(t.ctx.db.kysely, null))
        if (r.editionYear === 2569) rounds2569.set(r.agencyCode, r.id);
    }, 60_000);
    afterAll(async () => t.close());

    /** A client of the account, signed in from an address of its own (sign-in is rate limited). */
    let addresses = 0;
    async function as(email: string) {
      const c = t.client(`198.18.0.${++addresses}`);
      expect((await c.signIn(email, DEMO_PASSWORD)).statusCode).toBe(302);
      return { c, csrf: (await c.api('GET', '/api/v1/me')).json().csrfToken as string };
    }

    it('covers every demo account', () => {
      const emails = DEMO_ACCOUNTS.map((a) => a.email).sort();
      expect(Object.keys(GRANTS).sort()).toEqual(emails);
      expect(Object.keys(MAY_MOVE).sort()).toEqual(emails);
    });

    for (const [email, expected] of Object.entries(GRANTS)) {
      it(`${email}: gives exactly the roles the grant table allows, never to themselves`, async () => {
        const { c, csrf } = await as(email);
        const tag = email.split('@')[0];
        const create = (role: string, agencyId: string | null, label: string) =>
          c.api(
            'POST',
            '/api/v1/users',
            {
              email: `${tag}-${role}-${label}@grants.example.org`,
              displayName: `${tag} ${role} ${label}`,
              password: DEMO_PASSWORD,
              agencyId,
              role,
            },
            csrf,
          );
        const actual: GrantExpect = { system: false, M00: [], D01: [], D02: [] };
        for (const code of ALL) {
          for (const role of AGENCY_ROLES) {
            const res = await create(role, agencyIds.get(code) ?? '', code);
            if (res.statusCode === 201) actual[code as 'M00' | 'D01' | 'D02'].push(role);
            else
              expect([code, role, [400, 403].includes(res.statusCode)]).toEqual([code, role, true]);
          }
        }
        actual.system = (await create('system_admin', null, 'system')).statusCode === 201;
        expect(actual).toEqual(expected);

        // a role to oneself: refused to everyone, whatever role and wherever
        const self = (await findUserByEmail(t.ctx.db.kysely, email))?.id ?? '';
        for (const code of ALL) {
          for (const role of AGENCY_ROLES) {
            const body = { agencyId: agencyIds.get(code), role };
            const res = await c.api('POST', `/api/v1/users/${self}/roles`, body, csrf);
            expect([code, role, res.statusCode]).toEqual([code, role, 403]);
          }
        }
      });
    }

    /** Puts a round in a state directly (the test's starting point, not a move), with scores. */
    async function putIn(roundId: string, state: string) {
      await t.ctx.db.kysely
        .updateTable('assessment_round')
        .set({ state })
        .where('id', '=', roundId)
        .execute();
    }

    for (const [email, expected] of Object.entries(MAY_MOVE)) {
      it(`${email}: makes exactly the round moves the table allows, offered on the round page`, async () => {
        const { c, csrf } = await as(email);
        const actual: Record<string, string[]> = {};
        for (const [from, to] of MOVES) {
          const key = `${from}→${to}`;
          actual[key] = [];
          for (const code of ALL) {
            const id = rounds2569.get(code) ?? '';
            // a confirmed round carries its scores: confirm it first where it is not yet
            if (from === 'confirmed' || from === 'published' || from === 'withdrawn') {
              await putIn(id, 'clarification');
              const admin = await adminClient();
              const confirmed = await admin.c.api(
                'POST',
                `/api/v1/review/rounds/${id}/confirm`,
                undefined,
                admin.csrf,
              );
              expect(confirmed.statusCode).toBe(200);
            }
            await putIn(id, from);
            const page = await c.get(`/rounds/${id}`);
            const offered =
              page.statusCode === 200 &&
              (page.body.includes(`name="to" value="${to}"`) ||
                page.body.includes(`data-move="${to}"`));
            const res =
              to === 'confirmed'
                ? await c.api('POST', `/api/v1/review/rounds/${id}/confirm`, undefined, csrf)
                : await c.api(
                    'POST',
                    `/api/v1/rounds/${id}/state`,
                    { to, reason: 'matrix test' },
                    csrf,
                  );
            const state = (await listRounds(t.ctx.db.kysely, null)).find((r) => r.id === id)?.state;
            const moved = res.statusCode === 200;
            expect([key, code, res.statusCode, state]).toEqual([
              key,
              code,
              moved ? 200 : res.statusCode,
              moved ? to : from,
            ]);
            if (!moved)
              expect([key, code, [403, 404].includes(res.statusCode)]).toEqual([key, code, true]);
            // the page offers the move exactly to who may make it
            expect([key, code, offered]).toEqual([key, code, moved]);
            if (moved) actual[key]?.push(code);
          }
        }
        expect(actual).toEqual(expected);
        for (const code of ALL) await putIn(rounds2569.get(code) ?? '', 'collecting');
      });
    }

    let admin: Promise<{ c: TestClient; csrf: string }> | undefined;
    /** The system administrator, signed in once, who confirms rounds to give them their scores. */
    function adminClient() {
      admin ??= as('admin@example.org');
      return admin;
    }
  });
}
