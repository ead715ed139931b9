import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from '../src/platform/db/sqlite-driver.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  THANKS,
  freePort,
  learnLastStep,
  nonces,
  postBody,
  prepareSurveyDatabase,
  startProngsai,
  type StartedServer,
} from '../bench/survey-client.mjs';

/**
 * Reliability of the survey submit (surveys issue, item 6): complete IIT forms are posted 8 at
 * a time to a `prongsai serve` process on SQLite, which is killed with SIGKILL while requests
 * are in flight. After a restart on the same file, every form that got a thank-you page is
 * stored, and no form is stored twice.
 */

const PARALLEL = 8;
/** Bounds of the load: at most this many forms, and the kill comes after at most this long. */
const MAX_FORMS = 20_000;
const MAX_LOAD_MS = 20_000;

interface Counts {
  responses: number;
  submissions: number;
}

describe('survey submit under load, server killed with SIGKILL', () => {
  let dir = '';
  let file = '';
  let code = '';
  let linkId = '';
  const servers: StartedServer[] = [];

  const counts = (): Counts => {
    const db = new SQLite(file, { readonly: true });
    try {
      const n = (table: string) =>
        (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
      return { responses: n('survey_response'), submissions: n('survey_submission') };
    } finally {
      db.close();
    }
  };

  /** The stored hashes of the given nonces (as submitSurvey claims them). */
  const claimed = (sent: string[]): Set<string> => {
    const db = new SQLite(file, { readonly: true });
    try {
      const stored = new Set(
        (
          db.prepare('SELECT nonce_hash FROM survey_submission').all() as { nonce_hash: string }[]
        ).map((r) => r.nonce_hash),
      );
      return new Set(
        sent.filter((nonce) =>
          stored.has(createHash('sha256').update(`${linkId}:${nonce}`).digest('hex')),
        ),
      );
    } finally {
      db.close();
    }
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'prongsai-kill-'));
    file = join(dir, 'survey.db');
    code = (await prepareSurveyDatabase(file)).iit;
    const db = new SQLite(file, { readonly: true });
    linkId = (db.prepare('SELECT id FROM survey_link WHERE code = ?').get(code) as { id: string })
      .id;
    db.close();
  }, 120_000);

  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop('SIGKILL')));
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** Posts the bodies of the given nonces, PARALLEL at a time; returns the answers' statuses. */
  async function resend(
    port: number,
    list: string[],
    bodyFor: (nonce: string) => string,
    cookie: string,
  ) {
    const agent = new Agent({ keepAlive: true, maxSockets: PARALLEL });
    let next = 0;
    let thanked = 0;
    const worker = async () => {
      while (next < list.length) {
        const nonce = list[next++]!;
        const answer = await postBody(agent, port, `/s/${code}/step`, bodyFor(nonce), cookie);
        if (answer.status === 200 && answer.body.includes(THANKS)) thanked += 1;
      }
    };
    await Promise.all(Array.from({ length: PARALLEL }, worker));
    agent.destroy();
    return thanked;
  }

  it('stores every response that got a thank-you page, and none twice', async () => {
    const first = await startProngsai(file, await freePort());
    servers.push(first);
    // the consent cookie is sent with every form (the server's later "answered" cookie is not
    // kept: one client posting many forms, as a load does)
    const { bodyFor, cookie } = await learnLastStep(first.base, code);
    const before = counts();

    const nextNonce = nonces();
    const sent: string[] = [];
    const succeeded: string[] = [];
    const refused: string[] = [];
    let failed = 0;
    let inFlight = 0;
    let killed = false;
    const agent = new Agent({ keepAlive: true, maxSockets: PARALLEL });
    const worker = async () => {
      while (!killed && sent.length < MAX_FORMS) {
        const nonce = nextNonce();
        sent.push(nonce);
        inFlight += 1;
        try {
          const answer = await postBody(
            agent,
            first.port,
            `/s/${code}/step`,
            bodyFor(nonce),
            cookie,
          );
          if (answer.status === 200 && answer.body.includes(THANKS)) succeeded.push(nonce);
          else refused.push(`${answer.status} ${answer.body.slice(0, 200)}`);
        } catch {
          failed += 1; // the connection died with the server
        } finally {
          inFlight -= 1;
        }
      }
    };
    const started = Date.now();
    const load = Promise.all(Array.from({ length: PARALLEL }, worker));
    // About 1 s of load (and some answers stored), bounded in time; then kill mid-flight.
    while (
      Date.now() - started < MAX_LOAD_MS &&
      sent.length < MAX_FORMS &&
      (Date.now() - started < 1000 || succeeded.length < 50)
    )
      await new Promise((r) => setTimeout(r, 20));
    const inFlightAtKill = inFlight;
    first.child.kill('SIGKILL');
    killed = true;
    await load;
    await first.stop();
    agent.destroy();

    const second = await startProngsai(file, await freePort());
    servers.push(second);
    const after = counts();
    const stored = after.responses - before.responses;
    console.log(
      `survey kill test: ${sent.length} forms sent, ${succeeded.length} thank-you pages, ` +
        `${inFlightAtKill} in flight at SIGKILL, ${failed} connections cut, ${stored} responses stored`,
    );
    expect(refused).toEqual([]);
    expect(succeeded.length).toBeGreaterThan(0);
    // Every thanked form is stored, each with its claimed nonce; nothing beyond what was sent.
    expect(stored).toBeGreaterThanOrEqual(succeeded.length);
    expect(stored).toBeLessThanOrEqual(sent.length);
    expect(after.submissions - before.submissions).toBe(stored);
    const claimedNonces = claimed(sent);
    expect(succeeded.filter((n) => !claimedNonces.has(n))).toEqual([]);
    expect(claimedNonces.size).toBe(stored);

    // Sending the thanked forms again stores nothing new (and still thanks).
    expect(await resend(second.port, succeeded, bodyFor, cookie)).toBe(succeeded.length);
    expect(counts().responses - before.responses).toBe(stored);

    // Sending every form again stores exactly the ones the kill lost: each form once in all.
    expect(await resend(second.port, sent, bodyFor, cookie)).toBe(sent.length);
    const final = counts();
    console.log(
      `survey kill test: after resending all ${sent.length} forms, ${final.responses - before.responses} stored`,
    );
    expect(final.responses - before.responses).toBe(sent.length);
    expect(final.submissions - before.submissions).toBe(sent.length);
  }, 180_000);
});
