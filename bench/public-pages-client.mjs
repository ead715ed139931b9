// @ts-check
// Shared by bench/public-pages.mjs and bench/public-pages-nginx.mjs: the client that loads one
// public page with keep-alive connections, the four pages measured (found the way a visitor
// finds them), and the table printed.
import http from 'node:http';
import { loadavg } from 'node:os';
import { cpuMs } from './survey-client.mjs';

/** What a browser sends: every answer may come compressed. */
export const BROWSER = { 'accept-encoding': 'gzip, deflate, br', 'accept-language': 'th' };

/**
 * GETs a path with node:http; resolves with the status, the headers and the body's length.
 * @param {http.Agent} agent @param {number} port @param {string} path
 * @returns {Promise<{ status: number, headers: http.IncomingHttpHeaders, bytes: number }>}
 */
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

/**
 * The text of a page (no compression asked), for finding the addresses to measure.
 * @param {string} base @param {string} path
 */
export async function text(base, path) {
  const response = await fetch(`${base}${path}`, { headers: { 'accept-encoding': 'identity' } });
  if (response.status !== 200) throw new Error(`GET ${path}: ${response.status}`);
  return response.text();
}

/** CPU time (user + system) the processes used so far, in ms. @param {number[]} pids */
const cpuOf = (pids) => pids.reduce((sum, pid) => sum + cpuMs(pid), 0);

/**
 * @typedef {{ perSecond: number, p50: number, p99: number, cpuPerRequest: number,
 *   otherCpuPerRequest: number, bytes: number, encoding: string, cacheStatus: string }} Measured
 */

/**
 * Closed-loop load: `concurrency` keep-alive connections, each asking for the page again as soon
 * as the previous answer arrived. Throughput and latency count the answers inside the measured
 * window (after the warm-up); every answer, warm-up included, must be a 200. CPU per request is
 * that of `pids` (the app processes); `otherPids` (e.g. nginx's workers) are counted apart.
 * `spread`: each connection leaves from its own address (127.0.0.2, 127.0.0.3, …), as many
 * visitors would, instead of all from 127.0.0.1 (one visitor: one rate-limit counter for all).
 * @param {{ pids: number[], otherPids?: number[], port: number, path: string, spread?: boolean }} target
 * @param {{ concurrency: number, warmupMs: number, durationMs: number }} load
 * @returns {Promise<Measured>}
 */
export async function drive({ pids, otherPids = [], port, path, spread = false }, load) {
  const { warmupMs, durationMs } = load;
  const shared = new http.Agent({ keepAlive: true, maxSockets: load.concurrency });
  const agents = Array.from({ length: load.concurrency }, (_, i) =>
    spread
      ? new http.Agent({ keepAlive: true, maxSockets: 1, localAddress: `127.0.0.${2 + i}` })
      : shared,
  );
  const from = performance.now() + warmupMs;
  const end = from + durationMs;
  /** @type {number[]} */
  const latencies = [];
  let failed = 0;
  let firstFailure = '';
  let bytes = 0;
  let encoding = '';
  let cacheStatus = '';
  let cpuFrom = [NaN, NaN];
  let cpuTo = [NaN, NaN];
  const read = () => [cpuOf(pids), cpuOf(otherPids)];
  const marks = [
    setTimeout(() => (cpuFrom = read()), warmupMs),
    setTimeout(() => (cpuTo = read()), warmupMs + durationMs),
  ];
  /** @param {http.Agent} agent */
  const worker = async (agent) => {
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
          cacheStatus = String(answer.headers['x-cache-status'] ?? '');
        }
      } catch (error) {
        failed += 1;
        firstFailure ||= String(error);
      }
    }
  };
  await Promise.all(agents.map(worker));
  marks.forEach(clearTimeout);
  // the last answers may arrive just before the closing mark fires
  if (Number.isNaN(cpuTo[0])) cpuTo = read();
  for (const agent of new Set(agents)) agent.destroy();
  if (failed > 0) throw new Error(`${path}: ${failed} answers were not 200: ${firstFailure}`);
  latencies.sort((a, b) => a - b);
  /** @param {number} q */
  const at = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
  return {
    perSecond: latencies.length / (durationMs / 1000),
    p50: at(0.5),
    p99: at(0.99),
    cpuPerRequest: (cpuTo[0] - cpuFrom[0]) / latencies.length,
    otherCpuPerRequest: (cpuTo[1] - cpuFrom[1]) / latencies.length,
    bytes,
    encoding,
    cacheStatus,
  };
}

/**
 * The four pages measured, found the way a visitor finds them: the agency's public home links
 * its published results; the OIT page is the one of that same published year; the stylesheet is
 * the one the results page links; the survey page is the IIT link of the collecting round.
 * @param {string} base @param {string} iit
 * @returns {Promise<[string, string][]>}
 */
export async function findTargets(base, iit) {
  const home = await text(base, '/public/D01');
  const results = /href="(\/public\/D01\/(\d{4})\/results)"/.exec(home);
  if (!results) throw new Error('the demo agency D01 has no published results');
  const oit = `/public/oit/D01/${results[2]}`;
  const stylesheet = /<link rel="stylesheet" href="([^"]+)"/.exec(
    await text(base, results[1]),
  )?.[1];
  if (!stylesheet) throw new Error(`${results[1]} links no stylesheet`);
  return [
    ['stylesheet (baseline)', stylesheet],
    ['public results page', results[1]],
    ['public OIT page (same year)', oit],
    ['survey page', `/s/${iit}`],
  ];
}

/**
 * @typedef {Measured & { name: string, path: string }} Row
 * The ratio of a page to the stylesheet (row 0) of its own run. @param {Row[]} measured
 * @param {number} i
 */
export const ratioOf = (measured, i) => measured[i].perSecond / measured[0].perSecond;

/** The run whose results-page ratio is the median (the machine may be shared and noisy). @param {Row[][]} runs */
export const medianRun = (runs) =>
  runs.toSorted((a, b) => ratioOf(a, 1) - ratioOf(b, 1))[Math.floor((runs.length - 1) / 2)];

/** The load average now, as `uptime` prints it. */
export const loadNow = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

/**
 * The table of a median run: one line per page, each page's ratio to the stylesheet of its run.
 * `other`: the label of the CPU counted apart (e.g. `nginx`), or '' for none.
 * @param {Row[]} median @param {string} [other]
 */
export function formatRows(median, other = '') {
  return median.map(
    (r, i) =>
      `${r.name.padEnd(28)} ${r.path.padEnd(28)} ${r.perSecond.toFixed(0).padStart(6)}/s  p50 ${r.p50.toFixed(1).padStart(6)} ms  p99 ${r.p99.toFixed(1).padStart(6)} ms  CPU ${r.cpuPerRequest.toFixed(2)} ms/req${other ? ` (+${other} ${r.otherCpuPerRequest.toFixed(2)})` : ''}  ${String(r.bytes).padStart(6)} B ${r.encoding.padEnd(8)}${r.cacheStatus ? ` ${r.cacheStatus.padEnd(4)}` : ''}${i === 0 ? '' : `  ratio ${ratioOf(median, i).toFixed(2)}`}`,
  );
}

/** Each run's ratios (results, OIT, survey), runs apart. @param {Row[][]} runs */
export const runRatios = (runs) =>
  runs.map((r) => [1, 2, 3].map((i) => ratioOf(r, i).toFixed(2)).join(' ')).join(' / ');
