// @ts-check
// Shared by bench/survey-submit.mjs, bench/public-pages.mjs and test/survey-kill.test.ts: prepares a seeded SQLite file
// with survey links, starts `prongsai serve` on it, learns the last-step form of a survey once
// and posts complete forms, each with its own nonce. Types: survey-client.d.mts.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import { createServer } from 'node:net';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';

export const THANKS = 'ขอบคุณที่ตอบแบบวัด';
export const root = new URL('..', import.meta.url).pathname;
/** Both rate limits raised: all the load comes from 127.0.0.1. */
export const UNLIMITED = {
  RATE_LIMIT_PER_MINUTE: '100000000',
  SURVEY_STEPS_PER_MINUTE: '100000000',
};

/**
 * The load options of a bench's command line (`--concurrency 32 --duration 10 --warmup 2
 * --runs 3`): the raw values, and the load in connections and milliseconds.
 */
export function loadOptions() {
  const { values } = parseArgs({
    options: {
      concurrency: { type: 'string', default: '32' },
      duration: { type: 'string', default: '10' },
      warmup: { type: 'string', default: '2' },
      runs: { type: 'string', default: '3' },
    },
  });
  return {
    values,
    load: {
      concurrency: Number(values.concurrency),
      warmupMs: Number(values.warmup) * 1000,
      durationMs: Number(values.duration) * 1000,
    },
  };
}

/** CPU time (user + system) a process used so far, in ms; NaN where /proc is missing. */
export function cpuMs(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime, stime in ticks
  } catch {
    return NaN;
  }
}

/** Runs a node process in the repository; resolves with its stdout, rejects on a non-zero exit. */
export function runNode(args, env = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve(out) : reject(new Error(`${args.join(' ')} exited ${code}\n${err}`)),
    );
  });
}

/** Removes a SQLite file with its WAL and shared-memory files. */
export function removeDatabase(file) {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(file + suffix, { force: true });
}

/** A fresh SQLite file with the demo seeded and the IIT and EIT links of D01's collecting round. */
export async function prepareSurveyDatabase(file) {
  mkdirSync(dirname(file), { recursive: true });
  removeDatabase(file);
  await runNode(['bin/prongsai.mjs', 'demo', '--seed-only'], {
    DEMO_DATABASE_URL: `file:${file}`,
  });
  const out = await runNode(['--import', 'tsx', 'bench/survey-setup.ts', `file:${file}`]);
  return JSON.parse(out);
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Starts a node server script and waits for GET /healthz. */
export async function startProcess(args, port, env = {}) {
  let output = '';
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const base = `http://127.0.0.1:${port}`;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const stop = async (signal = 'SIGTERM') => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`server exited ${child.exitCode}: ${output}`);
    try {
      if ((await fetch(`${base}/healthz`)).ok)
        return { child, base, port, stop, output: () => output };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  await stop('SIGKILL');
  throw new Error(`server at ${base} did not start: ${output}`);
}

/** `prongsai serve` on a SQLite file, quiet, with the rate limits raised. */
export function startProngsai(file, port, env = {}) {
  return startProcess(
    ['bin/prongsai.mjs', 'serve', '--port', String(port), '--host', '127.0.0.1'],
    port,
    {
      DATABASE_URL: `file:${file}`,
      LOG_LEVEL: 'warn',
      ...UNLIMITED,
      ...env,
    },
  );
}

function hiddenOf(body) {
  const fields = {};
  for (const match of body.matchAll(/type="hidden" name="([^"]+)" value="([^"]*)"/g))
    fields[match[1]] = match[2];
  return fields;
}

/** Answers every radio group of a page with its last option ('4' on the IIT scales). */
function answersOf(body) {
  const groups = new Map();
  for (const match of body.matchAll(/type="radio" id="[^"]+" name="([^"]+)" value="([^"]+)"/g))
    groups.set(match[1], match[2]);
  return Object.fromEntries(groups);
}

async function postPage(url, form, cookie) {
  const response = await fetch(url, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
    body: new URLSearchParams(form).toString(),
  });
  return { status: response.status, body: await response.text() };
}

/**
 * Walks a survey from its consent page to the last step, answering every step, without sending
 * the last one. Returns a function that makes the complete last-step body for a nonce, and the
 * cookie the consent page set (an open link takes answers only from a browser that keeps it).
 */
export async function learnLastStep(base, code) {
  const consent = await fetch(`${base}/s/${code}`);
  if (consent.status !== 200) throw new Error(`GET /s/${code}: ${consent.status}`);
  const cookie = consent.headers
    .getSetCookie()
    .map((line) => line.split(';')[0])
    .join('; ');
  let page = await postPage(`${base}/s/${code}/start`, hiddenOf(await consent.text()), cookie);
  for (let i = 0; i < 20 && page.status === 200 && page.body.includes('name="step"'); i++) {
    const form = { ...hiddenOf(page.body), ...answersOf(page.body), go: 'next' };
    if (page.body.includes('ส่งคำตอบ')) {
      delete form.nonce;
      const rest = new URLSearchParams(form).toString();
      const items = Object.keys(form).filter((k) => k.startsWith('a_')).length;
      return { items, cookie, bodyFor: (nonce) => `nonce=${nonce}&${rest}` };
    }
    page = await postPage(`${base}/s/${code}/step`, form, cookie);
  }
  throw new Error(`could not walk /s/${code} to its last step (status ${page.status})`);
}

/** Distinct nonces of 24 url-safe characters: a random prefix and a counter. */
export function nonces() {
  const prefix = randomBytes(9).toString('base64url');
  let n = 0;
  return () => prefix + (n++).toString(36).padStart(12, '0');
}

/** Posts a form body with node:http (with a cookie header when given); resolves with the status and the body text. */
export function postBody(agent, port, path, body, cookie = '') {
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'content-length': Buffer.byteLength(body),
          ...(cookie ? { cookie } : {}),
        },
      },
      (response) => {
        const chunks = [];
        response.on('data', (c) => chunks.push(c));
        response.on('error', reject);
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString() }),
        );
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}
