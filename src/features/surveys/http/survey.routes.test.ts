import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoApp, type TestApp, type TestClient } from '../../../app/test-client.js';
import { DIALECTS } from '../../../platform/db/test-databases.js';
import { ensureSurveyLinks } from '../services/survey-admin.service.js';
import { listRounds } from '../../rounds/feature.js';
import { findUserByEmail, listGrants, publicUser } from '../../users/feature.js';
import {
  countResponsesByDay,
  insertAccessCodes,
  updateSurveyLinkSettings,
} from '../db/survey.repository.js';
import { hashAccessCode } from '../core/access-code.js';
import { resolveCodeSecret } from '../services/survey.service.js';
import { moveRound } from '../../rounds/feature.js';
import type { Actor } from '../../../platform/services/context.js';

/** Answers every radio group of the page with its first option except those given. */
function answersOf(
  body: string,
  pick: (name: string, values: string[]) => string = (_n, v) => v[v.length - 1]!,
): Record<string, string> {
  const groups = new Map<string, string[]>();
  for (const match of body.matchAll(/type="radio" id="[^"]+" name="([^"]+)" value="([^"]+)"/g)) {
    groups.set(match[1]!, [...(groups.get(match[1]!) ?? []), match[2]!]);
  }
  return Object.fromEntries([...groups].map(([name, values]) => [name, pick(name, values)]));
}

function hiddenOf(body: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const match of body.matchAll(/type="hidden" name="([^"]+)" value="([^"]*)"/g))
    fields[match[1]!] = match[2]!;
  return fields;
}

/** Walks the whole survey from the consent page, answering every step. */
async function answerAll(
  c: TestClient,
  code: string,
  start: Record<string, string> = {},
  query = '',
) {
  const consent = await c.get(`/s/${code}${query}`);
  let page = await c.post(`/s/${code}/start`, { ...hiddenOf(consent.body), ...start }, false);
  for (let i = 0; i < 10 && page.body.includes('name="step"'); i++) {
    const form = { ...hiddenOf(page.body), ...answersOf(page.body), go: 'next' };
    page = await c.post(`/s/${code}/step`, form, false);
    if (page.body.includes('ขอบคุณที่ตอบแบบวัด')) return { page, lastForm: form };
  }
  return { page, lastForm: {} as Record<string, string> };
}

