import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { compileEdition, type CompiledEdition } from '../core/framework/compile-edition.js';
import type { ScoreNode, ScoreResult } from '../core/scoring/evaluate-scores.js';
import { scoreAgency } from '../core/scoring/score-agency.js';
import { addSurveyResponse, createSurveyTally } from '../core/scoring/survey-tally.js';
import { createAgency, findAgencyByCode } from '../features/agencies/feature.js';
import { loadEdition } from '../features/editions/feature.js';
import { findScoreSnapshot, moveRound, openRounds } from '../features/rounds/feature.js';
import { importResponses } from '../features/surveys/feature.js';
import { demoActor } from '../features/users/feature.js';
import { DIALECTS } from '../platform/db/test-databases.js';
import { pdfText } from '../platform/infra/pdf-text.js';
import type { Actor } from '../platform/services/context.js';
import { createDemoApp, type TestApp, type TestClient } from './test-client.js';
import { DEMO_PASSWORD } from './demo.js';

/**
 * Issue 12, part 1: no output carries a survey figure computed from fewer than 5 people.
 *
 * A unit of the demo ministry gets 3 IIT answers (and 6 EIT answers) through the import service.
 * Every GET route of the app's route table whose parameters can be filled for that unit is
 * requested while the round collects answers, in clarification, and once published (snapshot),
 * in every format (HTML, JSON, CSV, XLSX, PDF, DOCX); none may show the IIT score, its weighted
 * points, its indicators' scores or the total that the engine computes from those 3 people.
 * The routes that carry survey scores (SCORE_ROUTES) must answer and say
 * "ข้อมูลไม่พอ / not enough respondents"; a route whose address looks like it carries scores
 * and is in neither list fails the test, so a new score route cannot skip the check.
 */

const TEXT_TH = 'ข้อมูลไม่พอ';
const TEXT_EN = 'not enough respondents';
const NOW = '2026-11-26T03:00:00.000Z';
/** Moved on between the phases (caches such as the open data's last a few minutes). */
let now = Date.parse(NOW);
const clock = { now: () => new Date(now) };
const YEAR = 2569;

type Phase = 'collecting' | 'clarification' | 'published';
const ALL: Phase[] = ['collecting', 'clarification', 'published'];

/**
 * Routes that carry survey scores, and the phases in which they must answer 200 and say the
 * withheld text (JSON may instead carry the structured reason, `marker`); an agency route says
 * it for the unit or for its parent body (`agency`).
 */
const SCORE_ROUTES: Record<
  string,
  { phases: Phase[]; marker?: RegExp; agency?: 'unit' | 'parent' }
