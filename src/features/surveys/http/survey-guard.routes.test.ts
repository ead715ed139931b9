import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createDemoApp,
  signedIn,
  type TestApp,
  type TestClient,
} from '../../../app/test-client.js';
import { DIALECTS } from '../../../platform/db/test-databases.js';
import { createFixedClock } from '../../../platform/infra/clock.js';
import { listAuditEntries } from '../../audit/feature.js';
import { findRound, listRounds, moveRound } from '../../rounds/feature.js';
import { scoreRound } from '../../oit-review/feature.js';
import { findUserByEmail, listGrants, publicUser } from '../../users/feature.js';
import type { Actor } from '../../../platform/services/context.js';
import { ensureSurveyLinks } from '../services/survey-admin.service.js';

/**
 * Ballot stuffing on an open link (issue 12, part 4): one client posts 30 complete, identical
 * forms within a second; the cockpit flags the burst (count and window) at once and the
 * identical answer sets from the next day; the agency administrator excludes them with a reason
 * (audited), and the counts and scores drop them, keeping one.
 */

const DAY_MS = 86_400_000;

function hiddenOf(body: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const match of body.matchAll(/type="hidden" name="([^"]+)" value="([^"]*)"/g))
    fields[match[1]!] = match[2]!;
  return fields;
}

