import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../app/test-client.js';
import { DIALECTS } from '../../../platform/db/test-databases.js';
import { SIGN_IN_LIMITS } from '../services/sign-in-throttle.js';
import { verifyAuditLog } from '../../audit/feature.js';
import { step } from '../../../app/test-steps.js';

for (const dialect of DIALECTS) {
  describe(`first run, login and sessions [${dialect}]`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp(dialect);
    });
    afterAll(async () => t.close());

    /** The first administrator (admin@example.org), set up once per app (app/test-steps.ts). */
    const firstAdmin = step(async () => {
      const c = t.client();
      await c.get('/setup');
      const ok = await c.post('/setup', {
        displayName: 'ผู้ดูแลระบบ',
        email: 'Admin@Example.org',
        password: 'correct horse battery',
      });
      expect(ok.statusCode).toBe(302);
      expect((await c.get('/setup')).headers.location).toBe('/login');
      expect((await verifyAuditLog(t.ctx)).entries).toBe(1);
    });

    it('sends a newcomer to the first-run page and refuses a weak password with a message', async () => {
      const c = t.client();
      expect((await c.get('/')).headers.location).toBe('/setup');
      await c.get('/setup');
      const bad = await c.post('/setup', {
        displayName: 'ผู้ดูแล',
        email: 'not-an-email',
        password: 'short',
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.body).toContain('อีเมลไม่ถูกต้อง');
      expect(bad.body).toContain('รหัสผ่านต้องยาวอย่างน้อย 12 ตัวอักษร');
    });

    it('creates the first administrator once, then refuses another set-up', () => firstAdmin());

    it('refuses a form without the CSRF token', async () => {
      await firstAdmin();
      const c = t.client();
      await c.get('/login');
      const response = await c.post('/login', {
        email: 'admin@example.org',
        password: 'correct horse battery',
        _csrf: 'forged',
      });
      expect(response.statusCode).toBe(403);
    });

    it('signs in, shows the home page, and signs out', async () => {
      await firstAdmin();
      const c = t.client();
      const login = await c.signIn('admin@example.org', 'correct horse battery');
      expect(login.statusCode).toBe(302);
      const home = await c.get('/home');
      expect(home.statusCode).toBe(200);
      expect(home.body).toContain('ผู้ดูแลระบบ');
      expect(home.body).toContain('ทุกหน่วยงาน');
      const me = await c.api('GET', '/api/v1/me');
      expect(me.json().user.email).toBe('admin@example.org');
      expect(me.json().user.passwordHash).toBeUndefined();
      await c.post('/logout', {});
      expect((await c.get('/home')).headers.location).toBe('/login?next=%2Fhome');
    });

    it('holds back one address after repeated wrong passwords, with the same answer', async () => {
      await firstAdmin();
      const c = t.client();
      for (let i = 0; i < SIGN_IN_LIMITS.perAddress; i++) {
        const wrong = await c.signIn('admin@example.org', `wrong password ${i}`);
        expect(wrong.statusCode).toBe(401);
        expect(wrong.body).toContain('อีเมลหรือรหัสผ่านไม่ถูกต้อง');
      }
      const held = await c.signIn('admin@example.org', 'correct horse battery');
      expect(held.statusCode).toBe(401);
      expect(held.body).toContain('อีเมลหรือรหัสผ่านไม่ถูกต้อง');
      expect(held.body).not.toContain('ล็อก');
    });

    it('answers the API with problem+json when not signed in', async () => {
      const response = await t.client().api('GET', '/api/v1/me');
      expect(response.statusCode).toBe(401);
      expect(response.headers['content-type']).toContain('application/problem+json');
    });

    it('switches the language to English and keeps it', async () => {
      await firstAdmin();
      const c = t.client();
      await c.get('/lang/en?next=/login');
      const page = await c.get('/login');
      expect(page.body).toContain('<html lang="en"');
      expect(page.body).toContain('Sign in');
    });
  });
}
