// Public pages benchmark (issue 15, part 2): requests/s of the public results page of a published
// round, the public OIT page and a survey page, each as a ratio to the stylesheet served by the
// same `prongsai serve` process in the same run. Usage:
//   node bench/public-pages.mjs [--concurrency 32] [--duration 10] [--warmup 2] [--runs 3]
import http from 'node:http';
import { join } from 'node:path';
import { loadavg } from 'node:os';
import {
  UNLIMITED,
  cpuMs,
  freePort,
  loadOptions,
  prepareSurveyDatabase,
  root,
  startProngsai,
} from './survey-client.mjs';

const { values, load } = loadOptions();
const file = join(root, '.bench', 'public-pages.db');
/** What a browser sends: every answer may come compressed. */
const BROWSER = { 'accept-encoding': 'gzip, deflate, br', 'accept-language': 'th' };

/** GETs a path with node:http; resolves with the status, the headers and the body's length. */
function get(agent, port, path, headers = BROWSER) {
  return new Promise((resolve, reject) => {
    const request = http.get({ host: '127.0.0.1', port, path, agent, headers }, (response) => {
      let bytes = 0;
      response.on('data', (c) => (bytes += c.length));
      response.on('error', reject);
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, headers: response.headers, bytes }),
      );
    });
    request.on('error', reject);
  });
}

/** The text of a page (no compression asked), for finding the addresses to measure. */
async function text(base, path) {
  const response = await fetch(`${base}${path}`, { headers: { 'accept-encoding': 'identity' } });
  if (response.status !== 200) throw new Error(`GET ${path}: ${response.status}`);
  return response.text();
}

/**
 * Closed-loop load: `concurrency` keep-alive connections, each asking for the page again as soon
 * as the previous answer arrived. Throughput and latency count the answers inside the measured
 * window (after the warm-up); every answer, warm-up included, must be a 200.
 */
async function drive(pid, port, path, { warmupMs, durationMs } = load) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: load.concurrency });
  const from = performance.now() + warmupMs;
  const end = from + durationMs;
  const latencies = [];
  let failed = 0;
  let firstFailure = '';
  let bytes = 0;
  let encoding = '';
  let cpuFrom = NaN;
  let cpuTo = NaN;
  const marks = [
    setTimeout(() => (cpuFrom = cpuMs(pid)), warmupMs),
    setTimeout(() => (cpuTo = cpuMs(pid)), warmupMs + durationMs),
  ];
  const worker = async () => {
    while (performance.now() < end) {
      const started = performance.now();
      try {
        const answer = await get(agent, port, path);
        const done = performance.now();
        if (answer.status !== 200) {
          failed += 1;
          firstFailure ||= `${answer.status}`;
        } else if (done > from && done <= end) {
          latencies.push(done - started);
          bytes = answer.bytes;
          encoding = String(answer.headers['content-encoding'] ?? 'identity');
        }
      } catch (error) {
        failed += 1;
        firstFailure ||= String(error);
      }
    }
  };
  await Promise.all(Array.from({ length: load.concurrency }, worker));
  marks.forEach(clearTimeout);
  // the last answers may arrive just before the closing mark fires
  if (Number.isNaN(cpuTo)) cpuTo = cpuMs(pid);
  agent.destroy();
  if (failed > 0) throw new Error(`${path}: ${failed} answers were not 200: ${firstFailure}`);
  latencies.sort((a, b) => a - b);
  const at = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
  return {
    perSecond: latencies.length / (durationMs / 1000),
    p50: at(0.5),
    p99: at(0.99),
    cpuPerRequest: (cpuTo - cpuFrom) / latencies.length,
    bytes,
    encoding,
  };
}

process.stderr.write('preparing the demo database …\n');
const { iit } = await prepareSurveyDatabase(file);
const port = await freePort();
const server = await startProngsai(file, port, {
  ...UNLIMITED,
  PUBLIC_PAGES_PER_MINUTE: '100000000',
  PUBLIC_FILES_PER_MINUTE: '100000000',
});
const runs = [];
try {
  // the addresses a visitor follows: the agency's public home links its published results; the
  // OIT page measured is the one of that same published year
  const home = await text(server.base, '/public/D01');
  const results = /href="(\/public\/D01\/(\d{4})\/results)"/.exec(home);
  if (!results) throw new Error('the demo agency D01 has no published results');
  const oit = `/public/oit/D01/${results[2]}`;
  const stylesheet = /<link rel="stylesheet" href="([^"]+)"/.exec(
    await text(server.base, results[1]),
  )?.[1];
  if (!stylesheet) throw new Error(`${results[1]} links no stylesheet`);
  const targets = [
    ['stylesheet (baseline)', stylesheet],
    ['public results page', results[1]],
    ['public OIT page (same year)', oit],
    ['survey page', `/s/${iit}`],
  ];
  // the process warms up on every page before anything is measured (its code is compiled then)
  for (const [, path] of targets) {
    process.stderr.write(`warm-up: GET ${path} …\n`);
    await drive(server.child.pid, port, path, { warmupMs: 0, durationMs: load.warmupMs });
  }
  for (let run = 0; run < Number(values.runs); run += 1) {
    const measured = [];
    for (const [name, path] of targets) {
      process.stderr.write(`run ${run + 1}: GET ${path} …\n`);
      measured.push({ name, path, ...(await drive(server.child.pid, port, path)) });
    }
    runs.push(measured);
  }
} finally {
  await server.stop('SIGKILL');
}

// each page's ratio is taken against the stylesheet of its own run; the median run by the
// results page's ratio is printed (the machine may be shared and noisy)
const ratioOf = (measured, i) => measured[i].perSecond / measured[0].perSecond;
const median = runs.toSorted((a, b) => ratioOf(a, 1) - ratioOf(b, 1))[
  Math.floor((runs.length - 1) / 2)
];
const row = (r, i) =>
  `${r.name.padEnd(28)} ${r.path.padEnd(28)} ${r.perSecond.toFixed(0).padStart(6)}/s  p50 ${r.p50.toFixed(1).padStart(6)} ms  p99 ${r.p99.toFixed(1).padStart(6)} ms  CPU ${r.cpuPerRequest.toFixed(2)} ms/req  ${String(r.bytes).padStart(6)} B ${r.encoding.padEnd(8)}${i === 0 ? '' : `  ratio ${ratioOf(median, i).toFixed(2)}`}`;
const resultsRatio = ratioOf(median, 1);
console.log(
  [
    `load: ${load.concurrency} keep-alive connections, ${values.warmup} s warm-up + ${values.duration} s measured per page, run ${runs.indexOf(median) + 1} of ${runs.length} (median results ratio); accept-encoding: ${BROWSER['accept-encoding']}; load average before: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
    ...median.map(row),
    `runs (results, OIT, survey ratios): ${runs.map((r) => [1, 2, 3].map((i) => ratioOf(r, i).toFixed(2)).join(' ')).join(' / ')}`,
    `ratio results page / stylesheet: ${resultsRatio.toFixed(2)} (target ≥ 0.5: ${resultsRatio >= 0.5 ? 'met' : 'NOT met'})`,
  ].join('\n'),
);