function lastOptions(body: string): Record<string, string> {
  const groups = new Map<string, string>();
  for (const match of body.matchAll(/type="radio" id="[^"]+" name="([^"]+)" value="([^"]+)"/g))
    groups.set(match[1]!, match[2]!);
  return Object.fromEntries(groups);
}

/** Walks the survey once: its complete last form (not sent) and the consent page's cookie. */
async function learnLastForm(c: TestClient, code: string) {
  const consent = await c.get(`/s/${code}`);
  const set = consent.headers['set-cookie'];
  const cookie = String(Array.isArray(set) ? set[0] : set).split(';')[0]!;
  let page = await c.post(`/s/${code}/start`, hiddenOf(consent.body), false);
  for (let i = 0; i < 10; i++) {
    const form = { ...hiddenOf(page.body), ...lastOptions(page.body), go: 'next' };
    if (page.body.includes('ส่งคำตอบ')) return { form, cookie };
    page = await c.post(`/s/${code}/step`, form, false);
  }
  throw new Error('no last step');
}

for (const dialect of DIALECTS) {
  describe(`ballot stuffing on an open link is flagged and can be excluded [${dialect}]`, () => {
    // 10:07 in Bangkok
    const clock = createFixedClock('2026-06-10T03:07:00.000Z');
    let t: TestApp;
    let roundId = '';
    let iit = '';
    let eit = '';
    let admin: Actor;
    let agency: TestClient;

    beforeAll(async () => {
      t = await createDemoApp(dialect, clock);
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
      const links = await ensureSurveyLinks(t.ctx, admin, roundId);
      iit = links.find((l) => l.instrument === 'IIT')!.code;
      eit = links.find((l) => l.instrument === 'EIT')!.code;
      agency = await signedIn(t, 'agency@example.org');
    }, 60_000);
    afterAll(async () => t.close());

    const cockpitJson = async () => {
      const answer = await agency.api('GET', `/api/v1/rounds/${roundId}/surveys`);
      const instruments = (
        answer.json() as {
          instruments: { code: string; responses: number; live: { respondents: number } }[];
        }
      ).instruments;
      return instruments.find((i) => i.code === 'IIT')!;
    };
    const iitScore = async () => {
      const round = (await findRound(t.ctx.db.kysely, roundId))!;
      const result = await scoreRound(t.ctx, round);
      return result.tree.children.find((n) => n.code === 'IIT')!.score;
    };

    it('flags 30 quick submissions from one client in the cockpit, with count and window', async () => {
      const before = (await cockpitJson()).responses;
      const script = t.client();
      // the script keeps the consent cookie and ignores the "answered" one the server sends back
      const { form, cookie } = await learnLastForm(script, iit);
      const answers = await Promise.all(
        Array.from({ length: 30 }, (_, i) =>
          t.app.inject({
            method: 'POST',
            url: `/s/${iit}/step`,
            payload: new URLSearchParams({
              ...form,
              nonce: `stuffing-form-${String(i).padStart(12, '0')}`,
            }).toString(),
            headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
          }),
        ),
      );
      expect(answers.filter((a) => a.body.includes('ขอบคุณที่ตอบแบบวัด'))).toHaveLength(30);
      expect((await cockpitJson()).responses).toBe(before + 30);

      // a few answers to EIT at the same time: no burst, nothing shown
      for (let i = 0; i < 3; i++) {
        const c = t.client();
        await c.post(`/s/${eit}/step`, (await learnLastForm(c, eit)).form, false);
      }

      const page = await agency.get(`/rounds/${roundId}/surveys`);
      expect(page.statusCode).toBe(200);
      const panel = (code: string) => page.body.slice(page.body.indexOf(`id="${code}"`));
      expect(panel('IIT')).toContain(
        '30 คำตอบเข้ามาภายใน 5 นาที เวลา 10:05–10:10 น. วันที่ 10 มิ.ย. 2569',
      );
      // identical answer sets of today are not shown yet (as the live scores leave out today)
      expect(page.body).not.toContain('ชุดคำตอบที่เหมือนกันทุกข้อ วันที่');
      expect(panel('EIT')).toContain('ไม่พบช่วงที่มีคำตอบเข้ามาถี่ผิดปกติ');
    });

    it('flags the identical answer sets from the next day, and leaves no trace of ordinary traffic', async () => {
      clock.advance(DAY_MS);
      const english = await signedIn(t, 'agency@example.org');
      await english.get('/lang/en?next=/');
      const page = await english.get(`/rounds/${roundId}/surveys`);
      expect(page.body).toContain(
        '30 answers arrived within 5 minutes, 10:05–10:10 (Bangkok time) on 10 Jun 2026',
      );
      expect(page.body).toContain('30 identical answer sets on 10 Jun 2026');
      expect(page.body).toContain('Exclude 29 answers (keep one set)');
      // the EIT window of three answers has ended: deleted, no time of day kept for them
      const windows = await t.ctx.db.kysely
        .selectFrom('survey_arrival as a')
        .innerJoin('survey_link as l', 'l.id', 'a.link_id')
        .select(['l.instrument', 'a.answers'])
        .where('l.round_id', '=', roundId)
        .execute();
      expect(windows.map((w) => [w.instrument, Number(w.answers)])).toEqual([['IIT', 30]]);
      // a viewer sees the flags but no form to exclude
      const viewer = await signedIn(t, 'viewer@example.org');
      const seen = await viewer.get(`/rounds/${roundId}/surveys`);
      expect(seen.body).toContain('30 ชุดคำตอบที่เหมือนกันทุกข้อ');
      expect(seen.body).not.toContain('/exclusions');
    });

    it('lets the agency administrator exclude them with a reason: audited, counts and scores drop them', async () => {
      // while the round is reviewed, every answer is scored (none held back as "today's")
      await moveRound(t.ctx, admin, roundId, 'oit_review');
      // a day later: yesterday's session has expired
      agency = await signedIn(t, 'agency@example.org');
      const before = await cockpitJson();
      const scoreBefore = await iitScore();
      const page = await agency.get(`/rounds/${roundId}/surveys`);
      const form =
        /action="(\/rounds\/[^"]+\/IIT\/exclusions)"[\s\S]*?name="day" value="([^"]+)"[\s\S]*?name="set" value="([^"]+)"/.exec(
          page.body,
        );
      expect(form).not.toBeNull();
      const [, action, day, set] = form!;

      // no reason: refused beside the field, nothing excluded
      const empty = await agency.post(action!, { day: day!, set: set!, reason: '  ' });
      expect(empty.statusCode).toBe(400);
      expect(empty.body).toContain('กรุณาระบุเหตุผล');
      expect((await cockpitJson()).responses).toBe(before.responses);

      // someone who may only view the round cannot
      const viewer = await signedIn(t, 'viewer@example.org');
      await viewer.get(`/rounds/${roundId}/surveys`);
      const refused = await viewer.post(action!, { day: day!, set: set!, reason: 'x' });
      expect(refused.statusCode).toBe(403);

      const reason = 'ส่งซ้ำ 30 ครั้งภายในครึ่งวินาที จากโปรแกรม';
      const done = await agency.post(action!, { day: day!, set: set!, reason });
      expect(done.statusCode).toBe(302);
      expect(done.headers.location).toBe(`/rounds/${roundId}/surveys?done=excluded#IIT`);

      const after = await cockpitJson();
      expect(after.responses).toBe(before.responses - 29);
      expect(after.live.respondents).toBe(before.live.respondents - 29);
      const scoreAfter = await iitScore();
      // the 30 copies pulled the round's score (as the results read it) their way; with 29 of
      // them gone it moves back
      expect(scoreBefore).not.toBeNull();
      expect(scoreAfter).not.toBeNull();
      expect(scoreAfter).not.toBe(scoreBefore);

      const shown = await agency.get(`/rounds/${roundId}/surveys?done=excluded`);
      expect(shown.body).toContain('ตัดคำตอบที่เหมือนกันออกแล้ว');
      expect(shown.body).toContain(
        `ตัดออกแล้ว 29 คำตอบ จากชุดคำตอบที่เหมือนกัน 30 ชุด วันที่ 10 มิ.ย. 2569 เหตุผล: ${reason}`,
      );
      expect(shown.body).not.toContain('name="set"');

      const entries = await listAuditEntries(t.ctx.db.kysely, 0, 10_000);
      const entry = entries.find((e) => e.action === 'survey_response.exclude');
      const agencyUser = (await findUserByEmail(t.ctx.db.kysely, 'agency@example.org'))!;
      expect(entry).toMatchObject({
        actorUserId: agencyUser.id,
        entityType: 'survey_exclusion',
        details: {
          roundId,
          instrument: 'IIT',
          day: '2026-06-10',
          identical: 30,
          excluded: 29,
          reason,
        },
      });
      // the exclusion holds no response id, no time, no person
      const stored = await t.ctx.db.kysely.selectFrom('survey_exclusion').selectAll().execute();
      expect(stored).toHaveLength(1);
      expect(Object.keys(stored[0]!).sort()).toEqual([
        'answered_on',
        'answers_hash',
        'answers_json',
        'id',
        'instrument',
        'reason',
        'round_id',
      ]);

      // the same group twice: refused beside the field
      const twice = await agency.post(action!, { day: day!, set: set!, reason: 'again' });
      expect(twice.statusCode).toBe(400);
      expect(twice.body).toContain('ตัดคำตอบกลุ่มนี้ออกไปแล้ว');
    });
  });
}