for (const dialect of DIALECTS) {
  describe(`public survey pages [${dialect}]`, () => {
    let t: TestApp;
    let iit = '';
    let eit = '';
    let roundId = '';
    let admin: Actor;
    beforeAll(async () => {
      t = await createDemoApp(dialect);
      const user = (await findUserByEmail(t.ctx.db.kysely, 'admin@example.org'))!;
      admin = {
        user: publicUser(user),
        grants: (await listGrants(t.ctx.db.kysely, user.id)).map((g) => ({
          role: g.role,
          agencyId: g.agencyId,
          agencyPath: g.agencyPath,
        })),
      };
      const round = (await listRounds(t.ctx.db.kysely, null)).find(
        (r) => r.agencyCode === 'D01' && r.editionYear === 2569,
      )!;
      roundId = round.id;
      const links = await ensureSurveyLinks(t.ctx, admin, round.id);
      iit = links.find((l) => l.instrument === 'IIT')!.code;
      eit = links.find((l) => l.instrument === 'EIT')!.code;
    }, 60_000);
    afterAll(async () => t.close());

    const count = async (instrument: string) =>
      (await countResponsesByDay(t.ctx.db.kysely, roundId))
        .filter((r) => r.instrument === instrument)
        .reduce((s, r) => s + r.count, 0);

    it('starts with the confidentiality statement, then one indicator per step', async () => {
      const c = t.client();
      const consent = await c.get(`/s/${iit}`);
      expect(consent.statusCode).toBe(200);
      expect(consent.body).toContain('คำตอบของท่านเป็นความลับ');
      expect(consent.body).toContain('กรมส่งเสริมการเรียนรู้');
      const first = await c.post(`/s/${iit}/start`, hiddenOf(consent.body), false);
      expect(first.body).toContain('ส่วนที่ 1 จาก 5');
      expect(first.body).toContain('<progress');
      expect(first.body).not.toContain('<script');
    });

    it('shows a missing answer next to its question in Thai and stores nothing', async () => {
      const before = await count('IIT');
      const c = t.client();
      const consent = await c.get(`/s/${iit}`);
      const first = await c.post(`/s/${iit}/start`, hiddenOf(consent.body), false);
      const answers = answersOf(first.body);
      const [dropped] = Object.keys(answers);
      delete answers[dropped!];
      const again = await c.post(
        `/s/${iit}/step`,
        { ...hiddenOf(first.body), ...answers, go: 'next' },
        false,
      );
      expect(again.statusCode).toBe(400);
      expect(again.body).toContain('ยังตอบไม่ครบ 1 ข้อ');
      expect(again.body).toContain(`id="${dropped}-error"`);
      expect(again.body).toContain('กรุณาเลือกคำตอบของข้อนี้');
      expect(await count('IIT')).toBe(before);
    });

    it('stores one anonymous response, and only one when the last form is sent twice', async () => {
      const before = await count('IIT');
      const c = t.client();
      const { page, lastForm } = await answerAll(c, iit);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('ขอบคุณที่ตอบแบบวัด');
      const again = await c.post(`/s/${iit}/step`, lastForm, false);
      expect(again.body).toContain('ขอบคุณที่ตอบแบบวัด');
      expect(await count('IIT')).toBe(before + 1);
      const row = await t.ctx.db.kysely
        .selectFrom('survey_response')
        .selectAll()
        .where('instrument', '=', 'IIT')
        .executeTakeFirstOrThrow();
      expect(row.submitted_on).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(Object.keys(JSON.parse(row.answers_json)).length).toBeGreaterThan(20);
    });

    it('takes one answer per browser on an open link; another link and kiosk mode still answer', async () => {
      const [iitBefore, eitBefore] = [await count('IIT'), await count('EIT')];
      const c = t.client();
      const { page, lastForm } = await answerAll(c, iit);
      expect(page.body).toContain('ขอบคุณที่ตอบแบบวัด');
      // the same browser opens the link again: told so, in plain words, with no form to start
      const consent = await c.get(`/s/${iit}`);
      expect(consent.statusCode).toBe(200);
      expect(consent.body).toContain('ท่านตอบแบบวัดนี้แล้ว');
      expect(consent.body).toContain('รับคำตอบได้หนึ่งครั้งต่อเบราว์เซอร์');
      expect(consent.body).not.toContain(`action="/s/${iit}/start"`);
      // a second complete form (a new nonce) from the same browser is refused, in Thai ...
      const second = { ...lastForm, nonce: 'second-form-of-this-browser-0001' };
      const refused = await c.post(`/s/${iit}/step`, second, false);
      expect(refused.statusCode).toBe(409);
      expect(refused.body).toContain('ท่านตอบแบบวัดนี้แล้ว');
      const start = await c.post(`/s/${iit}/start`, hiddenOf(page.body), false);
      expect(start.statusCode).toBe(409);
      // ... and in English
      await c.get(`/lang/en?next=${encodeURIComponent(`/s/${iit}`)}`);
      const english = await c.post(`/s/${iit}/step`, second, false);
      expect(english.statusCode).toBe(409);
      expect(english.body).toContain('You have already answered this survey');
      await c.get(`/lang/th?next=${encodeURIComponent(`/s/${iit}`)}`);
      expect(await count('IIT')).toBe(iitBefore + 1);
      // the very form it sent, sent again (back button, retry), still gets the thank-you page
      const retry = await c.post(`/s/${iit}/step`, lastForm, false);
      expect(retry.statusCode).toBe(200);
      expect(retry.body).toContain('ขอบคุณที่ตอบแบบวัด');
      // another link from the same browser is another survey
      expect((await answerAll(c, eit)).page.body).toContain('ขอบคุณที่ตอบแบบวัด');
      // kiosk mode (a shared device) takes the next person's answers
      const kiosk = await answerAll(c, iit, {}, '?kiosk=1');
      expect(kiosk.page.body).toContain('ขอบคุณที่ตอบแบบวัด');
      expect(await count('IIT')).toBe(iitBefore + 2);
      expect(await count('EIT')).toBe(eitBefore + 1);
    });

    it('sets the same cookie for every browser, and stores nothing from a browser that keeps none', async () => {
      const cookieOf = async () => {
        const consent = await t.client().get(`/s/${eit}`);
        const set = consent.headers['set-cookie'];
        return { consent, cookie: String(Array.isArray(set) ? set[0] : set) };
      };
      const [one, two] = [await cookieOf(), await cookieOf()];
      expect(one.cookie).toMatch(new RegExp(`^prongsai_s_${eit}=started\\.`));
      expect(one.cookie).toContain(`Path=/s/${eit}`);
      expect(one.cookie).toContain('HttpOnly');
      // the same value for everyone: nothing in it can single out a browser
      expect(one.cookie.split(';')[0]).toBe(two.cookie.split(';')[0]);
      expect(one.consent.body).toContain('ตอบได้หนึ่งครั้งต่อเบราว์เซอร์');
      // a client that keeps no cookie: told at the start, and its complete forms are not stored
      const before = await count('EIT');
      const noJar = () => t.client();
      const start = await noJar().post(`/s/${eit}/start`, hiddenOf(one.consent.body), false);
      expect(start.statusCode).toBe(400);
      expect(start.body).toContain('เบราว์เซอร์ไม่ได้เก็บคุกกี้ของแบบวัด');
      expect(start.body).toContain(`href="/s/${eit}"`);
      const { lastForm } = await answerAll(t.client(), eit);
      const forged = await t.app.inject({
        method: 'POST',
        url: `/s/${eit}/step`,
        payload: new URLSearchParams({ ...lastForm, nonce: 'cookieless-form-00000001' }).toString(),
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          cookie: `prongsai_s_${eit}=started.forgedforgedforgedforged`,
        },
      });
      expect(forged.statusCode).toBe(400);
      expect(await count('EIT')).toBe(before + 1);
    });

    it('keeps answers when going back a step', async () => {
      const c = t.client();
      const consent = await c.get(`/s/${eit}`);
      const first = await c.post(`/s/${eit}/start`, hiddenOf(consent.body), false);
      const chosen = answersOf(first.body, (_n, v) => v[0]!);
      const second = await c.post(
        `/s/${eit}/step`,
        { ...hiddenOf(first.body), ...chosen, go: 'next' },
        false,
      );
      const back = await c.post(`/s/${eit}/step`, { ...hiddenOf(second.body), go: 'back' }, false);
      expect(back.body).toContain('ส่วนที่ 1 จาก 3');
      const [name, value] = Object.entries(chosen)[0]!;
      expect(back.body).toMatch(
        new RegExp(`name="${name.replace('.', '\\.')}" value="${value}" checked`),
      );
    });

    it('takes a single-use code once, and says so in plain words the second time', async () => {
      const links = await ensureSurveyLinks(t.ctx, admin, roundId);
      const link = links.find((l) => l.instrument === 'EIT')!;
      await updateSurveyLinkSettings(t.ctx.db.kysely, link.id, {
        requiresCode: true,
        closesOn: null,
      });
      const secret = await resolveCodeSecret(t.ctx);
      await insertAccessCodes(t.ctx.db.kysely, [
        { id: 'c1', linkId: link.id, batch: 1, codeHmac: hashAccessCode(secret, 'ACDEFGHJKM') },
      ]);
      const before = await count('EIT');
      const c = t.client();
      const consent = await c.get(`/s/${eit}`);
      expect(consent.body).toContain('รหัสเข้าตอบ');
      const wrong = await c.post(
        `/s/${eit}/start`,
        { ...hiddenOf(consent.body), k: 'XXXXXXXXXX' },
        false,
      );
      expect(wrong.statusCode).toBe(400);
      expect(wrong.body).toContain('ไม่พบรหัสนี้');
      const { page } = await answerAll(t.client(), eit, { k: 'acdef-ghjkm' });
      expect(page.body).toContain('ขอบคุณที่ตอบแบบวัด');
      expect(await count('EIT')).toBe(before + 1);
      const reuse = await c.post(
        `/s/${eit}/start`,
        { ...hiddenOf(consent.body), k: 'ACDEFGHJKM' },
        false,
      );
      expect(reuse.statusCode).toBe(400);
      expect(reuse.body).toContain('รหัสนี้ถูกใช้ตอบแบบวัดไปแล้ว');
      await updateSurveyLinkSettings(t.ctx.db.kysely, link.id, {
        requiresCode: false,
        closesOn: null,
      });
    });

    it('restarts in kiosk mode for the next person', async () => {
      const { page } = await answerAll(t.client(), `${eit}?kiosk=1`.split('?')[0]!, { kiosk: '1' });
      expect(page.body).toContain(`url=/s/${eit}?kiosk=1`);
    });

    it('sends everyone the same thank-you page, compressed (once) only when over 1 KB', async () => {
      const one = await answerAll(t.client(), eit, { kiosk: '1' });
      const two = await answerAll(t.client(), eit, { kiosk: '1' });
      expect(one.page.body).toContain('ขอบคุณที่ตอบแบบวัด');
      expect(two.page.body).toBe(one.page.body);
      expect(one.page.body).not.toContain((one.lastForm as Record<string, string>).nonce!);
      const form = new URLSearchParams(two.lastForm).toString();
      for (const encoding of ['br', 'gzip'] as const) {
        const sent = await t.app.inject({
          method: 'POST',
          url: `/s/${eit}/step`,
          payload: form,
          headers: {
            'content-type': 'application/x-www-form-urlencoded',
            'accept-encoding': encoding,
          },
        });
        expect(sent.statusCode).toBe(200);
        if (Buffer.byteLength(one.page.body) < 1024) {
          expect(sent.headers['content-encoding']).toBeUndefined();
          expect(sent.body).toBe(one.page.body);
          continue;
        }
        expect(sent.headers['content-encoding']).toBe(encoding);
        expect(String(sent.headers.vary)).toContain('accept-encoding');
        const unpack = encoding === 'br' ? brotliDecompressSync : gunzipSync;
        expect(unpack(sent.rawPayload).toString()).toBe(one.page.body);
      }
    });

    it('refuses an answer once its round or link closed or needs a code, just after one was taken', async () => {
      // the first answer leaves the link kept by this process; the changes below are made
      // behind the app's back (as another process would), and every answer checks them
      const { page, lastForm } = await answerAll(t.client(), iit, { kiosk: '1' });
      expect(page.body).toContain('ขอบคุณที่ตอบแบบวัด');
      const before = await count('IIT');
      let n = 0;
      const send = () =>
        t
          .client()
          .post(`/s/${iit}/step`, { ...lastForm, nonce: `again${++n}`.padEnd(24, 'x') }, false);
      const links = await ensureSurveyLinks(t.ctx, admin, roundId);
      const link = links.find((l) => l.instrument === 'IIT')!;

      await moveRound(t.ctx, admin, roundId, 'oit_review');
      const roundClosed = await send();
      expect(roundClosed.body).toContain('ปิดรับคำตอบแล้ว');
      await moveRound(t.ctx, admin, roundId, 'collecting');
      expect((await send()).body).toContain('ขอบคุณที่ตอบแบบวัด');

      await updateSurveyLinkSettings(t.ctx.db.kysely, link.id, {
        requiresCode: false,
        closesOn: '2000-01-01',
      });
      expect((await send()).body).toContain('ปิดรับคำตอบแล้ว');
      await updateSurveyLinkSettings(t.ctx.db.kysely, link.id, {
        requiresCode: true,
        closesOn: null,
      });
      const noCode = await send();
      expect(noCode.statusCode).toBe(409);
      expect(noCode.body).toContain('ใช้รหัสนี้ไม่ได้');
      await updateSurveyLinkSettings(t.ctx.db.kysely, link.id, {
        requiresCode: false,
        closesOn: null,
      });
      expect((await send()).body).toContain('ขอบคุณที่ตอบแบบวัด');
      // the two thank-you pages above, and nothing else
      expect(await count('IIT')).toBe(before + 2);
    });

    it('gives clear pages for an unknown link and a closed round', async () => {
      const missing = await t.client().get('/s/ZZZZZZ');
      expect(missing.statusCode).toBe(404);
      expect(missing.body).toContain('ไม่พบแบบวัดนี้');
      await moveRound(t.ctx, admin, roundId, 'oit_review');
      const closed = await t.client().get(`/s/${iit}`);
      expect(closed.statusCode).toBe(200);
      expect(closed.body).toContain('ปิดรับคำตอบแล้ว');
      await moveRound(t.ctx, admin, roundId, 'collecting');
    });
  });
}
