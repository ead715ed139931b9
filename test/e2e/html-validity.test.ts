import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  crawl,
  hiddenFieldsOf,
  pageOf,
  patiently,
  shapeOf,
  type Page,
} from '../../src/app/crawl.test-support.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../src/app/demo.js';
import { createDemoApp, type TestApp, type TestClient } from '../../src/app/test-client.js';

/**
 * Issue 14 part 4: every page type is valid HTML. The demo is crawled as each role and as a
 * signed-out citizen (the bounded crawl of the broken-link test: each address shape once per
 * person), with the pages no link reaches added by hand (sign-in, a survey's consent and first
 * question pages, 404 pages); every HTML page is written to a folder and the Nu HTML Checker
 * (vnu-jar, on Java) reads them all in one run. Any error fails the test, listed with the page's
 * address, line and message; warnings are not errors.
 */

const VNU = join(process.cwd(), 'node_modules/vnu-jar/build/dist/vnu.jar');

let now = Date.parse('2026-11-26T03:00:00.000Z');
const clock = { now: () => new Date(now) };
const aMinute = () => {
  now += 61_000;
};

interface VnuMessage {
  type: 'error' | 'info' | 'non-document-error';
  subType?: string;
  url?: string;
  lastLine?: number;
  message: string;
  extract?: string;
}

/** Runs the checker once on the files; its JSON report (it exits 1 when it found errors). */
async function checkFiles(files: string[]): Promise<VnuMessage[]> {
  const run = promisify(execFile);
  const args = ['-jar', VNU, '--format', 'json', '--stdout', ...files];
  const output = await run('java', args, { maxBuffer: 64 * 1024 * 1024 }).then(
    (done) => done.stdout,
    (failed: { stdout?: string; code?: number }) => {
      if (failed.code === 1 && failed.stdout) return failed.stdout;
      throw failed as Error;
    },
  );
  return (JSON.parse(output) as { messages: VnuMessage[] }).messages;
}

/** Pages of one kind checked per person (the agencies' and items' pages are alike). */
const PER_KIND = 2;

/** The kind of a page: its shape, with agency codes, item codes and survey codes blanked. */
function kindOf(path: string): string {
  return shapeOf(path)
    .replace(/\/s\/[A-Z0-9]+/, '/s/:code')
    .replace(/\/[A-Z]\d{2}(?=\/|$)/g, '/:agency')
    .replace(/\/O\d+(?=\/|$)/g, '/:item');
}

describe('every page type is valid HTML (Nu HTML Checker)', () => {
  let t: TestApp;
  let dir: string;
  /** Address of each page written, by file name. */
  const pages = new Map<string, { who: string; path: string; status: number }>();
  let written = 0;

  const keep = async (who: string, path: string, page: Page) => {
    if (!page.type.includes('text/html')) return;
    const file = join(dir, `page-${String(++written).padStart(4, '0')}.html`);
    pages.set(file, { who, path, status: page.statusCode });
    await writeFile(file, page.body);
  };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'prongsai-html-'));
    t = await createDemoApp('sqlite', clock);
  }, 180_000);
  afterAll(async () => {
    await t.close();
    // KEEP_HTML=1 keeps the pages for a look with the checker by hand
    if (!process.env.KEEP_HTML) await rm(dir, { recursive: true, force: true });
  });

  it('the checker reports a form inside a span (it can fail)', async () => {
    const file = join(dir, 'broken.html');
    await writeFile(
      file,
      '<!DOCTYPE html><html lang="th"><head><title>x</title></head><body><span><form></form></span></body></html>',
    );
    const messages = await checkFiles([file]);
    expect(messages.filter((m) => m.type === 'error').map((m) => m.message)).toEqual([
      expect.stringContaining('Element “form” not allowed as child of element “span”'),
    ]);
  }, 60_000);

  it('the pages of every role, the public pages, sign-in, a survey and 404s have no error', async () => {
    const writes: Promise<void>[] = [];
    const shapes = new Set<string>();
    const kept = new Map<string, number>();
    /** Each shape is written once per person; the checker reads each person's view of it. */
    const collect = (who: string) => (path: string, page: Page) => {
      const shape = kindOf(path);
      shapes.add(shape);
      const key = `${who} ${shape}`;
      const times = kept.get(key) ?? 0;
      if (times >= PER_KIND) return;
      kept.set(key, times + 1);
      writes.push(keep(who, path, page));
    };
    for (const [index, account] of DEMO_ACCOUNTS.entries()) {
      const person: TestClient = t.client(`10.20.${index}.1`);
      await person.signIn(account.email, DEMO_PASSWORD);
      await crawl((path) => patiently(async () => pageOf(await person.get(path)), aMinute), ['/'], {
        onPage: collect(account.role),
      });
      // a page that does not exist, for someone signed in
      const missing = '/no-such-page';
      collect(account.role)(missing, pageOf(await person.get(missing)));
    }

    let n = 0;
    const citizen = (path: string) =>
      patiently(
        async () => pageOf(await t.client(`10.21.${Math.floor(n++ / 20)}.1`).get(path)),
        aMinute,
      );
    const starts = ['/public', '/public/D01/2568/results', '/public/open-data', '/login'];
    await crawl(citizen, starts, {
      onPage: collect('citizen'),
    });
    for (const missing of ['/no-such-page', '/public/NOPE', '/public/D01/1999/results'])
      collect('citizen')(missing, await citizen(missing));

    // a survey as a respondent: its consent page and its first page of questions (an open link
    // of this year's collecting round)
    const links = await t.ctx.db.kysely
      .selectFrom('survey_link')
      .select('code')
      .where('requires_code', '=', 0)
      .execute();
    let asked = false;
    for (const { code } of links) {
      const respondent = t.client(`10.23.${n++ % 200}.1`);
      const consent = await respondent.get(`/s/${code}`);
      const first = await respondent.post(`/s/${code}/start`, hiddenFieldsOf(consent.body), false);
      if (!first.body.includes('name="step"')) continue;
      collect('respondent')(`/s/${code}`, pageOf(consent));
      collect('respondent')(`/s/${code}/start`, pageOf(first));
      asked = true;
      break;
    }
    expect(asked).toBe(true);

    await Promise.all(writes);
    // the representative set: the shapes the issue names are among them
    for (const shape of [
      '/public',
      '/public/:agency',
      '/public/:agency/:n/results',
      '/public/oit/:agency/:n',
      '/public/:agency/search',
      '/public/open-data',
      '/login',
      '/rounds/:id',
      '/rounds/:id/calendar',
      '/rounds/:id/results',
      '/rounds/:id/reports/result.html',
      '/users',
      '/rounds/:id/surveys/IIT/import',
      '/rounds/:id/oit/:item',
      '/review/rounds/:id',
      '/s/:code/start',
    ])
      expect([...shapes]).toContain(shape);

    const messages = await checkFiles([...pages.keys()]);
    const errors = messages
      .filter((m) => m.type !== 'info')
      .map((m) => {
        const file = decodeURIComponent(new URL(m.url ?? 'file:///').pathname);
        const page = pages.get(file);
        const where = page ? `${page.path} (${page.who}, ${page.status})` : file;
        return `${where} line ${m.lastLine ?? '?'}: ${m.message}`;
      });
    expect(pages.size).toBeGreaterThan(50);
    expect(errors).toEqual([]);
  }, 600_000);
});