> = {
  '/rounds/:id/results': { phases: ALL },
  '/api/v1/rounds/:id/results': { phases: ALL },
  '/rounds/:id/results.xlsx': { phases: ALL },
  '/rounds/:id/reports/result.:format': { phases: ALL },
  '/rounds/:id/reports/analysis.:format': { phases: ALL },
  '/rounds/:id/surveys': { phases: ALL },
  '/api/v1/rounds/:id/surveys': { phases: ALL },
  // while collecting, the 3 answers are not scored at all: the total is merely incomplete there
  '/review/rounds/:id': { phases: ['clarification', 'published'] },
  '/api/v1/review/rounds/:id': {
    phases: ['clarification', 'published'],
    marker: /"withheld":true/,
  },
  '/review/rounds/:id/confirm': { phases: ['clarification'] },
  // measure suggestions leave withheld parts out: nothing to say there, nothing to show
  '/rounds/:id/measures': { phases: [] },
  '/api/v1/rounds/:id/measures': { phases: [] },
  '/agencies/:id/rollup': { phases: ['published'], agency: 'parent' },
  '/api/v1/agencies/:id/rollup': {
    phases: ['published'],
    marker: /"withheld":\[\{/,
    agency: 'parent',
  },
  '/agencies/:id/rollup.xlsx': { phases: ['published'], agency: 'parent' },
  '/exports/:job': { phases: [] },
  '/exports/:job/download': { phases: ['published'] },
  '/agencies/:id/history': { phases: ['published'], agency: 'unit' },
  '/api/v1/agencies/:id/history': { phases: ['published'], agency: 'unit' },
  '/public/:agencyCode/:year/results': { phases: ['published'] },
  '/public/:agencyCode/:year/results.json': { phases: ['published'] },
  '/public/:agencyCode/:year/results.csv': { phases: ['published'] },
  '/public/:agencyCode/:year/result.:format': { phases: ['published'] },
  '/public/:agencyCode/:year/analysis.:format': { phases: ['published'] },
  '/public/open-data/:file': { phases: ['published'] },
};

/** Addresses that look like they could carry scores (a new one must be classified). */
const LOOKS_LIKE_SCORES =
  /result|report|rollup|history|open-data|analysis|surveys|review\/rounds|measures|score|snapshot|export|what-if/i;

/** Routes that look like it, and why they carry no survey score. */
const NO_SCORES: Record<string, string> = {
  '/api/v1/review/rounds': 'the rounds assigned to an assessor',
  '/api/v1/review/rounds/:id/clarifications': 'OIT clarification files',
  '/api/v1/review/rounds/:id/items/:item': 'one OIT item',
  '/review/rounds/:id/items/:item': 'one OIT item',
  '/review/rounds/:id/snapshots/:snapshot': 'a stored copy of an OIT web page',
  '/rounds/:id/surveys/:instrument/codes': 'single-use codes',
  '/rounds/:id/surveys/:instrument/import': 'the import form',
  '/rounds/:id/surveys/:instrument/import/template.csv': 'the import template',
  '/rounds/:id/surveys/:instrument/import/template.xlsx': 'the import template',
  '/rounds/:id/surveys/:instrument/poster': 'the survey poster',
  '/rounds/:id/reports': 'links to the reports',
  '/rounds/:id/oit/export.csv': 'OIT items and their evidence links',
  '/rounds/:id/measures/:measureId': 'one measure',
  '/rounds/:id/measures/:measureId/files/:fileId': 'a measure’s file',
  '/rounds/:id/measures/document': 'the measures document (targets, no scores)',
  '/rounds/:id/measures/document.docx': 'the measures document',
  '/rounds/:id/measures/document.pdf': 'the measures document',
  '/rounds/:id/measures/progress.docx': 'measures progress',
  '/rounds/:id/measures/progress.html': 'measures progress',
  '/rounds/:id/measures/progress.pdf': 'measures progress',
  '/public/:agencyCode/:year/measures': 'published measures',
  '/public/:agencyCode/:year/measures.json': 'published measures',
  '/public/:agencyCode/:year/measures.pdf': 'published measures',
  '/public/:agencyCode/:year/measures/progress': 'published measures progress',
  '/public/:agencyCode/:year/measures/progress.json': 'published measures progress',
  '/public/:agencyCode/:year/measures/progress.pdf': 'published measures progress',
  '/public/open-data': 'links to the open data files and their columns',
  '/public/open-data/datapackage.json': 'the open data files described (names, types, licence)',
  '/agencies/:id/assets/report': 'the asset register report',
  '/agencies/:id/assets/report.docx': 'the asset register report',
  '/agencies/:id/assets/report.pdf': 'the asset register report',
  '/public/:agencyCode/:year/assets/report': 'the asset register report',
  '/public/:agencyCode/:year/assets/report.docx': 'the asset register report',
  '/public/:agencyCode/:year/assets/report.pdf': 'the asset register report',
  '/agencies/:id/gifts/report/:file': 'the gift register report',
  '/agencies/:id/activities/:activityId/report.docx': 'an activity report',
  '/agencies/:id/activities/:activityId/report.html': 'an activity report',
  '/agencies/:id/activities/:activityId/report.pdf': 'an activity report',
  '/public/:agencyCode/activities/:activityId/report.pdf': 'an activity report',
};

/** The answers of `count` people to an instrument, varied so their scores are uncommon numbers. */
function answersOf(compiled: CompiledEdition, instrument: string, count: number, shift: number) {
  const items = [...compiled.surveyItems.values()].filter((i) => i.instrumentCode === instrument);
  return Array.from({ length: count }, (_, r) =>
    Object.fromEntries(
      items.map((item, k) => {
        const scored = item.optionCodes.filter((o) => item.optionScores[o] !== null);
        return [item.code, scored[(r * shift + k) % scored.length] as string];
      }),
    ),
  );
}

function csvOf(rows: Record<string, string>[], days: string[]): string {
  const codes = Object.keys(rows[0] ?? {});
  const lines = rows.map((r, i) => [days[i % days.length], ...codes.map((c) => r[c])].join(','));
  return `${['date', ...codes].join(',')}\n${lines.join('\n')}\n`;
}

function nodesOf(node: ScoreNode, out: ScoreNode[] = []): ScoreNode[] {
  out.push(node);
  for (const child of node.children) nodesOf(child, out);
  return out;
}

/** What a response says, as text: HTML (chart geometry left out), JSON, CSV, XLSX, PDF, DOCX. */
async function textOf(response: LightMyRequestResponse): Promise<string> {
  const type = String(response.headers['content-type'] ?? '');
  if (type.includes('application/pdf'))
    return (await pdfText(response.rawPayload)).replace(/\s+/g, ' ');
  if (type.includes('wordprocessingml')) {
    const zip = await JSZip.loadAsync(response.rawPayload);
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    return xml.replace(/<\/w:p>/g, '\n').replace(/<[^>]+>/g, '');
  }
  if (type.includes('spreadsheetml')) {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const cells: string[] = [];
    book.eachSheet((sheet) =>
      sheet.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value)))),
    );
    return cells.join('\n');
  }
  // an SVG chart's coordinates are not figures; its labels are
  return response.body.replace(/<svg[\s\S]*?<\/svg>/g, (svg) => svg.replace(/<[^>]*>/g, ' '));
}

