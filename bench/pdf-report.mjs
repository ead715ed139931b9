// PDF report benchmark (issue 15, part 4): an agency's result report as PDF, signed in, with 1 and
// with 4 closed-loop clients (targets: p50 < 0.5 s with 4 at once), and the same report as HTML
// in the same run as the baseline (the PDF's cost over building the document), and the public PDF of
// that published round (printed once per snapshot, then kept). With `--batch N`,
// also the roll-up reports ZIP of a parent body with N units through the job queue: total time
// and time per report. Usage:
//   node bench/pdf-report.mjs [--duration 10] [--warmup 3] [--runs 1] [--batch 100] [--kind result]
import { readFileSync, readdirSync } from 'node:fs';
import http from 'node:http';
import { join } from 'node:path';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { unzipSync } from 'fflate';
import { cpuMs, freePort, removeDatabase, root, runNode, startProngsai } from './survey-client.mjs';

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '3' },
    runs: { type: 'string', default: '1' },
    batch: { type: 'string', default: '0' },
    kind: { type: 'string', default: 'result' },
  },
});
const durationMs = Number(values.duration) * 1000;
const warmupMs = Number(values.warmup) * 1000;
const batch = Number(values.batch);
const file = join(root, '.bench', 'pdf-report.db');
const PASSWORD = 'demo-ita-2569';

