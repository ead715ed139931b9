import { beforeAll, expect, it } from 'vitest';
import { hashAccessCode, normaliseCode } from '../core/access-code.js';
import { listAuditEntries } from '../../audit/feature.js';
import { insertResponses, useAccessCode } from '../db/survey.repository.js';
import { describeEachDialect } from '../../../platform/db/test-databases.js';
import { createFixedClock, randomIds } from '../../../platform/infra/clock.js';
import type { Actor, ServiceContext } from '../../../platform/services/context.js';
import { openU1Round, worldAt, type AgencySeed } from '../../../app/test-world.js';
import { moveRound } from '../../rounds/feature.js';
import {
  ensureSurveyLinks,
  getCockpit,
  issueAccessCodes,
  updateLinkSettings,
} from './survey-admin.service.js';
import { step } from '../../../app/test-steps.js';

const NOW = '2026-05-03T03:00:00.000Z';
const { seedActor, seedAgencies } = worldAt(NOW);
const TREE: AgencySeed[] = [
  { id: 'min', parentId: null, path: '/min/' },
  { id: 'u1', parentId: 'min', path: '/min/u1/', eligibleStaff: 120 },
  { id: 'other', parentId: null, path: '/other/', eligibleStaff: 50 },
];
const SECRET = 'test-secret-of-the-access-codes';

/** IIT answers: i2 as given, i1.1 always "most" (i1.2 left blank). */
function iitResponses(roundId: string, i2: string[], day: string) {
  return i2.map((answer) => ({
    id: randomIds.uuid(),
    roundId,
    agencyId: 'u1',
    instrument: 'IIT',
    answers: { i2: answer, 'i1.1': '4' },
    submittedOn: day,
    source: 'web' as const,
  }));
}

