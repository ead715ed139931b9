import SQLite from '../../src/platform/db/sqlite-driver.js';
import { freePort } from '../../bench/survey-client.mjs';
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { DEMO_PASSWORD } from '../../src/app/demo.js';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';

export { DEMO_PASSWORD };

/**
 * Browser journeys: Debian's Chromium driven by playwright-core against a real `prongsai demo`
 * server on a fresh SQLite file. Nothing is downloaded; only 127.0.0.1 is used.
 */

export const CHROMIUM = '/usr/bin/chromium';
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS });
}

/** A desktop browser context in Thai. */
export const DESKTOP = { viewport: { width: 1280, height: 900 }, locale: 'th-TH' };

/** A phone-sized page in Thai. */
export async function phonePage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    locale: 'th-TH',
    bypassCSP: true,
    isMobile: true,
    hasTouch: true,
  });
  return context.newPage();
}

export interface DemoServer {
  base: string;
  databaseUrl: string;
  stop: () => Promise<void>;
}

/** Starts `prongsai demo` (seeded, serving) on a fresh SQLite file and waits until it answers. */
export async function startDemoServer(): Promise<DemoServer> {
  const dir = mkdtempSync(join(tmpdir(), 'prongsai-e2e-'));
  const databaseUrl = `file:${join(dir, 'demo.db')}`;
  const port = await freePort();
  let output = '';
  const child: ChildProcess = spawn(
    process.execPath,
    ['bin/prongsai.mjs', 'demo', '--port', String(port)],
    {
      env: { ...process.env, DEMO_DATABASE_URL: databaseUrl, HOST: '127.0.0.1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  const base = `http://127.0.0.1:${port}`;
  // seeding takes a while on a busy machine: wait up to 100 s (the hook allows 120 s)
  const until = Date.now() + 100_000;
  for (let up = false; !up;) {
    if (child.exitCode !== null) throw new Error(`demo server exited: ${output}`);
    if (Date.now() > until) throw new Error(`demo server did not answer in time: ${output}`);
    try {
      up = (await fetch(`${base}/healthz`)).ok;
    } catch {
      // not yet listening
    }
    if (!up) await new Promise((r) => setTimeout(r, 100));
  }
  return {
    base,
    databaseUrl,
    stop: async () => {
      child.kill('SIGTERM');
      if (child.exitCode === null) await new Promise((r) => child.once('exit', r));
    },
  };
}

/** The demo server and Chromium of one suite of journeys. */
export interface DemoJourney {
  server: DemoServer;
  browser: Browser;
}

/** Starts the demo server and Chromium before the suite and stops both after it. */
export function demoJourney(): DemoJourney {
  const demo = {} as DemoJourney;
  beforeAll(async () => {
    [demo.server, demo.browser] = await Promise.all([startDemoServer(), launchBrowser()]);
  }, 120_000);
  afterAll(async () => {
    await demo.browser?.close();
    await demo.server?.stop();
  });
  return demo;
}

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

/** Runs axe-core on the page and fails with the list of violations, if any. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const w = window as unknown as {
      axe: { run: () => Promise<{ violations: { id: string; nodes: unknown[] }[] }> };
    };
    const result = await w.axe.run();
    return result.violations.map((v) => `${v.id} (${v.nodes.length})`);
  });
  expect(violations).toEqual([]);
}

/** Signs in through the login page. */
export async function signIn(
  page: Page,
  base: string,
  email: string,
  password: string,
): Promise<void> {
  await page.goto(`${base}/login`);
  await page.fill('#email', email);
  await page.fill('#password', password);
  await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
}

/** Answers every radio group on the current survey step (the given option where it exists). */
export async function answerStep(page: Page, preferred = '4'): Promise<void> {
  const names = await page.$$eval('input[type=radio]', (inputs) => [
    ...new Set(inputs.map((i) => (i as HTMLInputElement).name)),
  ]);
  for (const name of names) {
    const wanted = page.locator(`input[name="${name}"][value="${preferred}"]`);
    if ((await wanted.count()) > 0) await wanted.check();
    else await page.locator(`input[name="${name}"]`).first().check();
  }
}

/** A signed-in page of the given person, on a phone unless a browser context is given. */
export async function signedInPage(
  browser: Browser,
  server: DemoServer,
  email: string,
  context?: Parameters<Browser['newContext']>[0],
): Promise<Page> {
  const page = context
    ? await (await browser.newContext(context)).newPage()
    : await phonePage(browser);
  await signIn(page, server.base, email, DEMO_PASSWORD);
  return page;
}

/**
 * Clicks the first match of `selector` inside `within` (the page's `main` unless given; ''
 * for the whole page) and waits for the page the form's redirect leads to.
 */
export async function submitVia(page: Page, selector: string, within = 'main'): Promise<void> {
  const target = page.locator(within ? `${within} ${selector}` : selector).first();
  if ((await target.count()) === 0)
    throw new Error(`no ${selector} on ${page.url()}:\n${await page.locator('main').innerText()}`);
  await Promise.all([page.waitForNavigation(), target.click()]);
}

/** Reads (or, with `write`, changes) the demo's SQLite file while the server runs. */
export function withDemoDb<T>(
  server: DemoServer,
  work: (db: SQLite.Database) => T,
  write = false,
): T {
  const db = new SQLite(server.databaseUrl.slice('file:'.length), { readonly: !write });
  try {
    return work(db);
  } finally {
    db.close();
  }
}

/** Reads rows from the demo database (read-only). */
export function demoRows<T>(server: DemoServer, sql: string, ...params: unknown[]): T[] {
  return withDemoDb(server, (db) => db.prepare(sql).all(...params) as T[]);
}

/** Reads one row from the demo database (read-only). */
export function demoRow<T>(server: DemoServer, sql: string, ...params: unknown[]): T {
  return withDemoDb(server, (db) => db.prepare(sql).get(...params) as T);
}

/** The id of the demo unit D01. */
export function d01Of(server: DemoServer): string {
  return demoRow<{ id: string }>(server, `select id from agency where code = 'D01'`).id;
}

/** The id of D01's round of the edition of the given (Buddhist) year. */
export function d01RoundOf(server: DemoServer, year: number): string {
  return demoRow<{ id: string }>(
    server,
    `select r.id from assessment_round r join agency a on a.id = r.agency_id
     join edition e on e.id = r.edition_id where a.code = 'D01' and e.year = ?`,
    year,
  ).id;
}

/** D01's round that is collecting in the demo (the current year, whichever it is). */
export function d01CollectingRoundOf(server: DemoServer): string {
  return demoRow<{ id: string }>(
    server,
    `select r.id from assessment_round r join agency a on a.id = r.agency_id
     where a.code = 'D01' and r.state = 'collecting'`,
  ).id;
}

/**
 * The demo's years as seeded (it takes them from the clock): the year collecting and the year
 * published before it (on 2026-12-06, 2570 and 2569).
 */
export function demoYears(server: DemoServer): { current: number; last: number } {
  const { year } = demoRow<{ year: number }>(
    server,
    `select max(e.year) as year from assessment_round r join edition e on e.id = r.edition_id`,
  );
  return { current: year, last: year - 1 };
}

/** The public survey link code of D01's round of this year for the instrument. */
export function d01LinkCode(server: DemoServer, instrument: 'IIT' | 'EIT'): string {
  return demoRow<{ code: string }>(
    server,
    `select l.code from survey_link l join assessment_round r on r.id = l.round_id
     join agency a on a.id = r.agency_id join edition e on e.id = r.edition_id
     where a.code = 'D01' and e.year = ? and l.instrument = ?`,
    demoYears(server).current,
    instrument,
  ).code;
}

/** A small site on 127.0.0.1 serving the given HTML pages by path (others 404), for OIT links. */
export function startEvidenceSite(
  pages: Record<string, string>,
): Promise<{ base: string; server: Server }> {
  const server = createServer((request, response) => {
    const body = pages[request.url ?? ''];
    if (!body) response.writeHead(404).end();
    else response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      resolve({ base: `http://127.0.0.1:${port}`, server });
    });
  });
}

/**
 * Sets environment variables for the demo server of a suite (startDemoServer passes this
 * process's environment on) and returns the function that puts the old values back.
 */
export function setEnv(env: Record<string, string>): () => void {
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  return () => {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  };
}