for (const dialect of DIALECTS) {
  describe(`no output shows a survey figure of fewer than 5 people [${dialect}]`, () => {
    let t: TestApp;
    let admin: Actor;
    let roundId: string;
    let unitId: string;
    let parentId: string;
    let raw: ScoreResult;
    let forbidden: string[];
    let clients = 0;

    /** A fresh client address per phase keeps the per-client limits of generated files apart. */
    async function ministry(): Promise<TestClient> {
      clients += 1;
      const c = t.client(`10.12.1.${clients}`);
      await c.signIn('ministry@example.org', DEMO_PASSWORD);
      return c;
    }

    beforeAll(async () => {
      now = Date.parse(NOW);
      t = await createDemoApp(dialect, clock, { RATE_LIMIT_PER_MINUTE: 100_000 });
      const { ctx } = t;
      admin = await demoActor(ctx, 'admin@example.org');
      const parent = await findAgencyByCode(ctx.db.kysely, 'M00');
      parentId = parent?.id ?? '';
      const unit = await createAgency(ctx, admin, {
        parentId,
        code: 'S01',
        type: 'unit',
        nameTh: 'หน่วยงานขนาดเล็กทดสอบ',
        nameEn: 'Small test unit',
        eligibleStaff: 8,
      });
      unitId = unit.id;
      const opened = await openRounds(ctx, admin, {
        parentAgencyId: parentId,
        editionCode: 'ita-2569',
      });
      roundId = opened.created.find((r) => r.agencyCode === 'S01')?.roundId ?? '';
      await moveRound(ctx, admin, roundId, 'collecting');
      const compiled = compileEdition(loadEdition('ita-2569').edition);
      const iit = answersOf(compiled, 'IIT', 3, 3);
      const eit = answersOf(compiled, 'EIT', 6, 1);
      const file = (rows: Record<string, string>[], days: string[]) => ({
        csvText: csvOf(rows, days),
      });
      const days = ['2026-11-20', '2026-11-21', '2026-11-22'];
      const done = { dryRun: false };
      expect(
        (await importResponses(ctx, admin, roundId, 'IIT', file(iit, days), done)).imported,
      ).toBe(3);
      expect(
        (await importResponses(ctx, admin, roundId, 'EIT', file(eit, days), done)).imported,
      ).toBe(6);
      // what the engine makes of these answers (no OIT decision yet, as in the round)
      const tallies = {
        IIT: createSurveyTally(compiled, 'IIT'),
        EIT: createSurveyTally(compiled, 'EIT'),
      };
      for (const a of iit) addSurveyResponse(compiled, tallies.IIT, a);
      for (const a of eit) addSurveyResponse(compiled, tallies.EIT, a);
      raw = scoreAgency(compiled, { surveys: tallies, oit: {} });
      const iitNode = raw.tree.children.find((n) => n.code === 'IIT') as ScoreNode;
      const small = [
        iitNode.score,
        raw.instruments.find((i) => i.code === 'IIT')?.component,
        raw.total,
        ...iitNode.children.map((n) => n.score),
      ];
      const allowed = new Set(
        raw.tree.children
          .filter((n) => n.code !== 'IIT')
          .flatMap((n) => nodesOf(n))
          .map((n) => (n.score ?? -1).toFixed(2)),
      );
      forbidden = [
        ...new Set(
          small
            .filter((v): v is number => typeof v === 'number')
            .map((v) => v.toFixed(2))
            .filter((v) => !allowed.has(v) && v !== '0.00' && v !== '100.00'),
        ),
      ];
    }, 120_000);
    afterAll(async () => t?.close());

    /** Every route carrying scores that looks like it is classified. */
    it('knows every route that looks like it carries scores', async () => {
      await t.app.ready();
      const gets = t.app.routeTable.filter((r) => r.method === 'GET').map((r) => r.url);
      const unclassified = gets.filter(
        (url) => LOOKS_LIKE_SCORES.test(url) && !(url in SCORE_ROUTES) && !(url in NO_SCORES),
      );
      expect(unclassified).toEqual([]);
      const missing = [...Object.keys(SCORE_ROUTES), ...Object.keys(NO_SCORES)].filter(
        (url) => !gets.includes(url),
      );
      expect(missing).toEqual([]);
      // the figures the engine computes from the 3 people: the instrument, the weighted points,
      // the total and the indicators (each distinct from every figure that may be shown)
      expect(forbidden.length).toBeGreaterThanOrEqual(4);
    });

    /** The addresses of a route for this unit: null when its parameters cannot be filled. */
    function addresses(route: string): string[] | null {
      let urls = [route];
      const fill = (param: string, values: string[]) => {
        urls = urls.flatMap((u) =>
          u.includes(param) ? values.map((v) => u.replace(param, v)) : [u],
        );
      };
      if (/^\/(api\/v1\/)?(review\/)?rounds\/:id/.test(route)) fill(':id', [roundId]);
      if (/^\/(api\/v1\/)?agencies\/:id/.test(route)) fill(':id', [unitId, parentId]);
      fill(':agencyCode', ['S01']);
      fill(':year', [String(YEAR)]);
      fill(':format', ['html', 'pdf', 'docx']);
      fill(':instrument', ['IIT']);
      if (route === '/public/open-data/:file') fill(':file', [`${YEAR}.csv`, `${YEAR}.json`]);
      fill(':to', ['oit_review', 'clarification', 'confirmed', 'published', 'withdrawn']);
      if (urls.some((u) => u.includes(':') || u.includes('*'))) return null;
      // what-if: an OIT item passed, an indicator of each survey instrument set
      if (route.endsWith('/rounds/:id/results'))
        urls = urls.flatMap((u) => [
          u,
          `${u}?pass=O1`,
          `${u}?i.1=90&i.6=80`,
          `${u}?change=O1%3Dpass`,
        ]);
      if (route.includes('/rollup')) urls = urls.map((u) => `${u}?year=${YEAR}`);
      return urls;
    }

    async function check(phase: Phase) {
      now += 10 * 60_000;
      const signed = await ministry();
      const anonymous = t.client(`10.12.2.${clients}`);
      const seen = new Set<string>();
      const problems: string[] = [];
      const said = new Map<string, boolean>();
      const inspect = async (route: string, url: string, response: LightMyRequestResponse) => {
        const text = await textOf(response);
        for (const figure of forbidden)
          if (text.includes(figure))
            problems.push(`${url} (${response.statusCode}) shows ${figure}`);
        const rule = SCORE_ROUTES[route];
        if (!rule?.phases.includes(phase)) return;
        if (rule.agency && !url.includes(rule.agency === 'unit' ? unitId : parentId)) return;
        if (response.statusCode !== 200) problems.push(`${url} answered ${response.statusCode}`);
        const says =
          (text.includes(TEXT_TH) && text.includes(TEXT_EN)) || (rule.marker?.test(text) ?? false);
        said.set(url, says);
        if (!says) problems.push(`${url} does not say "${TEXT_TH} / ${TEXT_EN}"`);
      };
      for (const route of t.app.routeTable.filter((r) => r.method === 'GET').map((r) => r.url)) {
        for (const url of addresses(route) ?? []) {
          const client = url.startsWith('/public/') ? anonymous : signed;
          const response = await client.get(url);
          seen.add(route);
          await inspect(route, url, response);
        }
      }
      // the roll-up workbook made in the background: its progress page and the file
      const started = await signed.get(
        `/agencies/${parentId}/rollup.xlsx?year=${YEAR}&background=1`,
      );
      const job = String(started.headers.location ?? '');
      expect(job).toMatch(/^\/exports\//);
      let progress = await signed.get(job);
      for (let i = 0; i < 100 && !progress.body.includes('data-download'); i += 1) {
        await new Promise((r) => setTimeout(r, 50));
        progress = await signed.get(job);
      }
      await inspect('/exports/:job', job, progress);
      await inspect(
        '/exports/:job/download',
        `${job}/download`,
        await signed.get(`${job}/download`),
      );
      seen.add('/exports/:job').add('/exports/:job/download');
      expect(problems).toEqual([]);
      // every route that carries scores was asked for
      expect(Object.keys(SCORE_ROUTES).filter((r) => !seen.has(r))).toEqual([]);
      return said;
    }

    it('shows none of them while the round collects answers (today counted, never scored)', async () => {
      await check('collecting');
      const c = await ministry();
      const api = (await c.api('GET', `/api/v1/rounds/${roundId}/results`)).json();
      const iit = api.result.instruments.find((i: { code: string }) => i.code === 'IIT');
      expect(iit).toMatchObject({ withheld: true, shown: null, component: null });
      expect(api.result).toMatchObject({ total: null, level: null });
      expect(api.result.withheld).toMatchObject({ reason: 'not_enough_respondents', minimum: 5 });
    }, 240_000);

    it('shows none of them in clarification, where every answer counts', async () => {
      await moveRound(t.ctx, admin, roundId, 'oit_review');
      await moveRound(t.ctx, admin, roundId, 'clarification');
      await check('clarification');
      const c = await ministry();
      const api = (await c.api('GET', `/api/v1/rounds/${roundId}/results`)).json();
      // EIT rests on 6 people: shown; IIT on 3: withheld, with the total and the level
      const eit = raw.instruments.find((i) => i.code === 'EIT');
      expect(api.result.instruments.find((i: { code: string }) => i.code === 'EIT')).toMatchObject({
        withheld: false,
        shown: eit?.shown,
      });
      expect(api.result.instruments.find((i: { code: string }) => i.code === 'IIT')).toMatchObject({
        withheld: true,
        shown: null,
      });
      expect(api.result).toMatchObject({ total: null, level: null });
      expect(api.weaknesses).toMatchObject({ withheld: true, total: null });
    }, 240_000);

    it('shows none of them once confirmed and published, from the stored snapshot', async () => {
      const c = await ministry();
      await c.get(`/review/rounds/${roundId}/confirm`);
      const confirmed = await c.post(`/review/rounds/${roundId}/confirm`, {});
      expect(confirmed.statusCode).toBeLessThan(400);
      await moveRound(t.ctx, admin, roundId, 'published');
      const snapshot = await findScoreSnapshot(t.ctx.db.kysely, roundId);
      // the engine's full result is kept (the official record), its columns only disclosed
      const stored = JSON.parse(snapshot?.resultJson ?? '{}') as ScoreResult;
      expect(stored.total).toBe(raw.total);
      expect(snapshot).toMatchObject({ total: null, levelCode: null });
      await check('published');
      const json = (await t.client().get(`/public/S01/${YEAR}/results.json`)).json();
      expect(json).toMatchObject({ total: null, level: null });
      expect(json.withheld.text).toBe(`${TEXT_TH} / ${TEXT_EN}`);
      const open = (await t.client().get(`/public/open-data/${YEAR}.json`)).json();
      const row = open.records.find((r: { agency_code: string }) => r.agency_code === 'S01');
      expect(row).toMatchObject({ iit: null, total: null, level_code: null });
      // the columns withheld, comma-separated, and the note saying why (issue 14: one record shape)
      expect(row.withheld).toBe('iit,total,level');
      expect(row.note).toBe(`${TEXT_TH} / ${TEXT_EN}: iit, total, level`);
      // the parent's roll-up counts the unit nowhere and says so
      const rollup = (
        await c.api('GET', `/api/v1/agencies/${parentId}/rollup?year=${YEAR}`)
      ).json();
      expect(rollup.withheld.map((u: { code: string }) => u.code)).toEqual(['S01']);
      expect(rollup.ranking.map((u: { code: string }) => u.code)).not.toContain('S01');
      expect(rollup.levels.reduce((s: number, l: { count: number }) => s + l.count, 0)).toBe(
        rollup.ranking.length,
      );
    }, 240_000);
  });
}