describeEachDialect('survey administration service', (getDb) => {
  let ctx: ServiceContext;
  let admin: Actor;
  let parent: Actor;
  let viewer: Actor;
  let outsider: Actor;
  let roundId: string;

  beforeAll(async () => {
    const db = getDb();
    ctx = { db, clock: createFixedClock(NOW), ids: randomIds };
    await seedAgencies(db, TREE);
    parent = await seedActor(db, 'min@example.org', 'parent_admin', 'min');
    admin = await seedActor(db, 'u1@example.org', 'agency_admin', 'u1');
    viewer = await seedActor(db, 'viewer@example.org', 'viewer', 'u1');
    outsider = await seedActor(db, 'other@example.org', 'viewer', 'other');
    roundId = await openU1Round(ctx, parent);
    await moveRound(ctx, parent, roundId, 'collecting');
  });

  // The story's steps (app/test-steps.ts): EIT closes on 31 May; IIT answers of 1–3 May.
  const eitClosesEndOfMay = step(async () => {
    const [eit] = await ensureSurveyLinks(ctx, admin, roundId);
    return updateLinkSettings(ctx, admin, eit?.id ?? '', {
      requiresCode: true,
      closesOn: '2026-05-31',
    });
  });
  const fourAnswers = step(() =>
    insertResponses(ctx.db.kysely, iitResponses(roundId, ['4', '4', '3', '2'], '2026-05-01')),
  );
  const sevenAnswers = step(async () => {
    await fourAnswers();
    await insertResponses(ctx.db.kysely, iitResponses(roundId, ['1', '4'], '2026-05-02'));
    // an answer of today is counted but not scored yet (no before/after comparison per person)
    await insertResponses(ctx.db.kysely, iitResponses(roundId, ['1'], '2026-05-03'));
  });
  // five more of today: at least 5 answers have come after the 6 of 1–2 May, which may now be
  // scored (core/disclosure/live-release.ts)
  const fiveMoreToday = step(async () => {
    await sevenAnswers();
    await insertResponses(
      ctx.db.kysely,
      iitResponses(roundId, ['2', '2', '2', '2', '2'], '2026-05-03'),
    );
  });

  it('creates one link per survey instrument, once', async () => {
    const first = await ensureSurveyLinks(ctx, admin, roundId);
    const again = await ensureSurveyLinks(ctx, admin, roundId);
    expect(first.map((l) => l.instrument)).toEqual(['EIT', 'IIT']);
    expect(again.map((l) => l.id)).toEqual(first.map((l) => l.id));
    for (const link of first) expect(link.code).toMatch(/^[A-Z0-9]{6}$/);
    const created = (await listAuditEntries(ctx.db.kysely, 0, 1000)).filter(
      (e) => e.action === 'survey_link.create',
    );
    expect(created).toHaveLength(2);
  });

  it('changes link settings, audited, and refuses an impossible date', async () => {
    const [eit] = await ensureSurveyLinks(ctx, admin, roundId);
    const settings = { requiresCode: true, closesOn: '2026-05-31' };
    const changed = await eitClosesEndOfMay();
    expect(changed).toMatchObject(settings);
    const audit = (await listAuditEntries(ctx.db.kysely, 0, 1000)).filter(
      (e) => e.action === 'survey_link.settings',
    );
    expect(audit.at(-1)?.details).toMatchObject({ to: settings, instrument: 'EIT' });
    const refusals = {
      '2026-02-30': 'is not a day of the calendar',
      '30/05/2569': 'must be sent as YYYY-MM-DD',
      '2026-5-1': 'is not a date',
      // a year typed in the Buddhist era into a Christian-era picker, or far ahead
      '2569-05-31': 'too far from today',
      '2150-05-31': 'outside the years accepted',
    };
    for (const [closesOn, reason] of Object.entries(refusals)) {
      const bad = { requiresCode: false, closesOn };
      await expect(updateLinkSettings(ctx, admin, eit?.id ?? '', bad)).rejects.toThrow(reason);
    }
  });

  it('issues a batch of 20 codes and stores them only as HMACs', async () => {
    const iit = (await ensureSurveyLinks(ctx, admin, roundId)).find((l) => l.instrument === 'IIT');
    const linkId = iit?.id ?? '';
    const issued = await issueAccessCodes(ctx, admin, linkId, 20, SECRET);
    expect(issued.batch).toBe(1);
    expect(new Set(issued.codes).size).toBe(20);
    for (const code of issued.codes) expect(code).toMatch(/^[A-Z0-9]{5}-[A-Z0-9]{5}$/);
    const rows = await ctx.db.kysely.selectFrom('access_code').selectAll().execute();
    expect(rows).toHaveLength(20);
    const hmacs = new Set(issued.codes.map((c) => hashAccessCode(SECRET, normaliseCode(c))));
    expect(new Set(rows.map((r) => r.code_hmac))).toEqual(hmacs);
    // every column of every row, whatever columns the table grows
    const texts = rows.flatMap((r) => Object.values(r).map(String));
    const audit = (await listAuditEntries(ctx.db.kysely, 0, 1000)).map((e) =>
      JSON.stringify(e.details),
    );
    for (const code of issued.codes) {
      for (const form of [code, normaliseCode(code)]) {
        expect(texts.some((t) => t.includes(form))).toBe(false);
        expect(audit.some((t) => t.includes(form))).toBe(false);
      }
    }
    expect(audit.at(-1)).toBe(JSON.stringify({ roundId, instrument: 'IIT', batch: 1, count: 20 }));
    expect((await issueAccessCodes(ctx, admin, linkId, 1, SECRET)).batch).toBe(2);
    await expect(issueAccessCodes(ctx, admin, linkId, 2001, SECRET)).rejects.toMatchObject({
      code: 'invalid_count',
    });
    const first = issued.codes[0] ?? '';
    await useAccessCode(ctx.db.kysely, linkId, hashAccessCode(SECRET, normaliseCode(first)));
    const cockpit = await getCockpit(ctx, viewer, roundId);
    expect(cockpit.instruments.find((i) => i.code === 'IIT')?.codes).toEqual({
      issued: 21,
      used: 1,
    });
  });

  it('withholds the scores of 4 respondents but shows the counts', async () => {
    await eitClosesEndOfMay();
    await fourAnswers();
    const cockpit = await getCockpit(ctx, viewer, roundId);
    expect(cockpit.today).toBe('2026-05-03');
    expect(cockpit.canManage).toBe(false);
    const iit = cockpit.instruments.find((i) => i.code === 'IIT');
    expect(iit).toMatchObject({ responses: 4, eligible: 120, minimumSample: 30 });
    expect(iit?.reached).toBeCloseTo(4 / 30);
    expect(iit?.live.scores).toBeNull();
    expect(iit?.live.suppressed?.th).toContain('น้อยกว่า 5 คน');
    expect(iit?.live.suppressed?.th).toContain('ข้อมูลไม่พอ / not enough respondents');
    const eit = cockpit.instruments.find((i) => i.code === 'EIT');
    expect(eit).toMatchObject({ responses: 0, eligible: null, minimumSample: null, reached: null });
    expect(eit?.link).toMatchObject({ requiresCode: true, closesOn: '2026-05-31' });
  });

  it('holds the scores of 6 respondents back until 5 more have come', async () => {
    await sevenAnswers();
    const iit = (await getCockpit(ctx, admin, roundId)).instruments.find((i) => i.code === 'IIT');
    // 6 by 2 May make a step, but only 1 came after them: the final result minus these scores
    // would give that one person's answers back
    expect(iit?.responses).toBe(7);
    expect(iit?.live).toMatchObject({ scores: null, through: null, respondents: 0, waiting: 7 });
    expect(iit?.live.suppressed?.en).toContain('not enough respondents');
  });

  it('shows the scores from 6 respondents, down to the question', async () => {
    await fiveMoreToday();
    const cockpit = await getCockpit(ctx, admin, roundId);
    expect(cockpit.canManage).toBe(true);
    const iit = cockpit.instruments.find((i) => i.code === 'IIT');
    expect(iit?.responses).toBe(12);
    // today's 6 are counted, not scored
    expect(iit?.live).toMatchObject({ through: '2026-05-02', respondents: 6, waiting: 6 });
    expect(iit?.live.suppressed).toBeNull();
    const questions = iit?.live.scores?.indicators.flatMap((i) => i.questions) ?? [];
    const i2 = questions.find((q) => q.code === 'i2');
    // 4,4,3,2,1,4 → 100 + 100 + 200/3 + 100/3 + 0 + 100 = 400, over 6 answers
    expect(i2).toMatchObject({ answered: 6, score: 66.67 });
    // i1.2 was never answered: it hides nothing and drops out; i1.1 (6 × "most") is the score
    expect(questions.find((q) => q.code === 'i1')).toMatchObject({ answered: 6, score: 100 });
    expect(typeof iit?.live.scores?.score).toBe('number');
  });

  it('projects the responses to the closing date', async () => {
    await fiveMoreToday();
    const iit = (await ensureSurveyLinks(ctx, admin, roundId)).find((l) => l.instrument === 'IIT');
    await updateLinkSettings(ctx, admin, iit?.id ?? '', {
      requiresCode: false,
      closesOn: '2026-05-31',
    });
    const cockpit = await getCockpit(ctx, admin, roundId);
    // 12 over 1–3 May = 4 a day; 28 more days to 31 May → 12 + 112 = 124
    expect(cockpit.instruments.find((i) => i.code === 'IIT')?.projection).toBe(124);
  });

  it('refuses people of another agency (not found) and viewers (forbidden)', async () => {
    const links = await ensureSurveyLinks(ctx, admin, roundId);
    const linkId = links[0]?.id ?? '';
    const notFound = { code: 'not_found' };
    await expect(getCockpit(ctx, outsider, roundId)).rejects.toMatchObject(notFound);
    await expect(ensureSurveyLinks(ctx, outsider, roundId)).rejects.toMatchObject(notFound);
    await expect(issueAccessCodes(ctx, outsider, linkId, 5, SECRET)).rejects.toMatchObject(
      notFound,
    );
    const settings = { requiresCode: false, closesOn: null };
    await expect(updateLinkSettings(ctx, outsider, linkId, settings)).rejects.toMatchObject(
      notFound,
    );
    await expect(issueAccessCodes(ctx, viewer, linkId, 5, SECRET)).rejects.toMatchObject({
      code: 'forbidden',
    });
    expect((await getCockpit(ctx, parent, roundId)).canManage).toBe(true);
  });

  it('refuses new codes once the round is past collection', async () => {
    const links = await ensureSurveyLinks(ctx, admin, roundId);
    await moveRound(ctx, parent, roundId, 'oit_review');
    await expect(issueAccessCodes(ctx, admin, links[0]?.id ?? '', 5, SECRET)).rejects.toMatchObject(
      { code: 'survey_closed' },
    );
  });
});
