import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  csrfOf,
  signedInFirstAdmin,
  type TestApp,
  type TestClient,
} from '../../../app/test-client.js';
import { DIALECTS } from '../../../platform/db/test-databases.js';
import { createFixedClock } from '../../../platform/infra/clock.js';
import { SIGN_IN_LIMITS } from '../services/sign-in-throttle.js';

const PASSWORD = 'correct horse battery';

/** The error summary of a sign-in page: what the page says went wrong. */
function refusalOf(body: string): string {
  return /<div class="error-summary"[\s\S]*?<\/div>/.exec(body)?.[0] ?? '';
}

/** Posts `count` sign-in attempts at once from one client (one page's form token). */
async function guessInParallel(c: TestClient, email: string, count: number) {
  await c.get('/login');
  const form = (i: number) => ({ email, password: `wrong guess number ${i}` });
  return Promise.all(Array.from({ length: count }, (_, i) => c.post('/login', form(i))));
}

for (const dialect of DIALECTS) {
  describe(`sign-in throttling by account and address [${dialect}]`, () => {
    const clock = createFixedClock('2026-12-08T03:00:00.000Z');
    let t: TestApp;
    let admin: TestClient;

    /** A system administrator account made through the API (every test has its own). */
    async function account(email: string): Promise<void> {
      const body = { email, displayName: email, password: PASSWORD, agencyId: null };
      const created = await admin.api(
        'POST',
        '/api/v1/users',
        { ...body, role: 'system_admin' },
        await csrfOf(admin),
      );
      expect(created.statusCode).toBe(201);
    }

    beforeAll(async () => {
      t = await createTestApp(dialect, clock);
      admin = await signedInFirstAdmin(t, 'ผู้ดูแลระบบ', PASSWORD);
    });
    afterAll(async () => t.close());

    it('counts 19 parallel wrong guesses atomically: that address is held back, not the person', async () => {
      await account('parallel@example.org');
      const attacker = t.client('192.0.2.66');
      const guesses = await guessInParallel(attacker, 'parallel@example.org', 19);
      expect(guesses.map((g) => g.statusCode)).toEqual(Array(19).fill(401));
      // Even the right password is now refused from the guessing address...
      const held = await attacker.signIn('parallel@example.org', PASSWORD);
      expect(held.statusCode).toBe(401);
      // ...while the person, from their own address, signs in: nobody locked them out.
      const person = t.client('198.51.100.7');
      expect((await person.signIn('parallel@example.org', PASSWORD)).statusCode).toBe(302);
    });

    it('does not lock a second address out after the first one used up its tries', async () => {
      await account('second@example.org');
      const first = t.client('192.0.2.20');
      for (let i = 0; i < SIGN_IN_LIMITS.perAddress; i++)
        expect((await first.signIn('second@example.org', `wrong guess ${i}`)).statusCode).toBe(401);
      expect((await first.signIn('second@example.org', PASSWORD)).statusCode).toBe(401);
      const second = t.client('203.0.113.20');
      expect((await second.signIn('second@example.org', PASSWORD)).statusCode).toBe(302);
      // A success starts the count of that address again: a typo after it is not held against it.
      for (let i = 0; i < SIGN_IN_LIMITS.perAddress - 1; i++) {
        const typo = await t.client('203.0.113.20').signIn('second@example.org', `typo ${i}`);
        expect(typo.statusCode).toBe(401);
      }
      expect(
        (await t.client('203.0.113.20').signIn('second@example.org', PASSWORD)).statusCode,
      ).toBe(302);
    });

    it('slows guesses from many addresses to a pace, but not the person at their own address', async () => {
      await account('spread@example.org');
      const home = t.client('203.0.113.30');
      expect((await home.signIn('spread@example.org', PASSWORD)).statusCode).toBe(302);
      const guesses = await Promise.all(
        Array.from({ length: 19 }, async (_, i) => {
          const c = t.client(`192.0.2.${101 + i}`);
          return c.signIn('spread@example.org', `wrong guess ${i}`);
        }),
      );
      expect(guesses.map((g) => g.statusCode)).toEqual(Array(19).fill(401));
      // This minute's checks for the account are used up: a new address waits...
      const elsewhere = t.client('203.0.113.31');
      expect((await elsewhere.signIn('spread@example.org', PASSWORD)).statusCode).toBe(401);
      // ...the person's own address does not...
      const again = t.client('203.0.113.30');
      expect((await again.signIn('spread@example.org', PASSWORD)).statusCode).toBe(302);
      // ...and a minute later the new address gets in too: a slow-down, not a lock.
      clock.advance(60_000);
      expect((await elsewhere.signIn('spread@example.org', PASSWORD)).statusCode).toBe(302);
    });

    it('answers a wrong password, an unknown account and a held-back one alike', async () => {
      await account('same@example.org');
      const wrong = await t.client('192.0.2.40').signIn('same@example.org', 'not the password');
      const unknown = await t.client('192.0.2.41').signIn('nobody@example.org', PASSWORD);
      const guesser = t.client('192.0.2.42');
      for (let i = 0; i < SIGN_IN_LIMITS.perAddress; i++)
        await guesser.signIn('same@example.org', `wrong guess ${i}`);
      const held = await guesser.signIn('same@example.org', PASSWORD);
      for (const answer of [wrong, unknown, held]) {
        expect(answer.statusCode).toBe(401);
        expect(refusalOf(answer.body)).toContain('อีเมลหรือรหัสผ่านไม่ถูกต้อง');
      }
      expect(refusalOf(unknown.body)).toBe(refusalOf(wrong.body));
      expect(refusalOf(held.body)).toBe(refusalOf(wrong.body));
      const english = t.client('192.0.2.43');
      await english.get('/lang/en?next=/login');
      const inEnglish = await english.signIn('nobody@example.org', PASSWORD);
      expect(refusalOf(inEnglish.body)).toContain('Wrong e-mail or password');
    });
  });
}
