import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../../app/demo.js';
import {
  agencyIdOf,
  createDemoApp,
  csrfOf,
  type TestApp,
  type TestClient,
} from '../../../app/test-client.js';
import { listAgencies } from '../../agencies/feature.js';
import { DIALECTS } from '../../../platform/db/test-databases.js';
import { findUserByEmail, listGrants } from '../db/user.repository.js';

/**
 * Separation of duties in giving roles (issue 12), through the demo's accounts and the same
 * API and pages people use: an agency administrator gives only its agency's working roles, the
 * head and the assessors are appointed from above, and nobody gives a role to themselves.
 */
for (const dialect of DIALECTS) {
  describe(`who may give which role [${dialect}]`, () => {
    let t: TestApp;
    const agencies = new Map<string, string>();
    const clients = new Map<string, Promise<TestClient>>();
    /** One signed-in client per account, each from its own address (sign-in is rate limited). */
    const as = (email: string) => {
      if (!clients.has(email))
        clients.set(
          email,
          (async () => {
            const c = t.client(`203.0.113.${clients.size + 1}`);
            expect((await c.signIn(email, DEMO_PASSWORD)).statusCode).toBe(302);
            return c;
          })(),
        );
      return clients.get(email) as Promise<TestClient>;
    };
    const idOf = async (email: string) => (await findUserByEmail(t.ctx.db.kysely, email))?.id ?? '';
    const rolesOf = async (email: string) =>
      (await listGrants(t.ctx.db.kysely, await idOf(email))).map((g) => `${g.role}@${g.agencyId}`);

    /** Gives `email` a role at an agency (by code) as `by`; the answer's status and code. */
    async function give(by: string, email: string, role: string, at: string) {
      const c = await as(by);
      const body = { agencyId: agencies.get(at), role };
      const res = await c.api(
        'POST',
        `/api/v1/users/${await idOf(email)}/roles`,
        body,
        await csrfOf(c),
      );
      return { status: res.statusCode, code: (res.json() as { code?: string }).code };
    }

    beforeAll(async () => {
      t = await createDemoApp(dialect);
      for (const a of await listAgencies(t.ctx.db.kysely, null)) agencies.set(a.code, a.id);
    }, 120_000);
    afterAll(async () => t.close());

    it("refuses an agency administrator the head's and the assessor's roles, at its agency or anywhere", async () => {
      for (const role of ['head_of_agency', 'assessor']) {
        // at its own agency: the role is not one it gives
        expect(await give('agency@example.org', 'viewer@example.org', role, 'D01')).toEqual({
          status: 400,
          code: 'role_not_assignable',
        });
        // anywhere else: not even an agency it manages
        const elsewhere = await give('agency@example.org', 'viewer@example.org', role, 'D02');
        expect(elsewhere.status).toBe(403);
        const above = await give('agency@example.org', 'viewer@example.org', role, 'M00');
        expect(above.status).toBe(403);
        // nor through a new account
        const c = await as('agency@example.org');
        const created = await c.api(
          'POST',
          '/api/v1/users',
          {
            email: `new-${role}@example.org`,
            displayName: role,
            password: DEMO_PASSWORD,
            agencyId: agencies.get('D01'),
            role,
          },
          await csrfOf(c),
        );
        expect([role, created.statusCode]).toEqual([role, 400]);
      }
      expect(await rolesOf('viewer@example.org')).toEqual([`viewer@${agencies.get('D01')}`]);
      expect(await findUserByEmail(t.ctx.db.kysely, 'new-assessor@example.org')).toBeNull();
      // its working roles it does give
      expect(
        (await give('agency@example.org', 'viewer@example.org', 'item_owner', 'D01')).status,
      ).toBe(201);
    });

    it('offers an agency administrator only the working roles on the forms', async () => {
      const c = await as('agency@example.org');
      const form = (await c.get('/users/new')).body;
      for (const role of ['agency_admin', 'item_owner', 'viewer'])
        expect(form).toContain(`value="${role}"`);
      for (const role of ['head_of_agency', 'assessor', 'parent_admin', 'system_admin'])
        expect([role, form.includes(`value="${role}"`)]).toEqual([role, false]);
    });

    it('lets nobody give a role to themselves, not even an administrator', async () => {
      const self: [string, string, string][] = [
        ['agency@example.org', 'viewer', 'D01'],
        ['agency@example.org', 'item_owner', 'D01'],
        ['ministry@example.org', 'assessor', 'D02'],
        ['ministry@example.org', 'head_of_agency', 'D01'],
        ['admin@example.org', 'head_of_agency', 'D01'],
        ['admin@example.org', 'assessor', 'D01'],
      ];
      for (const [email, role, at] of self) {
        const before = await rolesOf(email);
        expect([email, role, await give(email, email, role, at)]).toEqual([
          email,
          role,
          { status: 403, code: 'forbidden' },
        ]);
        expect(await rolesOf(email)).toEqual(before);
      }
      // the own account's page offers no role to take
      const c = await as('agency@example.org');
      const own = await c.get(`/users/${await idOf('agency@example.org')}`);
      expect(own.statusCode).toBe(200);
      expect(own.body).not.toContain(`action="/users/${await idOf('agency@example.org')}/roles"`);
      expect(own.body).toContain('บทบาทของคุณเองต้องให้โดยผู้ดูแลคนอื่น');
    });

    it('lets the parent body appoint the head and assessors of its units, not of itself', async () => {
      expect(
        (await give('ministry@example.org', 'viewer@example.org', 'head_of_agency', 'D01')).status,
      ).toBe(201);
      expect(
        (await give('ministry@example.org', 'owner@example.org', 'assessor', 'D02')).status,
      ).toBe(201);
      // the ministry's own head and assessors are appointed from above it
      const c = await as('admin@example.org');
      const body = {
        email: 'm00-staff@example.org',
        displayName: 'M00',
        password: DEMO_PASSWORD,
        agencyId: await agencyIdOf(c, 'M00'),
        role: 'viewer',
      };
      expect((await c.api('POST', '/api/v1/users', body, await csrfOf(c))).statusCode).toBe(201);
      for (const role of ['head_of_agency', 'assessor'])
        expect([
          role,
          await give('ministry@example.org', 'm00-staff@example.org', role, 'M00'),
        ]).toEqual([role, { status: 400, code: 'role_not_assignable' }]);
      expect(
        (await give('admin@example.org', 'm00-staff@example.org', 'head_of_agency', 'M00')).status,
      ).toBe(201);
    });
  });
}