/** Signs in through the login form like a browser; resolves with the session cookie. */
async function signIn(base, email) {
  const form = await fetch(`${base}/login`);
  const cookie = form.headers
    .getSetCookie()
    .map((line) => line.split(';')[0])
    .join('; ');
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await form.text())?.[1] ?? '';
  const answer = await fetch(`${base}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
    body: new URLSearchParams({ _csrf: csrf, email, password: PASSWORD }).toString(),
  });
  const session = answer.headers
    .getSetCookie()
    .map((line) => line.split(';')[0])
    .join('; ');
  if (answer.status !== 302 || !session) throw new Error(`sign-in of ${email}: ${answer.status}`);
  return session;
}

/** GETs a path; resolves with the status, the content type and the body. */
function get(agent, port, path, cookie) {
  return new Promise((resolve, reject) => {
    const headers = { cookie, 'accept-language': 'th' };
    const request = http.get({ host: '127.0.0.1', port, path, agent, headers }, (response) => {
      const chunks = [];
      response.on('data', (c) => chunks.push(c));
      response.on('error', reject);
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          type: String(response.headers['content-type'] ?? ''),
          location: String(response.headers.location ?? ''),
          body: Buffer.concat(chunks),
        }),
      );
    });
    request.on('error', reject);
  });
}

/** Whether an answer is what was asked for: a 200 PDF (or a 200 HTML page). */
function checked(answer, pdf) {
  if (answer.status !== 200) return `status ${answer.status}`;
  if (
    pdf &&
    !(answer.type === 'application/pdf' && answer.body.subarray(0, 5).toString() === '%PDF-')
  )
    return `not a PDF (${answer.type})`;
  if (!pdf && !answer.type.startsWith('text/html')) return `not HTML (${answer.type})`;
  return '';
}

/**
 * Closed-loop load: `clients` keep-alive connections, each asking again as soon as its previous
 * answer arrived; latencies of the answers that end inside the measured window (after the
 * warm-up) count. Every answer, warm-up included, must be right.
 */
async function drive(server, path, cookie, clients, pdf, window = { warmupMs, durationMs }) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: clients });
  const from = performance.now() + window.warmupMs;
  const end = from + window.durationMs;
  const latencies = [];
  let wrong = '';
  let bytes = 0;
  let cpuFrom = NaN;
  let cpuTo = NaN;
  let chromiumFrom = NaN;
  let chromiumTo = NaN;
  const pid = server.child.pid;
  const marks = [
    setTimeout(() => {
      cpuFrom = cpuMs(pid);
      chromiumFrom = chromiumCpuMs(pid);
    }, window.warmupMs),
    setTimeout(() => {
      cpuTo = cpuMs(pid);
      chromiumTo = chromiumCpuMs(pid);
    }, window.warmupMs + window.durationMs),
  ];
  const worker = async () => {
    while (performance.now() < end && !wrong) {
      const started = performance.now();
      const answer = await get(agent, server.port, path, cookie);
      const done = performance.now();
      wrong ||= checked(answer, pdf);
      if (done > from && done <= end) {
        latencies.push(done - started);
        bytes = answer.body.length;
      }
    }
  };
  await Promise.all(Array.from({ length: clients }, worker));
  marks.forEach(clearTimeout);
  if (Number.isNaN(cpuTo)) cpuTo = cpuMs(pid);
  if (Number.isNaN(chromiumTo)) chromiumTo = chromiumCpuMs(pid);
  agent.destroy();
  if (wrong) throw new Error(`${path}: ${wrong}`);
  latencies.sort((a, b) => a - b);
  const at = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
  return {
    count: latencies.length,
    perSecond: latencies.length / (window.durationMs / 1000),
    p50: at(0.5),
    p90: at(0.9),
    max: latencies.at(-1),
    cpuPerRequest: (cpuTo - cpuFrom) / latencies.length,
    chromiumPerRequest: (chromiumTo - chromiumFrom) / latencies.length,
    bytes,
  };
}

/** Chromium's processes' CPU time so far (the server's descendants, exited ones too), in ms. */
function chromiumCpuMs(serverPid) {
  let total = 0;
  const walk = (pid) => {
    let children = '';
    try {
      children = readChildren(pid);
    } catch {
      return;
    }
    for (const child of children.split(' ').filter(Boolean)) {
      const cpu = cpuWithReaped(child);
      if (!Number.isNaN(cpu)) total += cpu;
      walk(child);
    }
  };
  walk(serverPid);
  return total;
}

/** CPU time of a process and of its children it has waited for (exited renderers), in ms. */
function cpuWithReaped(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ([11, 12, 13, 14].reduce((s, i) => s + Number(fields[i]), 0) * 1000) / 100;
  } catch {
    return NaN;
  }
}

function readChildren(pid) {
  return readdirSync(`/proc/${pid}/task`)
    .map((task) => {
      try {
        return readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8');
      } catch {
        return '';
      }
    })
    .join(' ');
}

/** Queues the roll-up reports of the bench parent and waits for the ZIP; the timings. */
async function runBatch(server, cookie, parentId, year) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const started = performance.now();
  const chromiumFrom = chromiumCpuMs(server.child.pid);
  const serverFrom = cpuMs(server.child.pid);
  // the roll-up page's form (its token) posts the request, as a browser does
  const rollupPage = await fetch(`${server.base}/agencies/${parentId}/rollup?year=${year}`, {
    headers: { cookie },
  });
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await rollupPage.text())?.[1] ?? '';
  const posted = await fetch(`${server.base}/agencies/${parentId}/rollup-reports.zip`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
    body: new URLSearchParams({ _csrf: csrf, year: String(year) }).toString(),
  });
  const queued = { status: posted.status, location: posted.headers.get('location') };
  if (queued.status !== 303) throw new Error(`rollup-reports.zip: ${queued.status}`);
  const progress = queued.location;
  let page = '';
  let last = '';
  for (;;) {
    page = (await get(agent, server.port, progress, cookie)).body.toString();
    if (page.includes('data-download')) break;
    if (/class="error"/.test(page)) throw new Error(`${progress}: the job failed`);
    const shown = /data-progress>([^<]*)</.exec(page)?.[1]?.trim() ?? '';
    if (shown !== last) process.stderr.write(`  ${progress}: ${(last = shown)}\n`);
    await new Promise((r) => setTimeout(r, 250));
  }
  const seconds = (performance.now() - started) / 1000;
  const serverCpu = cpuMs(server.child.pid) - serverFrom;
  const chromiumCpu = chromiumCpuMs(server.child.pid) - chromiumFrom;
  const zip = await get(agent, server.port, `${progress}/download`, cookie);
  agent.destroy();
  if (zip.status !== 200) throw new Error(`${progress}/download: ${zip.status}`);
  const entries = Object.entries(unzipSync(new Uint8Array(zip.body)));
  const pdfs = entries.filter(([, b]) => Buffer.from(b.subarray(0, 5)).toString() === '%PDF-');
  return {
    seconds,
    serverCpu,
    chromiumCpu,
    entries: entries.length,
    pdfs: pdfs.length,
    bytes: zip.body.length,
  };
}

process.stderr.write('preparing the demo database …\n');
removeDatabase(file);
await runNode(['bin/prongsai.mjs', 'demo', '--seed-only'], { DEMO_DATABASE_URL: `file:${file}` });
const setup = JSON.parse(
  await runNode(['--import', 'tsx', 'bench/pdf-setup.ts', `file:${file}`, String(batch)]),
);
const port = await freePort();
const server = await startProngsai(file, port, {
  PUBLIC_PAGES_PER_MINUTE: '100000000',
  PUBLIC_FILES_PER_MINUTE: '100000000',
});
const load = loadavg()
  .map((l) => l.toFixed(2))
  .join(' ');
const lines = [];
try {
  const cookie = await signIn(server.base, 'ministry@example.org');
  const pdfPath = `/rounds/${setup.roundId}/reports/${values.kind}.pdf`;
  const htmlPath = `/rounds/${setup.roundId}/reports/${values.kind}.html`;
  const publicPath = `/public/${setup.agencyCode}/${setup.year}/${values.kind}.pdf`;
  process.stderr.write(`warm-up: ${pdfPath}, ${htmlPath} …\n`);
  await drive(server, htmlPath, cookie, 1, false, { warmupMs: 0, durationMs: warmupMs });
  await drive(server, pdfPath, cookie, 4, true, { warmupMs: 0, durationMs: warmupMs });
  const row = (name, r) =>
    `${name.padEnd(26)} ${r.perSecond.toFixed(2).padStart(7)}/s  p50 ${r.p50.toFixed(0).padStart(5)} ms  p90 ${r.p90.toFixed(0).padStart(5)} ms  max ${r.max.toFixed(0).padStart(5)} ms  CPU: server ${r.cpuPerRequest.toFixed(1).padStart(5)} + Chromium ${r.chromiumPerRequest.toFixed(1).padStart(5)} ms/req  ${String(r.bytes).padStart(7)} B  (${r.count} answers)`;
  for (let run = 0; run < Number(values.runs); run += 1) {
    const html = await drive(server, htmlPath, cookie, 1, false);
    const one = await drive(server, pdfPath, cookie, 1, true);
    const four = await drive(server, pdfPath, cookie, 4, true);
    // the same kind of report of a published round, public: printed once per snapshot, then kept
    const cached = await drive(server, publicPath, '', 4, true);
    lines.push(
      `run ${run + 1}: ${values.kind} report of ${setup.agencyCode} ${setup.year}, signed in (ministry@example.org)`,
      row('HTML, 1 client (baseline)', html),
      row('PDF, 1 client', one),
      row('PDF, 4 clients', four),
      row('public PDF (kept), 4 cl.', cached),
      `PDF p50 / HTML p50: ${(one.p50 / html.p50).toFixed(1)} (1 client), ${(four.p50 / html.p50).toFixed(1)} (4 clients); p50 with 4 clients ${four.p50.toFixed(0)} ms (target < 500 ms: ${four.p50 < 500 ? 'met' : 'NOT met'})`,
    );
  }
  if (batch > 0) {
    process.stderr.write(`batch: roll-up reports of ${batch} units …\n`);
    const b = await runBatch(server, cookie, setup.parentId, setup.year);
    lines.push(
      `batch: ${b.pdfs} PDFs of ${batch} units in one ZIP (${b.entries} entries, ${(b.bytes / 1e6).toFixed(1)} MB) in ${b.seconds.toFixed(1)} s: ${((b.seconds * 1000) / b.pdfs).toFixed(0)} ms per report; CPU: server ${(b.serverCpu / b.pdfs).toFixed(0)} ms + Chromium ${(b.chromiumCpu / b.pdfs).toFixed(0)} ms per report`,
    );
    if (b.pdfs !== batch) throw new Error(`the ZIP holds ${b.pdfs} PDFs, not ${batch}`);
  }
} finally {
  await server.stop('SIGKILL');
}
console.log(
  [
    `load average before: ${load}; ${values.warmup} s warm-up, ${values.duration} s measured per load`,
    ...lines,
  ].join('\n'),
);
